"""One call from capture histories to a toll: strata, imputed missing strata, linkage draws, any method.

The layers, innermost first, and why each is combined the way it is:

* a **stratum** (a place, a period...) is estimated on its own table, because capture probabilities
  differ by place and time and pooling them biases the total (heterogeneity the models cannot see);
  strata that cannot be estimated alone (too few people, a list naming none of them) are pooled into
  one "other" stratum, and only if that fails too is the total left unstratified; strata add up to
  the total (``combine_strata``: draws are added when the method has them);
* people whose stratum no record states get one **imputed** from people with the same capture pattern,
  several times over; each completed data set gives a total, and the totals are pooled
  (``combine_imputations``), so the interval includes what the missing strata could change;
* each **linkage draw** (a plausible alternative clustering, ``tergeu.core.linkage.uncertainty``) gives
  other capture histories; the per-draw totals are pooled the same way, and the share of the pooled
  variance between draws is reported as the share of the interval due to linkage.

The estimator is passed in, so this module knows nothing of any method.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .combine import combine_imputations, combine_strata, impute_missing_strata
from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable, from_histories

Estimator = Callable[[CaptureTable], Estimate]
History = tuple[int, ...]
OTHER = "(other strata, pooled)"  # strata too small or too sparse to estimate alone are estimated together


@dataclass
class Unit:
    """One presumed person: which lists name them, and their stratum (None when no record states it)."""

    history: History
    stratum: str | None = None


@dataclass
class TollResult:
    """The total, one result per stratum, and what could not be estimated and why."""

    total: Estimate
    strata: dict[str, Estimate] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    table: CaptureTable | None = None  # the unstratified table of the best-guess linkage


def estimate_toll(
    draws: Sequence[Sequence[Unit]],
    lists: Sequence[str],
    estimator: Estimator,
    stratified: bool = False,
    imputations: int = 5,
    seed: int = 1,
    allow_isolated: bool = False,
) -> TollResult:
    """Estimate from ``draws`` (the best-guess linkage first, then alternative linkage draws).

    The best guess decides the strata to estimate and the people observed. When alternatives follow,
    only they are pooled: they are the draws from the linkage's doubt (``plausible_clusterings``),
    centred where reviewers' calibration puts it (or on the unreviewed default), and the stored best
    guess, made once at no shift (and, after incremental runs, never re-clustered), is not one of them.
    Without strata, each draw is estimated once. With ``stratified``, units carry a stratum label;
    missing labels are imputed ``imputations`` times per draw. ``allow_isolated``: the estimator accepts
    lists that share no one with the others (LCMCR does, with a warning; ``methods.allows_isolated_lists``),
    so strata are not refused for them.
    """
    if not draws or not draws[0]:
        raise EstimationError("no linked people to estimate from; run the linkage first")
    rng = np.random.default_rng(seed)
    best_table = _whole(draws[0], lists)
    check_estimable(best_table, allow_isolated=allow_isolated)
    kept, problems = _plan(draws[0], lists, allow_isolated) if stratified else (set(), {})
    per_draw: list[Estimate] = []
    per_stratum: dict[str, list[Estimate]] = {}
    pooled = draws[1:] if len(draws) > 1 else draws
    for units in pooled:
        completions = _completions(units, stratified, imputations, rng)
        totals = []
        for labels in completions:
            if labels is not None:
                labels = [label if label in kept else OTHER for label in labels]
            total, by_stratum, failed = _one_completion(units, labels, lists, estimator, rng, allow_isolated)
            totals.append(total)
            problems.update(failed)
            for name, estimate in by_stratum.items():
                per_stratum.setdefault(name, []).append(estimate)
        per_draw.append(totals[0] if len(totals) == 1 else combine_imputations(totals, seed=_seed(rng)))
    total = per_draw[0] if len(per_draw) == 1 else combine_imputations(per_draw, seed=_seed(rng))
    total.warnings = list(dict.fromkeys(total.warnings))  # each imputation repeats the same notes
    # "Observed" is who the best-guess linkage finds; each draw finds a few more or fewer (in diagnostics).
    total.diagnostics["observed_per_linkage_draw"] = [e.observed for e in per_draw]
    total.observed = best_table.observed
    _describe_layers(total, per_draw, len(pooled), stratified, imputations)
    strata = {
        name: (found[0] if len(found) == 1 else combine_imputations(found, seed=_seed(rng)))
        for name, found in sorted(per_stratum.items())
    }
    for name, estimate in strata.items():
        if estimate.raise_to_observed(f"the estimate for stratum {name}"):
            total.warnings.append(estimate.warnings[-1])
    # The floor is the fewest people any pooled draw finds: a draw that joins people the best guess
    # split (a calibrated one) must not be raised back to the best guess's phantoms.
    total.raise_to_observed("the total", min(e.observed for e in per_draw) if len(draws) > 1 else None)
    return TollResult(total, strata, problems, best_table)


def _plan(units: Sequence[Unit], lists: Sequence[str], allow_isolated: bool) -> tuple[set[str], dict[str, str]]:
    """Which strata are estimated alone, decided once on the best-guess linkage and the stated values.

    Deciding per imputation or per linkage draw would make a stratum appear in some draws and vanish
    in others, and its combined result would mean nothing. Strata whose table fails the checks are
    pooled into ``OTHER`` (with the reason kept); nothing is estimated here, so it costs little.
    """
    groups: dict[str, list[History]] = {}
    for unit in units:
        if unit.stratum is not None:
            groups.setdefault(unit.stratum, []).append(unit.history)
    kept: set[str] = set()
    problems: dict[str, str] = {}
    for label, histories in groups.items():
        try:
            _stratum_table(histories, lists, allow_isolated)
            kept.add(label)
        except EstimationError as problem:
            problems[label] = str(problem)
    return kept, problems


def _seed(rng: np.random.Generator) -> int:
    return int(rng.integers(2**31))


def _completions(
    units: Sequence[Unit], stratified: bool, imputations: int, rng: np.random.Generator
) -> list[list[str] | None]:
    if not stratified:
        return [None]
    values = [u.stratum for u in units]
    if all(value is not None for value in values):
        return [list(values)]  # nothing to impute: one completion is exact
    return [impute_missing_strata([u.history for u in units], values, rng) for _ in range(max(1, imputations))]


def _one_completion(
    units: Sequence[Unit],
    labels: list[str] | None,
    lists: Sequence[str],
    estimator: Estimator,
    rng: np.random.Generator,
    allow_isolated: bool = False,
) -> tuple[Estimate, dict[str, Estimate], dict[str, str]]:
    """Estimate one completed data set: per stratum and summed, or whole when there are no strata."""
    if labels is None:
        return estimator(_whole(units, lists)), {}, {}
    groups: dict[str, list[History]] = {}
    for unit, label in zip(units, labels, strict=True):
        groups.setdefault(label, []).append(unit.history)
    found, failed = _estimate_groups(groups, lists, estimator, allow_isolated)
    if failed:
        pooled = [h for label in failed for h in groups[label]]
        try:
            found[OTHER] = estimator(_stratum_table(pooled, lists, allow_isolated))
        except EstimationError:
            # A total that leaves strata out would be too low; the unstratified estimate is honest about all.
            total = estimator(_whole(units, lists))
            total.warnings.append("not stratified: no estimate for stratum/strata " + ", ".join(sorted(failed)))
            return total, found, failed
    return combine_strata(list(found.values()), seed=_seed(rng)), found, failed


def _whole(units: Sequence[Unit], lists: Sequence[str]) -> CaptureTable:
    """The unstratified table of one completed data set (strata ignored)."""
    return from_histories(((u.history, 1) for u in units), lists)


def _stratum_table(histories: list[History], lists: Sequence[str], allow_isolated: bool = False) -> CaptureTable:
    """A stratum's table without the lists that name no one in it (a morgue list of one city, say)."""
    table = from_histories(((h, 1) for h in histories), lists)
    present = [name for name, size in table.list_sizes().items() if size]
    if len(present) < len(lists):
        table = table.restricted_to(present)
    check_estimable(table, allow_isolated=allow_isolated)
    return table


def _estimate_groups(
    groups: dict[str, list[History]], lists: Sequence[str], estimator: Estimator, allow_isolated: bool
) -> tuple[dict[str, Estimate], dict[str, str]]:
    found: dict[str, Estimate] = {}
    failed: dict[str, str] = {}
    for label, histories in sorted(groups.items()):
        try:
            found[label] = estimator(_stratum_table(histories, lists, allow_isolated))
        except EstimationError as problem:
            failed[label] = str(problem)
    return found, failed


def _describe_layers(total: Estimate, per_draw: list[Estimate], draws: int, stratified: bool, imputations: int) -> None:
    """Say in the result how the number was combined and how much the linkage moves it."""
    total.settings["linkage_draws"] = draws
    total.settings["stratified"] = stratified
    total.settings["imputations"] = imputations if stratified else 0
    if draws > 1:
        total.diagnostics["linkage_share"] = float(total.diagnostics.get("between_share", 0.0))
        total.diagnostics["per_linkage_draw"] = [round(float(e.estimate), 1) for e in per_draw]
