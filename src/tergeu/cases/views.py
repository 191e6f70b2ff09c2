"""The handlers' pages: complaints, one complaint (pseudonyms, sealed texts for the holder's handlers,
messages, the access code's state), cases with their steps, officials and overdue flags, and the funnel.

Every row is found through ``access.py`` (404 otherwise). The access code is shown in the answer to a
rotation only, never on a page that can be reloaded or bookmarked.
"""

from __future__ import annotations

import datetime
import itertools
import secrets
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tergeu.accounts.access import can, requires, visible_to
from tergeu.accounts.roles import MANAGE_CASES, VIEW_CASES
from tergeu.cases import proceedings, service, status
from tergeu.cases.access import (
    code_managers,
    editable_cases,
    editable_complaints,
    visible_alerts,
    visible_cases,
    visible_complaints,
    visible_messages,
)
from tergeu.cases.charts import CHART_HEIGHT, funnel_bars
from tergeu.cases.funnel import funnel_for
from tergeu.cases.vocab import Authority, ClosingGrounds, ComplaintKind, StepStatus
from tergeu.core.places import place_name
from tergeu.linkage.models import Person
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation
from tergeu.toolkit.public_ids import get_by_public_id
from tergeu.witnesses.access import visible_people
from tergeu.witnesses.views import protected

MAX_LISTED = 500
CODE_FORM = "cases:code-form:"  # session key prefix of the code form's one-time token


@requires(VIEW_CASES)
def complaints_page(request: HttpRequest) -> HttpResponse:
    complaints = visible_complaints(request.user).select_related("facility")
    kind = request.GET.get("kind", "")
    if kind in ComplaintKind.values:
        complaints = complaints.filter(kind=kind)
    return render(request, "cases/complaints.html", {"complaints": complaints[:MAX_LISTED], "kind": kind,
                                                     "kinds": ComplaintKind.choices,
                                                     "total": complaints.count(),
                                                     "alerts": visible_alerts(request.user).filter(read_at=None)
                                                     .select_related("complaint", "message__complaint")[:50],
                                                     "can_manage": can(request.user, MANAGE_CASES)})


