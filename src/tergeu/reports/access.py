"""Which report jobs a user may see: the only place the reports app defines it.

A report holds what its requester may see when it is built, so a job (and its file) is its requester's
alone, whatever another user's role.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tergeu.accounts.access import register_visibility
from tergeu.reports.models import ReportJob


def visible_report_jobs(user: Any) -> QuerySet[ReportJob]:
    if user is None or not getattr(user, "is_authenticated", False):
        return ReportJob.objects.none()
    return ReportJob.objects.filter(requested_by=user)


def register() -> None:
    register_visibility(ReportJob, visible_report_jobs)
