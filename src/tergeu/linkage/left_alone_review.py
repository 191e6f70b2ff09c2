"""Reviewers' answers on the left-alone sample: "is this record someone already found?".

Why it exists. A person the linkage splits is a phantom death, and most split people are one record
left alone whose pairs with their own person score far below the review queue's band, or were never
scored (another family name, a spelling beyond one slip). The calibration sample of the band cannot
say how many there are (docs/estimation.md). So reviewers are asked about records left alone, chosen
by a hash of their ids (``left_alone_sample``), and the estimate's linkage draws join as many records
left alone as the answers support (``reviewed_answers``).

Only records of the latest run's sample may be answered (or an earlier answer changed): records a
reviewer picked would make the answers say what the reviewer chose, not how many records alone are
someone found. An answer keeps the stratum the run's sample gave its record (whether it had a scored
pair to someone else). It is read while its record is still alone, or joined to the person its own
"found" named; a record joined any other way since (a new list, another decision) is no longer one of
the records alone the answers describe, and its answer is not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from tergeu.core.linkage import LEFT_ALONE_SAMPLE, LeftAloneRates, is_identifiable, rates_from_decisions
from tergeu.history.tracking import acting_as
from tergeu.linkage.facts import record_facts
from tergeu.linkage.left_alone_sample import stored_sample
from tergeu.linkage.linking import decide_pair
from tergeu.linkage.models import LeftAloneAnswer, LinkageRun, Membership, PairDecision, ScoredPairRow
from tergeu.registry.access import visible_records
from tergeu.registry.models import Record
from tergeu.toolkit import locks

FEW_ANSWERS = 20  # with fewer read answers the shares lean mostly on the unreviewed ones: the result says so
CANDIDATES = 3  # best-scored partners shown beside a record left alone


@dataclass(frozen=True)
class SampleProgress:
    """How far reviewers are: answers given, records of the latest run's sample still open, answers read."""

    answered: int
    open: int
    read: int  # answers the estimate reads (not unsure)
    few: bool  # fewer than ``FEW_ANSWERS`` read: the shares lean on the unreviewed ones


class AnswerRefused(ValueError):
    """An answer that cannot be taken; the message says why (it names no one)."""


class NotInSample(AnswerRefused):
    """A record that is not in the latest run's left-alone sample (and has no answer to change)."""


def latest_run() -> LinkageRun | None:
    """The latest run, its sample only (its queue and model can be large)."""
    return LinkageRun.objects.only("pk", "started_at", "left_alone").first()


def open_records(run: LinkageRun | None) -> list[int]:
    """The latest run's sample records nobody has answered about, in hash order."""
    answered = set(LeftAloneAnswer.objects.values_list("record_id", flat=True))
    return [record for record in stored_sample(run) if record not in answered]


def progress(run: LinkageRun | None, user: Any) -> SampleProgress:
    """The answers so far and the records of the sample still open, of the records the user may see."""
    answers = dict(LeftAloneAnswer.objects.values_list("record_id", "answer"))
    waiting = open_records(run)
    seen = set(visible_records(user).filter(pk__in=[*answers, *waiting]).values_list("pk", flat=True))
    read = sum(answer != LeftAloneAnswer.Answer.UNSURE for record, answer in answers.items() if record in seen)
    return SampleProgress(len(seen.intersection(answers)), len(seen.intersection(waiting)), read, read < FEW_ANSWERS)


def candidates(record: int, user: Any, limit: int = CANDIDATES) -> list[tuple[Any, float]]:
    """Records of other people the record was scored against, best first, that the estimate counts (a
    record too thin to be counted cannot make it someone found) and that the user may see."""
    person = Membership.objects.filter(record_id=record).values_list("person_id", flat=True).first()
    rows = ScoredPairRow.objects.filter(Q(left_id=record) | Q(right_id=record)).order_by("-probability", "pk")
    partners = [(right if left == record else left, p) for left, right, p in rows.values_list(
        "left_id", "right_id", "probability")[:limit * 10]]
    same = set(Membership.objects.filter(person_id=person).values_list("record_id", flat=True))
    shown = visible_records(user).in_bulk([pk for pk, _p in partners if pk not in same])
    return [(shown[pk], p) for pk, p in partners
            if pk in shown and is_identifiable(record_facts(shown[pk]))][:limit]


