"""Plausible alternative clusterings around the best guess, for carrying linkage doubt forward.

One clustering is the linkage's best guess. An estimate of the toll computed on it alone pretends the
guess is certain; but a person wrongly split in two is a phantom death and two people wrongly merged
hide one. So the estimation draws several clusterings that the model finds plausible and estimates on
each (multiple imputation).

Why not a coin per pair. Deciding every uncertain pair by its own coin and clustering the result
looks natural and is biased: a person on four lists has six pairs, and one coin against them is
enough to break the person up, while nothing comparable builds people up. On generated lists whose
pair probabilities were well calibrated, every coin draw had *both* lower recall and lower precision
than the best guess, 1-8 % more people, and estimates 2-14 % higher: the doubt became a bias.

So the draws move whole records between people instead (Gibbs sampling over partitions, started from
the best guess). A record reconsiders where it belongs given everyone else: alone, its own person, or
a neighbouring person, each weighed by the odds of its *link* to that person against the
clustering's threshold. The link is the clustering's own rule: the average of the record's pair
probabilities with the members (unscored pairs count 0), or, for a lone record, the attach pass's
"two strongest pairs" when every member is plausible (``attach``). A pair of records alone together
at probability p therefore stays together p of the time, as a coin would; a record in a large
person it matches well stays put. Moves respect the constraints: must-linked records move together,
never two records of an exclusive list in one person, never a cannot-linked pair.

The probabilities themselves may be off on lists the model was not made for, and such errors lean
together, not cancel. Each draw therefore first shifts every pair's log-odds by one common amount
(normal, standard deviation ``calibration_spread``): some draws link more readily than the model,
some less.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from tergeu.core.linkage.attach import PLAUSIBLE
from tergeu.core.linkage.cluster_report import build_clusters, doubts, weakest_links
from tergeu.core.linkage.clustering import Cluster, Constraints, ScoredPair, cluster_records
from tergeu.core.linkage.joined import joined

__all__ = ["plausible_clusterings"]

CERTAIN = 0.995  # a record whose every pair is at or beyond this (either way) is not moved: it barely could
CALIBRATION_SPREAD = 0.5  # standard deviation, in log-odds, of each draw's shift of every pair's probability
SWEEPS = 12  # Gibbs sweeps per draw from the best guess; components are small (2-6 records), so they mix fast


def plausible_clusterings(records: Iterable[int], pairs: Sequence[ScoredPair], constraints: Constraints | None = None,
                          draws: int = 10, seed: int = 1, threshold: float = 0.5,
                          calibration_spread: float = CALIBRATION_SPREAD, sweeps: int = SWEEPS,
                          start: Iterable[Iterable[int]] | None = None) -> list[list[Cluster]]:
    """``draws`` clusterings of ``records``, each ``sweeps`` Gibbs sweeps away from the best guess.

    ``start`` is the best guess as groups of record ids, if the caller has it (else it is clustered
    here, attach pass included, as ``tergeu link`` does); records it leaves out start alone.
    Reproducible: the same ``seed`` gives the same draws.
    """
    ids = sorted(set(records))
    constraints = constraints or Constraints()
    if start is None:
        start = [c.records for c in cluster_records(ids, pairs, constraints, threshold, attach_sparse=True)]
    sampler = _PartitionSampler(ids, pairs, constraints, threshold, start)
    rng = np.random.default_rng(seed)
    return [sampler.draw(rng, rng.normal(0.0, calibration_spread) if calibration_spread else 0.0, sweeps)
            for _ in range(draws)]


class _PartitionSampler:
    """The records as must-link units with their scored neighbours, and the best guess to start from."""

    def __init__(self, ids: list[int], pairs: Sequence[ScoredPair], constraints: Constraints, threshold: float,
                 start: Iterable[Iterable[int]]) -> None:
        self.ids = ids
        self.threshold = threshold
        position = {record: i for i, record in enumerate(ids)}
        self.unit = np.array(_must_link_units(len(ids), constraints, position), dtype=np.int64)
        self.members: dict[int, list[int]] = {}
        for record, head in enumerate(self.unit.tolist()):
            self.members.setdefault(head, []).append(record)
        exclusive = constraints.exclusive_groups
        self.list_of = [constraints.group_of.get(record) if constraints.group_of.get(record) in exclusive else None
                        for record in ids]
        self.cannot: dict[int, set[int]] = {}
        for a, b in constraints.cannot_link:
            if a in position and b in position:
                ua, ub = int(self.unit[position[a]]), int(self.unit[position[b]])
                self.cannot.setdefault(ua, set()).add(ub)
                self.cannot.setdefault(ub, set()).add(ua)
        self.left = np.array([position[p.left] for p in pairs], dtype=np.int64)
        self.right = np.array([position[p.right] for p in pairs], dtype=np.int64)
        probability = np.array([p.probability for p in pairs], dtype=float)
        self.log_odds = np.log(np.clip(probability, 1e-9, 1 - 1e-9) / np.clip(1 - probability, 1e-9, None))
        uncertain = (probability > 1 - CERTAIN) & (probability < CERTAIN) & (self.left != self.right)
        movable = set(self.unit[np.concatenate([self.left[uncertain], self.right[uncertain]])].tolist())
        self.movable = sorted(movable)
        self.start_of = list(range(len(ids)))  # a record the start leaves out is alone (labels past the groups')
        for label, group in enumerate(start, start=len(ids)):
            for record in group:
                if record in position:
                    self.start_of[position[record]] = label

    def draw(self, rng: np.random.Generator, shift: float, sweeps: int) -> list[Cluster]:
        """One clustering: the shifted probabilities, ``sweeps`` sweeps over the movable units."""
        probability = 1.0 / (1.0 + np.exp(-(self.log_odds + shift)))
        links: dict[int, dict[int, float]] = {}
        for a, b, p in zip(self.unit[self.left].tolist(), self.unit[self.right].tolist(), probability.tolist(),
                           strict=True):
            if a != b:
                links.setdefault(a, {})[b] = links.setdefault(a, {}).get(b, 0.0) + p
                links.setdefault(b, {})[a] = links.setdefault(b, {}).get(a, 0.0) + p
        state = _State(self, links)
        units = list(self.movable)
        for _ in range(sweeps):
            for index in rng.permutation(len(units)).tolist():
                state.resample(units[index], rng)
        return state.clusters()


class _State:
    """A partition of the units under resampling: who is with whom, and what each person holds."""

    def __init__(self, sampler: _PartitionSampler, links: dict[int, dict[int, float]]) -> None:
        self.s = sampler
        self.links = links
        self.person_of: dict[int, int] = {}
        self.people: dict[int, set[int]] = {}
        for head, records in sampler.members.items():
            label = sampler.start_of[records[0]]
            self.person_of[head] = label
            self.people.setdefault(label, set()).add(head)
        self.next_label = max(sampler.start_of, default=0) + 1  # new people get labels past every start label
        odds = sampler.threshold / (1.0 - sampler.threshold) if sampler.threshold < 1 else 1e9
        self.threshold_odds = odds

    def size(self, label: int) -> int:
        return sum(len(self.s.members[unit]) for unit in self.people[label])

    def resample(self, unit: int, rng: np.random.Generator) -> None:
        """Take ``unit`` out of its person and put it back where the odds of its links say."""
        own = self.person_of[unit]
        self.people[own].discard(unit)
        sums: dict[int, list[float]] = {}
        for other, p in self.links.get(unit, {}).items():
            sums.setdefault(self.person_of[other], []).append(p)
        options, weights = [None], [1.0]
        for label, values in sums.items():
            if self.people[label] and self._may_join(unit, label):
                link = self._link(unit, label, values)
                options.append(label)
                weights.append(min(link, 1 - 1e-9) / max(1 - link, 1e-9) / self.threshold_odds)
        chosen = options[_pick(weights, rng)]
        if chosen is None:
            chosen = own if not self.people[own] else self._new_label()
        self.person_of[unit] = chosen
        self.people.setdefault(chosen, set()).add(unit)

    def _link(self, unit: int, label: int, values: list[float]) -> float:
        """The clustering's own rule: average link with the person, or a lone record's attach rule."""
        size = self.size(label)
        average = sum(values) / (len(self.s.members[unit]) * size)
        if len(self.s.members[unit]) == 1 and size > 1 and len(values) == size and min(values) >= PLAUSIBLE:
            best, second = sorted(values, reverse=True)[:2]
            return max(average, 1.0 - (1.0 - best) * (1.0 - second))
        return average

    def _may_join(self, unit: int, label: int) -> bool:
        people = self.people[label]
        if self.s.cannot.get(unit, set()) & people:
            return False
        lists = {self.s.list_of[r] for member in people for r in self.s.members[member]} - {None}
        return not any(self.s.list_of[r] in lists for r in self.s.members[unit])

    def _new_label(self) -> int:
        self.next_label += 1
        return self.next_label

    def clusters(self) -> list[Cluster]:
        """The partition as ``Cluster`` objects, reported as ``cluster_records`` reports its own."""
        rep = np.arange(len(self.s.ids))
        for units in self.people.values():
            records = sorted(r for unit in units for r in self.s.members[unit])
            if records:
                rep[records] = records[0]
        lo, hi = np.minimum(self.s.left, self.s.right), np.maximum(self.s.left, self.s.right)
        prob = 1.0 / (1.0 + np.exp(-self.s.log_odds))
        groups = {head: records for head, records in self.s.members.items() if len(records) > 1}
        cohesion = weakest_links(rep, (lo, hi, prob), self.s.unit, groups, 0.0)
        return build_clusters(np.array(self.s.ids), rep, cohesion, doubts(rep, cohesion, np.full(len(rep), -1), [],
                                                                          self.s.threshold / 2))


def _pick(weights: list[float], rng: np.random.Generator) -> int:
    total = sum(weights)
    target = rng.random() * total
    for index, weight in enumerate(weights):
        target -= weight
        if target < 0:
            return index
    return len(weights) - 1


def _must_link_units(n: int, constraints: Constraints, position: dict[int, int]) -> list[int]:
    """Each record's unit: the smallest record position of its must-link group (closed transitively)."""
    groups = joined((position[a], position[b]) for a, b in constraints.must_link if a in position and b in position)
    unit = list(range(n))
    for group in groups.subsets():
        head = min(group)
        for record in group:
            unit[record] = head
    return unit
