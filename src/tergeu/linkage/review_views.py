"""The review page: the latest run's most consequential uncertain pairs and doubtful people.

Each pair shows both records side by side with the model's reasoning (the waterfall of evidence);
a reviewer's decision is stored with who and when, and every later run respects it.

The queue is the latest ``LinkageRun.review``, shown a page at a time in its order (by impact). A pair
decided since the run is done and left out of the pages (the run itself is not changed). A cluster
(a person who may be two people) shows its records and a decision form for each pair of them, or for
its weakest pair when it has more than ``ALL_PAIRS_UP_TO`` records; it is done when all those pairs
are decided. Every form posts to ``decide_pair``, pairs and clusters alike.

``?sample=1`` shows the calibration sample alone (``queue.is_sample``): randomly chosen pairs whose
decisions let the estimate correct the model's probabilities; the page says how many are decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import REVIEW_FACTS
from tergeu.linkage.comparison import aligned_fields
from tergeu.linkage.linking import DecisionConflict
from tergeu.linkage.linking import decide_pair as store_decision
from tergeu.linkage.models import LinkageRun, PairDecision, ScoredPairRow
from tergeu.linkage.queue import Pair, decisions_now, open_items, pair_key, records_named, sample_progress
from tergeu.linkage.undo import last_decision, undo_last_decision
from tergeu.registry.access import visible_records
from tergeu.toolkit.paging import params_without_page
from tergeu.toolkit.params import whole_number

SHOWN = 30  # items per page
ALL_PAIRS_UP_TO = 4  # a cluster of at most this many records asks about each of its pairs


def pair_scores(records: set[int]) -> dict[Pair, float]:
    """The stored model probability of each scored pair among ``records`` (the highest if scored twice)."""
    scores: dict[Pair, float] = {}
    if not records:
        return scores
    rows = ScoredPairRow.objects.filter(left_id__in=records, right_id__in=records)
    for left, right, probability in rows.values_list("left_id", "right_id", "probability"):
        key = pair_key(left, right)
        scores[key] = max(probability, scores.get(key, 0.0))
    return scores


def cluster_pairs(records: list[int], scores: dict[Pair, float]) -> list[Pair]:
    """The pairs of a cluster's records to ask about: all of them for a small cluster, else the weakest.

    The weakest is the least probable pair; an unscored pair counts as 0, as in the cluster's cohesion.
    """
    pairs = list(combinations(sorted(records), 2))
    if len(records) <= ALL_PAIRS_UP_TO:
        return pairs
    return [min(pairs, key=lambda pair: (scores.get(pair, 0.0), pair))]


def _cluster_entry(item: dict, records: dict[int, Any], scores: dict[Pair, float],
                   decisions: dict[Pair, str]) -> dict:
    """The pairs (records, model probability, decision label) a cluster item asks about, and if it is done."""
    labels = dict(PairDecision.Decision.choices)
    pairs = [{"left": records[left], "right": records[right], "probability": scores.get((left, right)),
              "decision": labels.get(decisions.get((left, right), ""), "")}
             for left, right in cluster_pairs(item["records"], scores)]
    return {"pairs": pairs, "done": all(pair["decision"] for pair in pairs)}


def page_items(items: Iterable[dict], user: Any, decisions: dict[Pair, str]) -> list[dict]:
    """One page's items with their records side by side and, for clusters, the pairs to decide."""
    items = list(items)
    records = visible_records(user).in_bulk({record for item in items for record in item["records"]})
    scores = pair_scores({record for item in items if item["kind"] == "cluster" for record in item["records"]})
    shown = []
    for item in items:
        if not all(record in records for record in item["records"]):  # deleted since the page was counted
            continue
        members = [records[record] for record in item["records"]]
        entry = {**item, "members": members, "fields": aligned_fields(members)}
        if item["kind"] == "cluster":
            entry.update(_cluster_entry(item, records, scores, decisions))
        shown.append(entry)
    return shown


def wants_sample(values: Any) -> bool:
    """Whether a query string or form asks for the calibration sample alone (``sample=1``)."""
    return values.get("sample") == "1"


@requires(REVIEW_FACTS)
def review_page(request: HttpRequest) -> HttpResponse:
    """The latest run's open review items, ``SHOWN`` a page (``?page=N``), most consequential first.

    ``?sample=1``: the calibration sample's open pairs only.
    """
    run = LinkageRun.objects.first()
    decisions = decisions_now()
    sample_only = wants_sample(request.GET)
    items, decided = open_items(run, request.user, decisions, sample_only) if run else ([], 0)
    page = Paginator(items, SHOWN).get_page(request.GET.get("page"))
    last = last_decision(request.user)
    return render(request, "linkage/review.html", {
        "run": run, "page": page, "items": page_items(page.object_list, request.user, decisions),
        "decided": decided, "params": params_without_page(request), "decisions": decision_buttons(),
        "sample_only": sample_only, "progress": sample_progress(run, request.user),
        "last": last, "last_pair": _pair_names(last, request.user),
        "last_label": dict(PairDecision.Decision.choices).get(last.decision, "") if last else ""})


def _pair_names(last: Any, user: Any) -> str:
    """"Name A – Name B" of the records of the reviewer's last decision (both visible, or no decision)."""
    if last is None:
        return ""
    records = visible_records(user).in_bulk([last.left, last.right])
    return " – ".join(records[pk].display_name or "—" for pk in (last.left, last.right) if pk in records)


KEYS = {PairDecision.Decision.SAME: "S", PairDecision.Decision.DIFFERENT: "D", PairDecision.Decision.UNSURE: "U"}


def decision_buttons() -> list[tuple[str, str, str]]:
    """(value, label, keyboard key) of each decision button; ``review.js`` presses them on S, D and U."""
    return [(value, label, KEYS.get(value, "")) for value, label in PairDecision.Decision.choices]


@require_POST
@requires(REVIEW_FACTS)
def decide_pair(request: HttpRequest) -> HttpResponse:
    """Store a decision on two records (``left``, ``right``, ``decision``, ``note``), back to the same page.

    A decision contradicting earlier ones is not stored; the page then says why.
    """
    left, right = (request.POST.get(key, "") for key in ("left", "right"))  # the records' public ids
    named = records_named(request.user, (left, right))
    if left in named and right in named:
        try:
            store_decision(request.user, named[left], named[right], request.POST.get("decision", ""),
                           request.POST.get("note", ""))
        except DecisionConflict as conflict:
            messages.error(request, _("Decision not stored: %(reason)s.") % {"reason": conflict})
    return _back_to_page(request)


def _back_to_page(request: HttpRequest) -> HttpResponse:
    """Back to the page and view (all items or the calibration sample) the form was posted from."""
    page = whole_number(request.POST.get("page"))
    params = {"sample": "1"} if wants_sample(request.POST) else {}
    if page is not None and page > 1:
        params["page"] = str(page)
    return redirect(f"{reverse('linkage:review')}?{urlencode(params)}" if params else reverse("linkage:review"))


@require_POST
@requires(REVIEW_FACTS)
def undo_decision(request: HttpRequest) -> HttpResponse:
    """Undo the reviewer's own last decision (``tergeu.linkage.undo``), back to the same page."""
    try:
        undone = undo_last_decision(request.user)
    except DecisionConflict as conflict:
        messages.error(request, _("Not undone: %(reason)s.") % {"reason": conflict})
        return _back_to_page(request)
    if undone is None:
        messages.error(request, _("Nothing to undo: your last decision was undone or changed since."))
    else:
        messages.success(request, _("Your last decision was undone."))
    return _back_to_page(request)
