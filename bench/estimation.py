#!/usr/bin/env python
"""Benchmark: LCMCR (Bayesian latent-class MSE) speed, agreement with published figures, and coverage.

Usage:  .venv/bin/python bench/estimation.py [--quick] [--events 50] [--workers 2] [--skip-kosovo]
            [--scenarios a,b] [--parts kosovo,hard,starts,simulation] [--hard-seeds 1,2,3]

One JSON line per result:
- ``kosovo_production``: Kosovo 1999 (4 lists, n = 4,400) at HRDAG's production settings (K = 15,
  a = b = 0.25, burn-in 10,000, 5,000,000 sweeps, 1,000 draws kept) as Tergeu runs them (``--preset
  production``): four chains started apart, with seeds derived from one seed, in parallel threads on the
  two cores, each with R's warm-up, its own 10,000 burn-in and 1,250,000 sweeps keeping 250 draws; pooled
  median, mean and interval, bulk ESS and rank-normalised split R-hat across the chains, each chain's
  median. ``seconds`` is the wall time, the speed target (<= 30 s). Published (R LCMCR, verdata
  settings): median 10,467, 95% 9,085-13,528; K = 10: median 10,381, 95% 9,160-14,003.
- ``kosovo_standard``: the ``standard`` preset (four chains of 100,000 sweeps); before this version one
  chain of 20,000 sweeps gave a median of 10,619.
- ``kosovo_one_chain``: the same 5,000,000 sweeps in one chain (one core), for comparison.
- ``hard_stratum``: the 20-list Colombian stratum (verdata, recruitment, men, 1999, R1; two lists share
  no one) at the production preset, one line per seed of ``--hard-seeds``; HRDAG's published posterior:
  mean 2,066, 95% 1,396-3,062; R LCMCR 0.4.14, seeds 1-3: 2,104 (1,397-3,269), 1,410 (1,321-1,511),
  1,409 (1,322-1,522). ``hard_stratum_dropped``: the same without the two isolated lists (R, seed 1: 2,318).
- ``starts``: paired starts (same seeds, same kernel), one chain each: on the hard stratum, how many of
  20 chains (10,000 burn-in, 200,000 sweeps) stay in the low mode (97.5 % quantile < 1,600) from Tergeu's
  former start (``prior``) and from R's (``r``); on Kosovo, the share of 100 chains still below 9,000 after
  10,000 sweeps (an independent check found 13 % for Tergeu's former start, 0 % for R's).
- ``simulation``: synthetic events with known totals of 500-5,000 people, each estimated with lighter
  settings (four chains started apart, each burn-in 2,000 and 250 draws at thinning 50); share of 95%
  intervals that cover the truth and median relative error |estimate - truth| / truth. Scenarios (``scenario``):
  ``mv2016``: the published simulation design of Manrique-Vallier (2016): five lists, a 90% group each
  list names 3-13% of and a 10% group most lists name (the coverage target, >= 0.90, is judged here);
  ``mv2016_middle_group``: the same with a 20% middle group (70/20/10), a large almost invisible group
  beside two better documented ones, where latent-class models are known to fail;
  ``random_0.6`` and ``random_0.35``: Tergeu's own generator (``random_event``: 3-5 lists, 2-3 groups
  with random capture profiles, half with one list copying cases from another), the hardest group's
  capture scaled by 0.6 or 0.35. All four are printed: the last three show where LCMCR's intervals
  are too narrow, which docs/estimation.md explains. Events run on ``--workers`` processes.
``--quick`` divides the production thinning by 10 and runs 20 events.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tergeu.core.estimation import (  # noqa: E402
    Estimate,
    design_event,
    isolated_lists,
    lcmcr_estimate,
    random_event,
    read_capture_csv,
)
from tergeu.core.estimation.methods import method_settings  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "mse"
KOSOVO = DATA / "kosovo_1999_4lists.csv"
HARD = DATA / "verdata_reclutamiento_R1_1999_hombre_20lists.csv"
SEED = 19481210
STUDY = {"burnin": 2_000, "samples": 250, "thinning": 50, "chains": 4}
PARTS = ("kosovo", "hard", "starts", "simulation")


def summary(name: str, estimate: Estimate, seconds: float, **extra: object) -> dict[str, object]:
    """One bench line: the pooled result, each chain's, and what the diagnostics say."""
    diagnostics = estimate.diagnostics
    return {
        "bench": name,
        **extra,
        "seconds": round(seconds, 2),
        "median": estimate.estimate,
        "mean": round(float(estimate.mean), 1),
        "interval": [round(v, 1) for v in estimate.interval],
        "ess": diagnostics["ess"],
        "rhat": diagnostics["rhat"],
        "chains": [
            {"median": c["median"], "mean": c["mean"], "interval": c["interval"], "ess": c["ess"],
             "held_unobserved": c["start"]["held_unobserved"]}
            for c in diagnostics["per_chain"]
        ],
        "modes": diagnostics["modes"],
        "occupied_classes_mean": round(diagnostics["occupied_classes_mean"], 2),
        "settings": estimate.settings,
        "warnings": estimate.warnings,
    }


def timed(table, **settings: object) -> tuple[Estimate, float]:  # noqa: ANN001 - a CaptureTable
    started = time.perf_counter()
    estimate = lcmcr_estimate(table, **settings)
    return estimate, time.perf_counter() - started


