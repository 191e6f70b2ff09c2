"""The left-alone sample: records the linkage left alone, and reviewers' answers to "is this someone found?".

Why it exists. A person the linkage splits is a phantom death, and most split people are one record
left alone whose pairs with their own person score far below the review queue's band, or were never
scored (another family name, a spelling beyond one slip). The calibration sample of the band cannot
say how many there are (docs/estimation.md). So reviewers are asked about records left alone, chosen
by a hash of their ids alone (``tergeu.core.linkage.left_alone_sample``), and the estimate's linkage
draws join as many records left alone as the answers support (``reviewed_rates``).

Which records. Those counted by the estimate (identifiable: ``is_identifiable``) that are the only
record of their person now. An answered record stays answered when it is later joined to someone; the
sample moves on to the next record by hash, so answering "found" and naming whom keeps the sample
a random one of the records that were alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from tergeu.core.linkage import (
    LEFT_ALONE_SAMPLE,
    LeftAloneRates,
    ScoredPair,
    is_identifiable,
    left_alone,
    left_alone_sample,
    rates_from_decisions,
)
from tergeu.history.tracking import acting_as
from tergeu.linkage.facts import record_facts
from tergeu.linkage.linking import decide_pair, read_records
from tergeu.linkage.models import LeftAloneAnswer, Membership, PairDecision, ScoredPairRow
from tergeu.registry.access import visible_records

MIN_ANSWERS = 20  # fewer answers (unsure ones not counted) say too little, unless they are the whole sample
CANDIDATES = 3  # best-scored partners shown beside a record left alone


@dataclass(frozen=True)
class SampleProgress:
    """How far reviewers are: answers on the sample, of its size, and what the estimate reads of them."""

    answered: int
    size: int
    counted_answers: int  # answers the estimate reads (not unsure, on a counted record)
    enough: bool


def counted_records() -> set[int]:
    """The records the estimate counts: those identifiable enough to be told from namesakes."""
    return {r.pk for r in read_records() if is_identifiable(record_facts(r))}


def alone_now(counted: set[int]) -> dict[int, bool]:
    """Counted records that are the only counted record of their person, each with whether it has a scored
    pair to a record of someone else (``tergeu.core.linkage.left_alone``)."""
    groups: dict[int, list[int]] = {}
    for record, person in Membership.objects.values_list("record_id", "person_id"):
        if record in counted:
            groups.setdefault(person, []).append(record)
    pairs = [ScoredPair(a, b, p) for a, b, p in ScoredPairRow.objects.values_list(
        "left_id", "right_id", "probability").iterator(chunk_size=10_000) if a in counted and b in counted]
    return left_alone(groups.values(), pairs)


def sample_now(counted: set[int]) -> list[int]:
    """The left-alone sample: answered records first (they stay in it), then records alone now, by hash."""
    answered = set(LeftAloneAnswer.objects.values_list("record_id", flat=True)) & counted
    open_records = [r for r in left_alone_sample(alone_now(counted), LEFT_ALONE_SAMPLE) if r not in answered]
    return sorted(answered) + open_records[:max(LEFT_ALONE_SAMPLE - len(answered), 0)]


def progress(counted: set[int]) -> SampleProgress:
    """The answers so far against the sample's size, and whether the estimate will read them."""
    answers = [answer for record, answer in LeftAloneAnswer.objects.values_list("record_id", "answer")
               if record in counted]  # filtered here: an id list in SQL would exceed SQLite's parameter limit
    read = sum(answer != LeftAloneAnswer.Answer.UNSURE for answer in answers)
    return SampleProgress(len(answers), LEFT_ALONE_SAMPLE, read, read >= MIN_ANSWERS)


def candidates(record: int, user: Any, limit: int = CANDIDATES) -> list[tuple[Any, float]]:
    """The records of other people the record is scored against, best first, that the user may see."""
    rows = ScoredPairRow.objects.filter(Q(left_id=record) | Q(right_id=record)).order_by("-probability")
    partners = [(right if left == record else left, p) for left, right, p in rows.values_list(
        "left_id", "right_id", "probability")[:limit * 4]]
    shown = visible_records(user).select_related("imported_list").in_bulk([pk for pk, _p in partners])
    return [(shown[pk], p) for pk, p in partners if pk in shown][:limit]


def has_scored_pair(record: int) -> bool:
    """Whether the record has a scored pair to a record of someone else now (its answer's stratum)."""
    person = Membership.objects.filter(record_id=record).values_list("person_id", flat=True).first()
    partners = [right if left == record else left for left, right in ScoredPairRow.objects.filter(
        Q(left_id=record) | Q(right_id=record)).values_list("left_id", "right_id")]
    return Membership.objects.filter(record_id__in=partners).exclude(person_id=person).exists()


def answer_left_alone(user: Any, record: int, answer: str, partner: int | None = None) -> LeftAloneAnswer | None:
    """Store (or change) a reviewer's answer on a record the user may see; None if they may not.

    "found" naming ``partner`` also stores "same person" for the two records (``decide_pair``: a
    contradiction raises ``DecisionConflict`` and nothing is stored). The stratum (whether the record
    has a scored pair to someone else) is read here, never taken from the caller.
    """
    if answer not in LeftAloneAnswer.Answer.values or partner == record:
        return None
    wanted = [record] if partner is None or answer != LeftAloneAnswer.Answer.FOUND else [record, partner]
    if visible_records(user).filter(pk__in=wanted).count() != len(wanted):
        return None
    with transaction.atomic():
        stratum = has_scored_pair(record)
        if len(wanted) == 2:
            decide_pair(user, record, partner, PairDecision.Decision.SAME)
        with acting_as(user.get_username(), user):
            stored = LeftAloneAnswer.objects.filter(record_id=record).first() or LeftAloneAnswer(record_id=record)
            stored.answer, stored.decided_by = answer, user.get_username()
            stored.had_scored_pair = stored.had_scored_pair if stored.pk else stratum
            stored.save()
    return stored


def reviewed_rates(counted: set[int]) -> tuple[LeftAloneRates | None, str]:
    """The rates reviewers' answers support, or None and why (too few answers read)."""
    answers = [(had_pair, answer == LeftAloneAnswer.Answer.FOUND) for record, had_pair, answer in
               LeftAloneAnswer.objects.values_list("record_id", "had_scored_pair", "answer")
               if record in counted and answer != LeftAloneAnswer.Answer.UNSURE]
    if len(answers) < MIN_ANSWERS and not _all_answered(counted):
        return None, (f"{len(answers)} record(s) of the left-alone sample answered (unsure ones not counted), "
                      f"fewer than {MIN_ANSWERS}")
    return rates_from_decisions(answers), ""


def _all_answered(counted: set[int]) -> bool:
    """Every record of the sample is answered: on a small registry, the answers are all there can be."""
    answered = set(LeftAloneAnswer.objects.values_list("record_id", flat=True))
    return bool(answered) and answered.issuperset(sample_now(counted))
