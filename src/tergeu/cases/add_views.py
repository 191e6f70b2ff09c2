"""The handlers' form for a new complaint: its people protected, the access code shown in the answer only.

Identities arrive in a POST body and go straight to ``service.add_complaint`` (sealed there); they are
kept out of error reports. The answer is the one page that shows the new code; it is never cached.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from tergeu.accounts.access import requires
from tergeu.accounts.roles import MANAGE_CASES
from tergeu.cases import service
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
