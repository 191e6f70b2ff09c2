"""Run the linkage over the imported records and store people, with ids stable across runs.

Reviewers' decisions become hard constraints ("same" → must link, "not the same" → cannot link);
lists marked as holding each person once (``ImportedList.one_per_person``) cannot hold two records of
one person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from tergeu.core.linkage import (
    CONTRADICTION_BITS,
    UNCERTAIN,
    ConstraintConflict,
    Constraints,
    Linkage,
    ReviewItem,
    calibration_sample,
    comparisons_fingerprint,
    is_identifiable,
    joined,
    link_new_records,
    link_records,
    review_queue,
)
from tergeu.history.tracking import acting_as, current_actor
from tergeu.linkage.bulk import insert_rows
from tergeu.linkage.facts import record_facts
from tergeu.linkage.left_alone_sample import draw_sample
from tergeu.linkage.models import LinkageRun, Membership, PairDecision, Person, ScoredPairRow
from tergeu.linkage.people import store_all, store_new
from tergeu.linkage.queue import pair_key, sample_pairs
from tergeu.registry.access import visible_records
from tergeu.registry.models import ImportedList, Record
from tergeu.toolkit import locks


@dataclass
class LinkSummary:
    run_id: int | None
    records: int
    people: int
    pairs_to_review: int
    suspicious_people: int
    mode: str = "full"  # full | incremental | unchanged
    new_records: int = 0
    reason: str = ""


Progress = Callable[[str], None]


def read_records() -> list[Record]:
    """Every record, with only what linkage and storing people read, each list loaded once.

    ``select_related`` would build one copy of the list per record, its column map and import report
    (thousands of warnings) decoded each time, and the raw row and parse notes would be decoded too:
    for 82,000 records that took 8 s and 1.9 GB; read this way, 1.3 s and 180 MB.
    """
    lists = ImportedList.objects.in_bulk()
    records = []
    for record in Record.objects.only("id", "imported_list_id", "row_number", "facts", "display_name").iterator(
            chunk_size=5000):
        record.imported_list = lists[record.imported_list_id]
        records.append(record)
    return records


def linkage_constraints(records: list[Record]) -> Constraints:
    decisions = PairDecision.objects.values_list("left_id", "right_id", "decision")
    same = frozenset((a, b) for a, b, d in decisions if d == PairDecision.Decision.SAME)
    different = frozenset((a, b) for a, b, d in decisions if d == PairDecision.Decision.DIFFERENT)
    group_of = {r.pk: r.imported_list.name for r in records}
    exclusive = frozenset(r.imported_list.name for r in records if r.imported_list.one_per_person)
    return Constraints(must_link=same, cannot_link=different, group_of=group_of, exclusive_groups=exclusive)


def _named(model: type[Record] | type[Person], *keys: int) -> list[str]:
    """How messages name rows: by the public id a reader can open (``/records/ID/``), never the pk."""
    named = dict(model.objects.filter(pk__in=keys).values_list("pk", "public_id"))
    return [named.get(key, "?") for key in keys]


def _why_full(previous: LinkageRun | None, person_of: dict[int, int], constraints: Constraints) -> str:
    """Why an incremental run cannot be trusted here ("" if it can)."""
    if previous is None or not person_of:
        return "no earlier linkage run"
    for left, right in constraints.must_link:
        if left in person_of and right in person_of and person_of[left] != person_of[right]:
            return "a reviewer joined records {} and {}, now in different people".format(*_named(Record, left, right))
    for left, right in constraints.cannot_link:
        if left in person_of and right in person_of and person_of[left] == person_of[right]:
            return "a reviewer separated records {} and {}, now in one person".format(*_named(Record, left, right))
    twice = (Membership.objects.filter(record__imported_list__one_per_person=True)
             .values("person_id", "record__imported_list__name").annotate(records=Count("record_id"))
             .filter(records__gt=1).order_by("person_id").first())
    if twice:
        return (f"list {twice['record__imported_list__name']} names each person once, but person "
                f"{_named(Person, twice['person_id'])[0]} holds {twice['records']} of its records")
    return ""


def run_linkage(full: bool = False, progress: Progress | None = None) -> LinkSummary:
    """Link the records into people: only the new records when that is safe, else everything.

    Incremental (the default once a run exists): records not yet linked are scored against everyone
    with the stored model and joined to people or made new people; existing people are kept whole.
    A full run (``full=True``, the first run, or when a reviewer's decision contradicts the current
    people) retrains and relinks everything, keeping person ids and reviewers' decisions.
    """
    step = progress or (lambda _message: None)
    step("reading records")
    records = read_records()
    if len(records) < 2:
        raise LinkageBlocked("nothing to link yet: import a list first (tergeu import FILE --list NAME); "
                             f"the registry holds {len(records)} record(s)")
    facts = [record_facts(r) for r in records]
    counted = {f.record_id for f in facts if is_identifiable(f)}  # what the estimate counts: the left-alone sample's
    by_id = {r.pk: r for r in records}
    constraints = linkage_constraints(records)
    person_of = dict(Membership.objects.values_list("record_id", "person_id"))
    previous = LinkageRun.objects.exclude(model={}).first()
    reason = "asked for a full run" if full else _why_full(previous, person_of, constraints)
    new_ids = frozenset(by_id) - frozenset(person_of)
    if not reason and new_ids and len({by_id[r].imported_list_id for r in person_of if r in by_id}) == 1:
        # A model trained on one list never saw a match across lists (FEBRL4 added last: F1 0.97, not 0.9996).
        reason = "the stored model was trained on one list only"
    if not reason and new_ids and previous.model.get("tergeu_comparisons") != comparisons_fingerprint():
        reason = "the stored model compares records as an earlier version of Tergeu did"
    if not reason and previous is not None and previous.model.get("tergeu_contradiction_bits") != CONTRADICTION_BITS:
        reason = "the stored pairs were scored before Tergeu marked facts in disagreement"
    if not reason and not new_ids:
        _draw_missing_sample(counted)
        return LinkSummary(None, len(records), Person.objects.current().count(), 0, 0, "unchanged", 0,
                           "no records since the last run")
    if not reason:
        try:
            linkage = link_new_records(facts, new_ids, previous.model, person_of, constraints, progress=step)
        except ConstraintConflict as problem:  # constraints the kept people contradict: relink everything
            reason = f"the new records cannot join the people as they are ({_conflict_text(problem)})"
    if reason:
        try:
            linkage = link_records(facts, constraints, progress=step)
        except ConstraintConflict as problem:  # reviewers' decisions (or list marks) that contradict
            raise LinkageBlocked(f"reviewers' decisions contradict each other ({_conflict_text(problem)}); "
                                 "change one of them "
                                 "on the review page or with the API, then link again") from None
    step("storing people")
    return _store(linkage, by_id, person_of, new_ids, previous, reason, counted)


def _draw_missing_sample(counted: set[int]) -> None:
    """A run stored before runs kept a left-alone sample gets one, so reviewers have records to answer
    after an upgrade without relinking (an empty sample is drawn again: it costs one read of the people)."""
    latest = LinkageRun.objects.only("pk", "left_alone").first()
    if latest is not None and not latest.left_alone:
        latest.left_alone = draw_sample(counted)
        latest.save(update_fields=["left_alone"])


def _conflict_text(problem: ConstraintConflict) -> str:
    """The conflict with each record named as every message names it (``_named``: by public id)."""
    names = dict(zip(problem.records, _named(Record, *problem.records), strict=True))
    return problem.text(names.__getitem__)


def _store(linkage: Linkage, by_id: dict[int, Record], person_of: dict[int, int], new_ids: frozenset[int],
           previous: LinkageRun | None, reason: str, counted: set[int]) -> LinkSummary:
    decided = frozenset(PairDecision.objects.values_list("left_id", "right_id"))
    person_sizes = Counter(person_of.values())
    elsewhere = {record: person_sizes[person] for record, person in person_of.items()} if not reason else None
    scored = [(p.left, p.right, p.probability) for p in linkage.model.pairs]
    queue = review_queue(scored, linkage.clusters, decided=decided, people_elsewhere=elsewhere)
    review = [_review_json(item, linkage.model.explanations) for item in queue]
    if not reason and previous is not None:  # still-open questions of the earlier run stay in the queue
        redrawn = {record for cluster in linkage.clusters for record in cluster.records}  # judged afresh above
        kept = {tuple(item["records"]) for item in review}
        review += [_not_in_sample(item) for item in previous.review if not redrawn.intersection(item["records"])
                   and (item["kind"] != "pair" or tuple(sorted(item["records"])) not in decided)
                   and tuple(item["records"]) not in kept]
    sample = calibration_sample(_pairs_after(scored, full=bool(reason)))
    review = _with_sample(review, [_review_json(item, linkage.model.explanations) for item in sample],
                          _sample_since(previous))
    with transaction.atomic():
        run = LinkageRun.objects.create(started_by=current_actor()[0], model=linkage.model.settings, review=review)
        changed = store_all(linkage.clusters, by_id, run, person_of) if reason else store_new(
            linkage.clusters, by_id, person_of, run)
        if reason:  # a full run rescored every pair: older runs' pairs are superseded
            ScoredPairRow.objects.exclude(run=run).delete()
        insert_rows(ScoredPairRow, ("run_id", "left_id", "right_id", "probability", "contradicted"),
                    ((run.pk, p.left, p.right, p.probability, p.contradicted) for p in linkage.model.pairs))
        run.left_alone = draw_sample(counted)  # after the people and pairs: it reads them
        run.finished_at = timezone.now()
        run.stats = {"records": len(by_id), "people": Person.objects.current().count(), "people_changed": changed,
                     "new_records": len(new_ids), "mode": "full" if reason else "incremental",
                     "why_full": reason, "pairs_scored": len(linkage.model.pairs),
                     "pairs_to_review": sum(1 for item in review if item["kind"] == "pair"),
                     "suspicious_people": Person.objects.current().filter(suspicious=True).count()}
        run.save()
    stats = run.stats
    return LinkSummary(run.pk, len(by_id), stats["people"], stats["pairs_to_review"], stats["suspicious_people"],
                       stats["mode"], len(new_ids), reason)


def _pairs_after(scored: list[tuple[int, int, float]], full: bool) -> list[tuple[int, int, float]]:
    """Every scored pair once the run is stored: the run's own, and after an incremental run the older
    runs' too (only those of the uncertain band are read; a pair scored again keeps its new score)."""
    if full:
        return scored
    low, high = UNCERTAIN
    older = ScoredPairRow.objects.filter(probability__gte=low, probability__lt=high)
    rescored = {pair_key(a, b) for a, b, _ in scored}
    return scored + [(a, b, p) for a, b, p in older.values_list("left_id", "right_id", "probability")
                     if pair_key(a, b) not in rescored]


