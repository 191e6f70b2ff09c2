"""Turn scored record pairs into people without chaining.

Connected components of the pairs above a threshold are the obvious way to get people, and they are
wrong for casualty lists: one bad link (two men with one name and birth year) fuses two people, and a
chain A~B~C fuses A and C although the model says they differ. Each wrong fusion hides a death, so
here a record joins a cluster only if it matches the cluster as a whole.

Objective: with threshold t, a partition scores the sum over within-cluster pairs of (w(p) - w(t)),
unscored pairs counting as ``missing_pair_probability`` m < t (correlation clustering). Merging A and B
changes it by |A||B|(avg(A, B) - w(t)), so "average link at least t" means "the merge costs nothing".
The weight w is the probability itself, or (``log_odds``, what linkage runs use) its log-odds, held
within ``LOG_ODDS_CAP`` of certainty, with an unscored pair at ``UNSCORED`` at least. With probabilities
a pair the model is sure names two people (0.001) counts no more against a cluster than one it doubts
(0.3), so two namesakes' clusters fuse through a record that fits both; log-odds are the evidence
itself, the sum the most probable partition would maximise if pairs were independent, and they keep such
clusters apart (`docs/linkage.md`, "Namesakes at scale"). Runs keep pairs from 0.05, so there a pair
below that arrives unscored and weighs as ``UNSCORED`` (log-odds -3.7, not -6.9). The cap keeps one
near-certain pair from outweighing every doubt about the rest: no pair counts for more than odds of 999
to 1.

Search: (1) average linkage merges the two compatible clusters with the highest average link (ties:
smallest record ids) until it falls below t, looking only along scored pairs (only they can reach t),
with cluster-pair sums in dicts and a lazy heap, so a component of thousands of records costs about
O(pairs x cluster size x log), not O(records^2). (2) Greedy merging is myopic: a wrong pair that is the
strongest of all is merged first and blocks both true clusters. So a sweep then moves each record (or
must-link group) to the compatible cluster, or a cluster of its own, that raises the score most, and
merging and sweeping alternate until nothing moves. Each move raises the score, so this ends, locally
optimal: no two compatible clusters average t or more, and every record averages at least t with the
rest of its cluster and gains nothing by moving (the tests check both by brute force).

Neither step can join records not connected by pairs scoring at least t (or must-links), so the work
is split by connected component: singletons cost nothing and the rest are mostly 2-6 records.

Must-links (closed transitively) form units that never split; a cannot-link pair or two records of an
exclusive list never share a cluster; contradictory constraints raise ValueError, because some
reviewer decision is wrong and must not be resolved silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from tergeu.core.linkage.attach import attach_singletons
from tergeu.core.linkage.cluster_report import Cluster, build_clusters, doubts, weakest_links
from tergeu.core.linkage.component_search import SearchContext, cluster_component, compatible
from tergeu.core.linkage.joined import joined

__all__ = ["Cluster", "ConstraintConflict", "Constraints", "ScoredPair", "assignment", "canonical_pairs",
           "cluster_records", "suspicious_clusters"]

class ConstraintConflict(ValueError):
    """Must-links, cannot-links and exclusive lists that no clustering can satisfy together.

    ``records`` are the record ids involved; ``text(name)`` says it again naming each record by
    ``name(id)``, so callers that show records by another name (a public id) never show the ids.
    """

    def __init__(self, template: str, records: tuple[int, ...]) -> None:
        self.template, self.records = template, records
        super().__init__(self.text(str))

    def text(self, name: Callable[[int], str]) -> str:
        return self.template.format(*(name(record) for record in self.records))


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """One comparison from the linkage model: the probability that two records name one person.

    ``contradicted``: some fact of the two records disagrees outright (``rescoring.CONTRADICTION_BITS``),
    so a weak probability is not for want of evidence; the last clustering pass reads it (``attach``),
    as do the linkage draws' sweeps (``partitions``).
    """

    left: int
    right: int
    probability: float
    contradicted: bool = field(default=False, kw_only=True)


@dataclass(frozen=True)
class Constraints:
    """What reviewers and list facts say, which overrides the scores: ``must_link`` (confirmed one person,
    closed transitively), ``cannot_link`` (confirmed different people), ``group_of`` (record -> list, for the
    "two records of one list" warning), ``exclusive_groups`` (lists naming each person at most once)."""

    must_link: frozenset[tuple[int, int]] = frozenset()
    cannot_link: frozenset[tuple[int, int]] = frozenset()
    group_of: Mapping[int, str] = field(default_factory=dict)
    exclusive_groups: frozenset[str] = frozenset()

    def among(self, ids: set[int]) -> Constraints:
        """These constraints between ``ids`` only (a decision may name a record left out).

        "Same" decisions are closed first, so that A = T and T = B still join A and B when T is left out.
        """
        must_link, kept_of = set(), {}
        for group in joined(self.must_link).subsets():
            kept = sorted(ids.intersection(group))
            must_link.update(zip(kept, kept[1:], strict=False))
            kept_of.update(dict.fromkeys(group, kept[0] if kept else None))
        # A = T (same) and T != B (different), T left out: A != B still holds, through T's kept partner
        cannot_link = set()
        for a, b in self.cannot_link:
            left, right = kept_of.get(a, a if a in ids else None), kept_of.get(b, b if b in ids else None)
            if left is not None and right is not None and left != right:
                cannot_link.add((min(left, right), max(left, right)))
        return replace(self, must_link=frozenset(must_link), cannot_link=frozenset(cannot_link))


_NO_CONSTRAINTS = Constraints()
LOG_ODDS_CAP = 0.999  # with ``log_odds``, no pair counts as surer than this, either way
UNSCORED = 0.025  # ... and an unscored pair as at least this: runs keep pairs from 0.05 (pipeline), so half that


def cluster_records(
    records: Iterable[int],
    pairs: Iterable[ScoredPair],
    constraints: Constraints = _NO_CONSTRAINTS,
    threshold: float = 0.5,
    *,
    missing_pair_probability: float = 0.0,
    cohesion_floor: float | None = None,
    attach_sparse: bool = False,
    log_odds: bool = False,
) -> list[Cluster]:
    """Partition ``records`` into presumed people (see the module docstring for the method).

    Every record ends in exactly one cluster; clusters come ordered by their smallest record id.
    ``pairs`` may come in any order, either way round, and repeated (the highest probability of a
    repeated pair is kept: the comparison that saw the most agreement); pairs of a record with itself
    are ignored; pairs, must-links and cannot-links naming unknown records raise ValueError so that a
    caller's id mistake is not silently clustered away. ``cohesion_floor`` (default ``threshold / 2``)
    marks a cluster suspicious when some pair in it is at least that far on the "different people"
    side; a pair merely below ``threshold`` is routine in a cluster of four or five records.
    ``attach_sparse`` adds the last pass of ``tergeu.core.linkage.attach`` (records left alone that match
    one member well and every member plausibly); without it every record averages ``threshold`` with
    its cluster. ``log_odds`` weighs each pair by its log-odds instead of its probability (see the
    module docstring): what linkage runs use.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if not 0.0 <= missing_pair_probability < threshold:
        raise ValueError("missing_pair_probability must be in [0, threshold): unscored pairs cannot count as matches")
    floor = threshold / 2 if cohesion_floor is None else cohesion_floor
    ids = np.unique(np.fromiter(records, dtype=np.int64))
    lo, hi, prob, contradicted = canonical_pairs(list(pairs), ids)
    ctx, codes, names = _prepare_constraints(constraints, ids, threshold, missing_pair_probability)
    if ids.size == 0:
        return []
    rep = _partition(ids.size, lo, hi, prob, ctx, log_odds)
    if attach_sparse:
        rep = attach_singletons(rep, lo, hi, prob, threshold, lambda record, members: _may_join(record, members, ctx),
                                contradicted)
    cohesion = weakest_links(rep, (lo, hi, prob), ctx.unit, ctx.unit_members, ctx.missing)
    return build_clusters(ids, rep, cohesion, doubts(rep, cohesion, codes, names, floor))


