"""Who may see complaints and cases: the only place the cases app defines it.

Roles with ``view_all_cases`` (administrators, investigators, reviewers, analysts) see every complaint
and case; the expert mission (``view_cases`` alone) sees the cases granted to it by name (``tergeu grant``)
and the complaints of those cases, or complaints granted one by one. Nobody else sees any. Steps,
officials, victims and messages are seen through their case or complaint. The victims themselves stay
protected people: a complaint shows their pseudonym; their identity is the witnesses app's to reveal, to
their handlers only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tergeu.accounts.access import granted, register_visibility
from tergeu.accounts.roles import MANAGE_CASES, VIEW_ALL_CASES, VIEW_CASES, role_allows
from tergeu.cases.models import (
    Case,
    CaseAlert,
    CaseOfficial,
    CaseStep,
    Complaint,
    ComplaintPerson,
    Facility,
    StatusVisit,
    VictimMessage,
)
from tergeu.witnesses.access import visible_people


def visible_cases(user: Any) -> QuerySet[Case]:
    if role_allows(user, VIEW_ALL_CASES):
        return Case.objects.all()
    if not role_allows(user, VIEW_CASES):
        return Case.objects.none()
    return Case.objects.filter(pk__in=granted(user, Case))


def visible_complaints(user: Any) -> QuerySet[Complaint]:
    if role_allows(user, VIEW_ALL_CASES):
        return Complaint.objects.all()
    if not role_allows(user, VIEW_CASES):
        return Complaint.objects.none()
    return Complaint.objects.filter(Q(pk__in=granted(user, Complaint)) |
                                    Q(cases__in=visible_cases(user))).distinct()


def editable_cases(user: Any) -> QuerySet[Case]:
    """Cases ``user`` may add steps and officials to: a role that manages cases, and the case visible."""
    return visible_cases(user) if role_allows(user, MANAGE_CASES) else Case.objects.none()


def editable_complaints(user: Any) -> QuerySet[Complaint]:
    return visible_complaints(user) if role_allows(user, MANAGE_CASES) else Complaint.objects.none()


def code_managers(user: Any) -> QuerySet[Complaint]:
    """Complaints whose access code ``user`` may rotate, revoke or print a letter for: a role that manages
    cases *and* a handler of the code holder. A new code lets its bearer read the case through the victim's
    eyes and speak to the handlers as the victim, so it is the holder's handlers' alone (review H1)."""
    return editable_complaints(user).filter(holder__in=visible_people(user))


def visible_facilities(user: Any) -> QuerySet[Facility]:
    return Facility.objects.all() if role_allows(user, VIEW_CASES) else Facility.objects.none()


def _through(model: Any, field: str, visible: Any) -> Any:
    def through(user: Any) -> QuerySet:
        return model.objects.filter(**{f"{field}__in": visible(user)})

    through.__name__ = f"visible_{model._meta.model_name}s"
    return through


def visible_messages(user: Any) -> QuerySet[VictimMessage]:
    """A complainant's messages: for those who see the complaint *and* handle its code holder (they are
    sealed under the holder's key, and may name them)."""
    return VictimMessage.objects.filter(complaint__in=visible_complaints(user),
                                        complaint__holder__in=visible_people(user))


def visible_alerts(user: Any) -> QuerySet[CaseAlert]:
    """The user's own alerts: a message (seen as the message is), or a code rotated or revoked by another
    handler (seen by those who handle the holder)."""
    if not getattr(user, "is_authenticated", False):
        return CaseAlert.objects.none()
    return CaseAlert.objects.filter(Q(message__in=visible_messages(user)) | Q(
        message=None, complaint__in=visible_complaints(user), complaint__holder__in=visible_people(user)),
        user=user)


def register() -> None:
    register_visibility(Case, visible_cases)
    register_visibility(Complaint, visible_complaints)
    register_visibility(Facility, visible_facilities)
    # A step is a subject of its own (its source is cited through provenance); seen through its case.
    register_visibility(CaseStep, _through(CaseStep, "case", visible_cases))
    register_visibility(CaseOfficial, _through(CaseOfficial, "case", visible_cases), about_others=True)
    register_visibility(VictimMessage, visible_messages, about_others=True)
    for model in (ComplaintPerson, StatusVisit):
        register_visibility(model, _through(model, "complaint", visible_complaints), about_others=True)
    register_visibility(CaseAlert, visible_alerts, about_others=True)
