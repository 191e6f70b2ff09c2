"""Bytes for ``zhaiyk``'s files: delimited text in a chosen encoding, a hand-built XLSX, JSON.

The workbook is written by hand (a zip of five XML parts with fixed timestamps) rather than through a
spreadsheet library, because a library stamps the creation time into the file and the benchmark needs
one seed to give byte-identical files. Dates in the workbook are typed cells (serial numbers with a
date format), as a clerk's Excel saves them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from xml.sax.saxutils import escape

Cell = str | int | dt.date | None

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_ROOT_RELS = (f'{_HEAD}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_OFFICE}/officeDocument" '
              'Target="xl/workbook.xml"/></Relationships>')
_BOOK_RELS = (f'{_HEAD}<Relationships xmlns="{_RELS}">'
              f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
              f'<Relationship Id="rId2" Type="{_OFFICE}/styles" Target="styles.xml"/></Relationships>')
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>'
    '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
_EPOCH = dt.date(1899, 12, 30)
_STAMP = (2022, 2, 14, 9, 30, 0)


def delimited(headers: list[str], rows: list[list[str]], delimiter: str, encoding: str, bom: bool = False) -> bytes:
    """A CSV/TSV file as a spreadsheet program saves it (CRLF line ends, minimal quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows(rows)
    text = buffer.getvalue()
    if encoding == "utf-16":  # Excel's "Unicode text": little-endian with a byte-order mark
        return b"\xff\xfe" + text.encode("utf-16-le")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_xml(ref: str, value: Cell) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _sheet_xml(headers: list[str], rows: list[list[Cell]]) -> str:
    lines = []
    for number, values in enumerate([list(headers), *rows], start=1):
        cells = "".join(_cell_xml(f"{_column(i)}{number}", v) for i, v in enumerate(values))
        lines.append(f'<row r="{number}">{cells}</row>')
    return f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'


def workbook(headers: list[str], rows: list[list[Cell]], sheet: str) -> bytes:
    """A one-sheet XLSX with text cells inline, whole numbers as numbers and dates as typed date cells."""
    book = (f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    parts = (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS), ("xl/workbook.xml", book),
             ("xl/_rels/workbook.xml.rels", _BOOK_RELS), ("xl/styles.xml", _STYLES),
             ("xl/worksheets/sheet1.xml", _sheet_xml(headers, rows)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def json_document(document: object) -> bytes:
    """Pretty JSON in UTF-8 with letters kept as letters, as a researcher's export writes it."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
