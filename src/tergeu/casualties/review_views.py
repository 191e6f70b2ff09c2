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
from tergeu.casualties.linking import decide_pair as store_decision
from tergeu.casualties.models import LinkageRun, PairDecision

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
    numbers = [request.POST.get(key, "") for key in ("left", "right")]
    if all(number.isdigit() for number in numbers):
        store_decision(request.user, int(numbers[0]), int(numbers[1]), request.POST.get("decision", ""),
                       request.POST.get("note", ""))
    return redirect("tg-review")
