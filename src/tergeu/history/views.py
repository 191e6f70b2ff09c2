"""The history page: who changed what, when, before and after, about the objects the viewer may see."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tergeu.accounts.access import requires
from tergeu.accounts.roles import VIEW_HISTORY
from tergeu.history.access import visible_entries
from tergeu.history.changes import changes_of, reason_text
from tergeu.history.models import ChangeEntry
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
    changes = changes_of(page.object_list, request.user)
    rows = [(entry, _kind(entry), changes[entry.pk], reason_text(entry.reason)) for entry in page.object_list]
    context = {"page": page, "rows": rows, "actor": actor, "params": params_without_page(request)}
    return render(request, "history/history.html", context)


def _kind(entry: ChangeEntry) -> str:
    """The kind of object an entry is about, in words ("pair decision"), not the model's key."""
    model = entry.object_type.model_class()
    return str(model._meta.verbose_name) if model is not None else entry.object_type.model
