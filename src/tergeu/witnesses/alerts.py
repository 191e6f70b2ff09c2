"""Alerts to a protected person's handlers: pressure recorded, or their identity revealed by another.

In the app (a ``Notification``) and by e-mail where mail is configured. Only real handlers are told: a
live grant *and* a role that handles witnesses, the same rule as :mod:`tergeu.witnesses.access`. The
alert names the pseudonym and what happened (or who revealed), never the identity or a text. Kept apart
from ``service`` and ``records`` so both can raise alerts without importing each other.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from tergeu.accounts.models import Grant
from tergeu.accounts.roles import HANDLE_WITNESSES, role_allows
from tergeu.witnesses.models import Notification, PressureEvent, ProtectedPerson, RevealLog
from tergeu.witnesses.vocab import PressureKind

logger = logging.getLogger("tergeu.witnesses")


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
