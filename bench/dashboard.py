#!/usr/bin/env python
"""Benchmark: the home page and /dashboard/ on N people, first request and again; one JSON line per page.

Usage:  .venv/bin/python bench/dashboard.py [--people 5000,20000] [--seed 14]

For each size, a fresh TERGEU_HOME (SQLite) gets one list of that many synthetic people (bench/reports.py's
list and people), then one Django process signs an investigator in with the test client and times
GET /dashboard/ and GET / : the first request computes the figures from every person's row; the later
ones read them from the cache under the data's version (``linkage.people_index.index_version``), which
an import, a linkage run or a tracked edit changes. Printed: people, page, first_seconds,
again_seconds (median of 5), queries of a later request.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reports as lists  # noqa: E402  (bench/reports.py: the synthetic list and its people)

TIMED = r"""
import json, statistics, sys, time
from tergeu.cli import setup_django
setup_django()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
user = get_user_model().objects.create_user("bench-investigator")
user.groups.add(Group.objects.get_or_create(name="investigator")[0])
client = Client()
client.force_login(user)
for url in ("/dashboard/", "/"):
    start = time.perf_counter()
    assert client.get(url).status_code == 200
    first = time.perf_counter() - start
    again = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            again.append(time.perf_counter() - start)
    print(json.dumps({"bench": "dashboard", "people": int(sys.argv[1]), "page": url,
                      "first_seconds": round(first, 3), "again_seconds": round(statistics.median(again), 3),
                      "queries_again": len(queries.captured_queries)}), flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="5000,20000")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    tergeu = [sys.executable, "-c", "from tergeu.cli import main; main()"]
    for size in (int(part) for part in args.people.split(",")):
        home = tempfile.mkdtemp(prefix="tergeu-bench-dashboard-")
        env = {**os.environ, "TERGEU_HOME": home}
        env.pop("DATABASE_URL", None)
        listed = Path(home) / "people.csv"
        lists.write_list(listed, size, args.seed)
        lists.run([*tergeu, "import", str(listed), "--list", "bench", "--one-per-person"], env)
        lists.run([sys.executable, "-c", lists.STORE_PEOPLE], env)
        subprocess.run([sys.executable, "-c", TIMED, str(size)], env=env, check=True)


if __name__ == "__main__":
    main()
