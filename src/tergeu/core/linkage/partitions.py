"""Gibbs sampling over partitions of records into people, from a clustering (see ``uncertainty``).

Records move as must-link units. The pairs are made canonical first (as ``cluster_records`` reads
them: each pair once, the highest probability of a repeated pair) and kept in a fixed order, so a
seed gives the same draws however the pairs came in. Each person carries its record count and its
exclusive lists, updated on every move, so a move costs what the unit's neighbours cost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from tergeu.core.linkage.attach import PLAUSIBLE, needed
from tergeu.core.linkage.cluster_report import build_clusters, doubts, weakest_links
from tergeu.core.linkage.clustering import Cluster, Constraints, ScoredPair, canonical_pairs
from tergeu.core.linkage.joined import joined

CERTAIN = 0.995  # a unit whose every pair is at or beyond this (either way) is not moved: it barely could


class PartitionSampler:
    """The records as must-link units with their scored neighbours, and the start to sample from."""

    def __init__(self, ids: list[int], pairs: Sequence[ScoredPair], constraints: Constraints, threshold: float,
                 start: Iterable[Iterable[int]]) -> None:
        self.ids = ids
        self.threshold = threshold
        self.threshold_odds = threshold / (1.0 - threshold) if threshold < 1 else 1e9
        position = {record: i for i, record in enumerate(ids)}
        self.unit = np.array(_must_link_units(len(ids), constraints, position), dtype=np.int64)
        self.members: dict[int, list[int]] = {}
        self.lists_of: dict[int, Counter[str]] = {}  # unit -> its records' exclusive lists
        for record, head in enumerate(self.unit.tolist()):
            self.members.setdefault(head, []).append(record)
            listed = constraints.group_of.get(ids[record])
            if listed in constraints.exclusive_groups:
                self.lists_of.setdefault(head, Counter())[listed] += 1
        self.cannot: dict[int, set[int]] = {}
        for a, b in constraints.cannot_link:
            if a in position and b in position:
                ua, ub = int(self.unit[position[a]]), int(self.unit[position[b]])
                self.cannot.setdefault(ua, set()).add(ub)
                self.cannot.setdefault(ub, set()).add(ua)
        self.lo, self.hi, probability, marked = canonical_pairs(list(pairs), np.array(ids, dtype=np.int64))
        self.disagreeing: dict[int, set[int]] = {}  # unit -> units it has a pair in disagreement with
        for a, b in zip(self.unit[self.lo[marked]].tolist(), self.unit[self.hi[marked]].tolist(), strict=True):
            self.disagreeing.setdefault(a, set()).add(b)
            self.disagreeing.setdefault(b, set()).add(a)
        self.log_odds = log_odds(probability)
        uncertain = (probability > 1 - CERTAIN) & (probability < CERTAIN)
        movable = set(self.unit[np.concatenate([self.lo[uncertain], self.hi[uncertain]])].tolist())
        self.pairs_alone, self.movable = self._split_by_component(movable)
        self.start_of = self._labels(start, position)
        # what every draw's report reads, the same for all draws
        self.scored = (self.lo, self.hi, probability)
        self.groups = {head: records for head, records in self.members.items() if len(records) > 1}

    def _split_by_component(self, movable: set[int]) -> tuple[list[int], list[int]]:
        """Movable units of two-unit components (one of each), and the rest.

        In a component of two units, one draw of where the first belongs is already a draw from the
        stationary distribution (together with the odds of their link, else apart), so no sweeps are
        needed; most components are such pairs, and sweeping them was most of the cost.
        """
        heads_lo, heads_hi = self.unit[self.lo], self.unit[self.hi]
        between = heads_lo != heads_hi
        n = len(self.ids)
        graph = coo_matrix((np.ones(int(between.sum())), (heads_lo[between], heads_hi[between])), shape=(n, n))
        _, component = connected_components(graph, directed=False)
        heads = np.unique(self.unit)
        sizes = np.bincount(component[heads], minlength=n)
        alone, rest, seen = [], [], set()
        for head in sorted(movable):
            label = int(component[head])
            if sizes[label] == 2:
                if label not in seen:
                    seen.add(label)
                    alone.append(head)
            else:
                rest.append(head)
        return alone, rest

    def _labels(self, start: Iterable[Iterable[int]], position: dict[int, int]) -> list[int]:
        """Each record's person in ``start`` (a record left out is alone); labels past every position."""
        labels = list(range(len(self.ids)))
        for label, group in enumerate(start, start=len(self.ids)):
            for record in group:
                if record in position:
                    labels[position[record]] = label
        return labels

    def draw(self, rng: np.random.Generator, sweeps: int) -> list[Cluster]:
        """One clustering: ``sweeps`` sweeps over the movable units (those of two-unit components are
        drawn once, exactly; with no sweeps at all, the start is returned)."""
        probability = 1.0 / (1.0 + np.exp(-self.log_odds))
        links: dict[int, dict[int, list[float]]] = {}
        for a, b, p in zip(self.unit[self.lo].tolist(), self.unit[self.hi].tolist(), probability.tolist(),
                           strict=True):
            if a != b:
                links.setdefault(a, {}).setdefault(b, []).append(p)
                links.setdefault(b, {}).setdefault(a, []).append(p)
        state = _State(self, links)
        for head in self.pairs_alone if sweeps else ():  # no sweeps: the start itself
            state.resample(head, rng)
        for _ in range(sweeps):
            for index in rng.permutation(len(self.movable)).tolist():
                state.resample(self.movable[index], rng)
        return state.clusters()


