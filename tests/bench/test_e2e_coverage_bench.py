"""bench/e2e_coverage.py runs one small event end to end, with a reviewer of the calibration and left-alone samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.pure


def _run(tmp_path: Path, *extra: str) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "e2e_coverage.py"), "--events", "1", "--generators",
                          "oasis", "--sizes", "300", "--linkage-draws", "2", "--first-seed", "5", *extra],
                         env=env, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_one_event_with_a_reviewer_of_the_calibration_sample(tmp_path: Path) -> None:
    event, summary = _run(tmp_path, "--reviewed", "60")
    assert event["true_toll"] == 300 and event["reviewed"] == 60 and event["linkage_draws"] == 2
    assert event["listed"] <= 300 and 0.8 * event["listed"] < event["found"] < 1.2 * event["listed"]
    low, high = event["interval"]
    assert low <= event["estimate"] <= high and event["covered"] == (low <= 300 <= high)
    # a right reviewer of this generator's sample finds the model too cautious, as on every tuning set
    assert event["calibration_source"] == "reviewed" and event["calibration_shift"] > 0
    # the same reviewer answers the first 60 records of the left-alone sample, which set the draws' rates
    assert event["left_alone_source"] == "reviewed"
    with_pair, without_pair = event["left_alone_rates"]
    assert 0.0 < without_pair < with_pair < 1.0
    assert summary["summary"] and summary["events"] == 1 and summary["reviewed"] == 60
    assert summary["coverage"] == float(event["covered"])
