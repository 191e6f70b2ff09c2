"""The history page: who changed what, when, before and after, about the objects the viewer may see."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tergeu.accounts.access import requires
from tergeu.accounts.roles import VIEW_HISTORY
from tergeu.history.access import visible_entries
from tergeu.toolkit.paging import params_without_page

PAGE_SIZE = 100


@requires(VIEW_HISTORY)
def history(request: HttpRequest) -> HttpResponse:
    """Newest first, optionally one actor's changes."""
    entries = visible_entries(request.user).select_related("object_type")
    actor = request.GET.get("actor", "").strip()
    if actor:
        entries = entries.filter(actor=actor)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "actor": actor, "params": params_without_page(request)}
    return render(request, "history/history.html", context)
