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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save

from tergeu.history import chain

_actor: contextvars.ContextVar[tuple[str, Any] | None] = contextvars.ContextVar("tergeu_actor", default=None)
_reason: contextvars.ContextVar[str] = contextvars.ContextVar("tergeu_reason", default="")
_connected = False


@dataclass(frozen=True)
class Tracking:
    """How a model's changes are logged: fields kept out, and whose visibility governs its entries."""

    redact: frozenset[str] = frozenset()
    scope: Callable[[Any], models.Model | None] | None = None


_TRACKED: dict[type[models.Model], Tracking] = {}


def track(model: type[models.Model] | None = None, *, redact: Iterable[str] = (),
          scope: Callable[[Any], models.Model | None] | None = None) -> Any:
    """Class decorator: keep a history of this model's changes (``@track`` or ``@track(redact=[...])``).

    ``redact``: fields whose values never enter the log (a protected person's name, an address): the
    entry says that they changed, never from what to what, and the entry's label is the model and id,
    never ``str(instance)``. ``scope``: instance -> the object whose visibility governs who sees the
    entries (a testimony's entries are seen by those who may see its witness).
    """
    def register(cls: type[models.Model]) -> type[models.Model]:
        names = frozenset(redact)
        unknown = names - {f.name for f in cls._meta.concrete_fields} - {f.attname for f in cls._meta.concrete_fields}
        if unknown:
            raise ValueError(f"{cls.__name__} has no fields {sorted(unknown)} to redact")
        _TRACKED[cls] = Tracking(names, scope)
        if _connected:  # a model defined after the app registry was ready (tests)
            _connect(cls)
        return cls

    return register(model) if model is not None else register


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


@contextlib.contextmanager
def because(reason: str) -> Iterator[None]:
    """Give the entries written inside the block a reason ("undo of ..."): a change made to reverse an
    earlier one is a new entry that says so, never an edit or deletion of the log."""
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _options(model: type[models.Model]) -> Tracking:
    return _TRACKED.get(model, Tracking())


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The stored values of an instance's concrete fields, JSON-ready (foreign keys as ids), redacted
    fields left out."""
    hidden = _options(type(instance)).redact
    return {f.attname: _json_safe(getattr(instance, f.attname)) for f in instance._meta.concrete_fields
            if f.name not in hidden and f.attname not in hidden}


def _kind_and_id(instance: models.Model) -> str:
    """"model id": by its public id when the model has one (its key would count hidden rows)."""
    return f"{instance._meta.model_name} {getattr(instance, 'public_id', '') or instance.pk}"


def _label(instance: models.Model) -> str:
    """What the log calls the object: its ``str``, unless the model redacts anything (then model and id)."""
    if _options(type(instance)).redact:
        return _kind_and_id(instance)
    return str(instance)[:200]


def label_of(instance: models.Model) -> str:
    """What the history page calls a row an entry points at: its name (``display_name`` or ``str``),
    unless the model redacts anything (then model and id: a redacted name must not come back as a label)."""
    if _options(type(instance)).redact:
        return _kind_and_id(instance)
    return (getattr(instance, "display_name", "") or str(instance))[:200]


def redacted_fields(model: type[models.Model]) -> frozenset[str]:
    """The fields of ``model`` whose values never enter the log."""
    return _options(model).redact


def write_entry(instance: models.Model, action: str, before: dict | None, after: dict | None,
                reason: str = "") -> None:
    """Append one entry to the log; it is sealed into the hash chain once its transaction commits (the
    model is looked up here: ``tracking`` is imported by the models it tracks)."""
    ChangeEntry = apps.get_model("history", "ChangeEntry")  # noqa: N806 (a model class)
    name, user = current_actor()
    scope_of = _options(type(instance)).scope
    scope = scope_of(instance) if scope_of is not None else None
    ChangeEntry.objects.create(
        object_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=_label(instance),
        action=action,
        before=before,
        after=after,
        actor=name,
        user=user if user is not None and getattr(user, "pk", None) else None,
        reason=(reason or _reason.get())[:500],
        scope_type=ContentType.objects.get_for_model(type(scope)) if scope is not None else None,
        scope_id=str(scope.pk) if scope is not None else "",
    )
    chain.seal_after_commit()


def _remember_before(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if sender not in _TRACKED or instance.pk is None or kwargs.get("raw"):
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._tergeu_before = snapshot(previous) if previous is not None else None
    hidden = _options(sender).redact
    instance._tergeu_redacted_changed = previous is not None and any(
        getattr(previous, name) != getattr(instance, name) for name in hidden)


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
    elif _redacted_changed(instance):
        write_entry(instance, "update", {}, {}, reason="changed fields kept out of the history")


def _redacted_changed(instance: models.Model) -> bool:
    """Whether a redacted field changed in this save (known from the values read before it, not logged)."""
    return bool(getattr(instance, "_tergeu_redacted_changed", False))


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
