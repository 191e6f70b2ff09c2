"""Intervals for log-linear population estimates: multinomial profile likelihood and bootstrap helpers.

The profile likelihood (as in Rcapture) treats the population size N as the parameter of interest: for a
given N the unobserved cell holds N - n people, the model is refitted to the completed table and the
multinomial log-likelihood of the 2^J cells is recorded. Unlike a Wald interval on log(unobserved) it is
asymmetric in the way the data are, and it never goes below the number observed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln
from scipy.stats import chi2, norm

from .hierarchical import ModelFit, poisson_irls

EstimateFunction = Callable[[np.ndarray], float]


def _profile_loglik(fit: ModelFit, total: float) -> float:
    """Multinomial log-likelihood of the completed table at population size `total`, model refitted."""
    y_observed = fit.kept_counts
    missing = total - fit.observed
    design = np.vstack([np.eye(1, fit.kept_design.shape[1]), fit.kept_design])
    y = np.concatenate([[missing], y_observed])
    _, mu, _, _ = poisson_irls(design, y)
    probabilities = mu / mu.sum()
    terms = np.where(y > 0, y * np.log(np.where(probabilities > 0, probabilities, 1.0)), 0.0)
    return float(gammaln(total + 1.0) - gammaln(missing + 1.0) + terms.sum())


def profile_interval(fit: ModelFit, level: float = 0.95) -> tuple[tuple[float, float], float]:
    """Profile-likelihood interval for N at `level`, and the N maximising the profile likelihood.

    The upper end is infinite when the likelihood stays within the cut-off however large N gets (the data
    then say little about how many were missed); callers must warn about that.
    """
    observed = fit.observed
    center = fit.estimate

    def negative(total: float) -> float:
        return -_profile_loglik(fit, total)

    low_bound = observed + 1e-9
    high_bound = observed + max(10.0 * fit.unobserved, 10.0)
    best = minimize_scalar(negative, bounds=(low_bound, high_bound), method="bounded", options={"xatol": 1e-6})
    peak_total = float(best.x) if best.fun <= negative(center) else center
    peak = -negative(peak_total)
    cut = chi2.ppf(level, 1) / 2.0

    def excess(total: float) -> float:
        return peak - _profile_loglik(fit, total) - cut

    lower = observed if excess(low_bound) <= 0 else brentq(excess, low_bound, peak_total, xtol=1e-6)
    upper = np.inf
    step = max(peak_total - observed, 1.0)
    previous = peak_total
    for _ in range(60):
        candidate = previous + step
        if excess(candidate) > 0:
            upper = brentq(excess, previous, candidate, xtol=1e-6)
            break
        previous, step = candidate, step * 2.0
    return (float(lower), float(upper)), peak_total


def resample_counts(
    counts: np.ndarray, rng: np.random.Generator, kind: str, fitted: np.ndarray | None, unobserved: float
) -> np.ndarray:
    """One bootstrap table over the same cells.

    "nonparametric": the n observed people drawn again with replacement (multinomial on observed shares).
    "parametric": a population of round(N-hat) drawn from the fitted model, its unobserved cell dropped.
    """
    if kind == "nonparametric":
        return rng.multinomial(int(counts.sum()), counts / counts.sum())
    if kind == "parametric" and fitted is not None:
        expected = np.concatenate([[unobserved], fitted])
        draw = rng.multinomial(int(round(expected.sum())), expected / expected.sum())
        return draw[1:]
    raise ValueError(f"unknown bootstrap kind {kind!r}; use 'nonparametric' or 'parametric'")


def percentile_interval(draws: np.ndarray, level: float) -> tuple[float, float]:
    finite = draws[np.isfinite(draws)]
    tail = (1.0 - level) / 2.0
    return float(np.quantile(finite, tail)), float(np.quantile(finite, 1.0 - tail))


def bca_interval(
    draws: np.ndarray, estimate: float, counts: np.ndarray, estimator: EstimateFunction, level: float
) -> tuple[float, float]:
    """Bias-corrected and accelerated bootstrap interval (Efron 1987; DiCiccio & Efron 1996).

    The acceleration comes from a jackknife that removes one person at a time; people in the same cell
    give the same jackknife value, so one refit per non-empty cell suffices, weighted by its count.
    """
    finite = draws[np.isfinite(draws)]
    share_below = (np.sum(finite < estimate) + 0.5 * np.sum(finite == estimate)) / len(finite)
    share_below = min(max(share_below, 0.5 / len(finite)), 1.0 - 0.5 / len(finite))
    bias = norm.ppf(share_below)
    cells = np.flatnonzero(counts > 0)
    values = np.empty(len(cells))
    for position, cell in enumerate(cells):
        reduced = counts.copy()
        reduced[cell] -= 1
        values[position] = estimator(reduced)
    weights = counts[cells].astype(float)
    usable = np.isfinite(values)
    values, weights = values[usable], weights[usable]
    centre = np.sum(weights * values) / weights.sum()
    spread = centre - values
    denominator = 6.0 * np.sum(weights * spread**2) ** 1.5
    acceleration = float(np.sum(weights * spread**3) / denominator) if denominator > 0 else 0.0
    tail = (1.0 - level) / 2.0
    bounds = []
    for alpha in (tail, 1.0 - tail):
        z = norm.ppf(alpha)
        adjusted = norm.cdf(bias + (bias + z) / (1.0 - acceleration * (bias + z)))
        bounds.append(float(np.quantile(finite, adjusted)))
    return bounds[0], bounds[1]
