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
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from tergeu.accounts.models import Grant
from tergeu.accounts.roles import HANDLE_WITNESSES, role_allows
from tergeu.provenance.vocab import choice_refusal
from tergeu.witnesses.models import Notification, PressureEvent, ProtectedPerson, RevealLog, Statement
from tergeu.witnesses.protection import open_value, seal_value
from tergeu.witnesses.service import ProtectionRefused, person_keys
from tergeu.witnesses.vocab import PRESSURE_KINDS, PressureKind

logger = logging.getLogger("tergeu.witnesses")
STATEMENT_TABLE = Statement._meta.db_table
PRESSURE_TABLE = PressureEvent._meta.db_table
PRESSURE_TEXTS = ("text", "reported_by", "follow_up")


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


def handlers_of(person: ProtectedPerson) -> list[Any]:
    """The users who handle ``person``: a live grant on them *and* a role that handles witnesses.

    A grant alone is not enough: someone moved to another role (or granted by mistake) sees every page
    of the person answer 404, and must not learn of them by notification or e-mail either.
    """
    from django.db.models import Q
    from django.utils import timezone

    live = Grant.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()),
                                scope_type__app_label="witnesses", scope_type__model="protectedperson",
                                scope_id=person.pk)
    users = get_user_model().objects.filter(pk__in=live.values("user_id"), is_active=True).order_by("pk")
    return [user for user in users if role_allows(user, HANDLE_WITNESSES)]


def _mail(users: list[Any], subject: str, pseudonym: str) -> None:
    """An e-mail with only ``subject`` (a pseudonym and what happened) where mail is configured."""
    addresses = [user.email for user in users if user.email]
    if settings.EMAIL_HOST and addresses:
        try:
            send_mail(subject, subject, None, addresses)
        except OSError:
            logger.warning("could not send the alert for %s by e-mail", pseudonym)


def alert_handlers(event: PressureEvent) -> int:
    """One notification per handler; an e-mail too where mail is configured. How many were alerted."""
    handlers = handlers_of(event.person)
    Notification.objects.bulk_create(Notification(user=user, person=event.person, event=event) for user in handlers)
    _mail(handlers, _("Tergeu: %(kind)s recorded for %(pseudonym)s") % {
        "kind": PressureKind(event.kind).label, "pseudonym": event.person.pseudonym}, event.person.pseudonym)
    return len(handlers)


def alert_reveal(log: RevealLog) -> int:
    """Tell every other handler that ``log.actor`` revealed the identity: a stolen account revealing
    people one by one is seen at once, not when someone opens the person's page."""
    others = [user for user in handlers_of(log.person) if user.pk != log.user_id]
    Notification.objects.bulk_create(Notification(user=user, person=log.person, reveal=log) for user in others)
    _mail(others, _("Tergeu: the identity of %(pseudonym)s was revealed by %(user)s") % {
        "pseudonym": log.person.pseudonym, "user": log.actor}, log.person.pseudonym)
    return len(others)


def statement_texts(person: ProtectedPerson) -> list[tuple[Statement, str]]:
    key = person_keys(person).records
    return [(s, open_value(key, STATEMENT_TABLE, s.public_id, "text", s.text)) for s in person.statements.all()]


def pressure_log(person: ProtectedPerson) -> list[tuple[PressureEvent, dict[str, str]]]:
    key = person_keys(person).records
    return [(e, {field: open_value(key, PRESSURE_TABLE, e.public_id, field, getattr(e, field)) or ""
                 for field in PRESSURE_TEXTS})
            for e in person.pressure_events.select_related("withdraws")]
