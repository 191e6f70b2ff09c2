"""Checks on MCMC chains: effective sample size, R-hat, and whether chains found different modes.

Why several checks: a chain stuck in one mode of a multimodal posterior looks perfect on its own (its
effective sample size is high and its interval narrow), and two chains can both be stuck in the same mode
and agree (R-hat near 1). Only chains started far apart, compared with each other, show that the posterior
has more than one place to settle. So the estimators report, besides the pooled ESS and R-hat, each
chain's own median and interval, and group chains whose central halves do not overlap into modes.

ESS and R-hat follow Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021, Bayesian Analysis 16:667):
chains are split in halves and rank-normalised, which makes both robust to the long right tail that
posteriors of a population size have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import stats


def _autocovariance(x: np.ndarray) -> np.ndarray:
    """Biased autocovariances (divided by n) of the rows of x, by FFT."""
    n = x.shape[-1]
    centred = x - x.mean(axis=-1, keepdims=True)
    size = 1 << (2 * n - 1).bit_length()
    spectrum = np.fft.rfft(centred, size, axis=-1)
    return np.fft.irfft(spectrum * np.conj(spectrum), size, axis=-1)[..., :n] / n


def _ess_from_autocorrelation(rho: np.ndarray, draws: int) -> float:
    """Geyer's (1992) initial monotone sequence: pairs rho(2m) + rho(2m+1) summed while positive and
    forced non-increasing, which bounds the noise of long-lag estimates."""
    pairs = rho[: rho.size - rho.size % 2].reshape(-1, 2).sum(axis=1)
    negative = np.flatnonzero(pairs <= 0.0)
    pairs = pairs[: negative[0]] if negative.size else pairs
    pairs = np.minimum.accumulate(pairs)
    tau = 2.0 * pairs.sum() - 1.0
    return float(draws / max(tau, 1.0 / math.log10(max(draws, 10))))


def effective_sample_size(draws: np.ndarray) -> float:
    """ESS of one chain (Geyer's initial monotone sequence on its autocorrelations). NaN for a constant chain."""
    x = np.asarray(draws, dtype=float)
    if x.size < 4:
        return float("nan")
    acov = _autocovariance(x)
    if acov[0] <= 0.0:
        return float("nan")
    return _ess_from_autocorrelation(acov / acov[0], x.size)


def _split(chains: Sequence[np.ndarray]) -> np.ndarray:
    """Each chain cut in two halves of a common length: a drifting chain then disagrees with itself."""
    halves = []
    for chain in chains:
        x = np.asarray(chain, dtype=float)
        half = x.size // 2
        halves += [x[:half], x[x.size - half :]]
    length = min(h.size for h in halves)
    return np.vstack([h[:length] for h in halves])


def _rank_normalise(x: np.ndarray) -> np.ndarray:
    """Normal scores of the pooled ranks (Blom's offset), shaped like x."""
    ranks = stats.rankdata(x, method="average").reshape(x.shape)
    return stats.norm.ppf((ranks - 0.375) / (x.size + 0.25))


def _rhat(split: np.ndarray) -> float:
    length = split.shape[1]
    within = split.var(axis=1, ddof=1).mean()
    if length < 2 or within <= 0.0:
        return float("nan")
    between = length * split.mean(axis=1).var(ddof=1)
    pooled = (length - 1) / length * within + between / length
    return float(math.sqrt(pooled / within))


def split_rhat(chains: Sequence[np.ndarray]) -> float:
    """Split R-hat (Gelman et al., BDA3 11.4): each chain halved, then between- vs within-half variance.

    Near 1 when the chains agree; above ~1.05 they have not mixed. Needs equal-length chains of >= 4 draws.
    """
    return _rhat(_split(chains))


def rank_rhat(chains: Sequence[np.ndarray]) -> float:
    """Rank-normalised split R-hat (Vehtari et al. 2021): the larger of the R-hats of the rank-normalised
    draws and of their distances from the median (the folded draws, which catch chains that differ in
    spread rather than location)."""
    split = _split(chains)
    if split.shape[1] < 2:
        return float("nan")
    folded = np.abs(split - np.median(split))
    return max(_rhat(_rank_normalise(split)), _rhat(_rank_normalise(folded)))


def bulk_ess(chains: Sequence[np.ndarray]) -> float:
    """Bulk effective sample size of several chains together (Vehtari et al. 2021): split, rank-normalised,
    with autocorrelations combined across chains, so that chains which disagree count for less than their
    draws (two chains in two modes give about two effective draws, not thousands)."""
    split = _split(chains)
    count, length = split.shape
    if length < 4:
        return float("nan")
    z = _rank_normalise(split)
    acov = _autocovariance(z)
    within = acov[:, 0].mean() * length / (length - 1)
    pooled = within * (length - 1) / length + z.mean(axis=1).var(ddof=1)
    if pooled <= 0.0:
        return float("nan")
    rho = 1.0 - (within - acov.mean(axis=0)) / pooled
    rho[0] = 1.0
    return _ess_from_autocorrelation(rho, count * length)


def chain_summary(draws: np.ndarray, level: float = 0.95) -> dict[str, Any]:
    """One chain (or one mode's draws) in numbers: median, mean, interval at `level`, central half, ESS."""
    tail = (1.0 - level) / 2.0
    low, q1, q3, high = np.quantile(draws, [tail, 0.25, 0.75, 1.0 - tail])
    return {
        "median": float(np.median(draws)),
        "mean": round(float(np.mean(draws)), 1),
        "interval": [float(low), float(high)],
        "central_half": [float(q1), float(q3)],
        "ess": finite(effective_sample_size(draws)),
    }


def finite(value: float) -> float | None:
    """The value rounded to 0.1, or None when it is not a number (a constant chain): results are stored as
    JSON, which has no NaN."""
    return round(float(value), 1) if math.isfinite(value) else None


def find_modes(chains: Sequence[np.ndarray], level: float = 0.95) -> list[dict[str, Any]]:
    """Group chains that settled in the same place; more than one group means the posterior has modes the
    chains do not move between.

    Chains are ordered by median; a chain starts a new group when its central half (25-75 %) lies wholly
    above that of the chain before it. Chains of one mode overlap in their central halves even when
    short; a chain stuck elsewhere does not. Each group: its chains (0-based) and its pooled summary.
    """
    summaries = [chain_summary(np.asarray(c), level) for c in chains]
    order = sorted(range(len(chains)), key=lambda i: summaries[i]["median"])
    groups: list[list[int]] = []
    for i in order:
        if groups and summaries[i]["central_half"][0] <= summaries[groups[-1][-1]]["central_half"][1]:
            groups[-1].append(i)
        else:
            groups.append([i])
    modes = []
    for members in groups:
        pooled = np.concatenate([np.asarray(chains[i]) for i in members])
        summary = chain_summary(pooled, level)
        modes.append({"chains": sorted(members), **{k: summary[k] for k in ("median", "mean", "interval")}})
    return modes