class _State:
    """A partition of the units under resampling: who is with whom, and what each person holds."""

    def __init__(self, sampler: PartitionSampler, links: dict[int, dict[int, list[float]]]) -> None:
        self.sampler = sampler
        self.links = links
        self.person_of: dict[int, int] = {}
        self.people: dict[int, set[int]] = {}
        self.size: Counter[int] = Counter()  # person -> records
        self.lists: dict[int, Counter[str]] = {}  # person -> exclusive lists of its records
        for head in sampler.members:
            self._put(head, sampler.start_of[sampler.members[head][0]])
        self.next_label = max(sampler.start_of, default=0) + 1  # new people get labels past every start label

    def _put(self, unit: int, label: int) -> None:
        self.person_of[unit] = label
        self.people.setdefault(label, set()).add(unit)
        self.size[label] += len(self.sampler.members[unit])
        listed = self.sampler.lists_of.get(unit)
        if listed:
            self.lists.setdefault(label, Counter()).update(listed)

    def _take(self, unit: int) -> int:
        label = self.person_of[unit]
        self.people[label].discard(unit)
        self.size[label] -= len(self.sampler.members[unit])
        listed = self.sampler.lists_of.get(unit)
        if listed:
            self.lists[label].subtract(listed)
        return label

    def resample(self, unit: int, rng: np.random.Generator) -> None:
        """Take ``unit`` out of its person and put it back where the odds of its links say."""
        own = self._take(unit)
        by_person: dict[int, list[float]] = {}
        for other, values in self.links.get(unit, {}).items():
            by_person.setdefault(self.person_of[other], []).extend(values)
        options, weights = [None], [1.0]
        for label, values in by_person.items():
            if self.size[label] and self._may_join(unit, label):
                link = min(max(self._link(unit, label, values), 1e-9), 1 - 1e-9)
                options.append(label)
                weights.append(link / (1 - link) / self.sampler.threshold_odds)
        chosen = options[_pick(weights, rng)]
        if chosen is None:
            chosen = own if not self.size[own] else self._new_label()
        self._put(unit, chosen)

    def _link(self, unit: int, label: int, values: list[float]) -> float:
        """The clustering's own rule: average link with the person (unscored pairs 0), or for a lone
        record the attach pass's two strongest pairs, when every member has a plausible pair with it,
        or all but one and those pairs are strong (``attach.needed``), and none a pair in disagreement
        (``ScoredPair.contradicted``)."""
        records = len(self.sampler.members[unit])
        average = sum(values) / (records * self.size[label])
        if records == 1 and self.size[label] > 1 and values and min(values) >= PLAUSIBLE \
                and self.sampler.disagreeing.get(unit, set()).isdisjoint(self.people[label]):
            best, second = (sorted(values, reverse=True) + [0.0])[:2]
            together = 1.0 - (1.0 - best) * (1.0 - second)
            unscored = self.size[label] - len(values)
            if unscored == 0 or together >= needed(unscored, self.sampler.threshold):
                return max(average, together)
        return average

    def _may_join(self, unit: int, label: int) -> bool:
        apart = self.sampler.cannot.get(unit)
        if apart and not apart.isdisjoint(self.people[label]):
            return False
        mine = self.sampler.lists_of.get(unit)
        if not mine:
            return True
        held = self.lists.get(label)
        return not held or not any(held[name] > 0 for name in mine)

    def _new_label(self) -> int:
        self.next_label += 1
        return self.next_label

    def clusters(self) -> list[Cluster]:
        """The partition as ``Cluster`` objects, reported as ``cluster_records`` reports its own."""
        sampler = self.sampler
        rep = np.arange(len(sampler.ids))
        for units in self.people.values():
            records = sorted(r for unit in units for r in sampler.members[unit])
            if records:
                rep[records] = records[0]
        cohesion = weakest_links(rep, sampler.scored, sampler.unit, sampler.groups, 0.0)
        reasons = doubts(rep, cohesion, np.full(len(rep), -1), [], 0.0)
        return build_clusters(np.array(sampler.ids), rep, cohesion, reasons)


def log_odds(probability: np.ndarray) -> np.ndarray:
    """Natural log-odds, with probabilities held within 1e-9 of certainty (the draws' and the sweeps')."""
    clipped = np.clip(probability, 1e-9, 1 - 1e-9)
    return np.log(clipped / (1 - clipped))


def _pick(weights: list[float], rng: np.random.Generator) -> int:
    """An index drawn with probability proportional to its weight."""
    target = rng.random() * sum(weights)
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
