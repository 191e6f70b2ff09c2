"""The victim's status page: public, no account, plain language, light enough for a cheap phone.

The code is sent in a POST body (never in a URL, so it stands in no server log or browser history); a
right code puts the complaint's public id in the session for ``SESSION_MINUTES`` (or until the code is
rotated or revoked) and redirects to the status, so a reload does not send the code again. A wrong or
revoked code answers 404 with the same form and no hint; during a cool-down every attempt answers 429.
Nothing here is cached.
"""

from __future__ import annotations

import time

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from tergeu.accounts.signin import client_address
from tergeu.cases import status
from tergeu.cases.models import Complaint
from tergeu.cases.service import ComplaintRefused
from tergeu.core.protect import ProtectionError

SESSION_KEY = "tergeu_status_complaint"
SESSION_MINUTES = 30


def _opened(request: HttpRequest) -> Complaint | None:
    kept = request.session.get(SESSION_KEY)
    if not isinstance(kept, dict) or time.time() - kept.get("at", 0) > SESSION_MINUTES * 60:
        return None
    complaint = Complaint.objects.filter(public_id=kept.get("id")).exclude(code_hash=None).first()
    if complaint is None or complaint.code_issued_at.isoformat() != kept.get("issued"):
        return None  # the code was rotated or revoked since: what it opened is closed too
    return complaint


@never_cache
@sensitive_post_parameters("code")
@sensitive_variables("code")
def enter(request: HttpRequest) -> HttpResponse:
    """The form; a POSTed code opens the status (302), or 404 / 429 with the form again."""
    if request.method != "POST":
        return render(request, "cases/status_enter.html")
    code = request.POST.get("code", "")
    try:
        complaint = status.open_with_code(code, client_address(request))
    except status.TooManyAttempts:
        return render(request, "cases/status_enter.html", {"cool_down": status.WINDOW.seconds // 60}, status=429)
    if complaint is None:
        return render(request, "cases/status_enter.html", {"wrong": True}, status=404)
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"id": complaint.public_id, "at": time.time(),
                                    "issued": complaint.code_issued_at.isoformat()}
    return redirect("cases:status_view")


@never_cache
def view(request: HttpRequest) -> HttpResponse:
    """The complaint's cases: steps with dates and public notes, what comes next, whom to contact."""
    complaint = _opened(request)
    if complaint is None:
        return redirect("cases:status")
    return render(request, "cases/status_view.html", {"complaint": complaint, "cases": status.status_of(complaint)})


@never_cache
@sensitive_post_parameters("text")
@sensitive_variables("text")
def message(request: HttpRequest) -> HttpResponse:
    """A message for the handlers, sealed; they are alerted. Only with the status open in this session."""
    complaint = _opened(request)
    if complaint is None or request.method != "POST":
        return redirect("cases:status")
    text = request.POST.get("text", "")
    try:
        status.leave_message(complaint, text)
    except ComplaintRefused as refused:
        messages.error(request, str(refused))
    except ProtectionError:  # the key file is missing or unreadable: say so, keep the page (review L2)
        return render(request, "cases/status_unavailable.html", status=503)
    else:
        if status.has_readers(complaint):
            messages.success(request, _("Your message was sent. The people handling your complaint will read it."))
        else:  # never promise a reader who does not exist (review M2)
            messages.warning(request, _("Your message was stored, but nobody is assigned to read it yet. If it is "
                                        "urgent, contact the organisation that gave you your access code."))
    return redirect("cases:status_view")


@never_cache
def leave(request: HttpRequest) -> HttpResponse:
    """Close the status on this device (a shared phone)."""
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
    return redirect("cases:status")
