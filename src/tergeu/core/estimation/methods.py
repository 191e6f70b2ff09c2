"""The estimation methods by name, with the settings each runs with, for the CLI, the web page and reports.

Presets: ``standard`` is what an analyst runs interactively (seconds); ``production`` is what goes into
a report: for LCMCR, HRDAG's production settings (K = min(2^J - 1, 15), 10,000 burn-in iterations,
5,000,000 more of which 1,000 draws are kept), shared by four chains started apart (each: R's warm-up,
its own burn-in, 1,250,000 sweeps, 250 draws), so that chains stuck in different modes are seen. The
standard LCMCR preset runs the same four chains for 100,000 sweeps each (enough for Kosovo: bulk ESS
466 and 578 at two seeds); a table that needs more gets a warning saying so. The log-linear methods
get a bootstrap that repeats the model choice only in production, because it multiplies their cost by
hundreds. The log-linear search goes up to three-way interactions with up to four lists ("auto").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .bma import bma_estimate
from .loglinear import loglinear_estimate
from .result import Estimate
from .stepwise import stepwise_estimate
from .table import CaptureTable, EstimationError

METHODS = ("lcmcr", "loglinear", "stepwise", "bma")
PRESETS = ("standard", "production")

_SETTINGS: dict[str, dict[str, dict[str, Any]]] = {
    "lcmcr": {
        "standard": {"burnin": 10_000, "samples": 250, "thinning": 400, "chains": 4},
        "production": {"burnin": 10_000, "samples": 250, "thinning": 5_000, "chains": 4},
    },
    "loglinear": {
        "standard": {"max_order": "auto", "criterion": "bic"},
        "production": {"max_order": "auto", "criterion": "bic", "bootstrap": 500},
    },
    "stepwise": {"standard": {"p_threshold": 0.02}, "production": {"p_threshold": 0.02, "bootstrap": 500}},
    "bma": {"standard": {}, "production": {}},
}


def allows_isolated_lists(method: str) -> bool:
    """Whether ``method`` estimates when a list shares no one with the others (only LCMCR: its latent
    classes stand in for the missing overlap, and it warns; a log-linear model's estimate does not exist)."""
    return method == "lcmcr"


def method_settings(method: str, preset: str = "standard") -> dict[str, Any]:
    """The keyword arguments ``method`` runs with under ``preset``."""
    if method not in METHODS:
        raise EstimationError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if preset not in PRESETS:
        raise EstimationError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    return dict(_SETTINGS[method][preset])


def _order(table: CaptureTable) -> int:
    """Three-way interactions where every model can still be fitted in seconds (up to four lists), else two.

    Kosovo's published BIC model needs three-way terms; with five or more lists the search over them
    takes minutes, and the sparse tables such lists give rarely support them.
    """
    return 3 if table.list_count <= 4 else 2


def make_estimator(method: str, preset: str = "standard", seed: int = 1) -> Callable[[CaptureTable], Estimate]:
    """A function from a capture table to an estimate, with the method's settings and a fixed seed."""
    settings = method_settings(method, preset)
    if method == "lcmcr":
        from .lcmcr import lcmcr_estimate  # compiled on first use; the other methods need no compiler

        return lambda table: lcmcr_estimate(table, seed=seed, **settings)
    if method == "loglinear":
        return lambda table: loglinear_estimate(table, seed=seed, **{**settings, "max_order": _order(table)})
    if method == "stepwise":
        return lambda table: stepwise_estimate(table, seed=seed, **settings)
    return lambda table: bma_estimate(table, seed=seed, **settings)
