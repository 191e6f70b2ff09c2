"""Stepwise log-linear estimation for sparse lists (Chan, Silverman & Vincent 2021, JASA 116:1297).

Built for data such as modern-slavery lists, where many pairs of lists share nobody. Starting from
independence, two-list interactions are added one at a time: for every pair not yet in the model, the number
of people on both lists is compared with its Poisson distribution under the current model, and the pair with
the smallest p-value (the smaller tail probability, as in the authors' R packages SparseMSE and
MultipleSystemsEstimation) is added if that p-value is below the threshold (default 0.02) and the enlarged
model passes the existence and identifiability checks (linear program and rank, see `hierarchical`). Ties go
to the pair that comes first in list order. A pair with no one in common can be added: its effect is then
minus infinity and its cells are structural zeros.

Intervals. Without bootstrap: the multinomial profile-likelihood interval of the final model, which ignores
that the model was selected. With `bootstrap > 0`: the people are resampled, the stepwise selection is
repeated on every resample and `interval` is the BCa interval (jackknife acceleration), as in the paper; the
profile interval stays in `diagnostics["profile_interval"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
from scipy.stats import poisson

from .hierarchical import Model, ModelFit, empty_overlaps, fit_model, term_name
from .intervals import bca_interval, percentile_interval, profile_interval, resample_counts
from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable


def _overlap_p_value(observed: float, expected: float) -> float:
    """Smaller Poisson tail of the observed overlap: P(X <= n) or P(X >= n)."""
    return float(min(poisson.cdf(observed, expected), poisson.sf(observed - 1, expected)))


def stepwise_select(
    patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str], p_threshold: float = 0.02
) -> tuple[ModelFit, list[dict[str, object]]]:
    """Run the selection on a full table; return the final fit and the steps taken (pair, p-value, estimate)."""
    pairs = list(combinations(range(len(lists)), 2))
    both = [(patterns[:, a] == 1) & (patterns[:, b] == 1) for a, b in pairs]
    overlaps = [float(counts[mask].sum()) for mask in both]
    try:
        current = fit_model(patterns, counts, (), lists)
    except EstimationError as error:
        raise EstimationError(f"the independence model cannot be fitted: {error}") from error
    steps: list[dict[str, object]] = []
    while True:
        present = set(current.model)
        ranked = sorted(
            (_overlap_p_value(overlaps[i], float(current.fitted[both[i]].sum())), i)
            for i, pair in enumerate(pairs)
            if pair not in present
        )
        chosen = None
        for p_value, index in ranked:
            if p_value >= p_threshold:
                break
            model: Model = tuple(sorted(present | {pairs[index]}))
            try:
                chosen = (fit_model(patterns, counts, model, lists), p_value, index)
            except EstimationError:
                continue  # the enlarged model would give no finite or no identifiable estimate
            break
        if chosen is None:
            return current, steps
        current, p_value, index = chosen
        steps.append({"added": term_name(pairs[index], lists), "p_value": p_value, "estimate": current.estimate})


def stepwise_estimate(
    table: CaptureTable,
    p_threshold: float = 0.02,
    level: float = 0.95,
    bootstrap: int = 0,
    seed: int | None = None,
    *,
    bootstrap_interval: str = "bca",
) -> Estimate:
    """Population estimate by the Chan-Silverman-Vincent stepwise method.

    `bootstrap_interval` is "bca" (default, as in the paper) or "percentile"; it only matters when
    `bootstrap > 0`.
    """
    check_estimable(table)
    if not 0.0 <= p_threshold <= 1.0:
        raise EstimationError(f"p_threshold must be between 0 and 1, not {p_threshold}")
    if bootstrap_interval not in ("bca", "percentile"):
        raise EstimationError(f"unknown bootstrap interval {bootstrap_interval!r}; use 'bca' or 'percentile'")
    patterns, counts = table.full()
    fit, steps = stepwise_select(patterns, counts, table.lists, p_threshold)
    profile, peak = profile_interval(fit, level)
    settings = {
        "p_threshold": p_threshold,
        "level": level,
        "bootstrap": bootstrap,
        "seed": seed,
        "bootstrap_interval": bootstrap_interval,
    }
    diagnostics: dict[str, object] = {
        "model": fit.description,
        "terms": [term_name(term, fit.lists) for term in fit.model],
        "steps": steps,
        "deviance": fit.deviance,
        "residual_df": fit.residual_df,
        "log_unobserved_se": fit.log_unobserved_se,
        "minus_infinity_terms": [term_name(term, fit.lists) for term in fit.minus_infinity_terms],
        "profile_interval": profile,
        "profile_peak": peak,
    }
    warnings = _warnings(patterns, counts, table.lists, fit, profile)
    interval, draws = profile, None
    if bootstrap > 0:
        interval, draws = _bootstrap_interval(fit, counts, settings, diagnostics, warnings)
    return Estimate(
        method="stepwise",
        observed=table.observed,
        estimate=fit.estimate,
        interval=interval,
        level=level,
        settings=settings,
        diagnostics=diagnostics,
        warnings=warnings,
        draws=draws,
    )


def _select_estimate(patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str], p_threshold: float) -> float:
    try:
        return stepwise_select(patterns, counts, lists, p_threshold)[0].estimate
    except EstimationError:
        return float("nan")


def _bootstrap_interval(
    fit: ModelFit,
    counts: np.ndarray,
    settings: dict[str, object],
    diagnostics: dict[str, object],
    warnings: list[str],
) -> tuple[tuple[float, float], np.ndarray]:
    """Resample the people, repeat the selection on each table, and form the BCa or percentile interval."""
    patterns = fit.patterns
    threshold, level = float(settings["p_threshold"]), float(settings["level"])  # type: ignore[arg-type]
    rng = np.random.default_rng(settings["seed"])  # type: ignore[arg-type]
    draws = np.array(
        [
            _select_estimate(patterns, resample_counts(counts, rng, "nonparametric", None, 0.0), fit.lists, threshold)
            for _ in range(int(settings["bootstrap"]))  # type: ignore[call-overload]
        ]
    )
    failed = int(np.sum(~np.isfinite(draws)))
    if failed == len(draws):
        raise EstimationError("no bootstrap resample could be fitted; the data are too sparse")
    if settings["bootstrap_interval"] == "bca":

        def estimator(reduced: np.ndarray) -> float:
            return _select_estimate(patterns, reduced, fit.lists, threshold)

        interval = bca_interval(draws, fit.estimate, counts, estimator, level)
    else:
        interval = percentile_interval(draws, level)
    diagnostics["bootstrap_interval"] = (
        f"{settings['bootstrap_interval']}, stepwise selection repeated on each resample"
    )
    diagnostics["bootstrap_failures"] = failed
    if failed:
        warnings.append(f"{failed} of {len(draws)} bootstrap resamples could not be fitted and were dropped")
    return interval, draws


def _warnings(
    patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str], fit: ModelFit, profile: tuple[float, float]
) -> list[str]:
    notes = []
    empty = empty_overlaps(patterns, counts, lists)
    if empty:
        notes.append(f"lists with no one in common ({', '.join(empty)}): estimates from sparse overlaps are fragile")
    if fit.minus_infinity_terms:
        notes.append(
            "the model treats some pairs of lists as never overlapping ("
            + ", ".join(term_name(term, lists) for term in fit.minus_infinity_terms)
            + "); the estimate depends on that assumption"
        )
    if not np.isfinite(profile[1]):
        notes.append("the profile likelihood gives no finite upper bound: the data cannot rule out very large totals")
    return notes
