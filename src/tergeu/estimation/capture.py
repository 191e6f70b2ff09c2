"""Capture histories from the database: which lists name each linked person, and the person's stratum.

A person's stratum value for a field is the value most of their records state (a place folded by the
gazetteer, ``tergeu.core.places``: a known place is its key), or None when no record states it; the
estimation imputes those. Alternative linkage draws re-cluster the records from the stored pair
probabilities, so the same reading applies to every draw. Records too thin to be told from namesakes
(a given name alone) are left out (``tergeu.core.linkage.identifiable``): the list is taken not to have
named that person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tergeu.core.estimation import Unit
from tergeu.core.linkage import (
    Calibration,
    LeftAloneRates,
    LeftAloneReview,
    ScoredPair,
    comparable_place,
    is_identifiable,
    left_alone_review,
    plausible_clusterings,
    read_calibration,
)
from tergeu.core.places import place_name
from tergeu.linkage.facts import record_facts
from tergeu.linkage.left_alone_review import reviewed_answers
from tergeu.linkage.linking import linkage_constraints, read_records
from tergeu.linkage.models import LinkageRun, Membership, ScoredPairRow
from tergeu.linkage.queue import sample_ranked
from tergeu.registry.models import ImportedList, Record

STRATA = {"place": "place_of_death", "date": "date_of_death", "sex": "sex", "circumstances": "circumstances",
          "region": "region"}


@dataclass
class Captured:
    lists: list[str]
    draws: list[list[Unit]]  # the linkage's best guess first, then alternative draws
    linkage_run: LinkageRun | None
    left_out: int = 0  # records too thin to be counted (``tergeu.core.linkage.identifiable``)
    calibration: Calibration | None = None  # the shift reviewers' sampled decisions support, if any
    uncalibrated: str = ""  # ... else why not (with linkage draws)
    left_alone: LeftAloneRates | None = None  # the rates the draws joined records left alone at (with draws)
    left_alone_unreviewed: str = ""  # ... why they are the unreviewed default, if they are


def stratum_fields(names: Sequence[str]) -> list[str]:
    unknown = [name for name in names if name not in STRATA]
    if unknown:
        raise ValueError(f"unknown stratum field(s) {', '.join(unknown)}; choose from {', '.join(STRATA)}")
    return [STRATA[name] for name in names]


def _value(field: str, value: str) -> str:
    """A place as the gazetteer's key ("г. Алматы" → "almaty"), else folded; other values as stated."""
    if field in ("place_of_death", "region"):
        return comparable_place(value) or value
    return value


STRATUM_SEPARATOR = " · "


def stratum_label(stratum: str, language: str | None) -> str:
    """A stratum as a reader reads it: each gazetteer key in it named in ``language`` ("almaty" → "Алматы")."""
    return STRATUM_SEPARATOR.join(place_name(part, language) for part in stratum.split(STRATUM_SEPARATOR))


def _stratum(records: list[Record], fields: list[str]) -> str | None:
    parts = []
    for field in fields:
        stated = Counter(_value(field, r.facts[field]) for r in records if r.facts.get(field))
        if not stated:
            return None
        parts.append(stated.most_common(1)[0][0])
    return STRATUM_SEPARATOR.join(parts)


def _units(groups: list[list[int]], by_id: dict[int, Record], index_of: dict[int, int], width: int,
           fields: list[str]) -> list[Unit]:
    """One unit per person that has a record identifiable enough to count; the others are left out."""
    units = []
    for group in groups:
        records = [by_id[r] for r in group if r in by_id]
        if not records:
            continue
        history = [0] * width
        for record in records:
            history[index_of[record.imported_list_id]] = 1
        units.append(Unit(tuple(history), _stratum(records, fields) if fields else None))
    return units


