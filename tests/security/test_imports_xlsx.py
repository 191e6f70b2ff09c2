"""F4: XLSX decompression bombs and DTDs are refused before anything big is inflated or parsed.

The bombs are built here, small: a deflate stream of one block repeated (each block ends in a full
flush, so every copy compresses to the same bytes) declares a gigabyte in about a megabyte. Their CRC
is left 0: it is only checked once a part has been read to its end, and the point of each test is
that no part is. A tripwire on zipfile's inflating proves that: it stops the test (as a failure, not
an ``ImportProblem``) as soon as more than ``TRIPWIRE`` bytes have been inflated, so the old reader,
which inflated everything, fails here in a second instead of running for minutes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers import database_counts
from tergeu.registry.importing import xlsx_format
from tergeu.registry.importing.table import ImportProblem

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
TRIPWIRE = 16 * MB
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>ФИО</t></is></c></row>'


class Tripwire(BaseException):
    """Raised from inside zipfile; a BaseException, so no reader's ``except Exception`` can swallow it."""


class Repeated:
    """A part's content as ``head + unit * count + tail``, deflated without ever being built whole."""

    def __init__(self, head: bytes, unit: bytes, count: int, tail: bytes, block_units: int = 65536) -> None:
        assert count % block_units == 0
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
        block = compressor.compress(unit * block_units) + compressor.flush(zlib.Z_FULL_FLUSH)
        again = compressor.compress(unit * block_units) + compressor.flush(zlib.Z_FULL_FLUSH)
        assert block == again  # a full flush forgets the history: every copy of the block is the same bytes
        self.compressed = first + block * (count // block_units) + compressor.compress(tail) + compressor.flush()
        self.size = len(head) + len(unit) * count + len(tail)


def zip_bytes(parts: dict[str, bytes | Repeated]) -> bytes:
    """A zip of deflated parts, written by hand so a ``Repeated`` part goes in already compressed."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, content in parts.items():
        if isinstance(content, Repeated):
            data, size, crc = content.compressed, content.size, 0
        else:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            data, size, crc = compressor.compress(content) + compressor.flush(), len(content), zlib.crc32(content)
        encoded, offset = name.encode(), out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), size,
                                    len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start, count = out.tell(), len(parts)
    out.write(directory.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory.getvalue()), start, 0))
    return out.getvalue()


def workbook_parts(rows: list[list[str]] | None = None) -> dict[str, bytes]:
    """The parts of a real workbook (openpyxl's), to replace some of them with hostile ones."""
    book = Workbook()
    for row in rows or [["ФИО", "Место гибели"], ["Аманов Берик", "Алматы"]]:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_xml(body: str, dimension: str = "") -> bytes:
    return f'<?xml version="1.0"?><worksheet {MAIN_NS}>{dimension}<sheetData>{body}</sheetData></worksheet>'.encode()


@pytest.fixture
def tripwire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test as soon as more than TRIPWIRE bytes have been inflated from any zip."""
    inflated = 0
    read1 = zipfile.ZipExtFile._read1

    def counted(self: zipfile.ZipExtFile, n: int) -> bytes:
        nonlocal inflated
        data = read1(self, n)
        inflated += len(data)
        if inflated > TRIPWIRE:
            raise Tripwire(f"inflated more than {TRIPWIRE // MB} MB before refusing the workbook")
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "_read1", counted)


def refused(run_import, path: Path, *words: str) -> ImportProblem:
    before = database_counts()
    with pytest.raises(ImportProblem) as caught:
        run_import(path)
    assert caught.value.path == str(path) and str(caught.value).startswith(f"{path.name}: ")
    for word in words:
        assert word in str(caught.value)
    assert database_counts() == before
    return caught.value


def test_a_gigabyte_of_shared_strings_is_refused_before_inflating(tmp_path: Path, run_import, tripwire) -> None:
    strings = Repeated(f'<?xml version="1.0"?><sst {MAIN_NS}>'.encode(), b"<si><t>" + b"A" * 1000 + b"</t></si>",
                       1_048_576, b"</sst>")
    assert strings.size > 1_000_000_000
    path = tmp_path / "strings-bomb.xlsx"
    path.write_bytes(zip_bytes({**workbook_parts(), STRINGS: strings}))
    assert path.stat().st_size < 4 * MB
    refused(run_import, path, "xl/sharedStrings.xml", "inflate")


def test_twenty_million_empty_rows_are_refused_before_inflating(tmp_path: Path, run_import, tripwire) -> None:
    rows = Repeated(f'<?xml version="1.0"?><worksheet {MAIN_NS}><sheetData>{HEADER_ROW}'.encode(), b"<row/>",
                    20 * 1_048_576, b"</sheetData></worksheet>")
    path = tmp_path / "rows-bomb.xlsx"
    path.write_bytes(zip_bytes({**workbook_parts(), SHEET: rows}))
    assert path.stat().st_size < 2 * MB
    refused(run_import, path, SHEET, "inflate")


def test_a_sheet_longer_than_excel_allows_is_refused(tmp_path: Path, run_import) -> None:
    # Tiny and not compressed much: only the row cap stops it (the old reader imported the far row).
    far = '<row r="1048578"><c r="A1048578" t="inlineStr"><is><t>Аманов Берик</t></is></c></row>'
    path = tmp_path / "long.xlsx"
    path.write_bytes(zip_bytes({**workbook_parts(), SHEET: sheet_xml(HEADER_ROW + far)}))
    refused(run_import, path, "more than 1,048,576 rows")


def test_a_sheet_declaring_every_cell_is_not_padded_to_them(tmp_path: Path, run_import,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A dimension of A1:XFD1048576 made the old reader build 16,384 cells for every row up to the last."""
    calls = 0
    cell_text = xlsx_format.cell_text

    def counted(value: object) -> str | None:
        nonlocal calls
        calls += 1
        if calls > 100_000:
            raise Tripwire("read more than 100,000 cells of a sheet of two cells")
        return cell_text(value)

    monkeypatch.setattr(xlsx_format, "cell_text", counted)
    body = HEADER_ROW + '<row r="100"><c r="A100" t="inlineStr"><is><t>Аманов Берик</t></is></c></row>'
    path = tmp_path / "wide.xlsx"
    path.write_bytes(zip_bytes({**workbook_parts(), SHEET: sheet_xml(body, '<dimension ref="A1:XFD1048576"/>')}))
    report = run_import(path)
    assert report.ok and report.rows == 1 and report.preview[0]["full_name"] == "Аманов Берик"


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')


@pytest.mark.parametrize("part", ["xl/workbook.xml", STRINGS, SHEET, "[Content_Types].xml"])
def test_a_dtd_in_any_part_is_refused(tmp_path: Path, run_import, part: str) -> None:
    parts = workbook_parts()
    original = parts.get(part, f'<?xml version="1.0"?><sst {MAIN_NS}/>'.encode())
    declaration_end = original.index(b"?>") + 2 if original.startswith(b"<?xml") else 0
    parts[part] = original[:declaration_end] + LAUGHS.encode() + original[declaration_end:]
    path = tmp_path / "dtd.xlsx"
    path.write_bytes(zip_bytes(parts))
    refused(run_import, path, part, "DTD")


def test_a_workbook_of_too_many_parts_is_refused(tmp_path: Path, run_import, tripwire) -> None:
    parts = {**workbook_parts(), **{f"xl/media/empty{n}.bin": b"" for n in range(1_001)}}
    path = tmp_path / "parts.xlsx"
    path.write_bytes(zip_bytes(parts))
    refused(run_import, path, "parts")


def test_an_ordinary_workbook_still_imports(tmp_path: Path, run_import) -> None:
    path = tmp_path / "ordinary.xlsx"
    path.write_bytes(zip_bytes(workbook_parts()))
    report = run_import(path)
    assert report.ok and report.rows == 1 and report.preview[0]["place_of_death"] == "Алматы"


def test_a_part_compressed_with_bzip2_is_refused_before_a_block_is_inflated(tmp_path: Path, run_import) -> None:
    """zipfile cuts a bzip2 or LZMA part at its declared size only after inflating a whole block, and a
    block of 16 KB can hold gigabytes; the part here is small and harmless, the method is what counts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in workbook_parts().items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("xl/media/image1.bin", b"\0" * 1000, compress_type=zipfile.ZIP_BZIP2)
    path = tmp_path / "bzip2.xlsx"
    path.write_bytes(buffer.getvalue())
    refused(run_import, path, "xl/media/image1.bin", "method 12")


def test_a_directory_listing_too_many_parts_is_refused_before_it_is_read(tmp_path: Path, run_import,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The count comes from the end-of-directory record: zipfile must not even build its list of parts."""
    parts = {**workbook_parts(), **{f"xl/media/empty{n}.bin": b"" for n in range(1_001)}}
    path = tmp_path / "listed.xlsx"
    path.write_bytes(zip_bytes(parts))

    def no_directory(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("zipfile read the directory")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", no_directory)
    refused(run_import, path, "1,0")


def test_a_sheet_past_the_cell_budget_is_refused(tmp_path: Path, run_import, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells are counted as read, padding included (a styled cell at column XFD makes every row 16,384
    cells): the budget is lowered here so that three short rows cross it."""
    monkeypatch.setattr(xlsx_format, "MAX_SHEET_CELLS", 4)
    path = tmp_path / "wide.xlsx"
    path.write_bytes(zip_bytes(workbook_parts([["ФИО", "Место гибели"], ["Аманов Берик", "Алматы"],
                                               ["Серіков Нұрлан", "Тараз"]])))
    refused(run_import, path, "cells")
