"""The handlers' pages: the dashboard of witnesses under pressure, a person's page, and the forms.

Every person is found through ``access.visible_people`` (404 otherwise); an identity is shown only
in the answer to a reveal (a POST with a reason), never on a page that can be bookmarked or cached
(``Cache-Control: no-store`` is set on every page by the site's middleware, and again here).
A missing or wrong key file shows what is wrong with it, never anything readable.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import HANDLE_WITNESSES
from tergeu.core.protect import ProtectionError
from tergeu.toolkit.public_ids import get_by_public_id
from tergeu.witnesses import forms, records, service
from tergeu.witnesses.access import editable_people, visible_notifications, visible_people
from tergeu.witnesses.models import IDENTITY_FIELDS, RevealRequest
from tergeu.witnesses.vocab import PressureKind

RECENT = datetime.timedelta(days=90)


def protected(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching anywhere; a key-file problem answers 503 with its message (naming the file)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ProtectionError as problem:
            return render(request, "witnesses/unavailable.html", {"problem": str(problem)}, status=503)

    return never_cache(wrapper)


@requires(HANDLE_WITNESSES)
@protected
def dashboard(request: HttpRequest) -> HttpResponse:
    """The people the user handles, those under recent pressure first, and the user's alerts."""
    since = timezone.localdate() - RECENT
    people = visible_people(request.user).annotate(
        recent=Count("pressure_events", filter=Q(pressure_events__occurred_on__gte=since)),
        last_event=Max("pressure_events__occurred_on"),
        retractions=Count("pressure_events", filter=Q(pressure_events__kind=PressureKind.RETRACTION)),
    ).order_by("-recent", "-last_event", "pseudonym")
    alerts = visible_notifications(request.user).select_related("person", "event", "reveal")[:30]
    return render(request, "witnesses/dashboard.html", {"people": people, "alerts": alerts})


@requires(HANDLE_WITNESSES)
@protected
@sensitive_post_parameters()
@sensitive_variables()
def add(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "witnesses/add.html", {"fields": IDENTITY_FIELDS})
    identity = {field: request.POST.get(field, "").strip() for field in IDENTITY_FIELDS}
    try:
        mine = visible_people(request.user)
        similar = list(service.duplicates_of(identity["name"], mine)) if identity["name"] else []
        person = service.add_person(identity, by=request.user.get_username(), user=request.user)
    except service.ProtectionRefused as refused:
        messages.error(request, str(refused))
        return render(request, "witnesses/add.html", {"fields": IDENTITY_FIELDS}, status=400)
    if similar:
        messages.warning(request, _("A similar name is already registered: %(people)s")
                         % {"people": ", ".join(other.pseudonym for other in similar)})
    return redirect(person)


@requires(HANDLE_WITNESSES)
@protected
def person_page(request: HttpRequest, person_id: str) -> HttpResponse:
    person = get_by_public_id(visible_people(request.user), person_id)
    visible_notifications(request.user).filter(person=person, read_at=None).update(read_at=timezone.now())
    pending = person.reveal_requests.filter(approved_at=None).select_related("requested_by")
    return render(request, "witnesses/person.html", {
        "person": person, "statements": records.statement_texts(person), "pressure": records.pressure_log(person),
        "reveals": person.reveals.all()[:50], "pending": pending, "kinds": PressureKind.choices,
        "can_edit": editable_people(request.user).filter(pk=person.pk).exists(),
    })


def _write_then_return(request: HttpRequest, person_id: str, write: Callable[[Any, str], Any]) -> HttpResponse:
    """Run ``write(person, username)`` on a person the user may change (404 otherwise); a refusal becomes a
    message on the person's page, where the user goes back in either case."""
    person = get_by_public_id(editable_people(request.user), person_id)
    try:
        write(person, request.user.get_username())
    except service.ProtectionRefused as refused:
        messages.error(request, str(refused))
    return redirect(person)


@require_POST
@requires(HANDLE_WITNESSES)
@protected
def add_statement(request: HttpRequest, person_id: str) -> HttpResponse:
    return _write_then_return(request, person_id, lambda person, by: records.add_statement(
        person, request.POST.get("text", ""), by=by,
        given_on=forms.day(request.POST.get("given_on"), _("given on"), required=False)))


@require_POST
@requires(HANDLE_WITNESSES)
@protected
def add_pressure(request: HttpRequest, person_id: str) -> HttpResponse:
    return _write_then_return(request, person_id, lambda person, by: records.record_pressure(
        person, forms.pressure_from(person, request.POST), by=by))


@require_POST
@requires(HANDLE_WITNESSES)
@protected
@sensitive_post_parameters()
@sensitive_variables()
def reveal(request: HttpRequest, person_id: str) -> HttpResponse:
    """The identity, in this answer only; with four eyes on and no approval, a request for one instead."""
    person = get_by_public_id(visible_people(request.user), person_id)
    reason = request.POST.get("reason", "")
    try:
        identity = service.reveal(person, actor=request.user.get_username(), reason=reason, user=request.user)
    except service.ApprovalNeeded:
        service.request_reveal(person, request.user, reason)  # the reason was checked before the approval
        messages.info(request, _("Your request to reveal this identity waits for another handler's approval."))
        return redirect(person)
    except service.RevealLimitReached as refused:
        messages.error(request, str(refused))
        return render(request, "witnesses/reveal_limit.html", {"person": person}, status=429)
    except service.ProtectionRefused as refused:
        messages.error(request, str(refused))
        return redirect(person)
    return render(request, "witnesses/identity.html", {"person": person, "identity": identity, "reason": reason})


@require_POST
@requires(HANDLE_WITNESSES)
@protected
def approve(request: HttpRequest, person_id: str, request_id: str) -> HttpResponse:
    person = get_by_public_id(visible_people(request.user), person_id)
    asked = get_by_public_id(RevealRequest.objects.filter(person=person), request_id)
    try:
        service.approve_reveal(asked, request.user)
    except service.ProtectionRefused as refused:
        messages.error(request, str(refused))
    return redirect(person)
