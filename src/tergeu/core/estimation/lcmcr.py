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
burn-in and 1,000 kept draws, one every 5,000 sweeps. Here the defaults share that among four chains
(`chains=4`, each `burnin=10_000` then `samples=250` kept draws, one every `thinning=5_000` sweeps),
because one chain can settle in one mode of a multimodal posterior and report it with confidence; the
chains start apart (`lcmcr_chains.py`), are compared (`mcmc.py`), and pooled with equal weights.

Lists that share no one with the others are estimated, with a warning: the table is silent on how such a
list overlaps with the others, and the model fills that in from the classes the overlapping lists reveal
(within a class, lists are independent). HRDAG's LCMCR does the same, and leaving such lists out changes
the answer (on the hard Colombian stratum R gives 2,318 without them against about 2,100 with them).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from .lcmcr_chains import WARMUP, chain_starts, run_chains
from .mcmc import bulk_ess, chain_summary, effective_sample_size, find_modes, finite, rank_rhat, split_rhat
from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable, isolated_lists

MAX_DEFAULT_CLASSES = 15
MIN_ESS = 400  # bulk ESS of N below which the run is too short for the table (Vehtari et al. 2021: 100 a chain)
MAX_RHAT = 1.05

__all__ = ["default_classes", "effective_sample_size", "lcmcr_estimate", "run_chains", "split_rhat"]


def default_classes(list_count: int) -> int:
    """K = min(2^J - 1, 15): more classes than observable patterns cannot be told apart."""
    return min(2**list_count - 1, MAX_DEFAULT_CLASSES)


def lcmcr_estimate(
    table: CaptureTable,
    K: int | None = None,  # noqa: N803 - the model's own name for it, as in LCMCR
    burnin: int = 10_000,
    samples: int = 250,
    thinning: int = 5_000,
    seed: int | None = None,
    a_alpha: float = 0.25,
    b_alpha: float = 0.25,
    level: float = 0.95,
    chains: int = 4,
    start: str = "dispersed",
    warmup: int = WARMUP,
) -> Estimate:
    """Posterior of the total N under LCMCR: median and mean, equal-tailed credible interval at `level`, draws.

    Each chain runs its start (`lcmcr_chains.chain_starts`), then `burnin + samples * thinning` sweeps, and
    keeps `samples` draws; the chains' draws are pooled with equal weights (chains run in parallel threads,
    seeds derived from `seed`). The diagnostics compare the chains: when they settled in different modes
    the pooled interval spans them and a warning names each. The same seed gives the same draws; a seed of
    None picks one and records it in `settings`.
    """
    check_estimable(table, allow_isolated=True)
    classes = default_classes(table.list_count) if K is None else int(K)
    if classes < 1:
        raise EstimationError(f"K must be at least 1 (got {K})")
    if min(samples, thinning, chains) < 1 or min(burnin, warmup) < 0:
        raise EstimationError("samples, thinning and chains must be positive, burnin and warmup not negative")
    if not 0.0 < level < 1.0:
        raise EstimationError(f"level must lie between 0 and 1 (got {level})")
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % 2**63)
    starts = chain_starts(start, chains, table.observed, warmup)
    started = time.perf_counter()
    draws = run_chains(table, classes, burnin, samples, thinning, seed, a_alpha, b_alpha, starts)
    seconds = time.perf_counter() - started
    totals = np.concatenate([chain["N"] for chain in draws])
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(totals, [tail, 1.0 - tail])
    diagnostics = _diagnostics(draws, starts, classes, level, seconds)
    diagnostics["isolated_lists"] = isolated_lists(table)
    settings = {"K": classes, "burnin": burnin, "samples": samples, "thinning": thinning, "a_alpha": a_alpha,
                "b_alpha": b_alpha, "seed": seed, "chains": chains, "start": start, "warmup": warmup,
                "sweeps_per_chain": warmup + burnin + samples * thinning}
    return Estimate(
        method="lcmcr",
        observed=table.observed,
        estimate=float(np.median(totals)),
        interval=(float(low), float(high)),
        level=level,
        settings=settings,
        diagnostics=diagnostics,
        warnings=_isolated_warning(table) + _warnings(diagnostics, classes, table.list_count),
        draws=totals,
        mean=float(np.mean(totals)),
    )


