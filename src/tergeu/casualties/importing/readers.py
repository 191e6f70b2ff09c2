"""Open any supported list file as a ``Table``, choosing the reader by content and extension."""

from __future__ import annotations

from pathlib import Path

from tergeu.casualties.importing.csv_format import read_csv
from tergeu.casualties.importing.json_format import read_json
from tergeu.casualties.importing.table import ImportProblem, Table
from tergeu.casualties.importing.xlsx_format import read_xlsx

FORMATS = ("csv", "xlsx", "json")


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
    return table
