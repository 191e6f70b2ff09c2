"""Run an estimate on the linked people and keep it, with everything needed to say how it was made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tergeu.core.estimation import (
    EstimationError,
    TollResult,
    allows_isolated_lists,
    estimate_toll,
    make_estimator,
    method_settings,
)
from tergeu.estimation.capture import capture_histories
from tergeu.estimation.models import EstimateRun


def result_json(result: TollResult) -> dict[str, Any]:
    """JSON-ready result: the total (observed, estimate, interval...), strata, problems, the overlap table."""
    data = result.total.as_dict()
    data["strata"] = {name: estimate.as_dict() for name, estimate in result.strata.items()}
    data["problems"] = result.problems
    if result.table is not None:
        patterns, counts = result.table.full()
        data["lists"] = list(result.table.lists)
        data["list_sizes"] = result.table.list_sizes()
        data["overlaps"] = [[*map(int, p), int(c)] for p, c in zip(patterns, counts, strict=True) if c]
    return data


def run_estimate(method: str = "lcmcr", strata: Sequence[str] = (), linkage_draws: int = 5, seed: int = 1,
                 preset: str = "standard", imputations: int = 5, by: str = "system") -> EstimateRun:
    """Estimate the toll from the current people; the run is stored even when no estimate exists (with why)."""
    settings = {"method_settings": method_settings(method, preset), "preset": preset, "strata": list(strata),
                "linkage_draws": linkage_draws, "imputations": imputations, "seed": seed}
    run = EstimateRun(created_by=by, method=method, settings=settings)
    try:
        captured = capture_histories(strata, linkage_draws, seed)
        run.linkage_run = captured.linkage_run
        result = estimate_toll(captured.draws, captured.lists, make_estimator(method, preset, seed),
                               stratified=bool(strata), imputations=imputations, seed=seed,
                               allow_isolated=allows_isolated_lists(method))
        run.result = result_json(result)
        if captured.left_out:
            run.result["diagnostics"]["records_left_out"] = captured.left_out
            run.result.setdefault("warnings", []).append(
                f"{captured.left_out} record(s) too thin to be told from namesakes (no family name, or no given "
                "name or initial, and no IIN) were left out: their lists are taken not to have named them")
    except EstimationError as problem:
        run.error = str(problem)
    run.save()
    return run
