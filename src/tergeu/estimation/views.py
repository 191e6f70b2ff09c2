"""The estimation page: the lists' overlap, the latest estimate with its interval per stratum, what it means."""

from __future__ import annotations

from typing import Literal

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import RUN_ESTIMATES, RUN_LINKAGE, VIEW_ALL_LISTS
from tergeu.core.estimation import METHODS
from tergeu.core.linkage import DEFAULT_LINKAGE_DRAWS
from tergeu.estimation.access import visible_estimates
from tergeu.estimation.capture import STRATA, stratum_label
from tergeu.estimation.charts import interval_rows, overlap_rows
from tergeu.estimation.service import EstimateRunning, running_estimate, start_estimate
from tergeu.linkage.access import visible_jobs, visible_runs
from tergeu.linkage.background import running_linkage
from tergeu.linkage.models import LinkageJob, LinkageRun
from tergeu.registry.access import visible_lists
from tergeu.toolkit.params import whole_number

MAX_LINKAGE_DRAWS = 20


@requires(VIEW_ALL_LISTS)
def estimates_page(request: HttpRequest, status: int = 200) -> HttpResponse:
    """The last good estimate, and apart from it a later failure with its reason; while one runs in the
    background, a notice the page polls until done.

    A failed run (too few lists left, the server stopped) must not blank the page: the figure people
    quote stays, dated, and the failure is shown beside it.
    """
    user = request.user
    finished = visible_estimates(user).exclude(finished_at=None)
    run = finished.last_good()
    latest = finished.first()
    failed = latest if latest is not None and latest.error else None
    result = run.result if run else {}
    language = get_language()
    chart = interval_rows(result, lambda stratum: stratum_label(stratum, language))
    jobs = visible_jobs(user)
    linkage_run = visible_runs(user).first()
    return render(request, "estimation/estimates.html", {
        "run": run, "failed": failed, "result": result, "chart": chart, "chart_height": 16 + 34 * len(chart),
        "overlaps": overlap_rows(result),
        "methods": METHODS, "strata_fields": list(STRATA), "can_run": can(user, RUN_ESTIMATES),
        "earlier": finished.exclude(pk__in=[shown.pk for shown in (run, failed) if shown])[:10],
        "running": running_estimate(), "lists": visible_lists(user).order_by("name"),
        "left_out": run.settings.get("left_out_lists", []) if run else [],
        "can_link": can(user, RUN_LINKAGE), "linking": running_linkage() if jobs.exists() else None,
        "linkage_failed": _failed_since(jobs.exclude(finished_at=None).first(), linkage_run),
        "linkage_run": linkage_run, "draws": DEFAULT_LINKAGE_DRAWS, "max_draws": MAX_LINKAGE_DRAWS,
    }, status=status)


def _failed_since(job: LinkageJob | None, linkage_run: LinkageRun | None) -> LinkageJob | None:
    """The last linkage started from the page, if it failed and no linkage ran since (the command line's)."""
    if job is None or not job.error or (linkage_run is not None and linkage_run.started_at > job.started_at):
        return None
    return job


@require_POST
@requires(RUN_ESTIMATES)
def run_estimate_now(request: HttpRequest) -> HttpResponse:
    method = request.POST.get("method", "lcmcr")
    strata = [name for name in request.POST.getlist("strata") if name in STRATA]
    draws = whole_number(request.POST.get("linkage_draws", str(DEFAULT_LINKAGE_DRAWS)), maximum=MAX_LINKAGE_DRAWS)
    lists = _chosen_lists(request)
    if method not in METHODS or draws is None or lists is False:
        # the page again, with the message, as a 400: the form was not one the page could have sent
        messages.error(request, _("Choose a method, at most 20 linkage draws and lists that exist."))
        return estimates_page(request, status=400)
    try:
        run = start_estimate(method, strata, draws, by=request.user.get_username(), lists=lists)
    except EstimateRunning as busy:
        messages.error(request, str(busy))
        return redirect("estimation:index")
    if run.finished_at is not None and run.error:
        messages.error(request, run.error)
    return redirect("estimation:index")


def _chosen_lists(request: HttpRequest) -> list[str] | None | Literal[False]:
    """The public ids of the lists ticked on the form; None for every list (also when the form has no
    list choice, as the API and older pages send); False when an id names no list the user may see."""
    if "lists_chosen" not in request.POST:
        return None
    ids = set(request.POST.getlist("lists"))
    known = set(visible_lists(request.user).values_list("public_id", flat=True))
    if not ids <= known:
        return False
    return None if ids == known else sorted(ids)
