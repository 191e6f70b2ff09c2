"""The home page (what the registry holds, list by list, and the dashboard's main figures) and the
dashboard: the dead by day, by region on a map, by circumstances, sex and age, beside the estimate."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import RUN_LINKAGE, VIEW_REGISTRY
from tergeu.estimation.access import visible_estimates
from tergeu.linkage.people_index import index_version, people_rows
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.models import Record
from tergeu.registry.places import place_counts
from tergeu.web.dashboard import dashboard

FIGURES_KEPT_SECONDS = 24 * 3600  # the key changes with the data; this only bounds what an idle process holds


def _figures(user: Any) -> dict[str, Any]:
    """The dashboard of the people ``user`` may see, the latest good estimate they may see (None when there
    is none or their role sees no estimate), whether the estimate is older than the people now named (its
    figure below the count), and whether there are records not yet linked.

    The figures are computed from every person's row (seconds for tens of thousands of people), so they are
    kept in the cache under the data's version and the viewer's scope (``index_version``): the landing page
    pays for them once after each import, link or edit, not on every visit.
    """
    records = visible_records(user)
    language = get_language()
    key = f"tergeu:dashboard:{language}:{index_version(records)}"
    figures = cache.get(key)
    if figures is None:
        rows = people_rows(records, language)
        figures = (dashboard(rows, language), not rows and records.exists())
        cache.set(key, figures, FIGURES_KEPT_SECONDS)
    board, unlinked = figures
    estimate = visible_estimates(user).last_good()
    stale = estimate is not None and estimate.result["estimate"] < board.total
    return {"dashboard": board, "estimate": estimate, "estimate_stale": stale, "unlinked": unlinked,
            "can_link": can(user, RUN_LINKAGE)}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = visible_lists(request.user).order_by("imported_at")
    context = {
        "lists": lists,
        "record_total": sum(item.row_count for item in lists),
        # merged by the gazetteer: "Алматы", "г. Алматы" and "Almaty" are one place
        "places": place_counts(Record.objects.filter(imported_list__in=lists), get_language(), limit=10),
    }
    if can(request.user, VIEW_REGISTRY):
        context.update(_figures(request.user))
    return render(request, "web/home.html", context)


@requires(VIEW_REGISTRY)
def dashboard_page(request: HttpRequest) -> HttpResponse:
    """Every figure, each linked to the people behind it, with a table beside each chart."""
    return render(request, "web/dashboard.html", _figures(request.user))
