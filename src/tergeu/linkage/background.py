"""Linking from the web: the same ``run_linkage`` as ``tergeu link``, in the background, one at a time.

A linkage takes seconds to minutes (training the model, scoring pairs), too long for a request. The
job row (``LinkageJob``) says which step it is at, so the page can show progress while it polls, and
keeps the summary or why it failed. A job a stopped server left unfinished is marked interrupted when
the server starts again (``interrupt_unfinished``), and one older than ``STALE_AFTER`` blocks no one.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tergeu.history.tracking import acting_as
from tergeu.linkage.linking import LinkageBlocked, run_linkage
from tergeu.linkage.models import LinkageJob
from tergeu.toolkit import locks
from tergeu.toolkit.jobs import finishing, run_in_background

logger = logging.getLogger("tergeu.linkage")
STALE_AFTER = datetime.timedelta(hours=6)  # longer than any linkage of a registry this size runs
INTERRUPTED = "interrupted: the server stopped before the linkage finished; link again"


class LinkageRunning(Exception):
    """Another linkage started from the web is still running."""


def running_linkage() -> LinkageJob | None:
    """The linkage job still running, if any (an unfinished one older than ``STALE_AFTER`` was cut off)."""
    return LinkageJob.objects.filter(finished_at=None, started_at__gt=timezone.now() - STALE_AFTER).first()


def start_linkage(by: str, full: bool = False) -> LinkageJob:
    """Store the job as started and link in the background (``TERGEU_BACKGROUND_ESTIMATES=0``: now).

    Refused (``LinkageRunning``) while another runs: two would store the same people twice over. The
    check and the insert hold one lock, so two clicks start one linkage.
    """
    with transaction.atomic():
        locks.hold(locks.LINKAGE_JOBS)
        if running_linkage() is not None:
            raise LinkageRunning(gettext("The records are being linked already; wait for it to finish."))
        job = LinkageJob.objects.create(started_by=by, full=full, step="starting")
    if getattr(settings, "TERGEU_BACKGROUND_ESTIMATES", True):
        run_in_background(f"linkage-{job.pk}", link, job)
    else:
        link(job)
    return job


def link(job: LinkageJob) -> None:
    """Link for ``job``, saving each step as it starts, then the summary or the reason there is none."""

    def step(message: str) -> None:
        job.step = message[:200]
        job.save(update_fields=["step"])

    with finishing(job, LinkageBlocked, "the linkage failed unexpectedly; the details are in the server log"):
        with acting_as(job.started_by):
            summary = run_linkage(full=job.full, progress=step)
        job.summary = dataclasses.asdict(summary)


def interrupt_unfinished() -> int:
    """Mark jobs a stopped server left unfinished as interrupted (``tergeu serve`` calls this as it starts)."""
    return LinkageJob.objects.filter(finished_at=None).update(finished_at=timezone.now(), error=INTERRUPTED)
