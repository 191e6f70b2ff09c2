#!/usr/bin/env python
"""Benchmark: what the linkage draws should assume when nobody has reviewed anything. One JSON line per
event, then a summary with the fitted defaults.

Usage:  .venv/bin/python bench/unreviewed_doubt.py [--events 20]
                                                   [--generators G1,G2,...]
                                                   [--sizes 300,1000,2000,5000] [--first-seed 901]

Why. Without a review, ``tergeu estimate`` centres the draws' shift of the uncertain band on
``uncertainty.UNREVIEWED_SHIFT`` and joins records the best guess left alone at the shares of
``left_alone.UNREVIEWED_RATES``. Both are what generated lists needed *with the linkage of the day*:
when the linkage improves, it splits less, and defaults measured on an older linkage join too much
and pull the toll low. This script measures them again, on the tuning generators only (never pass the
held-out ones, ``loading.HELD_OUT``, when fitting a default: that would tune on them).

Per event, with every record decided from the truth, as a reviewer deciding *all* of them would:
- ``band_shift``: the log-odds shift that calibrates every pair of the uncertain band among counted
  records (``calibration_from_decisions``), with its standard error and the number of pairs;
- ``alone_with_pair`` / ``alone_without_pair``: counted records the best guess left alone, per stratum,
  and the share of them that are someone found (another counted record of their person exists).

Summary: the shifts' median, and their mean and spread between events with each event's standard
error taken out (random effects, maximum likelihood); for each stratum a Beta(a, b) of the share between
events, fitted by the beta-binomial likelihood so that a share read on a handful of records counts as
the noise it is (the form of ``UNREVIEWED_RATES``). ``--from FILE`` summarises the event lines of an
earlier run again without linking anything.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.stats import beta as beta_distribution
from scipy.stats import betabinom

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators.loading import GENERATORS, HELD_OUT, generate, load  # noqa: E402
from tergeu.core.linkage.calibration import calibration_from_decisions  # noqa: E402
from tergeu.core.linkage.identifiable import is_identifiable  # noqa: E402
from tergeu.core.linkage.left_alone import left_alone  # noqa: E402
from tergeu.core.linkage.pipeline import link_records  # noqa: E402
from tergeu.core.linkage.review import UNCERTAIN  # noqa: E402

TUNING = tuple(g for g in GENERATORS if g not in HELD_OUT)


def measure_event(generator: str, people: int, seed: int) -> dict:
    """Link one event as ``tergeu link`` does and read, from the truth, the shift and shares it needed."""
    loaded = load(generate(generator, people, seed))
    constraints = loaded.constraints()
    linkage = link_records(loaded.records, constraints)
    counted = {r.record_id for r in loaded.records if is_identifiable(r)}
    pairs = [p for p in linkage.model.pairs if p.left in counted and p.right in counted]
    truth = loaded.truth
    low, high = UNCERTAIN
    band = [(p.probability, truth[p.left] == truth[p.right]) for p in pairs if low <= p.probability < high]
    fitted = calibration_from_decisions(band)
    groups = [[r for r in c.records if r in counted] for c in linkage.clusters]
    line = {"bench": "unreviewed_doubt", "generator": generator, "people": people, "seed": seed,
            "records": len(loaded.records), "counted": len(counted), "found": len(linkage.clusters),
            "band_pairs": len(band),
            "band_shift": None if fitted is None else round(fitted.shift, 3),
            "band_shift_se": None if fitted is None else round(fitted.standard_error, 3)}
    line.update(left_alone_found(left_alone([g for g in groups if g], pairs), truth, counted))
    return line


def left_alone_found(alone: dict[int, bool], truth: dict[int, str], counted: set[int]) -> dict[str, dict]:
    """Per stratum of the records left alone (``alone``: record -> has a scored pair), how many are
    someone found: another *counted* record names their person. A person's other record that is too thin
    to count is no one the estimate found, so it does not make the record found (as
    ``e2e_coverage._review_left_alone`` answers)."""
    counted_of: dict[str, int] = {}
    for record in counted:
        counted_of[truth[record]] = counted_of.get(truth[record], 0) + 1
    strata = {}
    for stratum, name in ((True, "alone_with_pair"), (False, "alone_without_pair")):
        records = [r for r, has_pair in alone.items() if has_pair == stratum]
        found = sum(counted_of[truth[r]] > 1 for r in records)
        strata[name] = {"records": len(records), "someone_found": found,
                        "share": round(found / len(records), 4) if records else None}
    return strata


def beta_binomial_fit(counts: list[tuple[int, int]]) -> tuple[float, float] | None:
    """Beta(a, b) of the share between events, by maximum likelihood of the beta-binomial: each event's
    ``(found, records)`` is a binomial draw from its own share, so a share read on 4 records is not taken
    for a share that varies as much as its noise. None when fewer than two events have records, when no
    event found anyone or every event everyone (the maximum then lies where a or b is 0, which is no
    Beta), or when the fit fails."""
    counts = [(k, n) for k, n in counts if n > 0]
    if len(counts) < 2 or all(k == 0 for k, _ in counts) or all(k == n for k, n in counts):
        return None
    found, records = np.array([k for k, _ in counts]), np.array([n for _, n in counts])

    def minus_log_likelihood(log_ab: np.ndarray) -> float:
        a, b = np.exp(log_ab)
        return -float(betabinom.logpmf(found, records, a, b).sum())

    mean = found.sum() / records.sum()
    start = np.log([max(mean, 0.01) * 10, max(1 - mean, 0.01) * 10])
    fitted = minimize(minus_log_likelihood, start, method="Nelder-Mead")
    a, b = np.exp(fitted.x)
    if not fitted.success or min(a, b) < 0.01:
        return None
    return round(float(a), 2), round(float(b), 2)


def random_effects_shift(shifts: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The shifts' common mean and their spread between events (tau), by maximum likelihood of
    shift_i ~ N(mean, tau^2 + se_i^2): a shift read on 38 pairs is noisy, and its noise is not a
    difference between lists. None with fewer than two shifts."""
    if len(shifts) < 2:
        return None
    values, errors = np.array([v for v, _ in shifts]), np.array([e for _, e in shifts])

    def minus_log_likelihood(params: np.ndarray) -> float:
        variance = np.exp(2 * params[1]) + errors**2
        return float(0.5 * np.sum(np.log(variance) + (values - params[0]) ** 2 / variance))

    fitted = minimize(minus_log_likelihood, np.array([np.median(values), np.log(0.5)]), method="Nelder-Mead")
    if not fitted.success:
        return None
    return round(float(fitted.x[0]), 3), round(float(np.exp(fitted.x[1])), 3)