@requires(VIEW_CASES)
@protected
def complaint_page(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    complaint = get_by_public_id(visible_complaints(user).select_related("facility", "holder"), public_id)
    handles = visible_people(user).filter(pk=complaint.holder_id).exists()
    notes = visible_messages(user).filter(complaint=complaint)
    visible_alerts(user).filter(Q(message__complaint=complaint) | Q(complaint=complaint),
                                read_at=None).update(read_at=timezone.now())
    # The deceased victim is named only to a reader who may see that registry person (review M4).
    deceased = visible_to(user, Person).filter(pk=complaint.deceased_id).first() if complaint.deceased_id else None
    return render(request, "cases/complaint.html", {
        "complaint": complaint, "people": service.pseudonyms(complaint), "deceased": deceased,
        "texts": service.complaint_texts(complaint) if handles else None,
        "notes": [(note, status.message_text(note)) for note in notes] if handles else [],
        "cases": visible_cases(user).filter(complaints=complaint),
        "place": place_name(complaint.place_key) if complaint.place_key else complaint.place,
        "visits": complaint.visits.count(), "last_visit": complaint.visits.first(),
        "can_manage": editable_complaints(user).filter(pk=complaint.pk).exists(),
        "can_issue_code": (can_issue := handles and code_managers(user).filter(pk=complaint.pk).exists()),
        "form_token": _code_form(request, complaint) if can_issue else "",
    })


def _code_form(request: HttpRequest, complaint: Any) -> str:
    """A one-time token for the code's form: the POST that uses it pops it, so a reload changes nothing."""
    token = secrets.token_urlsafe(16)
    request.session[f"{CODE_FORM}{complaint.public_id}"] = token
    return token


@require_POST
@requires(MANAGE_CASES)
@never_cache
def complaint_code(request: HttpRequest, public_id: str) -> HttpResponse:
    """Rotate (the new code shown in this answer only) or revoke the complaint's access code."""
    user = request.user
    complaint = get_by_public_id(code_managers(user), public_id)
    if request.session.pop(f"{CODE_FORM}{complaint.public_id}", None) != request.POST.get("form") or not \
            request.POST.get("form"):  # a reload re-posts a used form: never a second, silent rotation (L12)
        messages.warning(request, _("Nothing was changed: that form was already used (a reload?). The code "
                                    "shown then is the one in force."))
        return redirect(complaint)
    if request.POST.get("action") == "revoke":
        if request.POST.get("confirm") != "yes":
            return render(request, "cases/code_confirm.html", {"complaint": complaint,
                                                               "form_token": _code_form(request, complaint)})
        service.revoke_code(complaint, by=user.get_username(), user=user)
        messages.success(request, _("The access code was revoked: no code opens this complaint's status page now."))
        return redirect(complaint)
    code = service.rotate_code(complaint, by=user.get_username(), user=user)
    return render(request, "cases/code.html", {"complaint": complaint, "code": code})


@requires(VIEW_CASES)
def cases_page(request: HttpRequest) -> HttpResponse:
    cases = visible_cases(request.user).prefetch_related("steps")
    rows = ((case, proceedings.state_of(case)) for case in cases.iterator(chunk_size=MAX_LISTED))
    if request.GET.get("overdue"):  # filtered before the cut, so an overdue case past the first 500 is found
        rows = ((case, state) for case, state in rows if state.overdue)
    rows = list(itertools.islice(rows, MAX_LISTED))
    return render(request, "cases/cases.html", {"rows": rows, "overdue_only": bool(request.GET.get("overdue")),
                                                "can_manage": can(request.user, MANAGE_CASES),
                                                "authorities": Authority.choices})


@requires(VIEW_CASES)
def case_page(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    case = get_by_public_id(visible_cases(user), public_id)
    steps = list(case.steps.order_by("on", "pk"))
    cited = citations_of(steps, visible_to(user, Citation))
    return render(request, "cases/case.html", {
        "case": case, "state": proceedings.state_of(case), "steps": [(step, cited[step.pk]) for step in steps],
        "officials": case.officials.all(), "complaints": visible_complaints(user).filter(cases=case),
        "can_manage": editable_cases(user).filter(pk=case.pk).exists(), "statuses": StepStatus.choices,
        "grounds": ClosingGrounds.choices, "today": datetime.date.today(),
        "complainants": case.complaints.count(),  # all of them read a public note, seen here or not (L9)
    })


@require_POST
@requires(MANAGE_CASES)
def add_step(request: HttpRequest, public_id: str) -> HttpResponse:
    case = get_by_public_id(editable_cases(request.user), public_id)
    post = request.POST
    try:
        day = datetime.date.fromisoformat(post.get("on", ""))
        proceedings.record_step(case, proceedings.Step(
            post.get("status", ""), day, post.get("note", ""), post.get("public_note", ""), post.get("grounds", ""),
            post.get("source", ""), post.get("source_kind") or "official", post.get("locator", "")),
            by=request.user.get_username())
    except ValueError as refused:  # a bad date, or a refusal of the service (a ValueError too)
        messages.error(request, str(refused))
    return redirect(case)


@requires(VIEW_CASES)
def funnel_page(request: HttpRequest) -> HttpResponse:
    """The funnel of what the reader may see, as bars, with the drop at each stage, per kind and region."""
    user = request.user
    found = funnel_for(visible_complaints(user), visible_cases(user), visible_to(user, Person).filter(retired_at=None))
    kinds = dict(ComplaintKind.choices)
    facets = [
        (_("By kind"), "by-kind", [(kinds.get(key, key), row) for key, row in found["by_kind"].items()]),
        (_("By region"), "by-region", [(place_name(key) if key else "—", row)
                                       for key, row in found["by_region"].items()]),
        (_("By month"), "by-month", [(key or "—", row) for key, row in found["by_month"].items()]),
    ]
    return render(request, "cases/funnel.html", {"funnel": found, "bars": funnel_bars(found), "facets": facets,
                                                 "height": CHART_HEIGHT})
