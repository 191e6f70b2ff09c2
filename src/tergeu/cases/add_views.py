"""The handlers' forms for a new complaint (its people protected, the access code shown in the answer
only) and a new case about complaints.

Identities arrive in a POST body and go straight to ``service.add_complaint`` (sealed there); they are
kept out of error reports. The answer is the one page that shows the new code; it is never cached.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import MANAGE_CASES
from tergeu.cases import proceedings, service
from tergeu.cases.access import editable_complaints
from tergeu.cases.vocab import ComplaintKind
from tergeu.witnesses.views import protected

PLAIN = ("kind", "date", "until", "received_on", "place", "facility", "description", "injuries", "perpetrators",
         "reference")
PEOPLE = {"victim": ("name", "contact", "date_of_birth"), "complainant": ("name", "contact", "relatives")}


def complaint_from(post: Any) -> dict[str, Any]:
    """The form's fields as ``service.add_complaint`` takes them; a person with no name is left out."""
    data: dict[str, Any] = {field: post.get(field, "").strip() for field in PLAIN if post.get(field, "").strip()}
    for role, fields in PEOPLE.items():
        person = {field: post.get(f"{role}_{field}", "").strip() for field in fields}
        if person["name"]:
            data[role] = {field: value for field, value in person.items() if value}
    return data


@requires(MANAGE_CASES)
@protected
@sensitive_post_parameters()
@sensitive_variables()
def add_complaint(request: HttpRequest) -> HttpResponse:
    context = {"kinds": ComplaintKind.choices}
    if request.method != "POST":
        return render(request, "cases/add.html", context)
    try:
        complaint, code = service.add_complaint(complaint_from(request.POST), by=request.user.get_username(),
                                                user=request.user)
    except service.ComplaintRefused as refused:
        messages.error(request, str(refused))
        return render(request, "cases/add.html", context, status=400)
    return render(request, "cases/code.html", {"complaint": complaint, "code": code})


@require_POST
@requires(MANAGE_CASES)
def add_case(request: HttpRequest) -> HttpResponse:
    """A case from the cases page's form; its complaints by id, one a line, among those the user may change."""
    post = request.POST
    data = {field: post.get(field, "") for field in ("number", "authority", "article", "authority_name", "contact")}
    data["complaints"] = [line.strip().lower() for line in post.get("complaints", "").split() if line.strip()]
    try:
        case = proceedings.add_case(data, editable_complaints(request.user), by=request.user.get_username(),
                                    user=request.user)
    except service.ComplaintRefused as refused:
        messages.error(request, str(refused))
        return redirect("cases:cases")
    return redirect(case)