def _diagnostics(
    draws: list[dict[str, np.ndarray]], starts: list[dict[str, Any]], classes: int, level: float, seconds: float
) -> dict[str, Any]:
    """How far the chains can be trusted: each chain's own summary, the modes they settled in, the bulk ESS
    and rank-normalised split R-hat of N across chains, and how many classes were in use."""
    totals = [chain["N"] for chain in draws]
    occupied = np.concatenate([chain["classes"] for chain in draws])
    per_chain = [{"chain": i + 1, "start": starts[i], **chain_summary(n, level)} for i, n in enumerate(totals)]
    medians = [c["median"] for c in per_chain]
    rhat = rank_rhat(totals) if len(draws) >= 2 else float("nan")
    return {
        "ess": finite(bulk_ess(totals)),
        "ess_per_chain": [c["ess"] for c in per_chain],
        "rhat": None if not np.isfinite(rhat) else round(rhat, 4),
        "per_chain": per_chain,
        "modes": [{**mode, "chains": [i + 1 for i in mode["chains"]]} for mode in find_modes(totals, level)],
        "chain_median_spread": max(medians) - min(medians),
        "alpha_mean": float(np.mean(np.concatenate([chain["alpha"] for chain in draws]))),
        "occupied_classes_mean": float(occupied.mean()),
        "occupied_classes_max": int(occupied.max()),
        "share_all_classes_occupied": float(np.mean(occupied >= classes)),
        "seconds": round(seconds, 3),
    }


def _isolated_warning(table: CaptureTable) -> list[str]:
    isolated = isolated_lists(table)
    if not isolated:
        return []
    sizes = table.list_sizes()
    named = ", ".join(f"{name} ({sizes[name]:,} named)" for name in isolated)
    return [
        f"list(s) {named} share no one with any other list. The table shows nothing of how they overlap with "
        "the others, so LCMCR assumes what it assumes of every list: within each latent class, learned from "
        "the lists that do overlap, they name people independently of the others. The log-linear methods "
        "give no estimate here; leaving these lists out also changes the answer, so they are kept"
    ]


def _warnings(diagnostics: dict[str, Any], classes: int, list_count: int) -> list[str]:
    found = []
    modes = diagnostics["modes"]
    if len(modes) > 1:
        found.append(_modes_warning(modes))
    rhat = diagnostics["rhat"]
    if len(diagnostics["per_chain"]) == 1:
        found.append("one chain only: whether the posterior has several modes was not checked; run several chains")
    elif rhat is not None and len(modes) == 1 and rhat > MAX_RHAT:
        found.append(f"the chains disagree (split R-hat of N {rhat:.3f} > {MAX_RHAT}); run longer before quoting")
    ess = diagnostics["ess"]
    if ess is not None and ess < MIN_ESS:
        found.append(
            f"bulk effective sample size of N is only {ess:.0f} (< {MIN_ESS}): the run is too short for this table "
            "and the median and interval may move on a rerun; run longer (`--preset production`)"
        )
    share = diagnostics["share_all_classes_occupied"]
    # with K = 2^J - 1 classes the model is already as rich as the table can tell apart; below that, a
    # sampler that fills every class is asking for more
    if share > 0.05 and classes < 2**list_count - 1:
        found.append(f"all K = {classes} latent classes were in use in {share:.0%} of draws; try a larger K")
    return found


def _modes_warning(modes: list[dict[str, Any]]) -> str:
    def describe(mode: dict[str, Any]) -> str:
        low, high = mode["interval"]
        chains = ("chains " if len(mode["chains"]) > 1 else "chain ") + ", ".join(str(c) for c in mode["chains"])
        return f"about {mode['median']:,.0f} ({chains}: 95 % {low:,.0f}-{high:,.0f})"

    return (
        f"the chains settled in {len(modes)} different places and did not move between them: "
        + "; ".join(describe(mode) for mode in modes)
        + ". The interval pools all chains with equal weight, so it spans these modes; how much of the posterior "
        "lies in each is not known. Quote the range, not the median, and compare other methods and strata"
    )
