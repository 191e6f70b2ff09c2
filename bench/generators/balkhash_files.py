"""File writers for ``balkhash``: delimited text in a chosen encoding, a minimal XLSX, and JSON.

The workbook is written by hand rather than with openpyxl because openpyxl stamps the time of writing
into the file, so the same seed would not give the same bytes; writing the few XML parts directly also
keeps a 40,000-row workbook fast. Dates go in as typed cells (serial numbers with a date format), as
a morgue clerk's Excel would store them, unless the caller passes text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

Cell = str | int | dt.date | None

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = dt.date(1899, 12, 30)
_STAMP = (2022, 2, 1, 9, 0, 0)  # every part carries this time, so the bytes do not depend on the clock


def delimited(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    delimiter: str,
    encoding: str,
    bom: bool = False,
    newline: str = "\r\n",
) -> bytes:
    """A CSV or TSV file: cells quoted only where they must be, in ``encoding`` (with a BOM if asked)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows([["" if cell is None else str(cell) for cell in row] for row in rows])
    text = out.getvalue()
    if encoding == "utf-16":
        return ("\ufeff" + text).encode("utf-16-le")
    return (("\ufeff" if bom else "") + text).encode(encoding)


def as_json(document: object) -> bytes:
    """UTF-8 JSON with Cyrillic kept as letters, indented as an export tool writes it."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Cell) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _sheet(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    letters = [_column(i) for i in range(len(headers))]
    parts = [_HEAD, f'<worksheet xmlns="{_MAIN}"><sheetData>']
    for number, row in enumerate([list(headers), *rows], start=1):
        cells = "".join(_cell(f"{letter}{number}", value) for letter, value in zip(letters, row, strict=True))
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def _parts(sheet_name: str) -> dict[str, str]:
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": _HEAD
        + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_type}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{sheet_type}.styles+xml"/></Types>'
        ),
        "_rels/.rels": _HEAD
        + (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": _HEAD
        + (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": _HEAD
        + (
            f'<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _HEAD
        + (
            f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
            '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
            '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
            '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
            'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" '
            'borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"
        ),
    }


def workbook(sheet_name: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """An XLSX workbook of one sheet: the header row, then ``rows`` (text, whole numbers, typed dates)."""
    out = io.BytesIO()
    parts = _parts(sheet_name)
    parts["xl/worksheets/sheet1.xml"] = _sheet(headers, rows)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"), compresslevel=6)
    return out.getvalue()