def _may_join(record: int, members: np.ndarray, ctx: SearchContext) -> bool:
    """Whether ``record`` may join the cluster of ``members`` (positions): the search's own rule."""
    inside = set(members.tolist())
    return compatible([record], inside, inside.__contains__, ctx)


def suspicious_clusters(clusters: Iterable[Cluster]) -> list[Cluster]:
    """The clusters a reviewer should check, in their original order."""
    return [cluster for cluster in clusters if cluster.suspicious]


def assignment(clusters: Iterable[Cluster]) -> dict[int, int]:
    """Record id -> index of its cluster, the shape pair-counting evaluation against a truth needs."""
    result: dict[int, int] = {}
    for index, cluster in enumerate(clusters):
        for record in cluster.records:
            if record in result:
                raise ValueError(f"record {record} is in clusters {result[record]} and {index}")
            result[record] = index
    return result


def _indices(ids: np.ndarray, values: np.ndarray, what: str) -> np.ndarray:
    """Positions of ``values`` in the sorted ``ids``; an unknown id is a caller bug, so it raises."""
    pos = np.minimum(np.searchsorted(ids, values), max(ids.size - 1, 0))
    bad = (ids[pos] != values) if ids.size else np.ones(values.size, bool)
    if bad.any():
        raise ValueError(f"{what} names record {int(values[bad][0])}, which is not among the records")
    return pos