def _not_in_sample(item: dict) -> dict:
    """An earlier run's item without its sample mark: each run draws the sample afresh from all pairs."""
    return {key: value for key, value in item.items() if key not in ("sample", "sample_rank", "sample_since")}


def _sample_since(previous: LinkageRun | None) -> dict[tuple[int, ...], str]:
    """When each pair of the earlier run's sample entered the sample (ISO time)."""
    if previous is None:
        return {}
    return {tuple(item["records"]): item["sample_since"] for item in previous.review if item.get("sample_since")}


def _with_sample(queue: list[dict], sample: list[dict], since: dict[tuple[int, ...], str]) -> list[dict]:
    """The queue with the calibration sample's pairs marked (ranked, and since when they are in the
    sample: a pair that came in after the reviewing does not end the decided start the estimate
    reads), those not in it added; by impact."""
    now = timezone.now().isoformat()
    marks = {tuple(item["records"]): {"sample": True, "sample_rank": item["sample_rank"],
                                      "sample_since": since.get(tuple(item["records"]), now)} for item in sample}
    for item in sample:
        item.update(marks[tuple(item["records"])])
    for item in queue:
        if item["kind"] == "pair" and tuple(item["records"]) in marks:
            item.update(marks[tuple(item["records"])])
    present = {tuple(item["records"]) for item in queue}
    merged = queue + [item for item in sample if tuple(item["records"]) not in present]
    merged.sort(key=lambda item: -item["impact"])
    return merged


