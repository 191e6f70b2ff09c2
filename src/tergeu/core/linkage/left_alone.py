"""Records the linkage left alone that may be someone it found: the split people no band shift reaches.

Why. A person split by the linkage is a phantom death, and the commonest split is one record left
alone: a woman listed under another family name, a name spelt beyond one slip, a given name with only
the family's initial. Their pairs with their own person are scored far below the uncertain band, or
not scored at all (not blocked together), so the linkage draws' common shift of the band
(``uncertainty``) never joins them. On independent generated lists the shift fitted on the band was
small while the linkage found 8-11 % more people than were listed; a reviewed sample of the band
could not say how many such records there are, and the interval missed the truth high.

What a draw does. The records alone in the best guess that nobody has answered about (``alone``) are
the population. Each draw takes, per stratum (records with a scored pair of at least the kept 0.05 to
someone else, and records without: the two differ tenfold), a share ``f`` from a Beta distribution:
``f`` of the population are someone found. The draw's shift of the band has already joined ``J`` of
them (mostly people the model was merely unsure of), so of the ``N - J`` still alone each joins
someone with probability ``(f N - J) / (N - J)`` (never below 0). A record with a scored pair joins its
best-scored allowed partner; one without joins a person drawn at random among those allowed (no record
of the same list where the list names each person once, no reviewer's "different"). For the toll, which
person it joins matters less than that one person fewer is counted and one more list names someone
found, as its true person would be. Records reviewers answered are not drawn: "nobody found" stays
alone, "someone found" (not saying whom) always joins. A record alone only because a draw split its
person is left so: that is the draw's own doubt.

Where the shares come from. Reviewers answer, for a sample of records alone chosen by a hash of their
ids (``left_alone_sample``), "is this someone already found?"; ``rates_from_decisions`` adds the answers,
per stratum, to ``UNREVIEWED_RATES`` taken as a prior: with few answers the shares lean on what the
tuning generators' lists needed, with many they are the answers'. With none the draws use
``UNREVIEWED_RATES`` alone, wide distributions measured on generated lists (docs/estimation.md), and the
result says so, as it does for the band's unreviewed shift.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.stats import beta

from tergeu.core.linkage.clustering import Constraints, ScoredPair

__all__ = ["LEFT_ALONE_SAMPLE", "UNREVIEWED_RATES", "LeftAloneJoiner", "LeftAloneRates", "LeftAloneReview",
           "keeping_nobody_alone", "left_alone", "left_alone_review", "left_alone_sample", "rates_from_decisions"]

LEFT_ALONE_SAMPLE = 100  # records left alone that reviewers are asked about, in hash order
_RANDOM_TRIES = 50  # draws of a random partner before a record is left alone in this draw


@dataclass(frozen=True)
class LeftAloneRates:
    """Beta(a, b) of the share of records left alone that are someone else, with and without a scored pair."""

    with_pair: tuple[float, float]
    without_pair: tuple[float, float]
    source: str = "unreviewed"
    decisions: int = 0

    def means(self) -> tuple[float, float]:
        """The two shares' means, for the result's diagnostics."""
        return tuple(round(a / (a + b), 4) for a, b in (self.with_pair, self.without_pair))  # type: ignore[return-value]


# Fitted by the beta-binomial likelihood to the records the linkage's best guess left alone on 20 events of
# the ten tuning generators (`bench/unreviewed_doubt.py --first-seed 1201`, the fifteenth session's linkage;
# docs/estimation.md, "Records left alone"): with a scored pair 0-73 % were someone found (mean 37 %, sd 18 %
# between events), without one 0-16 % (mean 5.0 %, sd 4.5 %).
UNREVIEWED_RATES = LeftAloneRates(with_pair=(2.4, 4.1), without_pair=(1.1, 21.2))


@dataclass(frozen=True)
class LeftAloneReview:
    """What the draws need: the records the best guess left alone that nobody answered about (each with
    whether it has a scored pair to someone else), reviewers' answers (record -> someone found) and the
    shares' distributions."""

    alone: Mapping[int, bool]
    answers: Mapping[int, bool]
    rates: LeftAloneRates


