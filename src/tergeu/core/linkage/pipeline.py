"""The whole linkage, in one call: features, trained pair scores, clusters that do not chain.

The Django side (``tergeu link``) and the quality benchmark both call ``link_records``, so what is
measured is what runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tergeu.core.linkage.clustering import Cluster, Constraints, ScoredPair, cluster_records
from tergeu.core.linkage.features import RecordFacts, features_of
from tergeu.core.linkage.model import TrainedModel, score_pairs

MATCH_THRESHOLD = 0.5


@dataclass
class Linkage:
    model: TrainedModel
    clusters: list[Cluster]


def link_records(records: Sequence[RecordFacts], constraints: Constraints | None = None,
                 threshold: float = MATCH_THRESHOLD, seed: int = 1) -> Linkage:
    """Link and deduplicate ``records`` of every list at once."""
    rows = [features_of(record) for record in records]
    model = score_pairs(rows, threshold=min(0.05, threshold), seed=seed, em=True)
    pairs = [ScoredPair(p.left, p.right, p.probability) for p in model.pairs]
    clusters = cluster_records([r.record_id for r in records], pairs, constraints or Constraints(), threshold)
    return Linkage(model, clusters)