def _review_json(item: ReviewItem, explanations: dict) -> dict:
    entry = {"kind": item.kind, "records": list(item.records), "impact": item.impact,
             "probability": item.probability, "reasons": list(item.reasons)}
    if item.sample_rank is not None:
        entry.update(sample=True, sample_rank=item.sample_rank)
    explanation = explanations.get(item.records) if item.kind == "pair" else None
    if explanation is not None:
        entry["prior_bits"] = explanation.prior_bits
        entry["steps"] = [[step.comparison, step.level, step.bits] for step in explanation.steps]
    return entry


def decide_pair(user: Any, first: int, second: int, decision: str, note: str = "") -> PairDecision | None:
    """Store (or change) a reviewer's decision on two records the user may see; None if they may not.

    The pair is kept in id order, so "a, b" and "b, a" are one decision; the history names the user.
    A decision that contradicts the others raises ``DecisionConflict`` and is not stored: every later
    run would have to break one of them, and which one is the reviewers' call, not the linkage's.

    It is stored as ``sampled`` when the pair is one of the latest run's calibration sample, looked up
    here and never taken from the caller: a record of where the decision came from. (The estimate
    reads every decision on the sample's pairs, whichever page it was taken on: the sample is chosen
    by a hash alone, ``calibration_sample``.) A pair once sampled stays so when its decision changes.
    """
    left, right = sorted((first, second))
    if left == right or decision not in PairDecision.Decision.values:
        return None
    if visible_records(user).filter(pk__in=(left, right)).count() != 2:
        return None
    # Checked and saved under one lock: two reviewers deciding "same" and "different" on linked pairs
    # at the same moment would each pass the check against the other's absence, and both be stored.
    with transaction.atomic():
        locks.hold(locks.DECISIONS)  # deciders one at a time: each checks against the others' decisions
        conflict = decision_conflict(left, right, decision)
        if conflict:
            raise DecisionConflict(conflict)
        in_sample = (left, right) in sample_pairs(LinkageRun.objects.first())
        with acting_as(user.get_username(), user):
            stored = PairDecision.objects.filter(left_id=left, right_id=right).first() or PairDecision(
                left_id=left, right_id=right)
            stored.decision, stored.decided_by, stored.note = decision, user.get_username(), note[:1000]
            stored.sampled = stored.sampled or in_sample
            stored.save()
    return stored


