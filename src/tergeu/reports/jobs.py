"""Casualty reports asked for on the web, built in the background and kept for their requester a while.

A report of 40,000 people takes about a minute (``bench/reports.py``), too long for a request. The web
stores a ``ReportJob`` and builds the file in a background thread (``toolkit.jobs``) with the requester's
own visibility, as the request would have; the job's page polls until the file is ready. Files live under
``TERGEU_HOME/reports/`` by the job's random public id, are written to a temporary name and renamed when
whole (``toolkit.cli.write_to``), and are deleted after ``KEPT_FOR`` (a report is a snapshot, and lists change).
``TERGEU_BACKGROUND_REPORTS=0`` builds within the request instead (the tests' default).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from tergeu.conf import tergeu_home
from tergeu.estimation.access import visible_estimates
from tergeu.registry.access import visible_lists, visible_records
from tergeu.reports.casualties import casualty_report
from tergeu.reports.models import ReportJob
from tergeu.reports.render import file_name, write_report_bytes
from tergeu.toolkit.cli import write_to
from tergeu.toolkit.jobs import finishing, run_in_background

KEPT_FOR = datetime.timedelta(days=1)
FAILED = "the report could not be written; the details are in the server log"


class ReportFailed(Exception):
    """A report that cannot be written for a reason the requester can act on."""


def reports_folder() -> Path:
    folder = tergeu_home() / "reports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def job_file(job: ReportJob) -> Path:
    """Where the job's file is (or will be): named by the job's random id, never by anything it holds."""
    return reports_folder() / f"{job.public_id}.{job.format}"


def start_report(user: Any, fmt: str, language: str, query: Mapping[str, str]) -> ReportJob:
    """Store the job and build its file in the background (or now, without ``TERGEU_BACKGROUND_REPORTS``)."""
    forget_old_reports()
    job = ReportJob.objects.create(requested_by=user, format=fmt, language=language, query=dict(query))
    if getattr(settings, "TERGEU_BACKGROUND_REPORTS", True):
        run_in_background(f"report-{job.pk}", build_report, job)
    else:
        build_report(job)
    return job


def build_report(job: ReportJob) -> None:
    """Write the job's file as its requester would have seen the report, then mark the job finished."""
    with finishing(job, ReportFailed, FAILED):
        user = job.requested_by
        report = casualty_report(visible_records(user), visible_lists(user), visible_estimates(user), job.query,
                                 job.language)
        write_to(job_file(job), lambda out: write_report_bytes(out, report, job.format), _refuse, binary=True)
        job.file_name = file_name(report, job.format)


def _refuse(_message: str) -> None:
    """``write_to`` raises the OSError itself after this: ``finishing`` stores it as the unexpected failure it
    is (a server path is no reason the requester can act on)."""


def forget_old_reports() -> int:
    """Delete the files and rows of jobs older than ``KEPT_FOR``; how many were deleted."""
    old = ReportJob.objects.filter(requested_at__lt=timezone.now() - KEPT_FOR)
    for job in old:
        job_file(job).unlink(missing_ok=True)
    return old.delete()[0]
