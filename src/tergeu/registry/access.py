"""Which imported lists and records a user may see: the only place the registry defines it.

Roles that see every list see them all. The expert mission (``VIEW_REGISTRY`` alone) sees the lists
shared with the mission and those granted to its member by name (``Grant``); their records follow
their list. Everyone else sees none.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tergeu.accounts.access import granted, register_visibility
from tergeu.accounts.roles import VIEW_ALL_LISTS, VIEW_REGISTRY, role_allows
from tergeu.registry.models import ImportedList, Record


def _visible_list_ids(user: Any) -> Q | None:
    """A filter on list ids for a role that sees some lists; ``None`` when it sees all of them."""
    if role_allows(user, VIEW_ALL_LISTS):
        return None
    if role_allows(user, VIEW_REGISTRY):
        return Q(shared_with_mission=True) | Q(pk__in=granted(user, ImportedList))
    return Q(pk__in=[])


def visible_lists(user: Any) -> QuerySet[ImportedList]:
    lists = ImportedList.objects.select_related("source")
    which = _visible_list_ids(user)
    return lists if which is None else lists.filter(which)


def visible_records(user: Any) -> QuerySet[Record]:
    records = Record.objects.select_related("imported_list", "imported_list__source")
    which = _visible_list_ids(user)
    if which is None:
        return records
    return records.filter(imported_list__in=ImportedList.objects.filter(which).values("pk"))


def register() -> None:
    register_visibility(ImportedList, visible_lists)
    register_visibility(Record, visible_records)
