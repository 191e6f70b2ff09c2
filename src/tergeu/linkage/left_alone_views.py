"""The left-alone page: records the linkage left alone, one question each: "is this someone already found?".

The records are the left-alone sample (``left_alone_review``), chosen by a hash of their ids, so that
the answers say how many records left alone are someone found: the estimate's linkage draws join that
many (docs/estimation.md, "Records left alone"). Each record is shown beside the records it is scored
against, best first; "same person as this" answers "found" and joins the two, as "same person" on the
review page does.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import REVIEW_FACTS
from tergeu.linkage.comparison import aligned_fields
from tergeu.linkage.left_alone_review import (
    FEW_ANSWERS,
    AnswerRefused,
    answer_left_alone,
    candidates,
    latest_run,
    open_records,
    progress,
)
from tergeu.linkage.linking import DecisionConflict
from tergeu.linkage.models import LeftAloneAnswer
from tergeu.linkage.queue import records_named
from tergeu.registry.access import visible_records
from tergeu.toolkit.params import whole_number

SHOWN = 10  # records per page (each with its candidates)


@requires(REVIEW_FACTS)
def left_alone_page(request: HttpRequest) -> HttpResponse:
    """The sample's records not yet answered that the user may see, ``SHOWN`` a page, with their candidates."""
    run = latest_run()
    open_ids = open_records(run)
    shown = visible_records(request.user).select_related("imported_list").in_bulk(open_ids)
    page = Paginator([shown[record] for record in open_ids if record in shown], SHOWN).get_page(request.GET.get("page"))
    items = []
    for record in page.object_list:
        partners = candidates(record.pk, request.user)
        members = [record, *(partner for partner, _p in partners)]
        items.append({"record": record, "candidates": partners, "fields": aligned_fields(members),
                      "members": members})
    return render(request, "linkage/left_alone.html", {
        "run": run, "page": page, "items": items, "progress": progress(run, request.user), "few": FEW_ANSWERS})


@require_POST
@requires(REVIEW_FACTS)
def answer(request: HttpRequest) -> HttpResponse:
    """Store an answer (``record``, ``answer``, and for "found" optionally ``partner``: a candidate's button,
    or the id of a record the reviewer found in the registry), back to the page."""
    record, partner = request.POST.get("record", ""), request.POST.get("partner", "").strip()
    named = records_named(request.user, [record, partner] if partner else [record])
    # "same person as ..." sends the partner alone: it answers "found"
    given = request.POST.get("answer") or (LeftAloneAnswer.Answer.FOUND if partner else "")
    stored = None
    try:
        if record in named and (not partner or partner in named):
            stored = answer_left_alone(request.user, named[record], given, named.get(partner))
    except AnswerRefused as refused:
        messages.error(request, _("Answer not stored: %(reason)s.") % {"reason": refused})
    except DecisionConflict as conflict:
        messages.error(request, _("Answer not stored: %(reason)s.") % {"reason": conflict})
    else:
        if stored is None:
            messages.error(request, _("Answer not stored: no such record or answer."))
    page = whole_number(request.POST.get("page"))
    back = reverse("linkage:left-alone")
    return redirect(f"{back}?page={page}" if page is not None and page > 1 else back)
