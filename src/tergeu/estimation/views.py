"""The estimation page: the lists' overlap, the latest estimate with its interval per stratum, what it means."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import RUN_ESTIMATES, VIEW_ALL_LISTS
from tergeu.core.estimation import METHODS
from tergeu.estimation.access import visible_estimates
from tergeu.estimation.capture import STRATA, stratum_label
from tergeu.estimation.charts import interval_rows, overlap_rows
from tergeu.estimation.service import EstimateRunning, running_estimate, start_estimate
from tergeu.toolkit.params import whole_number

MAX_LINKAGE_DRAWS = 20


@requires(VIEW_ALL_LISTS)
def estimates_page(request: HttpRequest, status: int = 200) -> HttpResponse:
    """The latest finished estimate; while one runs in the background, a notice the page polls until done."""
    finished = visible_estimates(request.user).exclude(finished_at=None)
    run = finished.first()
    result = run.result if run and not run.error else {}
    language = get_language()
    chart = interval_rows(result, lambda stratum: stratum_label(stratum, language))
    return render(request, "estimation/estimates.html", {
        "run": run, "result": result, "chart": chart, "chart_height": 16 + 34 * len(chart),
        "overlaps": overlap_rows(result),
        "methods": METHODS, "strata_fields": list(STRATA), "can_run": can(request.user, RUN_ESTIMATES),
        "earlier": finished[1:11], "running": running_estimate(),
    }, status=status)


@require_POST
@requires(RUN_ESTIMATES)
def run_estimate_now(request: HttpRequest) -> HttpResponse:
    method = request.POST.get("method", "lcmcr")
    strata = [name for name in request.POST.getlist("strata") if name in STRATA]
    draws = whole_number(request.POST.get("linkage_draws", "5"), maximum=MAX_LINKAGE_DRAWS)
    if method not in METHODS or draws is None:
        # the page again, with the message, as a 400: the form was not one the page could have sent
        messages.error(request, _("Choose a method and at most 20 linkage draws."))
        return estimates_page(request, status=400)
    try:
        run = start_estimate(method, strata, draws, by=request.user.get_username())
    except EstimateRunning as busy:
        messages.error(request, str(busy))
        return redirect("estimation:index")
    if run.finished_at is not None and run.error:
        messages.error(request, run.error)
    return redirect("estimation:index")
