"""bench/vetting.py runs at a tiny size and prints its JSON lines; its generators are deterministic and messy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from generators import fmtrpt, forces  # noqa: E402

pytestmark = pytest.mark.pure


def test_the_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "vetting.py"), "--units", "80", "--persons", "400",
                          "--queries", "12", "--trainings", "60"], env=env, capture_output=True, text=True,
                         timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(line["bench"], line["case"], line.get("kind")) for line in lines] == [
        ("vetting", "force", None), ("vetting", "vet", "unit"), ("vetting", "vet", "person"),
        ("vetting", "resolution", None)]
    force, units, persons, quality = lines
    assert (force["units"], force["persons"]) == (80, 400) and force["incidents"] > 0
    for timed in (units, persons):
        assert timed["queries"] == 12 and timed["p50_ms"] <= timed["p95_ms"] <= timed["max_ms"]
        assert timed["clear"] + timed["flagged"] + timed["review"] == 12
    assert quality["rows"] == 60
    assert quality["resolved"] + quality["review"] + quality["unresolved"] == quality["mentions"]
    assert 0.5 < quality["precision"] <= 1 and 0.2 < quality["recall"] <= 1


def test_the_training_file_is_deterministic_labelled_and_messy() -> None:
    force = forces.generate(400, 500, 3)
    made = fmtrpt.generate(force, 2000, 1)
    assert made == fmtrpt.generate(force, 2000, 1) and made != fmtrpt.generate(force, 2000, 2)
    text = made.content.decode()
    rows = text.splitlines()[1:]
    assert len(rows) == len(made.truth) == 2000
    assert rows[0].split("\t")[0] in made.truth
    recipients = [row.split("\t")[6] for row in rows]
    assert any(r.startswith("MILITARY UNIT ") and "," in r for r in recipients)
    assert any(r.endswith(", MINISTRY OF DEFENSE") and r.split(",")[0].isdigit() for r in recipients)
    assert any(r.endswith(", Ministry of Defense") and r.split(",")[0] in fmtrpt.TITLES for r in recipients)
    assert sum(1 for units in made.truth.values() if len(units) >= 2) > 300  # several units in one string
    assert 50 < sum(1 for units in made.truth.values() if not units) < 300  # recipients no register holds
    unit_ids = {u["unit_id"] for u in force.units}
    assert set().union(*made.truth.values()) <= unit_ids
