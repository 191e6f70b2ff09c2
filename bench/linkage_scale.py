#!/usr/bin/env python
"""Benchmark: link and cluster N synthetic casualty records; print one JSON line (wall time, peak RSS).

Usage:  .venv/bin/python bench/linkage_scale.py [--records 1000000] [--seed 1] [--cache records.pkl]
        .venv/bin/python bench/linkage_scale.py --generator steppe --people 40000 [--linkage-draws 5]
Records come from ``tergeu.demo.linkage_data`` (four lists in their own scripts; about 2.9 records
per person), or with ``--generator`` from one of ``bench/generators`` (read through the import code,
as ``tergeu import`` reads them), which also gives the pairwise precision, recall and F1 against
its truth. Generating them is not timed; features, training, scoring and clustering are. Generating
a million takes many minutes, so ``--cache`` keeps them in a pickle (written if missing, else read);
peak RSS then leaves out the generator's own peak. Progress goes to stderr, the result to stdout.
Targets: 1,000,000 records in <= 120 s with peak memory <= 4 GB (issue 4); 40,000 people of independent
lists (about 90,000 records) in <= 120 s and <= 3 GB, F1 >= 0.90 (issue 11), on this 2-core machine.
``--linkage-draws N`` then also times N of the estimation's linkage draws (``plausible_clusterings``,
as ``tergeu estimate`` makes them) on the same pairs: ``draws_seconds``, and peak RSS after them.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generators

from tergeu.core.linkage.clustering import Constraints, assignment  # noqa: E402
from tergeu.core.linkage.evaluation import pairwise_scores  # noqa: E402
from tergeu.core.linkage.features import RecordFacts  # noqa: E402
from tergeu.core.linkage.pipeline import link_records  # noqa: E402
from tergeu.core.linkage.uncertainty import plausible_clusterings  # noqa: E402
from tergeu.demo.linkage_data import FACT_COLUMNS, generate_linkage_set  # noqa: E402

RECORDS_PER_PERSON = 2.93  # measured on the generator's default four lists


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the generated records")
    parser.add_argument("--generator", default=None,
                        help="a generator of bench/generators (steppe ... aral; taiga and aral held out) instead")
    parser.add_argument("--people", type=int, default=40_000, help="people of --generator (default 40,000)")
    parser.add_argument("--linkage-draws", type=int, default=0, help="also time this many linkage draws (default 0)")
    args = parser.parse_args()
    began = time.perf_counter()
    truth, constraints = None, None
    if args.generator:
        records, truth, constraints = _generated(args.generator, args.people, args.seed)
    else:
        records = _records(args.records, args.seed, args.cache)
    print(f"{len(records)} records ready in {time.perf_counter() - began:.0f} s; linking", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = link_records(records, constraints)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = {"bench": "linkage_scale", "data": args.generator or "tergeu", "records": len(records),
            "people_found": len(result.clusters), "pairs_scored": len(result.model.pairs),
            "seconds": round(seconds, 1), "peak_rss_mb": round(peak_mb)}
    if truth is not None:
        scores = pairwise_scores(assignment(result.clusters), truth)
        line.update(people=args.people, people_listed=len(set(truth.values())), precision=round(scores.precision, 4),
                    recall=round(scores.recall, 4), f1=round(scores.f1, 4), target_seconds=120,
                    target_peak_rss_mb=3072)
    else:
        line.update(target_seconds=120, target_peak_rss_mb=4096)
    if args.linkage_draws:
        start = time.perf_counter()
        plausible_clusterings([r.record_id for r in records], result.model.pairs, constraints,
                              draws=args.linkage_draws, seed=args.seed)
        line.update(linkage_draws=args.linkage_draws, draws_seconds=round(time.perf_counter() - start, 1),
                    peak_rss_mb_after_draws=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    print(json.dumps(line))


def _generated(generator: str, people: int, seed: int) -> tuple[list[RecordFacts], dict[int, str], Constraints]:
    """A generated set's records read through the import code, their truth, and the lists' constraints."""
    from generators.loading import generate, load

    loaded = load(generate(generator, people, seed))
    return loaded.records, loaded.truth, loaded.constraints()


def _records(count: int, seed: int, cache: Path | None) -> list[RecordFacts]:
    """The benchmark's records: generated, or read from ``cache`` (written there after generating)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as file:
            return pickle.load(file)
    dataset = generate_linkage_set(max(1, round(count / RECORDS_PER_PERSON)), seed=seed)
    records = [RecordFacts(number, row["list_name"],
                           {k: str(row[k]) for k in FACT_COLUMNS if row.get(k) not in (None, "")})
               for number, row in enumerate(dataset.records, 1)]
    del dataset
    if cache is not None:
        with cache.open("wb") as file:
            pickle.dump(records, file, protocol=pickle.HIGHEST_PROTOCOL)
    return records


if __name__ == "__main__":
    main()
