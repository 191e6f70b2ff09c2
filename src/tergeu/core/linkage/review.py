"""The review queue: the decisions that would change the list of people most, first.

A pair scored near 0.5 is one the model cannot decide; deciding it merges two people or splits one,
so its weight is that uncertainty times the number of records whose person would change. A cluster
flagged as possibly two people (two records of one list, weak internal links) weighs its size times
how weak it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tergeu.core.linkage.clustering import Cluster, assignment

UNCERTAIN = (0.2, 0.8)
CALIBRATION_SAMPLE = 100  # pairs of the uncertain band drawn at random for reviewers to calibrate the model on


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # "pair" or "cluster"
    records: tuple[int, ...]
    impact: float
    probability: float | None = None
    reasons: tuple[str, ...] = ()
    sample_rank: int | None = None  # its place in the calibration sample (``calibration_sample``), if it is in it


def review_queue(pairs: Iterable[tuple[int, int, float]], clusters: list[Cluster], limit: int = 500,
                 decided: frozenset[tuple[int, int]] = frozenset(),
                 people_elsewhere: Mapping[int, int] | None = None) -> list[ReviewItem]:
    """Uncertain pairs and suspicious clusters, ordered by impact; pairs already decided are left out.

    An incremental run clusters only the new records and the people they may join, but a new record
    can also be uncertain against a person it was not strong enough to touch. ``people_elsewhere``
    gives, for such records outside ``clusters``, the size of the person each belongs to (a record
    it does not name counts as one).
    """
    cluster_of = assignment(clusters)
    sizes = [len(c.records) for c in clusters]
    elsewhere = people_elsewhere or {}

    def person(record: int) -> tuple[tuple[str, int], int]:
        """(who the record is now, how many records that person has)."""
        if record in cluster_of:
            return ("cluster", cluster_of[record]), sizes[cluster_of[record]]
        return ("record", record), elsewhere.get(record, 1)

    items = []
    low, high = UNCERTAIN
    for left, right, probability in pairs:
        key = (min(left, right), max(left, right))
        if not low <= probability < high or key in decided:
            continue
        (a, size_a), (b, size_b) = person(left), person(right)
        moved = size_a if a == b else size_a + size_b
        uncertainty = 1.0 - abs(2.0 * probability - 1.0)
        items.append(ReviewItem("pair", key, round(uncertainty * moved, 4), probability))
    for cluster in clusters:
        if cluster.suspicious:
            weakness = 1.0 - max(0.0, min(1.0, cluster.cohesion))
            items.append(ReviewItem("cluster", cluster.records, round(max(weakness, 0.1) * len(cluster.records), 4),
                                    reasons=cluster.reasons))
    items.sort(key=lambda item: (-item.impact, item.records))
    return items[:limit]


def calibration_sample(pairs: Iterable[tuple[int, int, float]], size: int = CALIBRATION_SAMPLE) -> list[ReviewItem]:
    """The ``size`` pairs of the uncertain band with the smallest hash of their two record ids, in that order.

    The review queue is ordered by impact, and impact leans on the size of the people a pair joins,
    which says something about whether the pair is a match: decisions taken from it would misjudge how
    far the model is off (``calibration``). These pairs are chosen by nothing but the hash, so whether
    they match has no say in it; decided pairs are *not* left out (which pairs reviewers decided from
    the queue leans on whether they match), and the same pairs come back as long as the band holds
    them. Reviewers decide them in this order (``sample_rank``), and the estimate reads the decided
    start of it (``calibration.calibration_from_sample``), so a sample half done is still a random one.
    """
    low, high = UNCERTAIN
    band: dict[tuple[int, int], float] = {}
    for left, right, probability in pairs:
        key = (min(left, right), max(left, right))
        if low <= probability < high:
            band[key] = max(probability, band.get(key, 0.0))
    chosen = sorted(band, key=pair_hash)[:size]
    return [ReviewItem("pair", key, round(1.0 - abs(2.0 * band[key] - 1.0), 4), band[key], sample_rank=rank)
            for rank, key in enumerate(chosen)]


def pair_hash(key: tuple[int, int]) -> bytes:
    """The hash that orders the calibration sample: of the two record ids alone."""
    return hashlib.blake2b(f"{key[0]}:{key[1]}".encode(), digest_size=8).digest()
