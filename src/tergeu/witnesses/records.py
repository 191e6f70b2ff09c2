"""Statements and the pressure log of a protected person, and the alerts they raise.

Texts are sealed with the person's record key, which ``forget`` keeps: a statement stays readable
(pseudonymous) after its author's identity is destroyed. A retraction is a pressure event that points
at the statement it withdraws; the statement is marked, never deleted. Each new event alerts the
person's handlers (a live grant and a role that handles witnesses): in the app, and by e-mail when
mail is configured; so does each reveal, to the handlers other than the one who revealed. The alert
names the pseudonym and the kind of event (or who revealed) only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from tergeu.provenance.vocab import choice_refusal
from tergeu.witnesses.alerts import alert_handlers, handlers_of
from tergeu.witnesses.models import PressureEvent, ProtectedPerson, Statement
from tergeu.witnesses.protection import open_value, seal_value
from tergeu.witnesses.service import ProtectionRefused, person_keys
from tergeu.witnesses.vocab import PRESSURE_KINDS, PressureKind

STATEMENT_TABLE = Statement._meta.db_table
PRESSURE_TABLE = PressureEvent._meta.db_table
PRESSURE_TEXTS = ("text", "reported_by", "follow_up")
__all__ = ["alert_handlers", "handlers_of"]  # alerts live in alerts.py; the old names stay here


@transaction.atomic
def add_statement(person: ProtectedPerson, text: str, *, by: str, given_on: datetime.date | None = None) -> Statement:
    if not (text or "").strip():
        raise ProtectionRefused(_("the statement is empty"))
    statement = Statement(person=person, given_on=given_on, recorded_by=by)
    statement.text = seal_value(person_keys(person).records, STATEMENT_TABLE, statement.public_id, "text", text)
    statement.save()
    return statement


@dataclass(frozen=True)
class Pressure:
    """What a pressure event says, as given (texts in plaintext until :func:`record_pressure` seals them)."""

    occurred_on: datetime.date
    kind: str
    text: str = ""
    reported_by: str = ""
    follow_up: str = ""
    voluntary: bool | None = None
    withdraws: Statement | None = None


def _check_pressure(person: ProtectedPerson, pressure: Pressure) -> None:
    refusal = choice_refusal("kind", pressure.kind, PRESSURE_KINDS)
    if refusal:
        raise ProtectionRefused(refusal)
    if pressure.withdraws is not None:
        if pressure.kind != PressureKind.RETRACTION:
            raise ProtectionRefused(_("only a retraction withdraws a statement"))
        if pressure.withdraws.person_id != person.pk:
            raise ProtectionRefused(_("the withdrawn statement is another person's"))
        if pressure.withdraws.retracted:
            raise ProtectionRefused(_("this statement was already retracted"))


@transaction.atomic
def record_pressure(person: ProtectedPerson, pressure: Pressure, *, by: str) -> PressureEvent:
    """One dated event of pressure (a retraction marks the statement it withdraws); handlers are alerted."""
    _check_pressure(person, pressure)
    key = person_keys(person).records
    event = PressureEvent(person=person, occurred_on=pressure.occurred_on, kind=pressure.kind, recorded_by=by,
                          voluntary=pressure.voluntary if pressure.kind == PressureKind.RETRACTION else None,
                          withdraws=pressure.withdraws)
    for field in PRESSURE_TEXTS:
        value = getattr(pressure, field)
        setattr(event, field, seal_value(key, PRESSURE_TABLE, event.public_id, field, value) if value else b"")
    event.save()
    if pressure.withdraws is not None:
        statement = Statement.objects.select_for_update().get(pk=pressure.withdraws.pk)
        statement.retracted, statement.retraction = True, event
        statement.save(update_fields=["retracted", "retraction"])
    transaction.on_commit(lambda: alert_handlers(event))
    return event


def statement_texts(person: ProtectedPerson) -> list[tuple[Statement, str]]:
    key = person_keys(person).records
    return [(s, open_value(key, STATEMENT_TABLE, s.public_id, "text", s.text)) for s in person.statements.all()]


def pressure_log(person: ProtectedPerson) -> list[tuple[PressureEvent, dict[str, str]]]:
    key = person_keys(person).records
    return [(e, {field: open_value(key, PRESSURE_TABLE, e.public_id, field, getattr(e, field)) or ""
                 for field in PRESSURE_TEXTS})
            for e in person.pressure_events.select_related("withdraws")]
