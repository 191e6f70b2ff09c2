#!/usr/bin/env python
"""Benchmark: does the toll's 95% interval cover the truth, end to end? One JSON line per event, then a summary.

Usage:  .venv/bin/python bench/e2e_coverage.py [--events 20]
                                               [--generators steppe,bazaar,ledger,caravan,oasis,nomad,tundra]
                                               [--sizes 300,1000,2000,5000] [--linkage-draws 20]
                                               [--method lcmcr] [--perfect] [--reviewed 100]

An *event* is one generated set of lists (``bench/generators``: each generator written independently,
in its own style; ``taiga`` and ``aral`` are held out from tuning). Each event runs what a
user runs: the files are read by Tergeu's import code, linked (``link_records``, as ``tergeu link``), and estimated
(``estimate_toll`` with linkage draws, as ``tergeu estimate``). The truth is every person the
generator killed, listed or not. ``--perfect`` also estimates on the true linkage (thin records
left out likewise), to tell the linkage's share of any miss from the estimator's. ``--reviewed K``
plays a reviewer who decides the first K pairs of the run's calibration sample (``calibration_sample``:
100 pairs of the uncertain band chosen by a hash of their ids), in its order and rightly, from the
truth, as a user would on the review page's calibration sample: the decisions join or part those
records, and the draws are centred on the shift they support (``calibration_from_sample``), as
``tergeu estimate`` does. A real reviewer errs and is sometimes unsure: these figures are an upper
bound for what a reviewed sample gives. Without it (the default) no pair is reviewed.

Records too thin to be told from namesakes (no family name, or no given name or initial, and no
IIN) are left out of the capture histories, as ``tergeu estimate`` leaves them out
(``tergeu.core.linkage.identifiable``); ``records_left_out`` counts them.

Per event: true toll, people on some list, people found, estimate, interval, covered, relative error.
Summary: coverage (share of events whose interval holds the truth) and the median relative error.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators.loading import GENERATORS, LoadedSet, generate, load  # noqa: E402
from tergeu.core.estimation import EstimationError  # noqa: E402
from tergeu.core.estimation.methods import make_estimator  # noqa: E402
from tergeu.core.estimation.stratified import Unit, estimate_toll  # noqa: E402
from tergeu.core.linkage.calibration import Calibration, read_calibration  # noqa: E402
from tergeu.core.linkage.clustering import Cluster, Constraints, cluster_records  # noqa: E402
from tergeu.core.linkage.identifiable import is_identifiable  # noqa: E402
from tergeu.core.linkage.left_alone import (  # noqa: E402
    UNREVIEWED_RATES,
    LeftAloneRates,
    left_alone,
    left_alone_review,
    left_alone_sample,
    rates_from_decisions,
)
from tergeu.core.linkage.pipeline import link_records  # noqa: E402
from tergeu.core.linkage.review import calibration_sample  # noqa: E402
from tergeu.core.linkage.uncertainty import (  # noqa: E402
    CALIBRATION_SPREAD,
    UNREVIEWED_SHIFT,
    plausible_clusterings,
)


def _units(groups: list[list[int]], loaded: LoadedSet, counted: set[int]) -> list[Unit]:
    """Each presumed person as the lists naming them (the capture history), from ``counted`` records
    only (those identifiable enough to be counted, as ``tergeu estimate`` counts them)."""
    position = {name: i for i, name in enumerate(loaded.lists)}
    list_of = {r.record_id: r.list_name for r in loaded.records}
    units = []
    for group in groups:
        history = [0] * len(loaded.lists)
        for record in group:
            if record in counted:
                history[position[list_of[record]]] = 1
        if any(history):
            units.append(Unit(tuple(history)))
    return units


def _true_groups(loaded: LoadedSet) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    for record, person in loaded.truth.items():
        groups.setdefault(person, []).append(record)
    return list(groups.values())


def _review_sample(loaded: LoadedSet, linkage_pairs: list, constraints: Constraints, size: int,
                   counted: set[int]) -> tuple[Constraints, Calibration | None]:
    """A reviewer who decides the first ``size`` pairs of the calibration sample, in its order, rightly:
    the decisions as constraints (every later clustering keeps them) and the shift they support, read
    as ``tergeu estimate`` reads it (the decided start of the sample, on counted records only; leaning
    ±4 where the decisions give no fit)."""
    sample = calibration_sample([(p.left, p.right, p.probability) for p in linkage_pairs])
    same = {item.records: loaded.truth[item.records[0]] == loaded.truth[item.records[1]] for item in sample[:size]}
    decided = replace(constraints, must_link=frozenset(pair for pair, yes in same.items() if yes),
                      cannot_link=frozenset(pair for pair, yes in same.items() if not yes))
    ranked = [(item.probability, None if item.records not in same else "same" if same[item.records] else "different",
               True) for item in sample if counted.issuperset(item.records)]
    return decided, read_calibration(ranked)[0]


def _review_left_alone(loaded: LoadedSet, clusters: list[Cluster], pairs: list, constraints: Constraints,
                       size: int, counted: set[int]) -> tuple[Constraints, dict[int, bool], LeftAloneRates]:
    """A reviewer who answers, for the first ``size`` records of the left-alone sample (counted records
    the linkage left alone, by hash), whether each is someone already found, rightly: "yes" names a
    record of that person (the decision joins them, as "same person as ..." on the page does). Returns
    the decisions, the answers and the shares they support (``rates_from_decisions``)."""
    groups = [[r for r in c.records if r in counted] for c in clusters]
    alone = left_alone([g for g in groups if g], [p for p in pairs if p.left in counted and p.right in counted])
    records_of: dict[str, list[int]] = {}
    for record in sorted(counted):
        records_of.setdefault(loaded.truth[record], []).append(record)
    answers, joins = {}, set(constraints.must_link)
    for record in left_alone_sample(alone, size):
        others = [r for r in records_of[loaded.truth[record]] if r != record]
        answers[record] = bool(others)
        if others:
            joins.add((min(record, others[0]), max(record, others[0])))
    rates = rates_from_decisions((alone[record], found) for record, found in answers.items())
    return replace(constraints, must_link=frozenset(joins)), answers, rates


def run_event(generator: str, people: int, seed: int, draws: int, method: str, perfect: bool,
              spread: float = CALIBRATION_SPREAD, reviewed: int = 0) -> dict:
    """Generate, read, link and estimate one event; compare with the truth."""
    loaded = load(generate(generator, people, seed))
    start = time.perf_counter()
    constraints = loaded.constraints()
    linkage = link_records(loaded.records, constraints)
    clusters: list[Cluster] = linkage.clusters
    counted = {r.record_id for r in loaded.records if is_identifiable(r)}
    calibration, answers, rates = None, {}, UNREVIEWED_RATES
    if reviewed:  # the decisions are kept by the next linkage, as ``tergeu link`` keeps them
        constraints, calibration = _review_sample(loaded, linkage.model.pairs, constraints, reviewed, counted)
        clusters = cluster_records([r.record_id for r in loaded.records], linkage.model.pairs, constraints,
                                   attach_sparse=True, log_odds=True)
        constraints, answers, rates = _review_left_alone(loaded, clusters, linkage.model.pairs, constraints, reviewed,
                                                         counted)
        clusters = cluster_records([r.record_id for r in loaded.records], linkage.model.pairs, constraints,
                                   attach_sparse=True, log_odds=True)
    # As ``tergeu estimate`` draws: over the records it counts, with the pairs among them only.
    pairs = [p for p in linkage.model.pairs if p.left in counted and p.right in counted]
    best_guess = [[r for r in c.records if r in counted] for c in clusters]
    review = left_alone_review([g for g in best_guess if g], pairs, answers, rates)
    alternatives = plausible_clusterings(sorted(counted), pairs, constraints.among(counted), draws=draws,
                                        seed=seed, calibration_spread=spread, calibration=calibration,
                                        left_alone=review)
    unit_draws = [_units([list(c.records) for c in found], loaded, counted) for found in [clusters, *alternatives]]
    truth = len(loaded.people)
    line = {"bench": "e2e_coverage", "generator": generator, "people": people, "seed": seed, "true_toll": truth,
            "listed": len(set(loaded.truth.values())), "records": len(loaded.records),
            "found": len(clusters), "records_left_out": len(loaded.records) - len(counted),
            "method": method, "linkage_draws": draws, "calibration_spread": spread, "reviewed": reviewed,
            "calibration_shift": UNREVIEWED_SHIFT if calibration is None else round(calibration.shift, 3),
            "calibration_source": "unreviewed" if calibration is None else "reviewed",
            "left_alone_rates": rates.means(), "left_alone_source": rates.source}
    estimator = make_estimator(method, "standard", seed)
    try:
        result = estimate_toll(unit_draws, loaded.lists, estimator, seed=seed).total
    except EstimationError as problem:
        return {**line, "error": str(problem), "covered": False}
    low, high = result.interval
    line.update(estimate=round(result.estimate, 1), interval=[round(low, 1), round(high, 1)],
                covered=bool(low <= truth <= high), relative_error=round(result.estimate / truth - 1, 4),
                linkage_share=result.diagnostics.get("linkage_share"), warnings=result.warnings,
                seconds=round(time.perf_counter() - start, 1))
    if perfect:
        best = estimate_toll([_units(_true_groups(loaded), loaded, counted)], loaded.lists, estimator,
                             seed=seed).total
        line["perfect_linkage"] = {"estimate": round(best.estimate, 1),
                                   "interval": [round(v, 1) for v in best.interval],
                                   "covered": bool(best.interval[0] <= truth <= best.interval[1])}
    return line


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20, help="number of events (default 20)")
    parser.add_argument("--generators", default=",".join(GENERATORS), help="comma-separated generators, cycled")
    parser.add_argument("--sizes", default="300,1000,2000,5000", help="comma-separated people per event, cycled")
    parser.add_argument("--linkage-draws", type=int, default=20, help="alternative linkages per event (default 20)")
    parser.add_argument("--method", default="lcmcr", help="estimation method (default lcmcr)")
    parser.add_argument("--first-seed", type=int, default=101, help="seed of the first event; then +1 each")
    parser.add_argument("--perfect", action="store_true", help="also estimate on the true linkage")
    parser.add_argument("--reviewed", type=int, default=0,
                        help="pairs of the calibration sample a reviewer decides rightly per event (default 0)")
    parser.add_argument("--calibration-spread", type=float, default=CALIBRATION_SPREAD,
                        help=f"log-odds spread of each linkage draw's shift (default {CALIBRATION_SPREAD})")
    args = parser.parse_args(argv)
    generators = args.generators.split(",")
    sizes = [int(size) for size in args.sizes.split(",")]
    plan = itertools.islice(zip(itertools.cycle(generators), itertools.cycle(sizes), strict=False), args.events)
    lines = []
    for index, (generator, people) in enumerate(plan):
        line = run_event(generator, people, args.first_seed + index, args.linkage_draws, args.method, args.perfect,
                         args.calibration_spread, args.reviewed)
        lines.append(line)
        print(json.dumps(line, ensure_ascii=False), flush=True)
    errors = [abs(line["relative_error"]) for line in lines if "relative_error" in line]
    summary = {"bench": "e2e_coverage", "summary": True, "events": len(lines),
               "coverage": round(sum(line["covered"] for line in lines) / max(len(lines), 1), 3),
               "median_abs_relative_error": round(statistics.median(errors), 4) if errors else None,
               "refused": sum("error" in line for line in lines), "reviewed": args.reviewed}
    if args.perfect:
        summary["coverage_perfect_linkage"] = round(
            sum(line.get("perfect_linkage", {}).get("covered", False) for line in lines) / max(len(lines), 1), 3)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
