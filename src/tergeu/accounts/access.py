"""What a user may see, as querysets and view decorators.

Denials answer 404, never 403: a record someone may not see must be indistinguishable from one that
does not exist. Anonymous visitors are sent to sign in (pages) or get 401 (API).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from tergeu.accounts.roles import VIEW_ALL_LISTS, VIEW_REGISTRY, can
from tergeu.registry.models import ImportedList, Record


def visible_lists(user: Any) -> QuerySet[ImportedList]:
    lists = ImportedList.objects.select_related("source")
    if can(user, VIEW_ALL_LISTS):
        return lists
    if can(user, VIEW_REGISTRY):
        return lists.filter(shared_with_mission=True)
    return lists.none()


def visible_records(user: Any) -> QuerySet[Record]:
    records = Record.objects.select_related("imported_list", "imported_list__source")
    if can(user, VIEW_ALL_LISTS):
        return records
    if can(user, VIEW_REGISTRY):
        return records.filter(imported_list__shared_with_mission=True)
    return records.none()


def requires(capability: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: sign-in first, then the capability, else 404."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                raise Http404("not found")
            return view(request, *args, **kwargs)

        wrapper.tergeu_capability = capability  # read by the permission test
        return wrapper

    return decorator
