"""Plausible alternative clusterings, drawn from the match probabilities, for carrying linkage doubt forward.

One clustering is the linkage's best guess. An estimate of the toll computed on it alone pretends the
guess is certain; but a person wrongly split in two is a phantom death and two people wrongly merged
hide one. So the estimation draws several clusterings that the model finds plausible and estimates on
each (multiple imputation). A draw decides every uncertain pair by a coin with the pair's probability
(certain pairs, and pairs a reviewer decided, stay as they are) and then clusters as the main linkage
does (the attach pass for sparse records included), so draws respect the same rules: no chaining,
cannot-links, one record per exclusive list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from tergeu.core.linkage.clustering import Cluster, Constraints, ScoredPair, cluster_records

__all__ = ["plausible_clusterings"]

CERTAIN = 0.995  # pairs at or above this (or at or below 1 - this) are not redrawn: the coin would barely move


def plausible_clusterings(records: Iterable[int], pairs: Sequence[ScoredPair], constraints: Constraints | None = None,
                          draws: int = 10, seed: int = 1, threshold: float = 0.5) -> list[list[Cluster]]:
    """``draws`` clusterings of ``records``, each from one random decision of every uncertain pair.

    Reproducible: the same ``seed`` gives the same draws. Draw 0 is not the best guess; callers that
    want it too cluster the original pairs themselves.
    """
    ids = list(records)
    constraints = constraints or Constraints()
    probability = np.array([p.probability for p in pairs], dtype=float)
    uncertain = (probability > 1 - CERTAIN) & (probability < CERTAIN)
    rng = np.random.default_rng(seed)
    result = []
    for _ in range(draws):
        linked = rng.random(len(pairs)) < probability
        decided = np.where(uncertain, linked.astype(float), probability)
        drawn = [ScoredPair(p.left, p.right, float(value)) for p, value in zip(pairs, decided, strict=True)]
        result.append(cluster_records(ids, drawn, constraints, threshold, attach_sparse=True))
    return result
