"""The review of uncertain resolutions: a person decides what an incident's or a training's name means.

Mentions the resolver could not settle (namesakes, close spellings: verdict ``review``) wait here with
their candidates. A decision links the mention to one unit or official, or to none, and is kept: the
row says who decided, and the change history (``@track``) keeps what it was before.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tergeu.forces.models import Mention, Official, Perpetrator, TrainingRecipient, Unit

MENTIONS: dict[str, type[Mention]] = {"perpetrator": Perpetrator, "recipient": TrainingRecipient}


class DecisionRefused(ValueError):
    """A decision naming no stored unit or official: nothing is changed."""


def open_mentions(rows: QuerySet[Mention]) -> QuerySet[Mention]:
    """The undecided mentions among ``rows`` that wait for a person."""
    return rows.filter(verdict="review", decided_by="").order_by("id")


def is_about_person(row: Mention) -> bool:
    return isinstance(row, Perpetrator) and row.kind == "person"


def decide_mention(row: Mention, chosen: str | None, by: str) -> Mention:
    """Link ``row`` to the unit or official with external id ``chosen``, or to nothing (``None``)."""
    row.unit = row.official = None
    if chosen is None:
        row.verdict, row.explanation = "unresolved", _("a person decided: none of the candidates")
    else:
        model = Official if is_about_person(row) else Unit
        target = model.objects.filter(external_id=chosen).first()
        if target is None:
            raise DecisionRefused(_("no unit or person has the id %(id)s") % {"id": repr(chosen[:100])})
        if model is Official:
            row.official = target
        else:
            row.unit = target
        row.verdict, row.score = "resolved", 1.0
        row.explanation = _("a person decided: %(name)s") % {"name": target.name}
    row.explanation = row.explanation[:300]
    row.decided_by = by[:150]
    row.save()
    return row
