#!/usr/bin/env python
"""Benchmark: web page latency on a 100,000-record registry, served by `tergeu serve`; print one JSON line.

Usage:  .venv/bin/python bench/web_latency.py [--records N] [--database-url URL] [--requests N] [--analyze]

It builds a fresh TERGEU_HOME, imports a synthetic list (bench/import_speed.py's generator) through the
real importer (`tergeu import`), starts `tergeu serve` (waitress) on a free localhost port, signs in over
HTTP like a browser (cookie jar, CSRF token from the form), then times N sequential requests of each
page after a warm-up: the registry, the registry filtered and sorted, cross-script name searches (Latin
spellings of Cyrillic names in the data: a full name, and the commonest given name alone), and record
pages at random. Times are client-side, from
sending the request to the last byte, so they include waitress, Django, the database and the rendering.
Target: p95 <= 150 ms for each page on a 2-core machine.

By default it measures the database as the import leaves it, as a user would right after importing;
--analyze first gathers planner statistics, as autovacuum (PostgreSQL) would a little later.

With --database-url the PostgreSQL database must be empty (create it with `createdb` first); the
default is a fresh SQLite file in the temporary TERGEU_HOME.
"""

from __future__ import annotations

import argparse
import csv
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
TARGET_P95_MS = 150.0
USERNAME = "bench-analyst"
PASSWORD = "a long benchmark password"
FILTERED = {"place": "Алматы", "date_from": "2022-01-05", "sort": "-name"}


def import_speed():
    """bench/import_speed.py, whose synthetic-list generator this benchmark reuses (bench is no package)."""
    sys.path.insert(0, str(BENCH_DIR))
    import import_speed as module

    return module


def child_prepare(expected: int, analyze: bool) -> None:
    """In the server's environment: check the import, create the signed-in user, print the record ids."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tergeu.settings")
    from tergeu.cli import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    from tergeu.accounts.roles import ANALYST, ensure_role_groups
    from tergeu.registry.models import Record

    count = Record.objects.count()
    if count != expected:
        raise SystemExit(f"the database holds {count} records, expected {expected}: is it fresh?")
    ensure_role_groups()
    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(Group.objects.get(name=ANALYST))  # sees every list, like most staff
    if analyze:  # planner statistics (and PostgreSQL's visibility map) as autovacuum would leave them later
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    # Records are addressed by public id: a sample of them, picked at random by the database.
    print(json.dumps({"sample": list(Record.objects.order_by("?").values_list("public_id", flat=True)[:1000])}))


def search_queries(path: Path, seed: int) -> tuple[str, str]:
    """Latin (BGN/PCGN) spellings of Cyrillic names in the CSV: 'Given Family' of a random row (a few
    matches), and the given name alone that matches the most rows (a query word also matches the start of
    a word, so Aleksandr finds Aleksandrovich: over a thousand candidates, the worst case for ranking)."""
    from tergeu.demo.translit import romanize

    with path.open(encoding="utf-8", newline="") as handle:
        names = [row[1].split() for row in list(csv.reader(handle))[1:]]
    family, given, _patronymic = random.Random(seed).choice(names)
    given_names, patronymics = Counter(name[1] for name in names), Counter(name[2] for name in names)
    common = max(given_names, key=lambda g: given_names[g] + sum(n for p, n in patronymics.items() if p.startswith(g)))
    return romanize(f"{given} {family}", "bgn"), romanize(common, "bgn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tergeu_command() -> list[str]:
    return [sys.executable, "-c", "from tergeu.cli import main; main()"]


def run_quietly(command: list[str], env: dict[str, str]) -> str:
    """Run a step; on failure stop with its own error output rather than a bare exit status."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:4])}… failed:\n{done.stderr[-3000:]}")
    return done.stdout