def kosovo(thinning: int) -> None:
    table = read_capture_csv(KOSOVO)
    lcmcr_estimate(table, burnin=10, samples=10, thinning=1, seed=1)  # compile or load the kernel first
    production = {**method_settings("lcmcr", "production"), "thinning": thinning}
    runs = (
        ("kosovo_production", production),
        ("kosovo_standard", method_settings("lcmcr", "standard")),
        ("kosovo_one_chain", {**production, "chains": 1, "samples": 1_000}),
    )
    for name, settings in runs:
        estimate, seconds = timed(table, K=15, seed=SEED, **settings)
        print(json.dumps(summary(name, estimate, seconds)), flush=True)


def hard(seeds: list[int], thinning: int) -> None:
    """The hard 20-list stratum at the production preset, per seed, then without its isolated lists."""
    table = read_capture_csv(HARD)
    settings = {**method_settings("lcmcr", "production"), "thinning": thinning}
    for seed in seeds:
        estimate, seconds = timed(table, seed=seed, **settings)
        print(json.dumps(summary("hard_stratum", estimate, seconds)), flush=True)
    kept = [name for name in table.lists if name not in isolated_lists(table)]
    estimate, seconds = timed(table.restricted_to(kept), seed=seeds[0], **settings)
    print(json.dumps(summary("hard_stratum_dropped", estimate, seconds, lists=len(kept))), flush=True)


def starts(workers: int, seeds: int = 20) -> None:
    """Paired starts: the same seeds and kernel, one chain each, from Tergeu's former start and from R's.

    A chain is stuck in the hard stratum's low mode when even its 97.5 % quantile stays below 1,600 (the
    low mode is 1,327-1,511; the other reaches past 3,000).
    """
    hard_table, kosovo_table = read_capture_csv(HARD), read_capture_csv(KOSOVO)

    def hard_chain(job: tuple[str, int]) -> Estimate:
        start, seed = job
        return lcmcr_estimate(hard_table, seed=seed, chains=1, start=start, burnin=10_000, samples=200, thinning=1_000)

    def kosovo_first(job: tuple[str, int]) -> float:
        start, seed = job
        first = lcmcr_estimate(kosovo_table, seed=seed, chains=1, start=start, burnin=9_999, samples=1, thinning=1)
        return first.estimate

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for start in ("prior", "r"):
            chains = list(pool.map(hard_chain, [(start, seed) for seed in range(1, seeds + 1)]))
            firsts = np.array(list(pool.map(kosovo_first, [(start, seed) for seed in range(1, 101)])))
            print(json.dumps({
                "bench": "starts",
                "start": start,
                "hard_chain_medians": [c.estimate for c in chains],
                "hard_chain_upper": [round(c.interval[1]) for c in chains],
                "hard_stuck_low": f"{sum(c.interval[1] < 1_600 for c in chains)} of {seeds}",
                "kosovo_below_9000_after_10000_sweeps": round(float(np.mean(firsts < 9_000)), 2),
            }), flush=True)


SCENARIOS = ("mv2016", "mv2016_middle_group", "random_0.6", "random_0.35")
TARGET_SCENARIO = "mv2016"


def scenario_event(seed: int, scenario: str):  # noqa: ANN201 - a SyntheticEvent
    """The event `seed` of a scenario: a published design by name, or ``random_<hardest scale>``."""
    if scenario.startswith("random_"):
        return random_event(seed, hardest=float(scenario.removeprefix("random_")))
    return design_event(seed, scenario)


def one_event(job: tuple[int, str]) -> dict[str, object]:
    seed, scenario = job
    event = scenario_event(seed, scenario)
    estimate = lcmcr_estimate(event.table, seed=seed, **STUDY)
    low, high = estimate.interval
    return {
        "seed": seed,
        "truth": event.total,
        "lists": event.table.list_count,
        "observed": event.table.observed,
        "median": estimate.estimate,
        "interval": [low, high],
        "covered": bool(low <= event.total <= high),
        "relative_error": abs(estimate.estimate - event.total) / event.total,
        "ess": estimate.diagnostics["ess"],
    }


def simulation(events: int, workers: int, scenario: str) -> dict[str, object]:
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one_event, [(seed, scenario) for seed in range(1000, 1000 + events)]))
    covered = [r["covered"] for r in results]
    errors = [r["relative_error"] for r in results]
    return {
        "bench": "simulation",
        "scenario": scenario,
        "target": ">= 0.90" if scenario == TARGET_SCENARIO else None,
        "events": events,
        "settings": STUDY,
        "workers": workers,
        "seconds": round(time.perf_counter() - started, 2),
        "coverage_95": round(float(np.mean(covered)), 3),
        "median_relative_error": round(float(np.median(errors)), 4),
        "missed": [
            {k: r[k] for k in ("seed", "truth", "lists", "observed", "median", "interval")}
            for r in results
            if not r["covered"]
        ],
        "min_ess": min((r["ess"] for r in results if r["ess"] is not None), default=None),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Kosovo at 1/10 of the sweeps, 20 events")
    parser.add_argument("--events", type=int, default=None, help="synthetic events (default 50, quick 20)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the simulation study")
    parser.add_argument("--skip-kosovo", action="store_true")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated simulation scenarios")
    parser.add_argument("--parts", default=",".join(PARTS), help="comma-separated parts to run")
    parser.add_argument("--hard-seeds", default="1,2,3", help="seeds for the hard stratum")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    thinning = 500 if args.quick else 5_000
    if "kosovo" in parts and not args.skip_kosovo:
        kosovo(thinning)
    if "hard" in parts:
        hard([int(seed) for seed in args.hard_seeds.split(",")], thinning)
    if "starts" in parts:
        starts(args.workers)
    if "simulation" in parts:
        events = args.events or (20 if args.quick else 50)
        for scenario in args.scenarios.split(","):
            print(json.dumps(simulation(events, args.workers, scenario)), flush=True)


if __name__ == "__main__":
    main()