def summarise(lines: list[dict]) -> dict:
    """The defaults these events support: the shifts' median, their random-effects mean and spread
    between events, and a beta-binomial Beta per stratum."""
    read = [(line["band_shift"], line["band_shift_se"]) for line in lines if line["band_shift"] is not None]
    shifts = [value for value, _ in read]
    effects = random_effects_shift(read)
    summary: dict = {"bench": "unreviewed_doubt", "summary": True, "events": len(lines),
                     "shifts_fitted": len(shifts),
                     "shift_median": round(statistics.median(shifts), 3) if shifts else None,
                     "shift_range": [min(shifts), max(shifts)] if shifts else None,
                     "shift_mean_between_events": effects and effects[0],
                     "shift_sd_between_events": effects and effects[1]}
    for name in ("alone_with_pair", "alone_without_pair"):
        counts = [(line[name]["someone_found"], line[name]["records"]) for line in lines]
        shares = [k / n for k, n in counts if n]
        fitted = beta_binomial_fit(counts)
        summary[name] = {"records": sum(n for _, n in counts), "someone_found": sum(k for k, _ in counts),
                         "range": [round(min(shares), 4), round(max(shares), 4)] if shares else None,
                         "beta": fitted,
                         "beta_mean": fitted and round(fitted[0] / sum(fitted), 4),
                         "beta_sd": fitted and round(float(beta_distribution(*fitted).std()), 4)}
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20, help="number of events (default 20)")
    parser.add_argument("--generators", default=",".join(TUNING),
                        help="comma-separated generators, cycled (default: every generator not held out)")
    parser.add_argument("--sizes", default="300,1000,2000,5000", help="comma-separated people per event, cycled")
    parser.add_argument("--first-seed", type=int, default=901, help="seed of the first event; then +1 each")
    parser.add_argument("--from", dest="from_file", type=Path, default=None,
                        help="summarise the event lines of an earlier run (JSON lines) instead of linking")
    args = parser.parse_args(argv)
    if args.from_file is not None:
        lines = [json.loads(text) for text in args.from_file.read_text(encoding="utf-8").splitlines() if text.strip()]
        print(json.dumps(summarise([line for line in lines if not line.get("summary")]), ensure_ascii=False))
        return
    generators = args.generators.split(",")
    held_out = sorted(set(generators) & set(HELD_OUT))
    if held_out:
        print(f"warning: {', '.join(held_out)} are held out from tuning; do not fit defaults on them",
              file=sys.stderr)
    plan = zip(itertools.cycle(generators), itertools.cycle(int(s) for s in args.sizes.split(",")),
               range(args.first_seed, args.first_seed + args.events))
    lines = []
    for generator, people, seed in plan:
        line = measure_event(generator, people, seed)
        print(json.dumps(line, ensure_ascii=False), flush=True)
        lines.append(line)
    print(json.dumps(summarise(lines), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
