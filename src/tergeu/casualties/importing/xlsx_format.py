"""Excel workbooks: the first sheet (or a named one), the first non-empty row as headers.

A workbook cut short loses the zip directory at its end and is refused when opened. A sheet whose XML
is damaged inside an intact zip only fails while its rows are read (the workbook is read as a stream),
so that failure too is turned into an ``ImportProblem`` naming the sheet and the last row read.
"""

from __future__ import annotations

import datetime
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook

from tergeu.casualties.importing.table import ImportProblem, Row, Table

_DAMAGE = (ParseError, zipfile.BadZipFile, zlib.error, EOFError)


def cell_text(value: object) -> str | None:
    """Excel's typed cells as the text a person sees: dates as ISO, whole numbers without '.0'."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _guarded(sheet_rows: Iterator[tuple], path: Path, sheet: str) -> Iterator[tuple]:
    """The sheet's rows, a damaged sheet (cut XML, bad compressed data) raised as an ImportProblem."""
    read = 0
    try:
        for values in sheet_rows:
            read += 1
            yield values
    except _DAMAGE as exc:
        after = f"after sheet row {read}" if read else "before its first row"
        raise ImportProblem(path, f"sheet {sheet!r} is damaged {after} (the workbook may be cut short or "
                                  f"corrupt): {exc}") from None


def _rows(sheet_rows: Iterator[tuple], width: int, path: Path, first_number: int) -> Iterator[Row]:
    for offset, values in enumerate(sheet_rows):
        cells = [cell_text(v) for v in values]
        if not any(c is not None and c.strip() for c in cells):
            continue
        if len(cells) > width and any(c and c.strip() for c in cells[width:]):
            raise ImportProblem(path, f"row {first_number + offset} has cells beyond the last header")
        yield Row(first_number + offset, cells[:width] + [None] * (width - len(cells)))


def read_xlsx(path: Path, data: bytes, sheet: str | None = None) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportProblem(path, f"not a readable XLSX workbook ({exc})") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise ImportProblem(path, f"no sheet {sheet!r}; sheets are {', '.join(workbook.sheetnames)}")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = _guarded(worksheet.iter_rows(values_only=True), path, worksheet.title)
    for values in rows:
        if any(v is not None and str(v).strip() for v in values):
            headers = [(cell_text(v) or "").strip() for v in values]
            break
    else:
        raise ImportProblem(path, f"sheet {worksheet.title!r} is empty")
    while headers and not headers[-1]:
        headers.pop()
    return Table(path, "xlsx", headers, _rows(rows, len(headers), path, 1), "",
                 {"sheet": worksheet.title})
