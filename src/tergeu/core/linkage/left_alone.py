"""Records the linkage left alone that may be someone it found: the split people no band shift reaches.

Why. A person split by the linkage is a phantom death, and the commonest split is one record left
alone: a woman listed under another family name, a name spelt beyond one slip, a given name with only
the family's initial. Their pairs with their own person are scored far below the uncertain band, or
not scored at all (not blocked together), so the linkage draws' common shift of the band
(``uncertainty``) never joins them. On independent generated lists the shift fitted on the band was
small while the linkage found 8-11 % more people than were listed; a reviewed sample of the band
could not say how many such records there are, and the interval missed the truth high.

What a draw does. After a draw is clustered, each record it left alone (a person of one record) joins
someone else with a probability drawn once for the draw, from one Beta distribution for records with a
scored pair (of at least the kept 0.05) to someone else, and another for those with none: the two
differ tenfold (a record with no scored pair is seldom anyone found). A record with a scored pair joins
its best-scored allowed partner; one without joins a person drawn at random among those allowed (no
record of the same list where the list names each person once, no reviewer's "different"). For the
toll, which person it joins matters less than that one person fewer is counted: the join makes the
record's list one more list that names someone found, as its true person would.

Where the rates come from. Reviewers answer, for a sample of records left alone chosen by a hash of
their ids (``left_alone_sample``), "is this someone already in the registry?"; ``rates_from_decisions``
turns the answers into the two Beta distributions. With no answers the draws use ``UNREVIEWED_RATES``,
wide distributions centred on what the tuning generators' lists needed (docs/estimation.md): a default
measured elsewhere, said so in the result, as the band's unreviewed shift is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tergeu.core.linkage.clustering import Constraints, ScoredPair

__all__ = ["LEFT_ALONE_SAMPLE", "UNREVIEWED_RATES", "LeftAloneRates", "join_left_alone", "left_alone",
           "left_alone_sample", "rates_from_decisions"]

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


# Fitted (by their means and standard deviations) to the records a draw at the unreviewed shift left
# alone on 18 events of the nine tuning generators (docs/estimation.md, "Records left alone"): with a
# scored pair 7-60 % were someone found (mean 31 %, sd 16 %), without one 0-16 % (mean 5.2 %, sd 4.8 %).
UNREVIEWED_RATES = LeftAloneRates(with_pair=(2.3, 5.1), without_pair=(1.1, 19.3))


def rates_from_decisions(decisions: Iterable[tuple[bool, bool]], prior: float = 0.5) -> LeftAloneRates:
    """The two shares' Beta distributions from reviewers' answers ``(has_scored_pair, is_someone_found)``.

    ``prior`` is each Beta's pseudo-count on either side (0.5: Jeffreys), so a stratum with no answer
    stays wide rather than borrowing a default measured on other lists.
    """
    counts = {True: [prior, prior], False: [prior, prior]}
    total = 0
    for has_pair, found in decisions:
        counts[bool(has_pair)][0 if found else 1] += 1
        total += 1
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


def join_left_alone(groups: Sequence[Sequence[int]], pairs: Sequence[ScoredPair], constraints: Constraints,
                    rates: LeftAloneRates, rng: np.random.Generator) -> list[tuple[int, ...]]:
    """``groups`` with each record left alone joined to someone else at the draw's rates (see the module)."""
    group_of = {record: index for index, group in enumerate(groups) for record in group}
    members = [set(group) for group in groups]
    alone = sorted(group[0] for group in groups if len(group) == 1)
    best = _best_partners(pairs, group_of, set(alone))
    share_with, share_without = (float(rng.beta(*rates.with_pair)), float(rng.beta(*rates.without_pair)))
    cannot = {frozenset(pair) for pair in constraints.cannot_link}
    for record in alone:
        if rng.random() >= (share_with if record in best else share_without):
            continue
        here = group_of[record]
        if len(members[here]) != 1:  # someone joined it already: it is no longer alone
            continue
        there = _partner(record, best.get(record, ()), group_of, members, constraints, cannot, rng)
        if there is not None:
            members[there].add(record)
            members[here] = set()
            group_of[record] = there
    return [tuple(sorted(group)) for group in members if group]


def _best_partners(pairs: Sequence[ScoredPair], group_of: dict[int, int], alone: set[int]) -> dict[int, list[int]]:
    """For each record left alone with a scored pair to another group: its partners, best-scored first."""
    scored: dict[int, list[tuple[float, int]]] = {}
    for pair in pairs:
        for mine, other in ((pair.left, pair.right), (pair.right, pair.left)):
            if mine in alone and group_of.get(other, group_of[mine]) != group_of[mine]:
                scored.setdefault(mine, []).append((-pair.probability, other))
    return {record: [other for _p, other in sorted(partners)] for record, partners in scored.items()}


def _partner(record: int, ranked: Sequence[int], group_of: dict[int, int], members: list[set[int]],
             constraints: Constraints, cannot: set[frozenset[int]], rng: np.random.Generator) -> int | None:
    """The group ``record`` joins: its best-scored allowed partner's, else (with no scored pair) a random
    allowed one; None when none is allowed."""
    if ranked:
        for other in ranked:
            if _allowed(record, members[group_of[other]], constraints, cannot):
                return group_of[other]
        return None
    for _ in range(_RANDOM_TRIES):
        there = int(rng.integers(len(members)))
        if members[there] and record not in members[there] and _allowed(record, members[there], constraints, cannot):
            return there
    return None


def _allowed(record: int, group: set[int], constraints: Constraints, cannot: set[frozenset[int]]) -> bool:
    """May ``record`` join ``group``: no record of its list there if that list names each person once,
    and no reviewer's "different" between it and any of them."""
    mine = constraints.group_of.get(record)
    if mine is not None and mine in constraints.exclusive_groups and any(
            constraints.group_of.get(other) == mine for other in group):
        return False
    return not any(frozenset((record, other)) in cannot for other in group)
