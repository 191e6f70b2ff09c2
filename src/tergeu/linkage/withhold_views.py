"""The person page's small form that withholds a name from the public release, or publishes it again."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import WITHHOLD_NAMES
from tergeu.linkage.access import visible_people
from tergeu.linkage.withholding import MAX_NOTE, NotAllowed, clear, withhold


@require_POST
@requires(WITHHOLD_NAMES)
def withhold_name(request: HttpRequest, person_id: str) -> HttpResponse:
    """``action=withhold`` with a ``note``, or ``action=clear``; a person the user may not see is 404."""
    person = visible_people(request.user).filter(public_id=person_id).first()
    action = request.POST.get("action")
    if person is None or action not in ("withhold", "clear"):
        raise Http404("not found")
    try:
        if action == "clear":
            clear(person, request.user)
        else:
            withhold(person, request.POST.get("note", "")[:MAX_NOTE], request.user)
    except (NotAllowed, ValueError):
        raise Http404("not found") from None
    return redirect("linkage:person", person_id=person.public_id)
