"""Excel workbooks: the first sheet (or a named one), the first non-empty row as headers.

A workbook cut short loses the zip directory at its end and is refused when opened. A sheet whose XML
is damaged inside an intact zip only fails while its rows are read (the workbook is read as a stream),
so that failure too is turned into an ``ImportProblem`` naming the sheet and the last row read.

Before openpyxl sees the file, ``xlsx_guard`` checks the zip (sizes, ratio, DTDs). The sheet is read
in read-only (streaming) mode, its declared dimensions ignored (a sheet declaring A1:XFD1048576 would
pad every row to 16,384 cells), and at most Excel's own 1,048,576 rows, empty ones counted, are read:
with the guard's size limits that bounds the time a workbook can take.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook

from tergeu.registry.importing.table import ImportProblem, Row, Table
from tergeu.registry.importing.xlsx_guard import check_workbook

MAX_SHEET_ROWS = 1_048_576  # Excel's limit: no spreadsheet program writes a longer sheet
MAX_SHEET_CELLS = 50_000_000  # cells read, empty ones included: a 1,000,000-row list of 20 columns is 20 million


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
    read = cells = 0
    try:
        for values in sheet_rows:
            read += 1
            cells += len(values)
            if read > MAX_SHEET_ROWS:
                raise ImportProblem(path, f"sheet {sheet!r} has more than {MAX_SHEET_ROWS:,} rows, empty ones "
                                          "included (Excel's limit): delete the empty rows below the list, or "
                                          "save it as CSV")
            if cells > MAX_SHEET_CELLS:  # a styled empty cell at column XFD pads every row to 16,384
                raise ImportProblem(path, f"sheet {sheet!r} has more than {MAX_SHEET_CELLS:,} cells, empty ones "
                                          "included: delete the empty columns right of the list, or save it as CSV")
            yield values
    except ImportProblem:
        raise
    except Exception as exc:  # openpyxl, zipfile, zlib and expat: whatever fails inside the sheet is damage
        after = f"after sheet row {read}" if read else "before its first row"
        raise ImportProblem(path, f"sheet {sheet!r} is damaged {after} (the workbook may be cut short or "
                                  f"corrupt): {exc}") from None


def _rows(sheet_rows: Iterator[tuple], width: int, path: Path, first_number: int) -> Iterator[Row]:
    for offset, values in enumerate(sheet_rows):
        extra = values[width:]  # usually empty; a styled cell far right makes it thousands of Nones
        if extra and extra.count(None) < len(extra) and any(v is not None and str(v).strip() for v in extra):
            raise ImportProblem(path, f"row {first_number + offset} has cells beyond the last header")
        cells = [cell_text(v) for v in values[:width]]
        if not any(c is not None and c.strip() for c in cells):
            continue
        yield Row(first_number + offset, cells + [None] * (width - len(cells)))


def read_xlsx(path: Path, data: bytes, sheet: str | None = None) -> Table:
    check_workbook(path, data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever the damaged part makes it raise
        raise ImportProblem(path, f"not a readable XLSX workbook ({exc})") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise ImportProblem(path, f"no sheet {sheet!r}; sheets are {', '.join(workbook.sheetnames)}")
    worksheet = workbook[sheet] if sheet else next(iter(workbook.worksheets), None)
    if not hasattr(worksheet, "iter_rows"):
        raise ImportProblem(path, f"sheet {sheet!r} holds no cells (a chart sheet)" if sheet else "no worksheet")
    worksheet.reset_dimensions()
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