def canonical_pairs(pairs: list[ScoredPair], ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                        np.ndarray]:
    """Canonical pairs (low index, high index, probability, contradicted), sorted and deduplicated, so
    the result does not depend on the order or orientation the pairs came in. A repeated pair keeps
    its highest probability, and is contradicted if any of its copies is."""
    count = len(pairs)
    left = np.fromiter((pair.left for pair in pairs), np.int64, count)
    right = np.fromiter((pair.right for pair in pairs), np.int64, count)
    prob = np.fromiter((pair.probability for pair in pairs), np.float64, count)
    marked = np.fromiter((pair.contradicted for pair in pairs), bool, count)
    outside = ~((prob >= 0.0) & (prob <= 1.0))  # also catches NaN
    if outside.any():
        raise ValueError(f"pair probability must be in [0, 1], got {prob[outside][0]}")
    a, b = _indices(ids, left, "a scored pair"), _indices(ids, right, "a scored pair")
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    lo, hi, prob, marked = lo[keep], hi[keep], prob[keep], marked[keep]
    key = lo * ids.size + hi
    order = np.argsort(key, kind="stable")
    key = key[order]
    if not key.size:
        return lo, hi, prob, marked
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    best = np.maximum.reduceat(prob[order], starts)
    return lo[order][starts], hi[order][starts], best, np.logical_or.reduceat(marked[order], starts)


