"""Records side by side, field by field, for a reviewer deciding whether they are one person.

Each canonical field any of the records states is one row: its label, each record's value (dates in
the one date format), and whether the records agree. Agreement is said in words and a symbol as well
as by colour (``✓`` same, ``✗`` different, ``–`` stated by some records only), so it reads without
colour vision and in a screen reader. Values are compared as written, ignoring case, spaces and
punctuation: the model's evidence (the "why" table) judges spellings; this is what the eye checks.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from tergeu.core.fields import FIELDS
from tergeu.registry.labels import field_label
from tergeu.toolkit.dates import day_text

SAME, DIFFERENT, PARTLY = "same", "different", "partly"
_ORDER = [spec.name for spec in FIELDS]
_DATES = {"date_of_birth", "date_of_death", "date_recorded"}


@dataclass(frozen=True)
class FieldRow:
    label: str
    values: list[str]
    agreement: str  # SAME, DIFFERENT or PARTLY

    @property
    def symbol(self) -> str:
        return {SAME: "✓", DIFFERENT: "✗", PARTLY: "–"}[self.agreement]

    @property
    def words(self) -> str:
        return {SAME: _("agree"), DIFFERENT: _("differ"), PARTLY: _("stated by some only")}[self.agreement]


def _shown(field: str, value: Any) -> str:
    text = str(value)
    if field in _DATES and len(text) == 10:
        try:
            return day_text(datetime.date.fromisoformat(text))
        except ValueError:
            return text
    return text


def _key(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def aligned_fields(records: list[Any]) -> list[FieldRow]:
    """One row per field any of ``records`` states (in the canonical order), with the agreement."""
    stated = {field for record in records for field, value in record.facts.items() if value not in (None, "")}
    rows = []
    for field in sorted(stated, key=lambda name: (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)):
        values = [record.facts.get(field) for record in records]
        present = [_key(str(value)) for value in values if value not in (None, "")]
        if len(present) < len(values):
            agreement = PARTLY if len(set(present)) <= 1 else DIFFERENT
        else:
            agreement = SAME if len(set(present)) == 1 else DIFFERENT
        try:
            label = field_label(field)
        except KeyError:
            label = field
        rows.append(FieldRow(label, ["" if value in (None, "") else _shown(field, value) for value in values],
                             agreement))
    return rows
