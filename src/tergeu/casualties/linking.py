"""Run the linkage over every imported record and store people, with ids stable across runs.

Reviewers' decisions become hard constraints ("same" → must link, "not the same" → cannot link);
lists marked as holding each person once (``ImportedList.one_per_person``) cannot hold two records of
one person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tergeu.accounts.access import visible_records
from tergeu.casualties.models import LinkageRun, Membership, PairDecision, Person
from tergeu.core.linkage.clustering import Cluster, Constraints
from tergeu.core.linkage.features import RecordFacts
from tergeu.core.linkage.pipeline import link_records
from tergeu.core.linkage.review import ReviewItem, review_queue
from tergeu.provenance.history import acting_as, current_actor
from tergeu.provenance.models import Record


@dataclass
class LinkSummary:
    run_id: int
    records: int
    people: int
    pairs_to_review: int
    suspicious_people: int


def _constraints(records: list[Record]) -> Constraints:
    decisions = PairDecision.objects.values_list("left_id", "right_id", "decision")
    same = frozenset((a, b) for a, b, d in decisions if d == PairDecision.Decision.SAME)
    different = frozenset((a, b) for a, b, d in decisions if d == PairDecision.Decision.DIFFERENT)
    group_of = {r.pk: r.imported_list.name for r in records}
    exclusive = frozenset(r.imported_list.name for r in records if r.imported_list.one_per_person)
    return Constraints(must_link=same, cannot_link=different, group_of=group_of, exclusive_groups=exclusive)


def _stable_ids(clusters: list[Cluster]) -> list[int | None]:
    """The existing person each cluster continues (most shared records, each person used once)."""
    current = dict(Membership.objects.values_list("record_id", "person_id"))
    candidates = []
    for index, cluster in enumerate(clusters):
        counts = Counter(current[r] for r in cluster.records if r in current)
        candidates += [(-shared, index, person) for person, shared in counts.items()]
    chosen: list[int | None] = [None] * len(clusters)
    taken: set[int] = set()
    for _negative_shared, index, person in sorted(candidates):
        if chosen[index] is None and person not in taken:
            chosen[index] = person
            taken.add(person)
    return chosen


def run_linkage() -> LinkSummary:
    """Link every record; replace memberships; keep person ids; drop people left with no record."""
    records = list(Record.objects.select_related("imported_list"))
    facts = [RecordFacts(r.pk, r.imported_list.name, r.facts, r.imported_list.column_map.get("name_order"))
             for r in records]
    by_id = {r.pk: r for r in records}
    constraints = _constraints(records)
    linkage = link_records(facts, constraints)
    decided = frozenset(PairDecision.objects.values_list("left_id", "right_id"))
    queue = review_queue([(p.left, p.right, p.probability) for p in linkage.model.pairs], linkage.clusters,
                         decided=decided)
    to_review = sum(1 for item in queue if item.kind == "pair")
    with transaction.atomic():
        run = LinkageRun.objects.create(started_by=current_actor()[0], model=linkage.model.settings,
                                        review=[_review_json(item, linkage.model.explanations) for item in queue])
        people = _store_people(linkage.clusters, by_id, run)
        run.finished_at = timezone.now()
        run.stats = {"records": len(records), "people": people, "pairs_scored": len(linkage.model.pairs),
                     "pairs_to_review": to_review,
                     "suspicious_people": sum(1 for c in linkage.clusters if c.suspicious)}
        run.save()
    return LinkSummary(run.pk, len(records), people, to_review, run.stats["suspicious_people"])


def _review_json(item: ReviewItem, explanations: dict) -> dict:
    entry = {"kind": item.kind, "records": list(item.records), "impact": item.impact,
             "probability": item.probability, "reasons": list(item.reasons)}
    explanation = explanations.get(item.records) if item.kind == "pair" else None
    if explanation is not None:
        entry["prior_bits"] = explanation.prior_bits
        entry["steps"] = [[step.comparison, step.level, step.bits] for step in explanation.steps]
    return entry


def _store_people(clusters: list[Cluster], by_id: dict[int, Record], run: LinkageRun) -> int:
    continued = _stable_ids(clusters)
    existing = Person.objects.in_bulk([p for p in continued if p is not None])
    memberships = []
    for cluster, person_id in zip(clusters, continued, strict=True):
        members = [by_id[r] for r in cluster.records]
        person = existing.get(person_id) if person_id is not None else Person()
        person.display_name = max((m.display_name for m in members), key=len, default="")[:300]
        person.lists = sorted({m.imported_list_id for m in members})
        person.cohesion, person.suspicious, person.reasons = cluster.cohesion, cluster.suspicious, list(cluster.reasons)
        person.save()
        memberships += [Membership(record=m, person=person, run=run) for m in members]
    Membership.objects.all().delete()
    Membership.objects.bulk_create(memberships, batch_size=2000)
    Person.objects.filter(memberships__isnull=True).delete()
    return len(clusters)


def decide_pair(user: Any, first: int, second: int, decision: str, note: str = "") -> PairDecision | None:
    """Store (or change) a reviewer's decision on two records the user may see; None if they may not.

    The pair is kept in id order, so "a, b" and "b, a" are one decision; the history names the user.
    """
    left, right = sorted((first, second))
    if left == right or decision not in PairDecision.Decision.values:
        return None
    if visible_records(user).filter(pk__in=(left, right)).count() != 2:
        return None
    with acting_as(user.get_username(), user):
        stored = PairDecision.objects.filter(left_id=left, right_id=right).first() or PairDecision(
            left_id=left, right_id=right)
        stored.decision, stored.decided_by, stored.note = decision, user.get_username(), note[:1000]
        stored.save()
    return stored
