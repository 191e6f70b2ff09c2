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
CALIBRATION_SPREAD = 1.0  # standard deviation, in log-odds, of each draw's shift of every pair's probability


def plausible_clusterings(records: Iterable[int], pairs: Sequence[ScoredPair], constraints: Constraints | None = None,
                          draws: int = 10, seed: int = 1, threshold: float = 0.5,
                          calibration_spread: float = CALIBRATION_SPREAD) -> list[list[Cluster]]:
    """``draws`` clusterings of ``records``, each from one random decision of every uncertain pair.

    Coins with the model's probabilities alone assume the model is calibrated, and on lists it was
    not trained for it is not: its probabilities all lean one way or the other (a prior for a pair of
    lists, the share of namesakes), so its errors do not cancel out across pairs as independent
    coins would. Each draw therefore first shifts every probability by one common amount in
    log-odds, drawn with standard deviation ``calibration_spread`` (1.0: a pair at 0.5 becomes 0.27
    or 0.73 one draw in three), then tosses the coins: some draws link more readily than the model,
    some less, and the estimates over them show how far that doubt moves the toll. Only stored pairs
    (probability 0.05 or more) can be raised: a draw can undo any link but add only those.

    Reproducible: the same ``seed`` gives the same draws. Draw 0 is not the best guess; callers that
    want it too cluster the original pairs themselves.
    """
    ids = list(records)
    constraints = constraints or Constraints()
    probability = np.array([p.probability for p in pairs], dtype=float)
    uncertain = (probability > 1 - CERTAIN) & (probability < CERTAIN)
    rng = np.random.default_rng(seed)
    result = []
    log_odds = np.log(np.clip(probability, 1e-12, 1 - 1e-12) / np.clip(1 - probability, 1e-12, None))
    for _ in range(draws):
        shifted = 1.0 / (1.0 + np.exp(-(log_odds + rng.normal(0.0, calibration_spread))))
        linked = rng.random(len(pairs)) < shifted
        decided = np.where(uncertain, linked.astype(float), probability)
        drawn = [ScoredPair(p.left, p.right, float(value)) for p, value in zip(pairs, decided, strict=True)]
        result.append(cluster_records(ids, drawn, constraints, threshold, attach_sparse=True))
    return result
