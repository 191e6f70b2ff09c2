"""The search inside one connected component: greedy average linkage, then sweeps that move records.

``clustering`` cuts the records into components by pairs above the threshold and must-links; each
component of two or more records is searched here. The rules every move keeps (no cannot-link in a
cluster, no two records of an exclusive list) are ``compatible``'s, shared with the attach pass.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

_MAX_ROUNDS = 100  # merge/sweep rounds per component; each round raises the score, so never reached in practice
_EPS = 1e-12  # a move must raise the score by more than rounding noise, so sweeps cannot cycle


@dataclass
class SearchContext:
    """Lookups shared by the per-component search; records are positions in the sorted record ids."""

    threshold: float
    missing: float
    unit: np.ndarray  # record -> its must-link group, named by the group's smallest record (itself if none)
    unit_of: dict[int, int]  # ``unit`` restricted to records in must-link groups
    unit_members: dict[int, list[int]]  # must-link group id -> its records, sorted
    exclusive: list[int] | None  # record -> code of its exclusive list, -1 if none; None: no such lists
    cannot: dict[int, set[int]]  # record -> records it must not share a cluster with


def compatible(records: list[int], members: Iterable[int], is_member: Callable[[int], bool],
               ctx: SearchContext) -> bool:
    """No cannot-link between ``records`` and the cluster, and no exclusive list on both sides.

    ``is_member`` answers "is this record in the cluster?" however the caller knows it best (the search
    by its labels), so a record's few cannot-links are looked up rather than every member scanned.
    """
    exclusive = ctx.exclusive
    if exclusive is not None:
        lists = {exclusive[r] for r in records} - {-1}
        if lists and any(exclusive[r] in lists for r in members):
            return False
    cannot = ctx.cannot
    return not cannot or not any(is_member(q) for r in records for q in cannot.get(r, ()))


class _Partition:
    """The clusters of one component during the search; cluster ids are arbitrary ints until
    ``canonical`` renames each to its smallest record, which the merge step's tie-breaking relies on."""

    def __init__(self, records: list[int], ctx: SearchContext) -> None:
        self.ctx, self.fresh = ctx, -1
        self.label = {record: ctx.unit_of.get(record, record) for record in records}  # units start together
        self.members: dict[int, list[int]] = {}
        for record, cluster in self.label.items():
            self.members.setdefault(cluster, []).append(record)

    def compatible(self, records: list[int], cluster: int) -> bool:
        """Whether ``records`` may join ``cluster``: no cannot-link and no shared exclusive list."""
        label = self.label
        return compatible(records, self.members[cluster], lambda q: label.get(q) == cluster, self.ctx)

    def move(self, records: list[int], home: int, target: int | None) -> None:
        rest = [record for record in self.members.pop(home) if record not in records]  # a unit is small
        if rest:
            self.members[home] = rest
        if target is None:
            target, self.fresh = self.fresh, self.fresh - 1
        self.members[target] = self.members.get(target, []) + records
        self.label.update(dict.fromkeys(records, target))

    def canonical(self) -> None:
        clusters = [sorted(records) for records in self.members.values()]
        self.members = {records[0]: records for records in clusters}
        self.label = {record: records[0] for records in clusters for record in records}


def cluster_component(records: list[int], edges: list[tuple[int, int, float]], ctx: SearchContext) -> list[list[int]]:
    """Alternate greedy average-linkage merging and improving sweeps until a sweep moves nothing."""
    part = _Partition(records, ctx)
    adjacent: dict[int, list[tuple[int, float]]] = {record: [] for record in records}
    for a, b, p in edges:
        adjacent[a].append((b, p))
        adjacent[b].append((a, p))
    for _ in range(_MAX_ROUNDS):
        _agglomerate(part, edges)
        if not _sweep(part, adjacent):
            break
        part.canonical()
    return list(part.members.values())


def _average(link: list[float], size_a: int, size_b: int, missing: float) -> float:
    """Average probability over all size_a * size_b record pairs, unscored ones counting as ``missing``."""
    total = size_a * size_b
    return (link[0] + missing * (total - link[1])) / total


def _agglomerate(part: _Partition, edges: list[tuple[int, int, float]]) -> None:
    """Greedy average linkage over clusters joined by scored pairs: lazy heap of (-average, a, b);
    an entry is stale when a cluster is gone or its average changed, and is then skipped."""
    t, m, label, members = part.ctx.threshold, part.ctx.missing, part.label, part.members
    links: dict[int, dict[int, list[float]]] = {cluster: {} for cluster in members}
    for a, b, p in edges:
        ca, cb = label[a], label[b]
        if ca != cb:
            link = links[ca].get(cb)
            if link is None:
                link = links[ca][cb] = links[cb][ca] = [0.0, 0]
            link[0] += p
            link[1] += 1
    heap = []
    for a, around in links.items():
        for b, link in around.items():
            if a < b and (average := _average(link, len(members[a]), len(members[b]), m)) >= t:
                heap.append((-average, a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        link = links.get(a, {}).get(b)
        if link is None or _average(link, len(members[a]), len(members[b]), m) != -negative:
            continue
        if not part.compatible(members[b], a):
            continue  # re-examined only if one side grows and the entry is pushed again
        _merge(part, links, a, b)
        size_a = len(members[a])
        for x, link in links[a].items():
            if (average := _average(link, size_a, len(members[x]), m)) >= t:
                heapq.heappush(heap, (-average, min(a, x), max(a, x)))


def _merge(part: _Partition, links: dict[int, dict[int, list[float]]], keep: int, gone: int) -> None:
    """Fold cluster ``gone`` into ``keep`` (the smaller id), adding up their link sums to third clusters."""
    around_keep = links[keep]
    del around_keep[gone]
    for x, link in links.pop(gone).items():
        if x == keep:
            continue
        del links[x][gone]
        mine = around_keep.get(x)
        if mine is None:
            around_keep[x] = links[x][keep] = link
        else:
            mine[0] += link[0]
            mine[1] += link[1]
    part.label.update(dict.fromkeys(part.members[gone], keep))
    part.members[keep] += part.members.pop(gone)


def _sweep(part: _Partition, adjacent: dict[int, list[tuple[int, float]]]) -> bool:
    """Move each unit to the cluster (or a cluster of its own) where it adds most to the score.

    The gain of unit u in cluster C is the sum of (p - t) over its pairs with C; as pairs not scored
    add the constant (m - t), only clusters u has scored pairs with can beat being alone (gain 0).
    Staying wins ties, then being alone, then the first candidate met. Returns whether anything moved.
    """
    ctx, label, members = part.ctx, part.label, part.members
    t, m = ctx.threshold, ctx.missing
    moved = False
    for unit in sorted({ctx.unit_of.get(record, record) for record in label}):
        records = ctx.unit_members.get(unit, [unit])
        home = label[unit]
        sums: dict[int, float] = {}
        for record in records:
            for other, p in adjacent[record]:
                if len(records) == 1 or ctx.unit_of.get(other, other) != unit:
                    cluster = label[other]
                    sums[cluster] = sums.get(cluster, 0.0) + p - m
        rest = len(members[home]) - len(records)
        best = sums.get(home, 0.0) + (m - t) * len(records) * rest + _EPS
        target: int | None = home
        if rest and best < 0.0:
            best, target = 0.0, None
        for cluster, total in sums.items():
            if cluster != home:
                gain = total + (m - t) * len(records) * len(members[cluster])
                if gain > best and part.compatible(records, cluster):
                    best, target = gain, cluster
        if target != home:
            part.move(records, home, target)
            moved = True
    return moved