class DecisionConflict(ValueError):
    """A reviewer's decision that contradicts earlier ones (the message says which)."""


class LinkageBlocked(RuntimeError):
    """No run can be made: the stored decisions contradict each other, or there is nothing to link yet."""


def decision_conflict(left: int, right: int, decision: str) -> str:
    """Why deciding ``decision`` on (left, right) would contradict the other decisions ("" if it would not).

    "Same" decisions join records transitively, so "same" may not join records decided to be different
    people, nor two records of a list that names each person once; "different" may not part records
    that "same" decisions already join.
    """
    if decision == PairDecision.Decision.UNSURE:
        return ""
    others = PairDecision.objects.exclude(left_id=left, right_id=right).values_list("left_id", "right_id", "decision")
    decided = list(others)
    different = [(a, b) for a, b, kind in decided if kind == PairDecision.Decision.DIFFERENT]
    same = joined([(a, b) for a, b, kind in decided if kind == PairDecision.Decision.SAME], (left, right))
    if decision == PairDecision.Decision.DIFFERENT:
        if not same.connected(left, right):
            return ""
        return "records {} and {} are already one person through other 'same' decisions".format(
            *_named(Record, left, right))
    same.merge(left, right)
    group = same.subset(left)
    for a, b in different:
        if a in group and b in group:
            return ("records {} and {} were decided to be different people, and this would join them"
                    .format(*_named(Record, a, b)))
    one_per_person = Record.objects.filter(pk__in=group, imported_list__one_per_person=True)
    lists = Counter(one_per_person.values_list("imported_list__name", flat=True))
    twice = sorted(name for name, count in lists.items() if count > 1)
    return f"list {twice[0]} names each person once, and this would join two of its records" if twice else ""
