"""History entries as a reader reads them: one row per field, its label, the value before and after.

An entry stores what changed as JSON keyed by column (``left_id``, ``decision``), values as stored
(``"same"``, ids, ISO dates). The history page turns that into words: the field's own label in the
reader's language, a choice's label, a related row's name (only when the reader may see that row:
the history never names what ``access.py`` hides, and a model that redacts fields is named by model
and id as in the log itself), linked to its page by its public id when it has one, dates in the one
date format. Redacted fields show that they are kept out of the history, never a value. A row with a
public id is never named by its primary key here (``toolkit.public_ids``): not its own ``id``, not
when a row it points at is hidden or gone.

A domain app can say how values of a field read (the canonical fact a claim is about, say) with
``register_value``; the history knows no domain app (``docs/architecture.md``).
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tergeu.accounts.access import visible_to
from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import label_of, redacted_fields
from tergeu.toolkit.dates import day_text, moment_text

# What an import entry states (``registry.importing.pipeline``): not fields of a model, so labelled here.
ENTRY_KEYS = {
    "list": gettext_lazy("List"),
    "file": gettext_lazy("File"),
    "sha256": gettext_lazy("SHA-256"),
    "rows": gettext_lazy("Rows"),
    "facts": gettext_lazy("Facts"),
    "source": gettext_lazy("Source"),
}
# Words for fields declared without a label of their own (Django would show their key in English).
FIELD_WORDS = {
    "id": gettext_lazy("ID"),
    "left": gettext_lazy("First record"),
    "right": gettext_lazy("Second record"),
    "decision": gettext_lazy("Decision"),
    "decided_by": gettext_lazy("Decided by"),
    "decided_at": gettext_lazy("Decided at"),
    "note": gettext_lazy("Note"),
    "source": gettext_lazy("Source"),
    "record": gettext_lazy("Record"),
    "subject_type": gettext_lazy("About (kind)"),
    "subject_id": gettext_lazy("About (id)"),
    "cited_type": gettext_lazy("Cited (kind)"),
    "cited_id": gettext_lazy("Cited (id)"),
    "created_at": gettext_lazy("Created at"),
}
_VALUE_READERS: dict[tuple[type[models.Model], str], Callable[[Any], str]] = {}
EMPTY = "—"


_REASONS: dict[str, Any] = {
    "changed fields kept out of the history": gettext_lazy("changed fields kept out of the history"),
}


def register_reason(reason: str, words: Any) -> None:
    """Give a reason an app writes into entries (``tracking.because``) its translated words for the page."""
    _REASONS[reason] = words


def reason_text(reason: str) -> str:
    """An entry's reason in the reader's language when an app registered it, else as stored."""
    words = _REASONS.get(reason)
    return str(words) if words is not None else reason


def register_value(model: type[models.Model], field: str, reader: Callable[[Any], str]) -> None:
    """Say how the stored values of ``model.field`` read in the history (called from an app's ``ready``)."""
    _VALUE_READERS[(model, field)] = reader


@dataclass(frozen=True)
class Change:
    """One field of one entry: its label, the value before and after (text), and whether it is kept out."""

    label: str
    before: str
    after: str
    kept_out: bool = False
    before_url: str = ""  # the page of the row named before/after, by its public id
    after_url: str = ""


def changes_of(entries: Iterable[ChangeEntry], user: Any) -> dict[int, list[Change]]:
    """For each entry (by id), its fields as labelled before/after rows; related rows named in bulk."""
    entries = list(entries)
    names = _related_names(entries, user)
    return {entry.pk: _entry_changes(entry, names) for entry in entries}


def _fields(model: type[models.Model] | None) -> dict[str, models.Field]:
    if model is None:
        return {}
    return {field.attname: field for field in model._meta.concrete_fields}


Names = dict[tuple[type, str], tuple[str, str]]  # (model, stored id) -> (name, page address or "")


def _has_public_id(model: type[models.Model] | None) -> bool:
    return model is not None and any(field.name == "public_id" for field in model._meta.concrete_fields)


def _entry_changes(entry: ChangeEntry, names: Names) -> list[Change]:
    model = entry.object_type.model_class()
    fields = _fields(model)
    before, after = entry.before or {}, entry.after or {}
    order = list(fields) + sorted((set(before) | set(after)) - set(fields))
    hidden = {"id"} if _has_public_id(model) else set()  # its public id names it; the key would count
    rows = []
    for key in order:
        if key in hidden or (key not in before and key not in after):
            continue
        field = fields.get(key)
        old = _value(model, field, before.get(key), names, _target(model, key, before)) if key in before else ("", "")
        new = _value(model, field, after.get(key), names, _target(model, key, after)) if key in after else ("", "")
        rows.append(Change(_label(field, key), old[0], new[0], before_url=old[1], after_url=new[1]))
    if model is not None and (entry.reason == "changed fields kept out of the history" or entry.action != "update"):
        kept = redacted_fields(model)
        rows += [Change(_label(fields.get(name) or _field_named(model, name), name), _("kept out of the history"),
                        _("kept out of the history"), kept_out=True) for name in sorted(kept)]
    return rows


def _field_named(model: type[models.Model], name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except Exception:  # a field since removed: its key is all there is
        return None


def _label(field: models.Field | None, key: str) -> str:
    if field is None:
        return str(ENTRY_KEYS.get(key, key))
    if field.verbose_name == field.name.replace("_", " ") and field.name in FIELD_WORDS:
        return str(FIELD_WORDS[field.name])  # no label of its own: Django's would be the key, in English
    text = str(field.verbose_name)
    return text[:1].upper() + text[1:]


def _target(model: type[models.Model] | None, key: str, values: dict) -> type[models.Model] | None:
    """The model of the row ``values[key]`` points at: a foreign key's, or a generic one's (the claim's
    ``subject_id`` is a record's id when its ``subject_type`` says record); None for other fields."""
    if model is None:
        return None
    field = _fields(model).get(key)
    if field is not None and field.is_relation and field.related_model is not None:
        return field.related_model
    for generic in model._meta.private_fields:
        if isinstance(generic, GenericForeignKey) and generic.fk_field == key:
            kind = values.get(model._meta.get_field(generic.ct_field).attname)
            try:
                return ContentType.objects.get_for_id(kind).model_class() if isinstance(kind, int) else None
            except ContentType.DoesNotExist:
                return None
    return None


def _value(model: type[models.Model] | None, field: models.Field | None, value: Any, names: Names,
           target: type[models.Model] | None = None) -> tuple[str, str]:
    """A stored value as text, and the page of the row it names ("" when none, or not to be linked)."""
    if value is None or value == "":
        return EMPTY, ""
    reader = _VALUE_READERS.get((model, field.name)) if field is not None and model is not None else None
    if reader is not None:
        return reader(value), ""
    if target is not None:
        if (target, str(value)) in names:
            return names[(target, str(value))]
        if _has_public_id(target):  # hidden or gone: say what it was, never its key
            return _("%(kind)s (not shown)") % {"kind": target._meta.verbose_name}, ""
        return f"{target._meta.verbose_name} {value}", ""
    if field is None:
        return _plain(value), ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value)), ""
    if isinstance(field, models.BooleanField):
        return (_("yes") if value else _("no")), ""
    return _moment(field, value) or _plain(value), ""


