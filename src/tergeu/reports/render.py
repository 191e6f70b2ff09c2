"""One entry for every format of the casualty report: what to write, its media type and its file name."""

from __future__ import annotations

import io
from typing import IO, Any

from django.utils import timezone

from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.pdf import write_pdf
from tergeu.reports.tables import write_csv, write_xlsx

WRITERS = {"pdf": write_pdf, "xlsx": write_xlsx, "csv": write_csv}
FORMATS = tuple(WRITERS)
CONTENT_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def write_report(out: IO[Any], report: CasualtyReport, fmt: str) -> int:
    """Write ``report`` as ``fmt`` to ``out`` (text for csv, binary otherwise); returns how many people."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return WRITERS[fmt](out, report)


def write_report_bytes(out: IO[bytes], report: CasualtyReport, fmt: str) -> int:
    """``write_report`` to a binary stream: CSV through a UTF-8 text layer, detached after so ``out`` stays
    open for its owner (a response's spool, a file being written)."""
    if fmt != "csv":
        return write_report(out, report, fmt)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    count = write_report(text, report, fmt)
    text.detach()
    return count


def file_name(report: CasualtyReport, fmt: str) -> str:
    """casualties-2026-12-05.pdf: the day it was made (the instance's day, as the cover prints it), so
    downloads on different days do not overwrite."""
    return f"casualties-{timezone.localdate(report.generated_at):%Y-%m-%d}.{fmt}"
