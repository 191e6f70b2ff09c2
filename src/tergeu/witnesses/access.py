"""Who may know that a protected person exists: the only place the witnesses app defines it.

Need to know: a person is visible only to a user whose role handles witnesses *and* who holds a live
grant on that person (whoever adds a person is granted them). No role sees every protected person,
the administrator included: an administrator grants, and a grant is a logged row. Everything about a
person (statements, pressure, reveals, requests, alerts, the sealed identity) is seen through the person;
an alert also only by the user it is addressed to.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tergeu.accounts.access import granted, register_visibility
from tergeu.accounts.roles import HANDLE_WITNESSES, role_allows
from tergeu.witnesses.models import (
    Attachment,
    BlindToken,
    Identity,
    Notification,
    PressureEvent,
    ProtectedPerson,
    RevealLog,
    RevealRequest,
    Statement,
)


def visible_people(user: Any) -> QuerySet[ProtectedPerson]:
    if not role_allows(user, HANDLE_WITNESSES):
        return ProtectedPerson.objects.none()
    return ProtectedPerson.objects.filter(pk__in=granted(user, ProtectedPerson))


def editable_people(user: Any) -> QuerySet[ProtectedPerson]:
    """The people ``user`` may add statements and pressure events to (an edit grant)."""
    return visible_people(user).filter(pk__in=granted(user, ProtectedPerson, "edit"))


def _through_person(model: Any) -> Any:
    def visible(user: Any) -> QuerySet:
        return model.objects.filter(person__in=visible_people(user))

    return visible


def visible_notifications(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(person__in=visible_people(user), user=user)


def register() -> None:
    register_visibility(ProtectedPerson, visible_people)
    for model in (Identity, Attachment, BlindToken, Statement, PressureEvent, RevealLog, RevealRequest):
        register_visibility(model, _through_person(model), about_others=True)
    register_visibility(Notification, visible_notifications, about_others=True)
