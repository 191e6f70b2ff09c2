"""CSV and other delimited text, in the encodings such lists come in.

Russian-language office files are often CP1251 with ';' separators; Excel's "Unicode text" is UTF-16
with tabs; web exports are UTF-8, sometimes with a BOM. The encoding is detected, never assumed, and
the choice is reported so a reviewer can see it.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from tergeu.casualties.importing.table import ImportProblem, Row, Table

DELIMITERS = ",;\t|"


def _looks_like_cyrillic_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in letters if c.isascii())
    return (cyrillic + latin) / len(letters) > 0.95


def detect_encoding(data: bytes, path: Path) -> str:
    """BOMs first, then strict UTF-8, then CP1251 when it yields plausible Cyrillic, then a detector."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        if _looks_like_cyrillic_text(data.decode("cp1251")):
            return "cp1251"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ImportProblem(path, "cannot tell the text encoding; save it as UTF-8 or pass --encoding")
    return best.encoding


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        counts = {d: first_line.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] else ","


def _rows(reader: Iterator[list[str]], width: int, path: Path) -> Iterator[Row]:
    number = 0
    for cells in reader:
        number += 1
        if not "".join(cells).strip():
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise ImportProblem(
                path, f"row {number} (line {reader.line_num}) has {len(cells)} cells but the header has {width}"
            )
        padded = cells[:width] + [None] * (width - len(cells))
        yield Row(number, padded, reader.line_num)


def read_csv(path: Path, data: bytes, encoding: str | None = None) -> Table:
    chosen = encoding or detect_encoding(data, path)
    try:
        text = data.decode(chosen)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportProblem(path, f"cannot decode as {chosen}: {exc}") from None
    text = text.lstrip("\ufeff")
    delimiter = _sniff_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise ImportProblem(path, "the file is empty") from None
    headers = [h.strip() for h in headers]
    if not any(headers):
        raise ImportProblem(path, "the first line must hold the column headers")
    return Table(path, "csv", headers, _rows(reader, len(headers), path), chosen,
                 {"delimiter": delimiter})
