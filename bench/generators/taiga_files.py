"""File formats of ``taiga``'s lists: XLSX (written byte-for-byte the same for a seed), CSV and JSON.

openpyxl stamps a workbook with the time of saving (in its properties and in every zip entry), which
would make two runs of one seed differ; the workbook is repacked with fixed stamps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile

from openpyxl import Workbook

_STAMP = (2022, 1, 20, 9, 0, 0)
Cell = str | int | dt.date | None


def xlsx_bytes(sheet_title: str, headers: list[str], rows: list[list[Cell]]) -> bytes:
    """A one-sheet workbook; ``dt.date`` cells become typed dates shown as dd.mm.yyyy."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(headers)
    for number, row in enumerate(rows, start=2):
        sheet.append(row)
        for column, value in enumerate(row, start=1):
            if isinstance(value, dt.date):
                sheet.cell(row=number, column=column).number_format = "DD.MM.YYYY"
    book.properties.creator = "taiga"
    book.properties.created = dt.datetime(*_STAMP)
    raw = io.BytesIO()
    book.save(raw)
    return _repack(raw.getvalue())


def _repack(content: bytes) -> bytes:
    fixed = "2022-01-20T09:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{fixed}\g<2>", text)
                data = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=_STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


def csv_bytes(headers: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    """Delimited text in one encoding (``utf-8-sig`` for a BOM; ``cp1251`` for old Windows desktops)."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows(rows)
    return text.getvalue().encode(encoding)


def json_bytes(records: list[dict[str, object]]) -> bytes:
    """A JSON array of flat objects, UTF-8, Cyrillic kept readable as volunteers' tools save it."""
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
