"""Poisson log-linear multiple systems estimation with model choice by BIC or AIC.

Dependence between lists is modelled by interaction terms; which terms to include is chosen by an
information criterion over hierarchical models (Fienberg 1972; Bishop, Fienberg & Holland 1975; the
approach of Ball et al. 2002 for Kosovo, fitted there with Rcapture). The unobserved count is exp(intercept).

Search. Up to five lists every hierarchical model with interactions up to `max_order` is fitted (Kosovo,
four lists, order 3: 113 models; five lists: 1,024 models at order 2, 6,212 at order 3). From six lists the
number of models explodes (32,768 at order 2, millions at order 3), so the search becomes greedy: starting
from independence, repeatedly move to the best neighbouring hierarchical model (one term added or one
maximal term removed) while the criterion improves. A greedy search can miss the best model; the
diagnostics say which search ran.

Models whose estimate does not exist or is not identifiable on the data are skipped (see `hierarchical`);
when no model is left the user gets an EstimationError, never a number.

Intervals. Without bootstrap the interval is the multinomial profile-likelihood interval of the chosen model
(as Rcapture computes it); it ignores that the model was chosen from the data, so it is too narrow when the
criterion cannot tell models apart. With `bootstrap > 0` tables are resampled, the model choice is repeated
on each, and `interval` becomes the percentile interval of those estimates; the profile interval stays in
`diagnostics["profile_interval"]`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np

from .hierarchical import (
    Model,
    ModelFit,
    empty_overlaps,
    enumerate_models,
    fit_model,
    generators,
    parse_terms,
    term_name,
)
from .intervals import percentile_interval, profile_interval, resample_counts
from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable

EXHAUSTIVE_MAX_LISTS = 5
BOOTSTRAP_CANDIDATES = 50
CRITERIA = ("bic", "aic")


def fit_loglinear(table: CaptureTable, terms: Iterable[object]) -> ModelFit:
    """Fit one model, e.g. terms ["EXH*ABA*OSCE", "EXH*HRW", "OSCE*HRW"] (sub-terms are implied).

    Raises EstimationError, saying why, when the model's estimate does not exist or is not identifiable.
    """
    check_estimable(table)
    patterns, counts = table.full()
    return fit_model(patterns, counts, parse_terms(table.lists, terms), table.lists)


def _fit_or_none(patterns: np.ndarray, counts: np.ndarray, model: Model, lists: Sequence[str]) -> ModelFit | None:
    try:
        return fit_model(patterns, counts, model, lists)
    except EstimationError:
        return None


def _exhaustive(
    patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str], models: Sequence[Model]
) -> tuple[list[ModelFit], int]:
    fits = [_fit_or_none(patterns, counts, model, lists) for model in models]
    usable = [fit for fit in fits if fit is not None]
    return usable, len(fits) - len(usable)


def _neighbours(model: Model, list_count: int, max_order: int) -> list[Model]:
    """Hierarchical models one step away: one term added (its sub-terms present) or one maximal term removed."""
    present = set(model)
    result: list[Model] = []
    for size in range(2, min(max_order, list_count - 1) + 1):
        for term in combinations(range(list_count), size):
            if term in present:
                continue
            if size == 2 or all(sub in present for sub in combinations(term, size - 1)):
                result.append(tuple(sorted(present | {term}, key=lambda t: (len(t), t))))
    for term in generators(model):
        result.append(tuple(t for t in model if t != term))
    return result


def _greedy(
    patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str], max_order: int, criterion: str
) -> tuple[list[ModelFit], int]:
    """Hill-climb on the criterion from independence; returns every model fitted on the way."""
    cache: dict[Model, ModelFit | None] = {}

    def score(model: Model) -> float:
        if model not in cache:
            cache[model] = _fit_or_none(patterns, counts, model, lists)
        fit = cache[model]
        return fit.information_criterion(criterion) if fit is not None else np.inf

    current: Model = ()
    current_score = score(current)
    while True:
        options = _neighbours(current, len(lists), max_order)
        scores = [score(model) for model in options]
        if not options or min(scores) >= current_score:
            break
        best = int(np.argmin(scores))
        current, current_score = options[best], scores[best]
    usable = [fit for fit in cache.values() if fit is not None]
    return usable, len(cache) - len(usable)


def search_models(
    table: CaptureTable, max_order: int = 2, criterion: str = "bic", search: str = "auto"
) -> tuple[list[ModelFit], int, str]:
    """Fit the candidate models; return the usable fits best first, how many were skipped, and the search used."""
    if criterion not in CRITERIA:
        raise EstimationError(f"unknown criterion {criterion!r}; use 'bic' or 'aic'")
    if max_order < 1:
        raise EstimationError("max_order must be at least 1 (1 = independence only)")
    if search == "auto":
        search = "exhaustive" if table.list_count <= EXHAUSTIVE_MAX_LISTS else "greedy"
    patterns, counts = table.full()
    if search == "exhaustive":
        fits, skipped = _exhaustive(patterns, counts, table.lists, enumerate_models(table.list_count, max_order))
    elif search == "greedy":
        fits, skipped = _greedy(patterns, counts, table.lists, max_order, criterion)
    else:
        raise EstimationError(f"unknown search {search!r}; use 'auto', 'exhaustive' or 'greedy'")
    if not fits:
        raise EstimationError(
            f"none of the {skipped} log-linear models considered has an estimate that exists and is identifiable "
            "on these data (too many empty cells); no population estimate can be given"
        )
    fits.sort(key=lambda fit: fit.information_criterion(criterion))
    return fits, skipped, search


def _ranking(fits: list[ModelFit], criterion: str, top: int = 5) -> list[dict[str, object]]:
    """Best models with criterion weights exp(-delta/2), normalised over all usable models."""
    values = np.array([fit.information_criterion(criterion) for fit in fits])
    weights = np.exp(-(values - values.min()) / 2.0)
    weights /= weights.sum()
    return [
        {"model": fit.description, criterion: float(value), "estimate": fit.estimate, "weight": float(weight)}
        for fit, value, weight in list(zip(fits, values, weights, strict=True))[:top]
    ]


def _bootstrap(
    table: CaptureTable,
    best: ModelFit,
    candidates: list[Model],
    settings: dict[str, object],
    max_order: int,
    replicates: int,
) -> np.ndarray:
    """Estimates on resampled tables, the model choice repeated each time (NaN where nothing was estimable)."""
    patterns, counts = table.full()
    criterion, kind, search = str(settings["criterion"]), str(settings["bootstrap_kind"]), str(settings["search"])
    rng = np.random.default_rng(settings["seed"])  # type: ignore[arg-type]
    draws = np.full(replicates, np.nan)
    for index in range(replicates):
        sample = resample_counts(counts, rng, kind, best.fitted, best.unobserved)
        if search == "greedy":
            resampled = CaptureTable(lists=table.lists, patterns=patterns, counts=sample)
            try:
                fits, _, _ = search_models(resampled, max_order, criterion, "greedy")
            except EstimationError:
                continue
        else:
            fits, _ = _exhaustive(patterns, sample, table.lists, candidates)
        if fits:
            draws[index] = min(fits, key=lambda fit: fit.information_criterion(criterion)).estimate
    return draws


def loglinear_estimate(
    table: CaptureTable,
    max_order: int = 2,
    criterion: str = "bic",
    level: float = 0.95,
    bootstrap: int = 0,
    seed: int | None = None,
    *,
    search: str = "auto",
    bootstrap_kind: str = "nonparametric",
) -> Estimate:
    """Population estimate from the log-linear model chosen by `criterion` among hierarchical models.

    `bootstrap` resamples (kind "nonparametric": people redrawn from the observed table; "parametric": tables
    drawn from the chosen model) repeat the model choice, among the BOOTSTRAP_CANDIDATES best models on the
    original data when the search is exhaustive (Silverman, Chan & Vincent 2024 use the same economy), and
    give a percentile `interval`; otherwise `interval` is the profile-likelihood interval of the chosen model.
    """
    check_estimable(table)
    if bootstrap_kind not in ("nonparametric", "parametric"):
        raise EstimationError(f"unknown bootstrap kind {bootstrap_kind!r}; use 'nonparametric' or 'parametric'")
    fits, skipped, used = search_models(table, max_order, criterion, search)
    best = fits[0]
    profile, peak = profile_interval(best, level)
    settings = {
        "max_order": max_order,
        "criterion": criterion,
        "level": level,
        "bootstrap": bootstrap,
        "seed": seed,
        "search": used,
        "bootstrap_kind": bootstrap_kind,
    }
    diagnostics = _diagnostics(best, fits, skipped, criterion, profile, peak)
    warnings = _warnings(table, best, fits, criterion, profile, used)
    interval, draws = profile, None
    if bootstrap > 0:
        candidates = [fit.model for fit in fits[:BOOTSTRAP_CANDIDATES]]
        draws = _bootstrap(table, best, candidates, settings, max_order, bootstrap)
        failed = int(np.sum(~np.isfinite(draws)))
        if failed == len(draws):
            raise EstimationError("no bootstrap resample gave an estimable model; the data are too sparse")
        interval = percentile_interval(draws, level)
        diagnostics["bootstrap_interval"] = "percentile, model choice repeated on each resample"
        diagnostics["bootstrap_failures"] = failed
        diagnostics["bootstrap_candidates"] = len(candidates) if used == "exhaustive" else "greedy search repeated"
        if failed:
            warnings.append(f"{failed} of {len(draws)} bootstrap resamples had no estimable model and were dropped")
    return Estimate(
        method="loglinear",
        observed=table.observed,
        estimate=best.estimate,
        interval=interval,
        level=level,
        settings=settings,
        diagnostics=diagnostics,
        warnings=warnings,
        draws=draws,
    )


def _diagnostics(
    best: ModelFit, fits: list[ModelFit], skipped: int, criterion: str, profile: tuple[float, float], peak: float
) -> dict[str, object]:
    return {
        "model": best.description,
        "terms": [term_name(term, best.lists) for term in best.model],
        criterion: best.information_criterion(criterion),
        "deviance": best.deviance,
        "residual_df": best.residual_df,
        "parameters": best.n_params,
        "log_unobserved_se": best.log_unobserved_se,
        "minus_infinity_terms": [term_name(term, best.lists) for term in best.minus_infinity_terms],
        "profile_interval": profile,
        "profile_peak": peak,
        "models_fitted": len(fits) + skipped,
        "models_skipped_not_estimable": skipped,
        "top_models": _ranking(fits, criterion),
    }


def _warnings(
    table: CaptureTable,
    best: ModelFit,
    fits: list[ModelFit],
    criterion: str,
    profile: tuple[float, float],
    search: str,
) -> list[str]:
    patterns, counts = table.full()
    notes = []
    empty = empty_overlaps(patterns, counts, table.lists)
    if empty:
        notes.append(f"lists with no one in common ({', '.join(empty)}): estimates from sparse overlaps are fragile")
    if not np.isfinite(profile[1]):
        notes.append("the profile likelihood gives no finite upper bound: the data cannot rule out very large totals")
    if search == "greedy":
        notes.append("greedy model search (too many lists to fit every model); the best model may have been missed")
    close = [
        fit for fit in fits[1:] if fit.information_criterion(criterion) - best.information_criterion(criterion) < 2
    ]
    spread = [fit.estimate for fit in close if abs(fit.estimate - best.estimate) > 0.1 * best.estimate]
    if spread:
        notes.append(
            f"{len(spread)} other model(s) within 2 {criterion.upper()} units give estimates more than 10% away "
            f"(e.g. {spread[0]:,.0f}); the interval of one model understates uncertainty, consider bootstrap"
        )
    return notes
