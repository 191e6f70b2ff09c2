#!/usr/bin/env python
"""Benchmark: import a 100,000-row casualty CSV; print one JSON line (rows/s and peak memory).

Usage:  .venv/bin/python bench/import_speed.py [--rows N] [--database-url URL]
The import runs in a fresh child process so its peak RSS is the importer's own, Django included.
Targets (issue 2): SQLite >= 20,000 rows/s with peak memory <= 400 MB.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ["№", "Фамилия Имя Отчество", "Дата рождения", "ИИН", "Пол", "Место гибели", "Дата гибели",
          "Обстоятельства"]
PLACES = ["Алматы", "Талдыкорган", "Шымкент", "Тараз", "Актобе", "Кызылорда", "Усть-Каменогорск"]


def synthetic_names() -> tuple[list[str], list[str], list[str]]:
    """Surnames and given names from mimesis's Russian corpus (synthetic combinations, no real list)."""
    from importlib.resources import files

    data = json.loads((files("mimesis") / "datasets" / "ru" / "person.json").read_text(encoding="utf-8"))
    return data["surnames"]["male"], data["names"]["male"], data["patronymic"]["male"]


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    from tergeu.core.names import make_iin

    rng = random.Random(seed)
    surnames, given, patronymics = synthetic_names()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(1, rows + 1):
            born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(20000))
            iin = make_iin(born, "M", rng.randrange(1, 9000)) if rng.random() < 0.6 else ""
            writer.writerow([number, f"{rng.choice(surnames)} {rng.choice(given)} {rng.choice(patronymics)}",
                             born.strftime("%d.%m.%Y"), iin, "м", rng.choice(PLACES),
                             f"{rng.randint(4, 11):02d}.01.2022", "огнестрельное ранение"])


def child(path: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tergeu.settings")
    from tergeu.cli import setup_django

    setup_django()
    from tergeu.registry.importing.pipeline import ImportOptions, import_file

    start = time.perf_counter()
    report = import_file(path, ImportOptions(list_name=f"bench {time.time()}"))
    seconds = time.perf_counter() - start
    assert report.ok, report.errors[:3]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": report.rows, "facts": report.facts, "seconds": round(seconds, 3),
                      "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "bench.csv"
        write_csv(path, args.rows)
        env = {**os.environ, "TERGEU_HOME": home}
        env.pop("DATABASE_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], env=env, check=True,
                              capture_output=True, text=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
    database = "postgresql" if args.database_url else "sqlite"
    print(json.dumps({
        "bench": "import_speed", "database": database, "rows": result["rows"], "facts": result["facts"],
        "seconds": result["seconds"], "rows_per_second": round(result["rows"] / result["seconds"]),
        "peak_rss_mb": result["peak_rss_mb"], "target_rows_per_second": 20000, "target_peak_rss_mb": 400,
    }))


if __name__ == "__main__":
    main()
