#!/usr/bin/env python
"""Benchmark: ``tergeu vet`` on a synthetic force of 20,000 units and 100,000 officials, and the quality of
resolving a messy FMTRPT training file; JSON lines.

Usage:  .venv/bin/python bench/vetting.py [--units 20000] [--persons 100000] [--queries 200] [--seed 1]
                                          [--trainings 2400] [--training-seed 1] [--database-url URL]

A fresh TERGEU_HOME (SQLite) is made, or ``--database-url`` names an empty database (PostgreSQL). The force
(``bench/generators/forces.py``: invented units and places, synthetic officials in Kazakh, Russian and
Latin spellings, namesakes, dated relations and postings, incidents) is stored in bulk, not timed. Then
``forces.vetting.vet``, the function ``tergeu vet`` and ``POST /api/forces/vet`` call, answers
``--queries`` unit queries (a name, an alias in another script or language, a unit number written
another way) and as many person queries (a name in another script, with or without the patronymic);
half of each are about a unit named in an incident or an official who commanded one, half about others. The
first query of each kind builds the names index (``build_seconds``, with the spelling caches emptied
first, as in a fresh process); the others are timed: p50, p95 and the slowest, in milliseconds.
Target: p95 <= 50 ms on this 2-core machine.

Resolution quality: ``bench/generators/fmtrpt.py`` writes ``--trainings`` rows of Security Force
Monitor's FMTRPT TSV naming units of the same force with the reports' mess, and a label per row (the
units it names); the file is imported with ``tergeu forces import --kind trainings`` (the real
pipeline), and every resolved link is scored against the labels: precision, recall, and how many of
the labelled links the resolver did not make wait in review with the right unit among the candidates.
The resolver's rules for abbreviations, slips and detachment numbers were added after reading the
misses of ``--training-seed 1``; seed 2 (the default) was not looked at before it was reported.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generators


def _setup(database_url: str | None) -> None:
    os.environ["TERGEU_HOME"] = tempfile.mkdtemp(prefix="tergeu-bench-vetting-")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    from tergeu.toolkit.cli import setup_django

    setup_django()
    from tergeu.forces.models import Unit

    if Unit.objects.exists():
        raise SystemExit("the database already holds units: give an empty one")


def _unit_query(unit: dict, rng: random.Random) -> str:
    forms = [unit["name"], *unit["aliases"].split(";")]
    number = unit["identifiers"].split(";")[0]
    if number:
        digits = number.split(" ", 1)[1]
        forms.append(rng.choice(("в/ч ", "MU ", "әскери бөлім ", "military unit ")) + digits)
    return rng.choice(forms)


def _person_query(person: dict, rng: random.Random) -> str:
    forms = [person["name"], *person["aliases"].split(";")]
    full = rng.choice(forms)
    return full if rng.random() < 0.7 else " ".join(full.split()[:2])


def _implicated(force, rows: list[dict], key: str) -> tuple[list[dict], list[dict]]:  # noqa: ANN001
    """``rows`` split in two: the units in incidents or commanding officials of those units, and the rest."""
    units = {unit for incident in force.incidents for unit in incident["perpetrator_units"].split(";")}
    commanders = {p["person_id"] for p in force.postings if p["role"] == "commander" and p["unit_id"] in units}
    marked = units if key == "unit_id" else commanders
    return [row for row in rows if row[key] in marked], [row for row in rows if row[key] not in marked]


def _sample(halves: tuple[list[dict], list[dict]], count: int, rng: random.Random) -> list[dict]:
    """Half the queries about implicated units or officials (so findings are exercised), half about others."""
    implicated, others = halves
    first = rng.sample(implicated, min(count // 2, len(implicated)))
    return first + rng.sample(others, min(count - len(first), len(others)))


def _forget_spellings() -> None:
    """Empty the spelling caches that generating and storing the force filled, so the first question
    builds the names index as a fresh process would (``tergeu vet`` on the command line)."""
    from tergeu.core.forces import resolve
    from tergeu.core.names import forms, keys

    for module in (keys, forms, resolve):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def _timed(queries: list[str], kind: str) -> dict:
    from tergeu.forces.vetting import vet
    from tergeu.provenance.models import Citation

    _forget_spellings()
    start = time.perf_counter()
    vet(queries[0], kind, None, Citation.objects.all())
    build = time.perf_counter() - start
    took, verdicts = [], {"clear": 0, "flagged": 0, "review": 0}
    for query in queries[1:]:
        start = time.perf_counter()
        answer = vet(query, kind, None, Citation.objects.all())
        took.append((time.perf_counter() - start) * 1000)
        verdicts[answer["verdict"]] += 1
    took.sort()
    return {"kind": kind, "queries": len(took), "build_seconds": round(build, 2),
            "p50_ms": round(statistics.median(took), 1), "p95_ms": round(took[int(0.95 * (len(took) - 1))], 1),
            "max_ms": round(took[-1], 1), **verdicts, "target_p95_ms": 50}


def _quality(force, rows: int, seed: int) -> dict:  # noqa: ANN001 (a generators.forces.ForceSet)
    from generators import fmtrpt
    from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
    from tergeu.forces.models import TrainingRecipient

    made = fmtrpt.generate(force, rows, seed)
    path = Path(os.environ["TERGEU_HOME"]) / "trainings_fmtrpt.tsv"
    path.write_bytes(made.content)
    start = time.perf_counter()
    report = import_forces_file(path, ForcesImportOptions("trainings", synthetic=True))
    seconds = time.perf_counter() - start
    assert report.ok, report.errors[:3]
    made_links, waiting, counts = set(), {}, {"resolved": 0, "review": 0, "unresolved": 0}
    for training, verdict, unit, candidates in TrainingRecipient.objects.values_list(
            "training__external_id", "verdict", "unit__external_id", "candidates"):
        counts[verdict] += 1
        if verdict == "resolved":
            made_links.add((training, unit))
        elif verdict == "review":
            waiting.setdefault(training, set()).update(c["id"] for c in candidates)
    labelled = {(training, unit) for training, units in made.truth.items() for unit in units}
    right = made_links & labelled
    missed = labelled - made_links
    in_review = {(t, u) for t, u in missed if u in waiting.get(t, ())}
    return {"rows": rows, "training_seed": seed, "labelled_links": len(labelled), "mentions": sum(counts.values()),
            **counts, "precision": round(len(right) / max(len(made_links), 1), 4),
            "recall": round(len(right) / max(len(labelled), 1), 4),
            "missed_in_review": round(len(in_review) / max(len(missed), 1), 4),
            "unlabelled_rows": sum(1 for units in made.truth.values() if not units),
            "import_seconds": round(seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trainings", type=int, default=2400)
    parser.add_argument("--training-seed", type=int, default=2, help="1 is what the resolver was tuned on")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    _setup(args.database_url)
    from django.db import connection

    from generators import forces, forces_store

    start = time.perf_counter()
    force = forces.generate(args.units, args.persons, args.seed)
    forces_store.store(force)
    print(json.dumps({"bench": "vetting", "case": "force", "database": connection.vendor, "units": len(force.units),
                      "relations": len(force.relations), "persons": len(force.persons),
                      "postings": len(force.postings), "incidents": len(force.incidents),
                      "setup_seconds": round(time.perf_counter() - start, 1)}), flush=True)
    rng = random.Random(args.seed)
    for kind, rows, query in (("unit", _implicated(force, force.units, "unit_id"), _unit_query),
                              ("person", _implicated(force, force.persons, "person_id"), _person_query)):
        queries = [query(row, rng) for row in _sample(rows, args.queries + 1, rng)]
        print(json.dumps({"bench": "vetting", "case": "vet", **_timed(queries, kind)}), flush=True)
    print(json.dumps({"bench": "vetting", "case": "resolution", **_quality(force, args.trainings,
                                                                         args.training_seed)}), flush=True)
    connection.close()
    shutil.rmtree(os.environ["TERGEU_HOME"], ignore_errors=True)  # the temporary home and its database


if __name__ == "__main__":
    main()
