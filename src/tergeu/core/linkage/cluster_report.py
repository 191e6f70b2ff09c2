"""What clustering reports of each presumed person: its weakest link and the reasons to doubt it.

Kept apart from the search in ``clustering.py``: the search decides who is one person; this module
only describes the result, for the review queue and the person pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Cluster:
    """One presumed person, and whether a reviewer should look at it before it is counted as one.

    ``records`` are sorted. ``cohesion`` is the weakest link inside the cluster: the minimum probability
    over its record pairs, an unscored pair counting as the missing-pair probability and a pair joined
    by must-link as 1.0 (the reviewer's word); 1.0 for a singleton. The minimum, not an average, because
    one pair the model believes to be two people is what a wrong fusion looks like. ``reasons`` are
    short English sentences saying why the cluster is ``suspicious``.
    """

    records: tuple[int, ...]
    cohesion: float
    suspicious: bool
    reasons: tuple[str, ...]


def weakest_links(rep: np.ndarray, pairs: tuple[np.ndarray, ...], unit: np.ndarray,
                  unit_members: dict[int, list[int]], missing: float) -> np.ndarray:
    """Weakest within-cluster link, indexed by cluster representative (see ``Cluster``).

    ``unit``: each record's must-link group (named by its smallest record); ``missing``: what an
    unscored pair counts as.
    """
    lo, hi, prob = pairs
    n = rep.size
    inside = rep[lo] == rep[hi]
    lo, hi, prob = lo[inside], hi[inside], prob[inside]
    same_unit = unit[lo] == unit[hi]
    cohesion = np.ones(n)
    np.minimum.at(cohesion, rep[lo], np.where(same_unit, 1.0, prob))
    covered = np.bincount(rep[lo[~same_unit]], minlength=n)
    for head, records in unit_members.items():
        covered[rep[head]] += len(records) * (len(records) - 1) // 2
    size = np.bincount(rep, minlength=n)
    unscored = covered < size * (size - 1) // 2
    cohesion[unscored] = np.minimum(cohesion[unscored], missing)
    return cohesion


def doubts(rep: np.ndarray, cohesion: np.ndarray, codes: np.ndarray, names: list[str], floor: float) -> dict:
    """Reasons for every suspicious cluster, keyed by representative; computed in bulk, worded one by one."""
    n, width = rep.size, max(len(names), 1)
    size = np.bincount(rep, minlength=n)
    shared = size[rep] >= 2
    listed = shared & (codes >= 0)
    keys, counts = np.unique(rep[listed] * width + codes[listed], return_counts=True)
    distinct = np.bincount(keys // width, minlength=n) + np.bincount(rep[shared & (codes < 0)], minlength=n)
    reasons: dict[int, list[str]] = {}
    for head in np.flatnonzero((size >= 2) & (cohesion < floor)).tolist():
        reasons[head] = [f"weakest link {cohesion[head]:.2f} is below {floor:.2f}: may be two people"]
    for key, count in zip(keys[counts >= 2].tolist(), counts[counts >= 2].tolist(), strict=True):
        head, name = key // width, names[key % width]
        number = "two" if count == 2 else str(count)
        reasons.setdefault(head, []).append(f"{number} records of list {name}: possible duplicate or two people")
    for head in np.flatnonzero(size > distinct + 1).tolist():
        text = f"{size[head]} records from only {distinct[head]} lists: more records than one person explains"
        reasons.setdefault(head, []).append(text)
    return reasons


def build_clusters(ids: np.ndarray, rep: np.ndarray, cohesion: np.ndarray, reasons: dict) -> list[Cluster]:
    """Cluster objects in record-id order, members sorted (positions follow the sorted ids)."""
    order = np.argsort(rep, kind="stable")
    ordered = rep[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if rep.size else np.zeros(0, np.intp)
    heads = ordered[starts]
    bounds = starts.tolist() + [rep.size]
    record_ids = ids[order].tolist()
    clusters = []
    for k, (head, weakest) in enumerate(zip(heads.tolist(), cohesion[heads].tolist(), strict=True)):
        why = tuple(reasons.get(head, ()))
        clusters.append(Cluster(tuple(record_ids[bounds[k] : bounds[k + 1]]), weakest, bool(why), why))
    return clusters