class Browser:
    """urllib with a cookie jar: enough to sign in through Django's form and keep the session."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.status, response.read().decode("utf-8")

    def sign_in(self, username: str, password: str) -> None:
        _status, form = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password,
                                       "next": "/"}).encode()
        with self.opener.open(self.base + "/accounts/login/", data=data, timeout=60) as response:
            landed = response.url
        if urllib.parse.urlsplit(landed).path != "/" or not any(c.name == "sessionid" for c in self.jar):
            raise SystemExit(f"sign-in failed (landed on {landed})")

    def wait_until_up(self, seconds: float, server: subprocess.Popen) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"tergeu serve exited with {server.returncode}")
            try:
                self.get("/accounts/login/")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise SystemExit("tergeu serve did not answer in time")


def measure(browser: Browser, paths: list[str], warmup: int) -> dict:
    """Time each request (ms); the first ``warmup`` ones are not counted (caches, lazy imports)."""
    samples = []
    for index, path in enumerate(paths):
        start = time.perf_counter()
        status, _body = browser.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        if index >= warmup:
            samples.append(elapsed)
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    p95 = round(cuts[94], 1)
    return {"p50_ms": round(statistics.median(samples), 1), "p95_ms": p95, "max_ms": round(max(samples), 1),
            "ok": p95 <= TARGET_P95_MS}


def result_count(browser: Browser, path: str) -> int:
    _status, page = browser.get(path)
    match = re.search(r'class="tg-count">\s*([\d\s,.\u00a0\u202f]+)', page)
    return int(re.sub(r"\D", "", match.group(1))) if match else -1


def run(args: argparse.Namespace, home: Path) -> dict:
    env = {**os.environ, "TERGEU_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    csv_path = home / "bench.csv"
    import_speed().write_csv(csv_path, args.records)

    start = time.perf_counter()
    run_quietly([*tergeu_command(), "import", str(csv_path), "--list", "latency bench"], env)
    import_seconds = time.perf_counter() - start
    prepared = run_quietly([sys.executable, __file__, "--child-prepare", str(args.records),
                            *(["--analyze"] if args.analyze else [])], env)
    ids = json.loads(prepared.strip().splitlines()[-1])

    port = free_port()
    log = (home / "serve.log").open("w")
    server = subprocess.Popen([*tergeu_command(), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.wait_until_up(60, server)
        browser.sign_in(USERNAME, PASSWORD)
        query, common = search_queries(csv_path, args.seed)
        total = args.requests + args.warmup
        rng = random.Random(args.seed)
        pages = {
            "registry": ["/registry/"] * total,
            "registry_filtered_sorted": ["/registry/?" + urllib.parse.urlencode(FILTERED)] * total,
            "name_search": ["/registry/?" + urllib.parse.urlencode({"q": query})] * total,
            "name_search_common": ["/registry/?" + urllib.parse.urlencode({"q": common})] * total,
            "record": [f"/records/{rng.choice(ids['sample'])}/" for _ in range(total)],
        }
        figures = {name: measure(browser, paths, args.warmup) for name, paths in pages.items()}
        found = {q: result_count(browser, pages[name][0]) for q, name in ((query, "name_search"),
                                                                         (common, "name_search_common"))}
        filtered = result_count(browser, pages["registry_filtered_sorted"][0])
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {
        "bench": "web_latency", "database": "postgresql" if args.database_url else "sqlite",
        "records": args.records, "requests": args.requests, "import_seconds": round(import_seconds, 1),
        "analyzed": args.analyze,
        "search_results": found, "filter": FILTERED, "filtered_results": filtered,
        "pages": figures, "target_p95_ms": TARGET_P95_MS, "all_ok": all(f["ok"] for f in figures.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--database-url", default=None, help="an empty PostgreSQL database (default: SQLite)")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per page first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--analyze", action="store_true",
                        help="ANALYZE (PostgreSQL: VACUUM ANALYZE) after the import, before serving")
    parser.add_argument("--child-prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_prepare is not None:
        child_prepare(args.child_prepare, args.analyze)
        return
    with tempfile.TemporaryDirectory(prefix="tergeu-latency-") as home:
        print(json.dumps(run(args, Path(home)), ensure_ascii=False))


if __name__ == "__main__":
    main()
