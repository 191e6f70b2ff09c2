"""Linking from the estimation page: start a linkage in the background, back to the page that polls it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import RUN_LINKAGE
from tergeu.linkage.background import LinkageRunning, start_linkage


@require_POST
@requires(RUN_LINKAGE)
def link_now(request: HttpRequest) -> HttpResponse:
    """Start ``run_linkage`` (``full=yes``: retrain and relink everything); the page shows its progress."""
    try:
        job = start_linkage(request.user.get_username(), full=request.POST.get("full") == "yes")
    except LinkageRunning as busy:
        messages.error(request, str(busy))
        return redirect("estimation:index")
    if job.finished_at is not None and job.error:
        messages.error(request, job.error)
    return redirect("estimation:index")
