#!/usr/bin/env python
"""Benchmark: `tergeu import` and `tergeu link` as a user runs them; one JSON line per stage.

Usage:  .venv/bin/python bench/link_app.py [--generator steppe] [--people 40000] [--seed 1]
                                          [--incremental] [--database-url URL]

The lists come from ``bench/generators`` (written to a temporary folder, as files). Every stage runs the
``tergeu`` command itself in a fresh child process with a temporary ``TERGEU_HOME``, so what is timed
is what a user waits for (Django start-up and database writes included, not only the linkage in
``bench/linkage_scale.py``) and each stage's peak RSS is its own. Stages: ``import`` (every list),
``link`` (the first run), ``relink`` (``tergeu link --full`` on the same data: every person rewritten
or kept). With ``--incremental`` the last list is imported after the first run (``import_last``) and
linked on its own (``link_incremental``) before the relink. ``--database-url`` names an empty
database to use instead of SQLite (it is left filled). Target (issue 11): 40,000 people, ``link``
<= 120 s and <= 3 GB on the 2-core bench machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generators import GeneratedList  # noqa: E402
from generators.loading import GENERATORS, generate  # noqa: E402

SUMMARY = re.compile(r"(\d+) records → (\d+) people")


def tergeu(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``tergeu ARGS`` in a child process: (seconds, its peak RSS in MB, what it printed)."""
    command = [sys.executable, "-c", "from tergeu.cli import main; main()", *args]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        printed = output.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise SystemExit(f"tergeu {' '.join(args)} failed ({child.returncode}):\n{printed[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, printed


def import_args(listed: GeneratedList, folder: Path) -> list[str]:
    """The ``tergeu import`` arguments of one generated list, written into ``folder``."""
    path = folder / listed.filename
    path.write_bytes(listed.content)
    args = ["import", str(path), "--list", listed.name]
    if listed.map_toml:
        map_path = folder / f"{listed.name}.map.toml"
        map_path.write_text(listed.map_toml, encoding="utf-8")
        args += ["--map", str(map_path)]
    return args + (["--one-per-person"] if listed.one_per_person else [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", default="steppe", choices=GENERATORS)
    parser.add_argument("--people", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--incremental", action="store_true", help="import the last list after the first run")
    parser.add_argument("--database-url", default=None, help="an empty database (default: SQLite)")
    args = parser.parse_args(argv)
    lists = generate(args.generator, args.people, args.seed).lists
    with tempfile.TemporaryDirectory(prefix="tergeu-link-app-") as folder:
        home = Path(folder) / "home"
        env = {**os.environ, "TERGEU_HOME": str(home), "COLUMNS": "200"}
        env.pop("DATABASE_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        tergeu(["init"], env)
        base = {"bench": "link_app", "generator": args.generator, "people": args.people, "seed": args.seed,
                "records": sum(len(listed.truth) for listed in lists),
                "database": "postgresql" if args.database_url else "sqlite"}
        first, last = (lists[:-1], lists[-1:]) if args.incremental else (lists, [])
        stages = [("import", [import_args(listed, Path(folder)) for listed in first]), ("link", [["link"]])]
        if last:
            stages += [("import_last", [import_args(last[0], Path(folder))]), ("link_incremental", [["link"]])]
        stages.append(("relink", [["link", "--full"]]))
        for stage, commands in stages:
            runs = [tergeu(command, env) for command in commands]
            line = {**base, "stage": stage, "seconds": round(sum(seconds for seconds, _rss, _out in runs), 1),
                    "peak_rss_mb": round(max(rss for _seconds, rss, _out in runs))}
            found = SUMMARY.search(runs[-1][2])
            if stage != "import" and stage != "import_last" and found:
                line["people_found"] = int(found.group(2))
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
