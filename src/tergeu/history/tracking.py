"""The change history: every create, change and delete of a tracked model, with who, when, before, after.

Why signals rather than explicit calls: a reviewer's edit in the admin, a form, the API or a shell must
all leave a trace, and only a hook at the model layer sees every one of them. Bulk imports bypass
per-row signals on purpose (100,000 rows would mean 100,000 entries); the import writes one
``import`` entry naming the list, its file hash and its row count instead.

The receivers are connected once per tracked model (``sender=``), never for every model: a delete
receiver listening to all models stops Django from deleting any model's rows in one statement (it
must load each row to announce it), so dropping a linkage run's 50,000 scored pairs took 503 queries.
Models without history (records, people, memberships, scored pairs) now delete in one statement.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import decimal
import getpass
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save

_actor: contextvars.ContextVar[tuple[str, Any] | None] = contextvars.ContextVar("tergeu_actor", default=None)
_TRACKED: set[type[models.Model]] = set()
_connected = False


def track(model: type[models.Model]) -> type[models.Model]:
    """Class decorator: keep a history of this model's changes."""
    _TRACKED.add(model)
    if _connected:  # a model defined after the app registry was ready (tests)
        _connect(model)
    return model


def current_actor() -> tuple[str, Any]:
    """(name, user or None) of whoever is acting now; the OS account when nobody signed in (CLI)."""
    actor = _actor.get()
    if actor is not None:
        return actor
    try:
        return (f"cli:{getpass.getuser()}", None)
    except (KeyError, OSError):
        return ("cli:unknown", None)


@contextlib.contextmanager
def acting_as(name: str, user: Any = None) -> Iterator[None]:
    token = _actor.set((name, user))
    try:
        yield
    finally:
        _actor.reset(token)


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The stored values of an instance's concrete fields, JSON-ready (foreign keys as ids)."""
    return {f.attname: _json_safe(getattr(instance, f.attname)) for f in instance._meta.concrete_fields}


def write_entry(instance: models.Model, action: str, before: dict | None, after: dict | None,
                reason: str = "") -> None:
    """One entry in the log (the model is looked up here: ``tracking`` is imported by the models it tracks)."""
    ChangeEntry = apps.get_model("history", "ChangeEntry")  # noqa: N806 (a model class)
    name, user = current_actor()
    ChangeEntry.objects.create(
        object_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        action=action,
        before=before,
        after=after,
        actor=name,
        user=user if user is not None and getattr(user, "pk", None) else None,
        reason=reason[:500],
    )


def _remember_before(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if sender not in _TRACKED or instance.pk is None or kwargs.get("raw"):
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._tergeu_before = snapshot(previous) if previous is not None else None


def _record_save(sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any) -> None:
    if sender not in _TRACKED or kwargs.get("raw"):
        return
    after = snapshot(instance)
    before = getattr(instance, "_tergeu_before", None)
    if created or before is None:
        write_entry(instance, "create", None, after)
        return
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if changed:
        write_entry(instance, "update", {k: before.get(k) for k in changed}, changed)


def _record_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if sender in _TRACKED:
        write_entry(instance, "delete", snapshot(instance), None)


def _connect(model: type[models.Model]) -> None:
    label = model._meta.label_lower
    pre_save.connect(_remember_before, sender=model, dispatch_uid=f"tergeu_history_pre:{label}")
    post_save.connect(_record_save, sender=model, dispatch_uid=f"tergeu_history_post:{label}")
    post_delete.connect(_record_delete, sender=model, dispatch_uid=f"tergeu_history_delete:{label}")


def connect_signals() -> None:
    """Connect the history to each tracked model only, so the others keep Django's one-statement deletes."""
    global _connected
    for model in _TRACKED:
        _connect(model)
    _connected = True


def delete_derived(queryset: QuerySet) -> int:
    """Delete rows that other rows determine (a person's fact claims) in one statement, with no entries.

    Every linkage run rewrites the claims about the people it changes; they were written in bulk with no
    history entry, and the run that rewrote them is their history. Going through the tracked delete
    would load each row and write an entry for it (for 40,000 people, some 270,000 entries per run) and
    would fill records' histories with deletions no one made. Only for models nothing else points at.
    """
    model = queryset.model
    if model._meta.related_objects:  # a cascade or a protection the single statement would skip
        raise ValueError(f"{model._meta.label} has rows pointing at it; delete it through the ORM")
    return queryset._raw_delete(queryset.db)
