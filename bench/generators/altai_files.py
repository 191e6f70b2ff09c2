"""The files ``altai``'s lists come in: an XLSX workbook with typed dates, CSV in UTF-8 and in CP1251,
tab-separated text, and JSON. Written byte for byte the same for the same rows (fixed zip timestamps),
so a seed always gives identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from xml.sax.saxutils import escape

from generators.altai_official import Rows

_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)
_STAMP = (2022, 2, 14, 9, 30, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/></Types>'),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_DOC}/styles" Target="styles.xml"/>'
        '</Relationships>'),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>'
        '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
}


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xlsx_cell(ref: str, value: object) -> str:
    """A typed cell: dates as serial numbers in dd.mm.yyyy, whole numbers as numbers, the rest as text."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def xlsx(rows: Rows, sheet: str) -> bytes:
    """A one-sheet workbook with the header in row 1 and one row per record."""
    columns = [_column(index) for index in range(len(rows.headers))]
    lines = [f'<worksheet xmlns="{_MAIN}"><sheetData>']
    for number, cells in enumerate([rows.headers, *rows.cells], start=1):
        body = "".join(_xlsx_cell(f"{col}{number}", value) for col, value in zip(columns, cells, strict=True))
        lines.append(f'<row r="{number}">{body}</row>')
    lines.append("</sheetData></worksheet>")
    parts = dict(_PARTS)
    parts["xl/workbook.xml"] = (f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
                                f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    parts["xl/worksheets/sheet1.xml"] = "".join(lines)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (_HEAD + text).encode("utf-8"))
    return buffer.getvalue()


def delimited(rows: Rows, delimiter: str, encoding: str) -> bytes:
    """Text as Excel saves it (CRLF, quotes only where needed) in the given encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(rows.headers)
    writer.writerows([["" if cell is None else str(cell) for cell in cells] for cells in rows.cells])
    return buffer.getvalue().encode(encoding)


def json_report(items: list[dict[str, object]], title: str) -> bytes:
    """A web page's data file: a few fields about the report and one array of victims."""
    document = {"title": title, "published": "2022-03-28", "victims": items}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