def _moment(field: models.Field, value: Any) -> str:
    """A stored ISO date or time in the one date format (with the zone for times); "" if it is not one."""
    try:
        if isinstance(field, models.DateTimeField):
            return moment_text(datetime.datetime.fromisoformat(value))
        if isinstance(field, models.DateField):
            return day_text(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return ""
    return ""


def _plain(value: Any) -> str:
    """Any other stored value as text: mappings as "key: value" pairs, not a JSON dump."""
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items()) or EMPTY
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value) or EMPTY
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _related_names(entries: list[ChangeEntry], user: Any) -> Names:
    """Names (and pages) of the rows the entries' foreign keys point at, for those the user may see."""
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = entry.object_type.model_class()
        for values in (entry.before or {}, entry.after or {}):
            for key, value in values.items():
                target = _target(model, key, values)
                if target is not None and isinstance(value, (int, str)) and str(value).isdigit():
                    wanted[target].add(str(value))
    names: Names = {}
    for model, ids in wanted.items():
        if model is ContentType:
            for kind in ContentType.objects.filter(pk__in=ids):
                names[(model, str(kind.pk))] = (str(kind.model_class()._meta.verbose_name) if kind.model_class()
                                                else kind.model, "")
            continue
        for row in visible_to(user, model).filter(pk__in=ids):
            page = row.get_absolute_url() if _has_public_id(model) and hasattr(row, "get_absolute_url") else ""
            names[(model, str(row.pk))] = (label_of(row), page)
    return names
