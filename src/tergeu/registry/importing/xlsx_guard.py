"""Checks on an XLSX workbook's zip before anything in it is decompressed or parsed.

An XLSX is a zip of XML parts, and a zip says how large each part will be before it is inflated. A
few megabytes can declare a gigabyte of shared strings (held in memory whole) or twenty million empty
rows; a part can also carry a DTD whose entities expand as they are parsed. So the zip's directory is
read first: too many parts, parts too large in total or one by one, or inflating far more than such
data ever does, are refused before decompressing a byte; then the start of every part is read up to
its root element and a DTD is refused. Python's zipfile stops a deflated part at its declared size,
so the declared sizes bound what openpyxl can be made to read; it does not stop bzip2 or LZMA blocks
(a 16 KB block of bzip2 can inflate to gigabytes before being cut), and Excel writes neither, so
parts compressed any other way than stored or deflated are refused. The directory itself is sized
from the archive's last record before ``zipfile`` builds an entry per part: two million listed parts
in 100 MB would otherwise cost a gigabyte before being counted.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from tergeu.registry.importing.table import ImportProblem

MB = 1024 * 1024
MAX_PARTS = 1_000  # a workbook of a few sheets has some 10 to 30 parts
MAX_TOTAL = 512 * MB  # all parts inflated; a 100,000-row list is some 100 MB
MAX_IN_MEMORY_PART = 128 * MB  # any part but a worksheet: openpyxl reads it whole (shared strings, styles)
MAX_RATIO = 100  # inflated / compressed; spreadsheet XML inflates 5 to 30 times
RATIO_FROM = MB  # small parts may compress far better (a part of one repeated tag) and cost nothing
PROLOG_CHUNK = 16 * 1024
MAX_PROLOG = MB  # no XML part puts a megabyte before its root element
MAX_DIRECTORY = MB  # bytes of the zip's directory: 1,000 parts take some 100 KB
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Excel and LibreOffice write
_END_OF_DIRECTORY = b"PK\x05\x06"


class _Root(Exception):
    """The root element started: the prolog (the only place for a DTD) is over."""


class _Dtd(Exception):
    """The part declares a document type (and may declare entities)."""


def check_workbook(path: Path, data: bytes) -> None:
    """Refuse a zip-bomb or DTD-carrying workbook with an ``ImportProblem`` naming the file and the part."""
    _check_directory(path, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportProblem(path, f"not a readable XLSX workbook ({exc})") from None
    with archive:
        parts = archive.infolist()
        _check_sizes(path, parts)
        for part in parts:
            if not part.is_dir() and part.file_size:
                _check_prolog(path, archive, part)


def _check_directory(path: Path, data: bytes) -> None:
    """Count the parts and size the directory from the end-of-directory record, before ``zipfile`` does.

    A ZIP64 directory (more than 65,535 parts or 4 GB) is refused outright: no list needs one.
    """
    at = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_536 - 22))
    if at < 0 or at + 22 > len(data):
        return  # not a zip: zipfile says so, in its words
    entries = int.from_bytes(data[at + 10:at + 12], "little")
    size = int.from_bytes(data[at + 12:at + 16], "little")
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        raise ImportProblem(path, "the workbook is a ZIP64 archive (over 65,535 parts or 4 GB): not a list")
    if entries > MAX_PARTS or size > MAX_DIRECTORY:
        raise ImportProblem(path, f"the workbook lists {entries:,} parts in a {size / MB:,.1f} MB directory (at most "
                                  f"{MAX_PARTS:,} parts): not a list")


def _is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _check_sizes(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_PARTS:
        raise ImportProblem(path, f"the workbook holds {len(parts):,} parts (at most {MAX_PARTS:,}): not a list")
    for part in parts:
        if part.compress_type not in ALLOWED_METHODS:
            raise ImportProblem(path, f"part {part.filename!r} is compressed with method {part.compress_type}; a "
                                      "workbook's parts are stored or deflated, and other methods cannot be bounded")
        if part.file_size > MAX_IN_MEMORY_PART and not _is_worksheet(part.filename):
            raise ImportProblem(path, f"part {part.filename!r} would inflate to {part.file_size / MB:,.0f} MB (at "
                                      f"most {MAX_IN_MEMORY_PART // MB} MB): save the list as CSV, or split it")
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * part.compress_size:
            ratio = part.file_size / max(part.compress_size, 1)
            raise ImportProblem(path, f"part {part.filename!r} would inflate {ratio:,.0f} times (at most "
                                      f"{MAX_RATIO}): a compression bomb, not a spreadsheet")
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL:
        raise ImportProblem(path, f"the workbook would inflate to {total / MB:,.0f} MB (at most {MAX_TOTAL // MB} MB "
                                  "are read): save the list as CSV, or split it")


def _check_prolog(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Parse the part up to its root element; a DTD there is refused. Parts that are not XML pass."""
    parser = expat.ParserCreate()

    def doctype(*_args: object) -> None:
        raise _Dtd

    def root(*_args: object) -> None:
        raise _Root

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    read = 0
    try:
        with archive.open(part) as stream:
            while read <= MAX_PROLOG:
                chunk = stream.read(PROLOG_CHUNK)
                read += len(chunk)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    return
    except _Root:
        return
    except _Dtd:
        raise ImportProblem(path, f"part {part.filename!r} declares a DTD (<!DOCTYPE>); a workbook has none, and "
                                  "its entities could expand without bound: refused") from None
    except expat.ExpatError:
        return  # not XML (an image), or damaged: the reader reports a damaged part it needs
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError,
            ValueError) as exc:
        raise ImportProblem(path, f"part {part.filename!r} cannot be read ({exc})") from None
    raise ImportProblem(path, f"part {part.filename!r} has no XML root element in its first {MAX_PROLOG // MB} MB")