def capture_histories(strata: Sequence[str] = (), linkage_draws: int = 0, seed: int = 1,
                      lists: Sequence[str] | None = None) -> Captured:
    """The linked people as units, plus ``linkage_draws`` alternative clusterings of the same records.

    ``lists``: the public ids of the lists to estimate from (None: all). A list left out is as if it had
    never been imported: its records capture no one, and a person only it names is not counted.
    """
    fields = stratum_fields(strata)
    chosen = ImportedList.objects.order_by("pk")
    lists = list((chosen if lists is None else chosen.filter(public_id__in=lists)).values_list("pk", "name"))
    index_of = {pk: i for i, (pk, _name) in enumerate(lists)}
    groups: dict[int, list[int]] = {}
    for record_id, person_id in Membership.objects.values_list("record_id", "person_id").order_by("person_id"):
        groups.setdefault(person_id, []).append(record_id)
    linked = {record_id for members in groups.values() for record_id in members}
    # each list loaded once, not once per record; a list left out is not read into the histories at all
    records = [r for r in read_records() if r.pk in linked and r.imported_list_id in index_of]
    counted = [r for r in records if is_identifiable(record_facts(r))]
    by_id = {r.pk: r for r in counted}
    draws = [_units(list(groups.values()), by_id, index_of, len(lists), fields)]
    run = LinkageRun.objects.first()
    calibration, uncalibrated, rates, unreviewed = None, "", None, ""
    if linkage_draws:
        # Every stored pair belongs to the current linkage (a full run deletes older runs' pairs); only
        # pairs of records deleted since are dropped, here rather than by two id lists in SQL, which
        # would exceed SQLite's limit on query parameters for large registries.
        pairs = [ScoredPair(a, b, p, contradicted=c) for a, b, p, c in ScoredPairRow.objects.values_list(
            "left_id", "right_id", "probability", "contradicted").iterator(chunk_size=10_000)
            if a in by_id and b in by_id]
        calibration, uncalibrated = reviewed_calibration(run, set(by_id))
        review, unreviewed = _left_alone(groups.values(), by_id, pairs, every_list=len(lists) == chosen.count())
        rates = review.rates
        constraints = linkage_constraints(counted).among(set(by_id))
        for clusters in plausible_clusterings(sorted(by_id), pairs, constraints, draws=linkage_draws, seed=seed,
                                              calibration=calibration, left_alone=review):
            draws.append(_units([list(c.records) for c in clusters], by_id, index_of, len(lists), fields))
    return Captured([name for _pk, name in lists], draws, run, len(records) - len(counted), calibration,
                    uncalibrated, rates, unreviewed)


def _left_alone(groups: Iterable[list[int]], counted: dict[int, Record], pairs: list[ScoredPair],
                every_list: bool) -> tuple[LeftAloneReview, str]:
    """What the draws need to join records left alone (``tergeu.core.linkage.left_alone``): the best
    guess's records alone among the counted, reviewers' answers and the shares they support; and why the
    shares are the unreviewed ones, if they are. On some lists only, the answers are not read: "someone
    found" may be someone only a list left out names."""
    best = [[record for record in group if record in counted] for group in groups]
    if not every_list:
        return left_alone_review(best, pairs), ("The answers on the left-alone sample are not read for an estimate "
                                                "on some lists only: someone found may be someone only a list left "
                                                "out names.")
    person_of = {record: index for index, group in enumerate(best) for record in group}
    answers, rates = reviewed_answers(person_of)
    why = "" if answers else ("Answer the left-alone sample (review page, records left alone) so the draws join as "
                              "many as these lists need; no answer is read yet (unsure ones are not).")
    return left_alone_review(best, pairs, answers, rates), why


def reviewed_calibration(run: LinkageRun | None, counted: set[int]) -> tuple[Calibration | None, str]:
    """The shift that reviewers' decisions on the run's calibration sample support, or why there is none
    (with, where 20 or more decisions gave no fit, the leaning shift: ``read_calibration``).

    The sample is read as ``queue.sample_ranked`` gives it: in its order, each pair at the probability
    the run gave it, with its decision wherever it was taken; the decided start of that order is fitted
    (``calibration_from_sample``). Pairs with a record not counted (too thin, or deleted since) are
    passed over, as the draws pass over them.
    """
    if run is None:
        return None, "there is no linkage run"
    return read_calibration(sample_ranked(run, counted))
