"""Bayesian latent-class capture-recapture (LCMCR; Manrique-Vallier 2016, Biometrics 72:1246).

Why this model: lists of the dead are never independent of each other, and people differ in how findable
they are. LCMCR lets the population be a mixture of up to K latent classes; within a class the lists are
independent, each class with its own capture probabilities. Mixing classes produces both heterogeneity and
dependence between lists without having to pick a log-linear model. It is the method HRDAG uses in
production (R package LCMCR, and verdata), so its figures can be checked against theirs.

Model, with N the total and n the number observed:
  class weights pi ~ truncated stick-breaking(alpha) over K classes, alpha ~ Gamma(a_alpha, b_alpha) (rate);
  lambda_jk = P(list j names a person | class k) ~ Beta(1, 1);  p(N) proportional to 1/N.
The Gibbs sampler (lcmcr_sampler.py) augments the data with every person's class and the count of the
unobserved: split each observed pattern's count across classes (multinomial), draw n0 = N - n
(negative binomial given the probability of the all-zero pattern) and its split, then lambda (Beta),
the sticks (Beta) and alpha (Gamma).

Run length. HRDAG's production settings are K = min(2^J - 1, 15), a = b = 0.25, a burn-in of 10,000 sweeps,
then 10,000 samples at thinning 500 of which every 10th is kept: 10,000 x 500 = 5,000,000 sweeps after
burn-in and 1,000 kept draws, one every 5,000 sweeps. Here that is `burnin=10_000, samples=1_000,
thinning=5_000` (the defaults): `samples` is the number of draws kept, `thinning` the sweeps between them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .lcmcr_sampler import run_chain, workspace
from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable

MAX_DEFAULT_CLASSES = 15


def default_classes(list_count: int) -> int:
    """K = min(2^J - 1, 15): more classes than observable patterns cannot be told apart."""
    return min(2**list_count - 1, MAX_DEFAULT_CLASSES)


def lcmcr_estimate(
    table: CaptureTable,
    K: int | None = None,  # noqa: N803 - the model's own name for it, as in LCMCR
    burnin: int = 10_000,
    samples: int = 1_000,
    thinning: int = 5_000,
    seed: int | None = None,
    a_alpha: float = 0.25,
    b_alpha: float = 0.25,
    level: float = 0.95,
    chains: int = 1,
) -> Estimate:
    """Posterior of the total N under LCMCR: median, equal-tailed credible interval at `level`, draws.

    Each chain runs `burnin + samples * thinning` sweeps and keeps `samples` draws; with several chains the
    draws are pooled (chains run in parallel threads, seeds derived from `seed`) and split R-hat is
    reported. The same seed gives the same draws. A seed of None picks one and records it in `settings`.
    """
    check_estimable(table)
    classes = default_classes(table.list_count) if K is None else int(K)
    if classes < 1:
        raise EstimationError(f"K must be at least 1 (got {K})")
    if min(samples, thinning, chains) < 1 or burnin < 0:
        raise EstimationError("samples, thinning and chains must be positive and burnin not negative")
    if not 0.0 < level < 1.0:
        raise EstimationError(f"level must lie between 0 and 1 (got {level})")
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % 2**63)
    started = time.perf_counter()
    draws = run_chains(table, classes, burnin, samples, thinning, seed, a_alpha, b_alpha, chains)
    seconds = time.perf_counter() - started
    totals = np.concatenate([chain["N"] for chain in draws])
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(totals, [tail, 1.0 - tail])
    diagnostics = _diagnostics(draws, classes, seconds)
    return Estimate(
        method="lcmcr",
        observed=table.observed,
        estimate=float(np.median(totals)),
        interval=(float(low), float(high)),
        level=level,
        settings={
            "K": classes,
            "burnin": burnin,
            "samples": samples,
            "thinning": thinning,
            "a_alpha": a_alpha,
            "b_alpha": b_alpha,
            "seed": seed,
            "chains": chains,
            "sweeps_per_chain": burnin + samples * thinning,
        },
        diagnostics=diagnostics,
        warnings=_warnings(diagnostics, classes, table.list_count),
        draws=totals,
    )


def run_chains(
    table: CaptureTable,
    classes: int,
    burnin: int,
    samples: int,
    thinning: int,
    seed: int,
    a_alpha: float,
    b_alpha: float,
    chains: int = 1,
) -> list[dict[str, np.ndarray]]:
    """Run `chains` independent chains (in parallel threads; the kernel releases the GIL).

    Chain i starts from the i-th child of SeedSequence(seed), so chain 0 is the same whatever `chains` is.
    Returns per chain its kept draws: N, alpha and the number of occupied classes.
    """
    keep = table.counts > 0
    patterns = np.ascontiguousarray(np.vstack([table.patterns[keep], np.zeros((1, table.list_count))]).astype(np.int8))
    counts = np.ascontiguousarray(table.counts[keep].astype(np.int64))
    states = [child.generate_state(4, np.uint64) for child in np.random.SeedSequence(seed).spawn(chains)]

    def one(state: np.ndarray) -> dict[str, np.ndarray]:
        out = {"N": np.empty(samples, np.int64), "alpha": np.empty(samples), "classes": np.empty(samples, np.int64)}
        ws = workspace(len(counts), table.list_count, classes)
        run_chain(
            patterns, counts, a_alpha, b_alpha, burnin, thinning, state, ws, out["N"], out["alpha"], out["classes"]
        )
        return out

    if chains == 1:
        return [one(states[0])]
    with ThreadPoolExecutor(max_workers=chains) as pool:
        return list(pool.map(one, states))


def _diagnostics(draws: list[dict[str, np.ndarray]], classes: int, seconds: float) -> dict[str, object]:
    per_chain = [effective_sample_size(chain["N"]) for chain in draws]
    occupied = np.concatenate([chain["classes"] for chain in draws])
    result: dict[str, object] = {
        "ess": float(np.nansum(per_chain)),
        "ess_per_chain": per_chain,
        "rhat": split_rhat([chain["N"] for chain in draws]) if len(draws) >= 2 else None,
        "alpha_mean": float(np.mean(np.concatenate([chain["alpha"] for chain in draws]))),
        "occupied_classes_mean": float(occupied.mean()),
        "occupied_classes_max": int(occupied.max()),
        "share_all_classes_occupied": float(np.mean(occupied >= classes)),
        "seconds": round(seconds, 3),
    }
    return result


def _warnings(diagnostics: dict[str, object], classes: int, list_count: int) -> list[str]:
    found = []
    ess = diagnostics["ess"]
    if isinstance(ess, float) and ess < 100:
        found.append(f"effective sample size of N is only {ess:.0f}; run longer (more samples or thinning)")
    rhat = diagnostics["rhat"]
    if isinstance(rhat, float) and rhat > 1.05:
        found.append(f"chains disagree (split R-hat {rhat:.3f} > 1.05); run longer before quoting the number")
    share = diagnostics["share_all_classes_occupied"]
    # with K = 2^J - 1 classes the model is already as rich as the table can tell apart; below that, a
    # sampler that fills every class is asking for more
    if isinstance(share, float) and share > 0.05 and classes < 2**list_count - 1:
        found.append(f"all K = {classes} latent classes were in use in {share:.0%} of draws; try a larger K")
    return found


def effective_sample_size(draws: np.ndarray) -> float:
    """ESS of one chain by Geyer's (1992) initial monotone sequence estimator.

    Autocorrelations come from an FFT; consecutive pairs rho(2m) + rho(2m+1) are summed while positive and
    forced non-increasing, which bounds the noise of long-lag estimates. NaN for a constant chain.
    """
    x = np.asarray(draws, dtype=float)
    n = x.size
    if n < 4:
        return float("nan")
    x = x - x.mean()
    size = 1 << (2 * n - 1).bit_length()
    spectrum = np.fft.rfft(x, size)
    acov = np.fft.irfft(spectrum * np.conj(spectrum), size)[:n] / n
    if acov[0] <= 0.0:
        return float("nan")
    rho = acov / acov[0]
    pairs = rho[: n - n % 2].reshape(-1, 2).sum(axis=1)
    positive = np.flatnonzero(pairs <= 0.0)
    pairs = pairs[: positive[0]] if positive.size else pairs
    pairs = np.minimum.accumulate(pairs)
    tau = 2.0 * pairs.sum() - 1.0
    return float(n / max(tau, 1.0 / math.log10(max(n, 10))))


def split_rhat(chains: Sequence[np.ndarray]) -> float:
    """Split R-hat (Gelman et al., BDA3 11.4): each chain halved, then between- vs within-half variance.

    Near 1 when the chains agree; above ~1.05 they have not mixed. Needs equal-length chains of >= 4 draws.
    """
    halves = []
    for chain in chains:
        x = np.asarray(chain, dtype=float)
        half = x.size // 2
        halves += [x[:half], x[x.size - half :]]
    length = min(h.size for h in halves)
    if length < 2:
        return float("nan")
    stacked = np.vstack([h[:length] for h in halves])
    within = stacked.var(axis=1, ddof=1).mean()
    between = length * stacked.mean(axis=1).var(ddof=1)
    if within <= 0.0:
        return float("nan")
    pooled = (length - 1) / length * within + between / length
    return float(math.sqrt(pooled / within))
