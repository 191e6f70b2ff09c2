"""Plausible alternative clusterings of the records into people, for carrying linkage doubt forward.

One clustering is the linkage's best guess. An estimate of the toll computed on it alone pretends the
guess is certain; but a person wrongly split in two is a phantom death and two people wrongly merged
hide one. So the estimation draws several clusterings that the model finds plausible and estimates on
each (multiple imputation).

Why not a coin per pair. Deciding every uncertain pair by its own coin and clustering the result
looks natural and is biased: a person on four lists has six pairs, and one coin against them is
enough to break the person up, while nothing comparable builds people up. On generated lists whose
pair probabilities were well calibrated, every coin draw had *both* lower recall and lower precision
than the best guess, 1-8 % more people, and estimates 2-14 % higher: the doubt became a bias.

How a draw is made. First, the pairs' log-odds move by one common amount, drawn for the draw (normal,
mean and standard deviation below): the probabilities may be off on lists the model was not made for,
and such errors lean together rather than cancel. The amount moves the uncertain band (0.2-0.8) in
full and fades to nothing at 0.02 and 0.98 (``_moved``): a calibration read on the band says less
about pairs the model is sure of. Then the records are clustered afresh on the moved probabilities,
by the clustering's own rule (``cluster_records``, attach pass included, as ``tergeu link`` does): a
draw that links more readily joins whole groups of records that the best guess kept apart, as a
reviewer's "same person" would, and one that links less readily splits them. (Until 6 December the
draws only moved single records away from the best guess; a person split into two groups of records
stayed split in every draw, and the interval never reached the people the best guess splits.)
Last, each record the draw left alone may join someone it found (``left_alone``): most people a linkage
splits are such records, whose pairs with their own person score below the band or were never scored,
so no shift of the band reaches them. Constraints hold in every draw: must-linked records together,
never two records of an exclusive list in one person, never a cannot-linked pair.

``sweeps`` > 0 then also moves single records between people by Gibbs sampling (``partitions``). It
is off by default: the sweeps weigh a record's link by the average of its pair probabilities, the
clustering's rule before it moved to log-odds, and measured from a draw at no shift (1,000 people,
oasis and nomad) they split people the clustering keeps whole and join some it keeps apart: lower
recall *and* precision, the pattern that made coin draws a bias.

The shift's distribution. Without a calibration its mean is ``UNREVIEWED_SHIFT`` and its standard
deviation ``CALIBRATION_SPREAD``: on every one of 20 events of the ten tuning generators (300 to 5,000
people, `bench/unreviewed_doubt.py --first-seed 1201`, the fifteenth session's linkage), the pairs of
the band were the same person more often than the model said, by 0.13 to 3.2 in log-odds, median 0.68;
with each event's standard error taken out, mean 0.68 and 0.32 between events (docs/estimation.md). A
better linkage needs less: on the seventh session's linkage seven generators needed a median of 1.0,
and on the current one the tuning generators need about 0.7. Until 6 December the mean was 0, which
took the model's probabilities as right on average and left the people it splits split in most draws.
With one (reviewers' decisions on the calibration sample, ``calibration``), its mean is the shift those
decisions support and its spread adds their standard error to ``CALIBRATION_SPREAD``: one number read
on a hundred pairs is not every pair of every list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import NormalDist

import numpy as np

from tergeu.core.linkage.calibration import Calibration
from tergeu.core.linkage.cluster_report import Cluster
from tergeu.core.linkage.clustering import Constraints, ScoredPair, cluster_records
from tergeu.core.linkage.left_alone import LeftAloneJoiner, LeftAloneReview, keeping_nobody_alone
from tergeu.core.linkage.partitions import PartitionSampler, log_odds

__all__ = ["DEFAULT_LINKAGE_DRAWS", "UNREVIEWED_SHIFT", "plausible_clusterings", "shift_distribution",
           "stratified_quantiles"]

CALIBRATION_SPREAD = 0.5  # standard deviation, in log-odds, of each draw's shift of every pair's probability
UNREVIEWED_SHIFT = 0.7  # the shifts' mean with no reviewed calibration, measured on generated lists
# (bench/unreviewed_doubt.py)
# Linkage draws an estimate makes unless asked otherwise. The draws take stratified quantiles of the
# linkage's doubt (``stratified_quantiles``), so with N of them the lowest and highest fall in the outer
# 1/N of each distribution: five left a fifth of it beyond both ends, and on generated lists the interval
# missed for it (docs/estimation.md, "How many draws").
DEFAULT_LINKAGE_DRAWS = 20
SWEEPS = 0  # Gibbs sweeps per draw after clustering; off (see above) until the sweeps weigh links in log-odds
_NORMAL = NormalDist()
BAND = (np.log(0.8 / 0.2), np.log(0.98 / 0.02))  # |log-odds| where the shift is whole, and where it has faded out


def plausible_clusterings(records: Iterable[int], pairs: Sequence[ScoredPair], constraints: Constraints | None = None,
                          draws: int = DEFAULT_LINKAGE_DRAWS, seed: int = 1, threshold: float = 0.5,
                          calibration_spread: float = CALIBRATION_SPREAD, sweeps: int = SWEEPS,
                          calibration: Calibration | None = None,
                          left_alone: LeftAloneReview | None = None) -> list[list[Cluster]]:
    """``draws`` clusterings of ``records``: each clustered afresh on shifted probabilities (then swept),
    then its records left alone joined to someone at the draw's shares (``left_alone``; None: never).

    ``calibration`` (from reviewers' decisions) centres the shifts; without it they centre on
    ``UNREVIEWED_SHIFT``.
    Reproducible: the same ``seed`` gives the same draws, whatever the order of ``pairs``.
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be in (0, 1), got {threshold}")
    ids = sorted(set(records))
    constraints = constraints or Constraints()
    centre, spread = shift_distribution(calibration, calibration_spread)
    ordered = sorted(pairs, key=lambda p: (min(p.left, p.right), max(p.left, p.right), p.probability))
    base = log_odds(np.array([p.probability for p in ordered], dtype=float))
    rng = np.random.default_rng(seed)
    joiner = None
    if left_alone is not None:  # "nobody found" holds in every draw, through the shift too
        constraints = keeping_nobody_alone(constraints, ordered, left_alone.answers)
        joiner = LeftAloneJoiner(ordered, constraints, left_alone)
    found = []
    # One quantile per draw and random quantity (the shift, then the two shares of records left alone)
    quantiles = stratified_quantiles(draws, 3, rng)
    for quantile in quantiles:
        shift = centre + spread * _NORMAL.inv_cdf(float(quantile[0])) if spread else centre
        moved = 1.0 / (1.0 + np.exp(-_moved(base, shift)))
        shifted = [ScoredPair(p.left, p.right, float(q), contradicted=p.contradicted)
                   for p, q in zip(ordered, moved.tolist(), strict=True)]
        start = cluster_records(ids, shifted, constraints, threshold, attach_sparse=True, log_odds=True)
        if sweeps:
            start = PartitionSampler(ids, shifted, constraints, threshold, [c.records for c in start]).draw(rng, sweeps)
        if joiner is not None:
            start = _with_left_alone_joined(start, joiner, rng, (float(quantile[1]), float(quantile[2])))
        found.append(start)
    return found


JOINED_REASON = "a record left alone was joined to this person by a linkage draw (it may be someone found)"


def _with_left_alone_joined(clusters: list[Cluster], joiner: LeftAloneJoiner, rng: np.random.Generator,
                            quantiles: tuple[float, float]) -> list[Cluster]:
    """``clusters`` after ``joiner.join``: a person a record joined is marked as such (its cohesion is
    unknown: the join may rest on no scored pair); the others are kept as they were."""
    kept = {c.records: c for c in clusters}
    return [kept.get(group) or Cluster(group, 0.0, True, (JOINED_REASON,))
            for group in joiner.join([c.records for c in clusters], rng, quantiles)]


def stratified_quantiles(draws: int, dimensions: int, rng: np.random.Generator) -> np.ndarray:
    """``draws`` rows of ``dimensions`` quantiles in (0, 1), a Latin hypercube: in each column, one
    quantile falls in each of ``draws`` equal slices, the slices in random order.

    Why not plain random quantiles. The estimate pools the draws' posteriors, so its interval reaches as
    far as the draws' extremes. The value the lists need lies outside the range of five independent
    draws a third of the time (for a value at a random quantile, 1 - 4/6); stratified, the lowest draw
    always falls in the lowest fifth and the highest in the highest, and the draws spread over the
    whole distribution as it is. Never exactly 0 or 1, where a normal's quantile is infinite.
    """
    slices = rng.random((draws, dimensions)).argsort(axis=0)  # a random order of the slices, per column
    quantiles = (slices + rng.random((draws, dimensions))) / max(draws, 1)
    return np.clip(quantiles, np.finfo(float).tiny, np.nextafter(1.0, 0.0))


def shift_distribution(calibration: Calibration | None, spread: float = CALIBRATION_SPREAD) -> tuple[float, float]:
    """Mean and standard deviation of the draws' common shift of every pair's log-odds."""
    if calibration is None:
        return UNREVIEWED_SHIFT, spread
    return calibration.shift, float(np.hypot(calibration.standard_error, spread))


def _moved(log_odds: np.ndarray, shift: float) -> np.ndarray:
    """``log_odds`` moved by ``shift`` inside the uncertain band, by less and less outside it.

    The fade is never steeper than the shift is large, so the order of the pairs is kept: a surer
    pair never ends below a less sure one.
    """
    whole, faded = BAND
    width = max(faded - whole, abs(shift))
    weight = np.clip((whole + width - np.abs(log_odds)) / width, 0.0, 1.0)
    return log_odds + shift * weight
