"""The review page: the latest run's most consequential uncertain pairs and doubtful people.

Each pair shows both records side by side with the model's reasoning (the waterfall of evidence);
a reviewer's decision is stored with who and when, and every later run respects it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires, visible_records
from tergeu.accounts.roles import REVIEW_FACTS
from tergeu.casualties.models import LinkageRun, PairDecision
from tergeu.provenance.history import current_actor

SHOWN = 30


@requires(REVIEW_FACTS)
def review_page(request: HttpRequest) -> HttpResponse:
    run = LinkageRun.objects.first()
    items = run.review[:SHOWN] if run else []
    ids = {record_id for item in items for record_id in item["records"]}
    records = visible_records(request.user).in_bulk(ids)
    decided = set(PairDecision.objects.values_list("left_id", "right_id"))
    shown = []
    for item in items:
        members = [records[r] for r in item["records"] if r in records]
        if len(members) == len(item["records"]):  # never show a record the reviewer may not see
            shown.append({**item, "members": members, "decided": tuple(item["records"]) in decided})
    return render(request, "casualties/review.html", {"run": run, "items": shown,
                                                      "decisions": PairDecision.Decision.choices})


@require_POST
@requires(REVIEW_FACTS)
def decide_pair(request: HttpRequest) -> HttpResponse:
    visible = visible_records(request.user)
    ids = sorted(int(v) for v in (request.POST.get("left", ""), request.POST.get("right", "")) if v.isdigit())
    decision = request.POST.get("decision", "")
    if len(ids) == 2 and ids[0] != ids[1] and decision in PairDecision.Decision.values and (
            visible.filter(pk__in=ids).count() == 2):
        existing = PairDecision.objects.filter(left_id=ids[0], right_id=ids[1]).first()
        record = existing or PairDecision(left_id=ids[0], right_id=ids[1])
        record.decision, record.decided_by = decision, current_actor()[0]
        record.note = request.POST.get("note", "")[:1000]
        record.save()
    return redirect("tg-review")
