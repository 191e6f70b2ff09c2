"""CSV and other delimited text, in the encodings such lists come in, read strictly.

Russian-language office files are often CP1251 with ';' separators, Kazakh ones sometimes KZ-1048;
Excel's "Unicode text" is UTF-16 with tabs; web exports are UTF-8, sometimes with a BOM. The encoding
is detected, never assumed, and the choice is reported so a reviewer can see it.

A damaged file must never import as something it does not say. Python's csv module, left lenient,
reads a file cut short inside a quoted cell as a person named after the rest of the line, swallows
every later row into a cell when a quote is left open, and drops the quotes of ``"ab"c``. So the
reader is strict and every fault is an ``ImportProblem`` naming the row, the line and, where there is
one, the column; the rules are listed in docs/import.md ("Malformed CSV").
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from tergeu.registry.importing.codepages import cp1251_or_kz1048
from tergeu.registry.importing.csv_faults import CsvRecords, delimiter_for
from tergeu.registry.importing.table import ImportProblem, Row, Table

DELIMITERS = ",;\t|"
_CUT_SHORT = ("unexpected end of data", "truncated data")


def _looks_like_cyrillic_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in letters if c.isascii())
    return (cyrillic + latin) / len(letters) > 0.95


def detect_encoding(data: bytes, path: Path) -> str:
    """BOMs first, then strict UTF-8, then CP1251 or KZ-1048 when it yields plausible Cyrillic, then a detector.

    A UTF-8 file cut short in the middle of a character is refused rather than passed on: CP1251 reads
    any bytes, and UTF-8 Cyrillic read as CP1251 ("РќСѓСЂ...") is still Cyrillic enough to pass. KZ-1048
    (Kazakh) differs from CP1251 in 16 bytes; ``cp1251_or_kz1048`` tells them apart, or refuses to guess.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason in _CUT_SHORT:
            raise ImportProblem(path, "the file ends in the middle of a UTF-8 character: it looks cut short "
                                      "(truncated); if it is not UTF-8, pass --encoding") from None
    try:
        cyrillic = data.decode("cp1251")
    except UnicodeDecodeError:
        cyrillic = ""
    if cyrillic and _looks_like_cyrillic_text(cyrillic):
        return cp1251_or_kz1048(cyrillic, path)
    best = from_bytes(data).best()
    if best is None:
        raise ImportProblem(path, "cannot tell the text encoding; save it as UTF-8 or pass --encoding")
    return best.encoding


def _decode(data: bytes, encoding: str, path: Path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason in _CUT_SHORT and exc.end >= len(data) - 4:
            raise ImportProblem(path, f"the file ends in the middle of a {encoding} character: it looks cut "
                                      "short (truncated)") from None
        raise ImportProblem(path, f"cannot decode as {encoding}: {exc}") from None
    except LookupError as exc:
        raise ImportProblem(path, f"cannot decode as {encoding}: {exc}") from None
    return text.lstrip("\ufeff")


def _rows(records: CsvRecords, width: int) -> Iterator[Row]:
    """Data rows, blank ones skipped (their numbers kept); a row of the wrong width stops the import."""
    for number, line, cells in records:
        if not "".join(cells).strip():
            continue
        if len(cells) != width:
            if len(cells) < width or any(c.strip() for c in cells[width:]):
                raise records.ragged(number, line, cells)
            cells = cells[:width]  # trailing separators with nothing between them
        yield Row(number, cells, line)


def read_csv(path: Path, data: bytes, encoding: str | None = None, delimiter: str | None = None) -> Table:
    """The file's header and a stream of its rows; any fault, found while streaming, is an ImportProblem.

    ``encoding`` and ``delimiter`` are detected when not given.
    """
    chosen = encoding or detect_encoding(data, path)
    text = _decode(data, chosen, path)
    delimiter = delimiter or delimiter_for(text, DELIMITERS)
    records = CsvRecords(path, text, delimiter)
    first = next(records, None)
    if first is None:
        raise ImportProblem(path, "the file is empty")
    headers = [h.strip() for h in first[2]]
    if not any(headers):
        raise ImportProblem(path, "the first line must hold the column headers")
    records.headers = headers
    return Table(path, "csv", headers, _rows(records, len(headers)), chosen, {"delimiter": delimiter})

