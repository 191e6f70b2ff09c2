"""The home page: what the registry holds, list by list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tergeu.accounts.access import requires, visible_lists
from tergeu.accounts.roles import VIEW_HISTORY
from tergeu.history.models import ChangeEntry
from tergeu.registry.models import Record
from tergeu.web.paging import params_without_page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    lists = visible_lists(request.user).order_by("imported_at")
    context = {
        "lists": lists,
        "record_total": sum(item.row_count for item in lists),
        "places": (Record.objects.filter(imported_list__in=lists).exclude(place="").values("place")
                   .annotate(n=Count("id")).order_by("-n")[:10]),
    }
    return render(request, "web/home.html", context)


@requires(VIEW_HISTORY)
def history(request: HttpRequest) -> HttpResponse:
    """The change history, newest first: who changed what, when, before and after."""
    entries = ChangeEntry.objects.select_related("object_type")
    actor = request.GET.get("actor", "").strip()
    if actor:
        entries = entries.filter(actor=actor)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    context = {"page": page, "actor": actor, "params": params_without_page(request)}
    return render(request, "web/history.html", context)