def _components(n: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Component label of every record in the undirected graph with the given edges."""
    graph = coo_matrix((np.ones(rows.size, np.int8), (rows, cols)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _index_pairs(pairs: frozenset[tuple[int, int]], ids: np.ndarray, what: str) -> np.ndarray:
    flat = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return _indices(ids, flat.ravel(), what).reshape(-1, 2)


def _prepare_constraints(
    constraints: Constraints, ids: np.ndarray, threshold: float, missing: float
) -> tuple[SearchContext, np.ndarray, list[str]]:
    """Index the constraints and reject contradictions, naming the records involved."""
    must = _index_pairs(constraints.must_link, ids, "a must-link")
    labels = _components(ids.size, must[:, 0], must[:, 1])
    unit = np.unique(labels, return_index=True)[1][labels]  # first index of a label is its smallest record
    grouped = np.flatnonzero(np.bincount(unit, minlength=ids.size)[unit] > 1)
    unit_of = dict(zip(grouped.tolist(), unit[grouped].tolist(), strict=True))
    unit_members: dict[int, list[int]] = {}
    for record, head in unit_of.items():
        unit_members.setdefault(head, []).append(record)
    cannot: dict[int, set[int]] = {}
    for a, b in _index_pairs(constraints.cannot_link, ids, "a cannot-link").tolist():
        if unit[a] == unit[b]:
            first, second = sorted((int(ids[a]), int(ids[b])))
            raise ConstraintConflict("records {} and {} are cannot-linked but joined by must-links", (first, second))
        cannot.setdefault(a, set()).add(b)
        cannot.setdefault(b, set()).add(a)
    names = sorted(set(constraints.group_of.values()))
    code_of = {name: code for code, name in enumerate(names)}
    codes = np.full(ids.size, -1, np.int64)
    if constraints.group_of and ids.size:
        keys = np.fromiter(constraints.group_of.keys(), np.int64, len(constraints.group_of))
        pos = np.minimum(np.searchsorted(ids, keys), ids.size - 1)
        known = ids[pos] == keys  # lists may name records outside this batch: ignored
        codes[pos[known]] = np.array([code_of[name] for name in constraints.group_of.values()])[known]
    is_exclusive = np.array([name in constraints.exclusive_groups for name in names] + [False])
    exclusive = np.where(is_exclusive[codes], codes, -1)  # code -1 reads the trailing False
    for members in unit_members.values():
        listed = [code for code in exclusive[members].tolist() if code >= 0]
        if len(listed) != len(set(listed)):
            twins = [int(ids[r]) for r in members if exclusive[r] >= 0]
            raise ConstraintConflict("must-linked records " + ", ".join("{}" for _ in twins)
                                     + " include two records of one exclusive list", tuple(twins))
    listed = exclusive.tolist() if is_exclusive.any() else None
    return SearchContext(threshold, missing, unit, unit_of, unit_members, listed, cannot), codes, names


def unscored_probability(ctx: SearchContext) -> float:
    """What an unscored pair counts as with log-odds: ``UNSCORED``, or the caller's missing probability if
    higher, but always under the threshold (half of it), so an unscored pair never counts as a match."""
    return max(ctx.missing, min(UNSCORED, ctx.threshold / 2))


def _log_odds(probability: np.ndarray | float) -> np.ndarray:
    """Natural log-odds, with probabilities held within ``LOG_ODDS_CAP`` of certainty."""
    held = np.clip(probability, 1.0 - LOG_ODDS_CAP, LOG_ODDS_CAP)
    return np.log(held / (1.0 - held))


def _partition(n: int, lo: np.ndarray, hi: np.ndarray, prob: np.ndarray, ctx: SearchContext,
               log_odds: bool = False) -> np.ndarray:
    """Cluster representative (smallest member's position) for every record."""
    linked = np.flatnonzero(ctx.unit != np.arange(n))
    strong = prob >= ctx.threshold
    comp = _components(n, np.concatenate([lo[strong], linked]), np.concatenate([hi[strong], ctx.unit[linked]]))
    size = np.bincount(comp)
    rep = np.arange(n)
    big = size >= 2
    records = np.flatnonzero(big[comp])
    records = records[np.argsort(comp[records], kind="stable")]
    inside = (comp[lo] == comp[hi]) & big[comp[lo]]
    edges = np.flatnonzero(inside)
    edges = edges[np.argsort(comp[lo[edges]], kind="stable")]  # by component, (lo, hi) order kept
    labels = np.unique(comp[records])
    r_bounds = np.searchsorted(comp[records], labels).tolist() + [records.size]
    e_bounds = np.searchsorted(comp[lo[edges]], labels).tolist() + [edges.size]
    if log_odds and ctx.threshold < LOG_ODDS_CAP:  # beyond the cap every strong pair would weigh alike
        weights, ctx = _log_odds(prob[edges]), replace(ctx, threshold=float(_log_odds(ctx.threshold)),
                                                       missing=float(_log_odds(unscored_probability(ctx))))
    else:
        weights = prob[edges]
    rec_l, lo_l, hi_l, p_l = records.tolist(), lo[edges].tolist(), hi[edges].tolist(), weights.tolist()
    moved: list[int] = []
    heads: list[int] = []
    for k in range(labels.size):
        members = rec_l[r_bounds[k] : r_bounds[k + 1]]
        a, b = e_bounds[k], e_bounds[k + 1]
        for cluster in cluster_component(members, list(zip(lo_l[a:b], hi_l[a:b], p_l[a:b], strict=True)), ctx):
            moved += cluster
            heads += [min(cluster)] * len(cluster)
    rep[moved] = heads
    return rep


