"""Fuzzing the importers with CSV, XLSX and JSON bytes: a clear ``ImportProblem`` or a report, never a
traceback, and a refused file leaves every table exactly as it was.

Derandomised, so CI sees the same few hundred examples every run (a few seconds); run with
``--hypothesis-seed=N`` after removing ``derandomize`` to explore further.
"""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from helpers import database_counts
from tergeu.registry.importing.pipeline import ImportOptions, import_file
from tergeu.registry.importing.table import ImportProblem

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NAMES = itertools.count()
# What breaks readers: separators, quotes, line ends, NUL, surrogates, markup, Cyrillic, digits.
TRICKY = st.sampled_from([",", ";", "\t", "|", '"', "\r", "\n", "\r\n", "\x00", "[/x]", "\ud800", "ё", "Ә", "1",
                          "05.01.2022", " ", "\ufeff", "{", "[", "\\u0000"])
CELL = st.lists(st.one_of(TRICKY, st.text(max_size=8)), max_size=6).map("".join)


def check(folder: Path, name: str, data: bytes) -> None:
    """Import ``data``; anything but a report or an ImportProblem fails the test, as does a partial write."""
    path = folder / f"{next(NAMES)}-{name}"
    path.write_bytes(data)
    before = database_counts()
    try:
        report = import_file(path, ImportOptions(list_name=path.name))
    except ImportProblem as problem:
        assert str(problem).startswith(f"{path.name}: ")
        assert database_counts() == before
        return
    if not report.ok or report.already_imported_as:
        assert database_counts() == before


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


@FUZZ
@given(header=st.lists(CELL, min_size=1, max_size=4), rows=st.lists(st.lists(CELL, max_size=5), max_size=5),
       separator=st.sampled_from(",;\t|"), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]),
       cut=st.integers(0, 8), noise=st.binary(max_size=8))
def test_csv_bytes(tmp_path: Path, header: list[str], rows: list[list[str]], separator: str, encoding: str,
                   cut: int, noise: bytes) -> None:
    text = "\r\n".join(separator.join(cells) for cells in [["ФИО", *header], *rows])
    data = encoded(text, encoding)
    check(tmp_path, "list.csv", (data[:-cut] if cut else data) + noise)


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | CELL,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(CELL, inner, max_size=3),
                          max_leaves=12)


@FUZZ
@given(items=st.lists(st.dictionaries(CELL, JSON_VALUE, max_size=4), max_size=4), wrap=st.booleans(),
       cut=st.integers(0, 6), ascii_only=st.booleans())
def test_json_bytes(tmp_path: Path, items: list[dict], wrap: bool, cut: int, ascii_only: bool) -> None:
    document = [{"ФИО": "Аманов Берик", **item} for item in items]
    text = json.dumps({"records": document} if wrap else document, ensure_ascii=ascii_only)
    data = text.encode("utf-8", errors="surrogatepass")
    check(tmp_path, "list.json", data[:-cut] if cut else data)


@FUZZ
@given(cells=st.lists(st.lists(st.one_of(CELL, st.integers(), st.floats(allow_nan=False)), max_size=4), max_size=4),
       flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3), cut=st.integers(0, 40))
def test_xlsx_bytes(tmp_path: Path, cells: list[list], flips: list[tuple[int, int]], cut: int) -> None:
    book = Workbook()
    book.active.append(["ФИО", "Место гибели"])
    try:
        for row in cells:
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
    except (IllegalCharacterError, UnicodeEncodeError, ValueError):
        return  # openpyxl will not write it, so no spreadsheet program made it
    data = bytearray(buffer.getvalue())
    for position, byte in flips:  # damage inside the zip, where the reader must notice it
        data[position % len(data)] = byte
    check(tmp_path, "list.xlsx", bytes(data[:-cut] if cut else data))
