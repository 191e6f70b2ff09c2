"""Run an estimate on the linked people and keep it, with everything needed to say how it was made."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tergeu.core.estimation import (
    EstimationError,
    TollResult,
    allows_isolated_lists,
    estimate_toll,
    make_estimator,
    method_settings,
)
from tergeu.core.linkage import DEFAULT_LINKAGE_DRAWS, UNREVIEWED_SHIFT, Calibration, LeftAloneRates
from tergeu.estimation.capture import capture_histories
from tergeu.estimation.models import EstimateRun
from tergeu.linkage.left_alone_review import FEW_ANSWERS
from tergeu.registry.models import ImportedList
from tergeu.toolkit import locks
from tergeu.toolkit.jobs import finishing, run_in_background


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


STALE_AFTER = datetime.timedelta(hours=6)  # longer than any estimate runs: an older unfinished run was cut off
INTERRUPTED = "interrupted: the server stopped before the estimate finished; run it again"


def run_estimate(method: str = "lcmcr", strata: Sequence[str] = (), linkage_draws: int = DEFAULT_LINKAGE_DRAWS,
                 seed: int = 1, preset: str = "standard", imputations: int = 5, by: str = "system",
                 lists: Sequence[str] | None = None) -> EstimateRun:
    """Estimate the toll from the current people now; the run is stored even when no estimate exists (with why).

    ``lists``: public ids of the lists to estimate from (None: every list); the others are left out.
    """
    run = _new_run(method, strata, linkage_draws, seed, preset, imputations, by, lists)
    _compute(run)
    return run


def start_estimate(method: str = "lcmcr", strata: Sequence[str] = (), linkage_draws: int = DEFAULT_LINKAGE_DRAWS,
                   seed: int = 1, preset: str = "standard", imputations: int = 5, by: str = "system",
                   lists: Sequence[str] | None = None) -> EstimateRun:
    """Store the run as started and estimate in the background (``tergeu.toolkit.jobs``); the page polls it.

    Refused (``EstimateRunning``) while another estimate runs: both would read the same people, and the
    machine has few cores to share. The check and the insert hold one lock, so two clicks start one.
    ``TERGEU_BACKGROUND_ESTIMATES=0`` estimates before returning instead.
    """
    with transaction.atomic():
        locks.hold(locks.ESTIMATES)  # the check and the insert as one step: two clicks start one estimate
        if running_estimate() is not None:
            raise EstimateRunning(gettext("An estimate is already running; wait for it to finish."))
        run = _new_run(method, strata, linkage_draws, seed, preset, imputations, by, lists)
        run.save()
    if getattr(settings, "TERGEU_BACKGROUND_ESTIMATES", True):
        run_in_background(f"estimate-{run.pk}", _compute, run)
    else:
        _compute(run)
    return run


def running_estimate() -> EstimateRun | None:
    """The estimate still running, if any (an unfinished run older than ``STALE_AFTER`` was cut off)."""
    return EstimateRun.objects.filter(finished_at=None, created_at__gt=timezone.now() - STALE_AFTER).first()


def interrupt_unfinished() -> int:
    """Mark runs left unfinished by a server that stopped as interrupted (``tergeu serve`` calls this as it
    starts: no estimate of this process can be running yet); how many there were."""
    return EstimateRun.objects.filter(finished_at=None).update(
        finished_at=timezone.now(), error=INTERRUPTED)


class EstimateRunning(Exception):
    """Another estimate is running."""


def _new_run(method: str, strata: Sequence[str], linkage_draws: int, seed: int, preset: str, imputations: int,
             by: str, lists: Sequence[str] | None = None) -> EstimateRun:
    run_settings = {"method_settings": method_settings(method, preset), "preset": preset, "strata": list(strata),
                    "linkage_draws": linkage_draws, "imputations": imputations, "seed": seed}
    if lists is not None:  # the names too: a list may be renamed or deleted later, the run must still say
        chosen = set(lists)
        names = ImportedList.objects.order_by("pk").values_list("public_id", "name")
        run_settings["lists"] = sorted(chosen)  # public ids: the settings are shown by the API
        run_settings["left_out_lists"] = [name for public_id, name in names if public_id not in chosen]
    return EstimateRun(created_by=by, method=method, settings=run_settings)


def _compute(run: EstimateRun) -> None:
    """Estimate for ``run`` (its settings say how) and store the result or why there is none."""
    strata, seed = run.settings["strata"], run.settings["seed"]
    with finishing(run, EstimationError, "the estimate failed unexpectedly; the details are in the server log"):
        captured = capture_histories(strata, run.settings["linkage_draws"], seed, run.settings.get("lists"))
        run.linkage_run = captured.linkage_run
        result = estimate_toll(captured.draws, captured.lists, make_estimator(run.method, run.settings["preset"], seed),
                               stratified=bool(strata), imputations=run.settings["imputations"], seed=seed,
                               allow_isolated=allows_isolated_lists(run.method))
        run.result = result_json(result)
        if run.settings["linkage_draws"]:
            _describe_calibration(run, captured.calibration, captured.uncalibrated)
            _describe_left_alone(run, captured.left_alone, captured.left_alone_unreviewed)
        if captured.left_out:
            run.result["diagnostics"]["records_left_out"] = captured.left_out
            run.result.setdefault("warnings", []).append(
                f"{captured.left_out} record(s) too thin to be told from namesakes (no family name, or no given "
                "name or initial, and no IIN) were left out: their lists are taken not to have named them")


def _describe_left_alone(run: EstimateRun, rates: LeftAloneRates | None, why_unreviewed: str) -> None:
    """Say at what shares the linkage draws took records left alone to be someone found, and from where."""
    if rates is None:
        return
    with_pair, without_pair = rates.means()
    run.result["diagnostics"]["linkage_left_alone"] = {
        "share_with_scored_pair": with_pair, "share_without_scored_pair": without_pair,
        "answers": rates.decisions, "source": rates.source}
    warnings = run.result.setdefault("warnings", [])
    if rates.source == "unreviewed":
        warnings.append(
            f"the linkage draws take about {with_pair:.0%} of the records left alone that have a scored pair to "
            f"someone, and {without_pair:.0%} of those without, to be someone already found: shares measured on "
            f"generated lists, not on these. {why_unreviewed}")
    elif rates.decisions < FEW_ANSWERS:
        warnings.append(f"only {rates.decisions} answer(s) on the left-alone sample: the shares of records left "
                        "alone taken to be someone found still lean mostly on those measured on generated lists")


def _describe_calibration(run: EstimateRun, calibration: Calibration | None, why_not: str) -> None:
    """Say how the linkage draws were centred: on reviewers' calibration, on how far their decisions lean
    when they gave no fit, or on the default measured on generated lists (and why)."""
    diagnostics, warnings = run.result["diagnostics"], run.result.setdefault("warnings", [])
    if calibration is None:
        warnings.append(
            f"the linkage draws raise the model's pair probabilities by {UNREVIEWED_SHIFT:g} in log-odds, as much "
            "as generated lists needed (from 0.1 to 3.2), not as much as these lists need. Decide the calibration "
            "sample's pairs in their order (review page, calibration sample) so the draws can be centred on how "
            f"far off the probabilities are here. No calibration now: {why_not}")
        diagnostics["linkage_calibration"] = {"shift": UNREVIEWED_SHIFT, "source": "unreviewed"}
        return
    if why_not:
        warnings.append(f"the linkage draws move the model's pair probabilities by {calibration.shift:+g} in "
                        f"log-odds, as far as a calibration may, the way reviewers' decisions lean: {why_not}")
    diagnostics["linkage_calibration"] = {
        "shift": round(calibration.shift, 3), "standard_error": round(calibration.standard_error, 3),
        "decisions": calibration.decisions, "unsure": calibration.unsure, "sample": calibration.sample,
        "source": "reviewed" if not why_not else "reviewed, at the limit"}
