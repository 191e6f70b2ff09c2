"""The home page (what the registry holds, list by list, and the dashboard's main figures) and the
dashboard: the dead by day, by region on a map, by circumstances, sex and age, beside the estimate."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.estimation.access import visible_estimates
from tergeu.linkage.people_index import people_rows
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.models import Record
from tergeu.registry.places import place_counts
from tergeu.web.dashboard import dashboard


def _figures(user: Any) -> dict[str, Any]:
    """The dashboard of the people ``user`` may see, the latest finished estimate they may see (None when
    there is none or their role sees no estimate), and whether there are records not yet linked."""
    records = visible_records(user)
    rows = people_rows(records, get_language())
    estimate = visible_estimates(user).exclude(finished_at=None).filter(error="").first()
    return {"dashboard": dashboard(rows, get_language()), "estimate": estimate,
            "unlinked": not rows and records.exists()}


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