def answer_left_alone(user: Any, record: int, answer: str, partner: int | None = None) -> LeftAloneAnswer | None:
    """Store (or change) a reviewer's answer on a record of the sample the user may see; None if they may
    not see it (or the partner), or the answer is no answer.

    "found" naming ``partner`` also stores "same person" for the two records (``decide_pair``: a
    contradiction raises ``DecisionConflict`` and nothing is stored). A record neither in the latest run's
    sample nor answered before raises ``NotInSample``; a partner the estimate does not count, or already
    the record's own person, raises ``AnswerRefused``. The stratum is the run's sample's, never the caller's.
    """
    if answer not in LeftAloneAnswer.Answer.values or partner == record:
        return None
    wanted = [record] if partner is None or answer != LeftAloneAnswer.Answer.FOUND else [record, partner]
    if visible_records(user).filter(pk__in=wanted).count() != len(wanted):
        return None
    with transaction.atomic():
        locks.hold(locks.DECISIONS)  # answers and decisions one at a time, as decide_pair takes them
        stored = LeftAloneAnswer.objects.filter(record_id=record).first()
        sample = stored_sample(latest_run())
        if stored is None and record not in sample:
            raise NotInSample("the record is not in the latest linkage run's left-alone sample")
        if len(wanted) == 2:
            _check_partner(record, partner)
            decide_pair(user, record, partner, PairDecision.Decision.SAME)
        with acting_as(user.get_username(), user):
            stored = stored or LeftAloneAnswer(record_id=record, had_scored_pair=sample[record])
            stored.answer, stored.decided_by = answer, user.get_username()
            stored.partner_id = partner if len(wanted) == 2 else None
            stored.save()
    return stored


def _check_partner(record: int, partner: int) -> None:
    """A "found" names a counted record of someone else: a record too thin to be counted cannot make the
    record someone the estimate counts, and its own person is no one else."""
    other = Record.objects.select_related("imported_list").get(pk=partner)
    if not is_identifiable(record_facts(other)):
        raise AnswerRefused("the record named is too thin to be counted (no family name, or no given name or "
                            "initial, and no IIN)")
    persons = dict(Membership.objects.filter(record_id__in=(record, partner)).values_list("record_id", "person_id"))
    if persons.get(record) is not None and persons.get(record) == persons.get(partner):
        raise AnswerRefused("the record named is already the same person")


def reviewed_answers(person_of: dict[int, int]) -> tuple[dict[int, bool], LeftAloneRates]:
    """Reviewers' answers the estimate reads (record -> someone found) and the shares they support, the
    unreviewed shares taken as the prior (``rates_from_decisions``).

    ``person_of``: each counted record's person in the best guess. Read: answers (not unsure) on counted
    records still alone, or joined to the person their own "found" named (see the module).
    """
    size: dict[int, int] = {}
    for person in person_of.values():
        size[person] = size.get(person, 0) + 1
    answers, strata = {}, []
    for record, had_pair, answer, partner in LeftAloneAnswer.objects.values_list(
            "record_id", "had_scored_pair", "answer", "partner_id"):
        if record not in person_of or answer == LeftAloneAnswer.Answer.UNSURE:
            continue
        alone = size[person_of[record]] == 1
        if alone or (partner is not None and person_of.get(partner) == person_of[record]):
            answers[record] = answer == LeftAloneAnswer.Answer.FOUND
            strata.append((had_pair, answers[record]))
    return answers, rates_from_decisions(strata)


__all__ = ["CANDIDATES", "FEW_ANSWERS", "LEFT_ALONE_SAMPLE", "AnswerRefused", "NotInSample", "SampleProgress",
           "answer_left_alone", "candidates", "latest_run", "open_records", "progress", "reviewed_answers"]