def left_alone_review(best_guess: Iterable[Sequence[int]], pairs: Iterable[ScoredPair],
                      answers: Mapping[int, bool] | None = None,
                      rates: LeftAloneRates = UNREVIEWED_RATES) -> LeftAloneReview:
    """The review the draws read, from the best guess's groups (records the estimate counts only)."""
    answers = dict(answers or {})
    alone = {record: paired for record, paired in left_alone(best_guess, pairs).items() if record not in answers}
    return LeftAloneReview(alone, answers, rates)


def rates_from_decisions(decisions: Iterable[tuple[bool, bool]], prior: LeftAloneRates = UNREVIEWED_RATES
                         ) -> LeftAloneRates:
    """The shares' Beta distributions from reviewers' answers ``(has_scored_pair, is_someone_found)``, with
    ``prior`` as pseudo-counts: a stratum with few answers leans on it rather than jumping to a few answers'
    share (or to one half with none)."""
    counts = {True: list(prior.with_pair), False: list(prior.without_pair)}
    total = 0
    for has_pair, found in decisions:
        counts[bool(has_pair)][0 if found else 1] += 1
        total += 1
    if not total:
        return prior
    return LeftAloneRates(tuple(counts[True]), tuple(counts[False]), "reviewed", total)  # type: ignore[arg-type]


def left_alone(groups: Iterable[Sequence[int]], pairs: Iterable[ScoredPair]) -> dict[int, bool]:
    """The records alone in ``groups``, each with whether it has a scored pair to a record of another group
    (the stratum its reviewed answer counts in)."""
    group_of = {record: index for index, group in enumerate(groups) for record in group}
    sizes: dict[int, int] = {}
    for index in group_of.values():
        sizes[index] = sizes.get(index, 0) + 1
    alone = {record: False for record, index in group_of.items() if sizes[index] == 1}
    for pair in pairs:
        if pair.left in group_of and pair.right in group_of and group_of[pair.left] != group_of[pair.right]:
            for record in (pair.left, pair.right):
                if record in alone:
                    alone[record] = True
    return alone


def left_alone_sample(records: Iterable[int], size: int = LEFT_ALONE_SAMPLE) -> list[int]:
    """The ``size`` records with the smallest hash of their id: chosen by nothing that says whether they match."""
    return sorted(set(records), key=_record_hash)[:size]


def _record_hash(record: int) -> bytes:
    return hashlib.blake2b(f"alone:{record}".encode(), digest_size=8).digest()


def _nobody_found(answers: Mapping[int, bool], constraints: Constraints) -> set[int]:
    """Records answered "nobody found" that no reviewer has since decided "same person" about."""
    decided = {record for pair in constraints.must_link for record in pair}
    return {record for record, found in answers.items() if not found and record not in decided}


def keeping_nobody_alone(constraints: Constraints, pairs: Iterable[ScoredPair], answers: Mapping[int, bool]
                         ) -> Constraints:
    """``constraints`` plus "different" between each record answered "nobody found" and every record it was
    scored against, so that no draw's shift joins it either; a record a reviewer has since decided "same
    person" about is left to that decision."""
    nobody = _nobody_found(answers, constraints)
    apart = {(min(p.left, p.right), max(p.left, p.right)) for p in pairs
             if (p.left in nobody or p.right in nobody) and p.left != p.right}
    return replace(constraints, cannot_link=constraints.cannot_link | frozenset(apart)) if apart else constraints


