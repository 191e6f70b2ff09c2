"""Which change-history entries a user may see: the only place the history defines it.

The history shows what changed, before and after: it is as revealing as the objects themselves. So a
user sees an entry only with the capability to read the history *and* the right to see the object it
is about, as that object's app defines it (``visible_to``), or, for a model tracked with a ``scope``,
the right to see the entry's scope object (a testimony's entries follow its witness). Entries about
models whose visibility no app declared are shown to no one.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from tergeu.accounts.access import register_visibility, visible_models, visible_to
from tergeu.accounts.roles import VIEW_HISTORY, role_allows
from tergeu.history.models import ChangeEntry


def _sees_all(objects: QuerySet) -> bool:
    """Whether a visibility queryset is the whole table (no filter): then no id list is needed."""
    return not objects.query.where


def visible_entries(user: Any) -> QuerySet[ChangeEntry]:
    if not role_allows(user, VIEW_HISTORY):
        return ChangeEntry.objects.none()
    about = Q(pk__in=[])
    for model in visible_models():
        if model is ChangeEntry:
            continue
        objects = visible_to(user, model)
        kind = ContentType.objects.get_for_model(model)
        own, scoped = Q(object_type=kind, scope_type__isnull=True), Q(scope_type=kind)
        if not _sees_all(objects):
            keys = objects.annotate(key=Cast("pk", CharField())).values("key")
            own &= Q(object_id__in=keys)
            scoped &= Q(scope_id__in=keys)
        about |= own | scoped
    return ChangeEntry.objects.filter(about)


def register() -> None:
    register_visibility(ChangeEntry, visible_entries, about_others=True)
