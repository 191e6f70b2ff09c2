#!/usr/bin/env python
"""Benchmark: `tergeu report casualties` on large lists; one JSON line per size and format.

Usage:  .venv/bin/python bench/reports.py [--people 5000,40000] [--formats pdf,xlsx,csv] [--seed 14]
                                         [--unbroken 5000]

For each size, a fresh TERGEU_HOME (SQLite) gets one list of that many synthetic people (the demo's
generator: Kazakh and Russian names, places, circumstances), imported with `tergeu import`; each record
is then stored as its own person (the linkage itself is benchmarked by bench/link_app.py). Every report
runs as the `tergeu report casualties` command in a child process, so what is timed is what a user
waits for (Django start-up, the people index's queries, the rendering and the atomic write), and each
line's peak RSS is that process's own. Printed: people, format, seconds, peak_rss_mb, bytes.

First, one line times the PDF's wrapping of a single cell of ``--unbroken`` characters without a space
(a URL or OCR text): what it costs grows with what the cell can show, not with its length.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ["№", "ФИО", "Возраст", "Пол", "Дата гибели", "Место гибели", "Обстоятельства"]
STORE_PEOPLE = """
from tergeu.cli import setup_django
setup_django()
from tergeu.core.linkage.clustering import cluster_records
from tergeu.linkage.linking import linkage_constraints
from tergeu.linkage.models import LinkageRun
from tergeu.linkage.people import store_all
from tergeu.registry.models import Record
records = list(Record.objects.select_related("imported_list").order_by("pk"))
clusters = cluster_records([r.pk for r in records], [], linkage_constraints(records))
store_all(clusters, {r.pk: r for r in records}, LinkageRun.objects.create(started_by="bench"))
"""

WRAP_CELL = """
import json, sys, time
from tergeu.cli import setup_django
setup_django()
from django.utils import timezone
from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.pdf import FAMILY, SIZE, ReportPdf
size = int(sys.argv[1])
report = CasualtyReport(rows=[], visible_people=0, filters=[], list_names={}, list_sources={}, estimate=None,
                        synthetic_lists=frozenset(), language="kk", generated_at=timezone.now())
pdf = ReportPdf(report)
pdf.set_font(FAMILY, "", SIZE)
start = time.perf_counter()
lines = pdf.wrap("ж" * size, 56)
print(json.dumps({"bench": "reports", "case": "pdf_wrap_unbroken_cell", "characters": size, "lines": len(lines),
                  "seconds": round(time.perf_counter() - start, 4)}), flush=True)
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``command``: (seconds, the child's peak RSS in MB); exits with its output if it fails."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{output.read().decode('utf-8', 'replace')[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def write_list(path: Path, size: int, seed: int) -> None:
    from tergeu.demo.population import generate_population

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for number, person in enumerate(generate_population(seed=seed, size=size), 1):
            name = " ".join(part for part in (person.family, person.given, person.patronymic()) if part)
            writer.writerow([number, name, person.age_at_death, "М" if person.sex == "M" else "Ж",
                             person.date_of_death.strftime("%d.%m.%Y"), person.place_of_death, person.circumstances])


def bench_wrap(characters: int) -> None:
    """The wrapping of one unbroken cell, in a child process with a home of its own (prints its line)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TERGEU_HOME": home}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-c", WRAP_CELL, str(characters)], env=env, check=True)


def bench_size(size: int, formats: list[str], seed: int) -> None:
    tergeu = [sys.executable, "-c", "from tergeu.cli import main; main()"]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TERGEU_HOME": home, "COLUMNS": "200"}
        env.pop("DATABASE_URL", None)
        listed = Path(home) / "people.csv"
        write_list(listed, size, seed)
        run([*tergeu, "import", str(listed), "--list", "bench", "--one-per-person"], env)
        run([sys.executable, "-c", STORE_PEOPLE], env)
        for fmt in formats:
            target = Path(home) / f"casualties.{fmt}"
            seconds, peak = run([*tergeu, "report", "casualties", "--format", fmt, "--language", "kk",
                                 "-o", str(target)], env)
            print(json.dumps({"bench": "reports", "people": size, "format": fmt, "seconds": round(seconds, 2),
                              "peak_rss_mb": round(peak, 1), "bytes": target.stat().st_size}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--people", default="5000,40000", help="comma-separated sizes")
    parser.add_argument("--formats", default="pdf,xlsx,csv")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--unbroken", type=int, default=5000, help="characters of the unbroken cell wrapped")
    args = parser.parse_args()
    bench_wrap(args.unbroken)
    for size in (int(text) for text in args.people.split(",")):
        bench_size(size, args.formats.split(","), args.seed)


if __name__ == "__main__":
    main()