class LeftAloneJoiner:
    """Joins, in each draw, records left alone to someone (see the module); what every draw shares (each
    record's partners ranked by score, the reviewers' "different" pairs) is worked out once."""

    def __init__(self, pairs: Sequence[ScoredPair], constraints: Constraints, review: LeftAloneReview) -> None:
        scored: dict[int, list[tuple[float, int]]] = {}
        for pair in pairs:
            scored.setdefault(pair.left, []).append((-pair.probability, pair.right))
            scored.setdefault(pair.right, []).append((-pair.probability, pair.left))
        self.ranked = {record: [other for _p, other in sorted(partners)] for record, partners in scored.items()}
        self.constraints, self.review = constraints, review
        self.cannot = {frozenset(pair) for pair in constraints.cannot_link}
        self.nobody = _nobody_found(review.answers, constraints)
        self.strata = {stratum: sorted(r for r, paired in review.alone.items() if paired == stratum)
                       for stratum in (True, False)}

    def join(self, groups: Sequence[Sequence[int]], rng: np.random.Generator,
             quantiles: tuple[float, float] | None = None) -> list[tuple[int, ...]]:
        """``groups`` (a draw's people) with records left alone joined to someone at the draw's shares:
        the two Beta distributions' ``quantiles`` (with a scored pair, without), or random ones.

        The share is a budget, not a coin per record: each join debits every record of the population it
        takes out of being alone (two records of the population joined together debit two), so a person
        split into two lone records does not count twice."""
        group_of = {record: index for index, group in enumerate(groups) for record in group}
        members = [set(group) for group in groups]
        for record, found in sorted(self.review.answers.items()):
            if found and record in group_of and len(members[group_of[record]]) == 1:
                self._join(record, group_of, members, rng)
        budget = {}
        quantiles = quantiles or (float(rng.random()), float(rng.random()))
        rates = ((True, self.review.rates.with_pair), (False, self.review.rates.without_pair))
        for (stratum, (a, b)), quantile in zip(rates, quantiles, strict=True):
            population = self.strata[stratum]
            already = sum(len(members[group_of[r]]) != 1 for r in population if r in group_of)
            budget[stratum] = float(beta.ppf(quantile, a, b)) * len(population) - already
        waiting = [r for r in self.strata[True] + self.strata[False] if r in group_of]
        left = {stratum: sum(self.review.alone[r] == stratum for r in waiting) for stratum in (True, False)}
        for record in rng.permutation(np.array(waiting, dtype=np.int64)).tolist():
            stratum = self.review.alone[record]
            alone, chance = len(members[group_of[record]]) == 1, budget[stratum] / max(left[stratum], 1)
            left[stratum] -= 1
            if not alone or rng.random() >= chance:
                continue
            there = self._join(record, group_of, members, rng)
            if there is not None:
                budget[stratum] -= 1
                others = members[there] - {record}
                if len(others) == 1 and (other := next(iter(others))) in self.review.alone:
                    budget[self.review.alone[other]] -= 1  # it was alone too, and is no longer
        return [tuple(sorted(group)) for group in members if group]

    def _join(self, record: int, group_of: dict[int, int], members: list[set[int]],
              rng: np.random.Generator) -> int | None:
        """Join ``record`` (alone) to its best-scored allowed partner's person, else a random allowed one."""
        here = group_of[record]
        partners = [other for other in self.ranked.get(record, ()) if group_of.get(other, here) != here]
        there = self._partner(record, partners, group_of, members, rng)
        if there is not None:
            members[there].add(record)
            members[here] = set()
            group_of[record] = there
        return there

    def _partner(self, record: int, ranked: Sequence[int], group_of: dict[int, int], members: list[set[int]],
                 rng: np.random.Generator) -> int | None:
        """The group ``record`` joins: its best-scored allowed partner's, else (with no scored pair to
        someone else) a random allowed one; None when none is allowed."""
        if ranked:
            return next((group_of[other] for other in ranked if self._allowed(record, members[group_of[other]])),
                        None)
        for _ in range(_RANDOM_TRIES):
            there = int(rng.integers(len(members)))
            if members[there] and record not in members[there] and self._allowed(record, members[there]):
                return there
        return None

    def _allowed(self, record: int, group: set[int]) -> bool:
        """May ``record`` join ``group``: no record of its list there if that list names each person once,
        no reviewer's "different" between it and any of them, and none of them answered "nobody found"."""
        mine = self.constraints.group_of.get(record)
        if mine is not None and mine in self.constraints.exclusive_groups and any(
                self.constraints.group_of.get(other) == mine for other in group):
            return False
        return not any(other in self.nobody or frozenset((record, other)) in self.cannot for other in group)
