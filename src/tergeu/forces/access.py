"""Which security-forces rows a user may see: the only place the forces app defines it.

Units, officials, postings, incidents and trainings are seen whole by the roles with ``view_forces``
(investigators, reviewers, analysts, administrators) and not at all by others: the expert mission's
share is of lists, and data entry imports files without reading the findings. An incident's victims
are registry people and stay behind the people's own visibility (``visible_to(user, Person)``).
Rows about other rows (names of a unit, resolved mentions) are seen through their unit, incident or
training.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet

from tergeu.accounts.access import register_visibility
from tergeu.accounts.roles import VIEW_FORCES, role_allows
from tergeu.forces.models import (
    Incident,
    Official,
    Perpetrator,
    Posting,
    Training,
    TrainingRecipient,
    Unit,
    UnitName,
    UnitRelation,
)

OWN_ROWS = (Unit, UnitRelation, Official, Posting, Incident, Training)
ABOUT_OTHERS = (UnitName, Perpetrator, TrainingRecipient)


def _all_or_none(model: type[Model]) -> Callable[[Any], QuerySet]:
    def visible(user: Any) -> QuerySet:
        return model.objects.all() if role_allows(user, VIEW_FORCES) else model.objects.none()

    visible.__name__ = f"visible_{model._meta.model_name}s"
    visible.__doc__ = f"Every {model._meta.verbose_name} for roles with view_forces, none for others."
    return visible


def register() -> None:
    for model in OWN_ROWS:
        register_visibility(model, _all_or_none(model))
    for model in ABOUT_OTHERS:
        register_visibility(model, _all_or_none(model), about_others=True)
