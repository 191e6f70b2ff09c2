"""Open any supported list file as a ``Table``, choosing the reader by content and extension."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tergeu.registry.importing.csv_format import read_csv
from tergeu.registry.importing.json_format import read_json
from tergeu.registry.importing.table import ImportProblem, Row, Table
from tergeu.registry.importing.xlsx_format import read_xlsx

FORMATS = ("csv", "xlsx", "json")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def guess_format(path: Path, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("xlsx", "xlsm"):
        return "xlsx"
    if suffix == "json" or data.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"[", b"{"):
        return "json"
    if suffix == "xls":
        raise ImportProblem(path, "old .xls workbooks are not supported; save it as .xlsx or CSV")
    return "csv"


def open_table(path: Path, data: bytes, *, file_format: str | None = None, encoding: str | None = None,
               sheet: str | None = None) -> Table:
    chosen = file_format or guess_format(path, data)
    if chosen == "xlsx":
        table = read_xlsx(path, data, sheet)
    elif chosen == "json":
        table = read_json(path, data)
    elif chosen == "csv":
        table = read_csv(path, data, encoding)
    else:
        raise ImportProblem(path, f"unknown format {chosen!r}; use one of {', '.join(FORMATS)}")
    table.size = len(data)
    return _storable(table)


def _storable(table: Table) -> Table:
    """Refuse a NUL character or a lone surrogate in any header or cell, naming it, whatever the format.

    No list holds either: PostgreSQL cannot store a NUL in text or JSON, a lone surrogate (half of a
    UTF-16 pair) is not a character and cannot be written as UTF-8, and dropping or replacing one
    silently would change what the list says. The CSV reader refuses a NUL already (naming the line
    too) and its strict decoding lets no surrogate through; JSON (``"\\u0000"``, ``"\\ud800"``) can
    carry both. XML cannot, so an XLSX sheet has neither; checking it anyway costs little.
    """
    for index, header in enumerate(table.headers):
        if _UNSTORABLE.search(header):
            raise _unstorable(table, f"the header, column {index + 1} ({header!r})", header)
    if table.file_format != "csv":
        table.rows = _storable_rows(table, table.rows)
    return table


def _storable_rows(table: Table, rows: Iterator[Row]) -> Iterator[Row]:
    for row in rows:
        for index, cell in enumerate(row.cells):
            if cell is not None and _UNSTORABLE.search(cell):
                raise _unstorable(table, table.location(row, table.headers[index]), cell)
        yield row


def _unstorable(table: Table, where: str, text: str) -> ImportProblem:
    found = _UNSTORABLE.search(text).group()
    what = ("a NUL character (byte 0)" if found == "\x00" else
            f"a lone UTF-16 surrogate (U+{ord(found):04X}), half of a character")
    return ImportProblem(table.path, f"{where}: holds {what}, which no list holds and the database cannot "
                                     "store; the file is damaged")
