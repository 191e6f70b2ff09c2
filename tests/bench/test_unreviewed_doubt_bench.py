"""bench/unreviewed_doubt.py: the fits behind the unreviewed defaults recover what they were given, and one
small event is measured end to end."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.pure


def _bench():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("unreviewed_doubt", ROOT / "bench" / "unreviewed_doubt.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_beta_binomial_fit_recovers_the_spread_between_events_not_the_noise_of_small_ones() -> None:
    bench = _bench()
    rng = np.random.default_rng(3)
    shares = rng.beta(2.0, 6.0, size=300)
    sizes = rng.integers(3, 30, size=300)  # events read on a handful of records
    counts = [(int(rng.binomial(n, p)), int(n)) for p, n in zip(shares, sizes, strict=True)]
    a, b = bench.beta_binomial_fit(counts)
    assert a / (a + b) == pytest.approx(0.25, abs=0.03)
    sd = np.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    assert sd == pytest.approx(np.sqrt(2 * 6 / (64 * 9)), abs=0.03)
    raw = [k / n for k, n in counts]
    assert np.std(raw) > sd + 0.02  # the raw shares vary more: their binomial noise is not taken out
    assert bench.beta_binomial_fit([(1, 4)]) is None


def test_the_random_effects_fit_takes_each_events_standard_error_out_of_the_spread() -> None:
    """The spread between events is what the draws need; a plain standard deviation of the shifts would
    add every event's own noise to it (the mean is the same either way)."""
    bench = _bench()
    rng = np.random.default_rng(4)
    errors = rng.uniform(0.05, 1.0, size=1000)
    shifts = rng.normal(0.7, 0.3, size=1000) + rng.normal(0.0, errors)
    mean, tau = bench.random_effects_shift(list(zip(shifts, errors, strict=True)))
    assert mean == pytest.approx(0.7, abs=0.04) and tau == pytest.approx(0.3, abs=0.05)
    assert np.std(shifts) > tau + 0.2
    assert bench.random_effects_shift([(0.5, 0.1)]) is None


def test_a_record_alone_is_someone_found_only_if_another_counted_record_names_its_person() -> None:
    bench = _bench()
    truth = {1: "a", 2: "a", 3: "b", 4: "b", 5: "c", 6: "d"}
    counted = {1, 2, 3, 5, 6}  # 4, the other record of b, is too thin to count
    alone = {1: True, 3: True, 5: False, 6: False}
    strata = bench.left_alone_found(alone, truth, counted)
    assert strata["alone_with_pair"] == {"records": 2, "someone_found": 1, "share": 0.5}
    assert strata["alone_without_pair"] == {"records": 2, "someone_found": 0, "share": 0.0}
    assert bench.left_alone_found({}, truth, counted)["alone_with_pair"]["share"] is None


def test_the_summary_says_nothing_where_the_events_give_no_fit() -> None:
    """Events where nobody alone was found give no Beta (the maximum lies at a = 0), not a degenerate one;
    an event whose band gave no shift is left out of the shifts and counted."""
    bench = _bench()
    empty = {"records": 0, "someone_found": 0, "share": None}
    lines = [
        {"band_shift": 0.4, "band_shift_se": 0.2, "alone_with_pair": {"records": 5, "someone_found": 0, "share": 0.0},
         "alone_without_pair": empty},
        {"band_shift": None, "band_shift_se": None,
         "alone_with_pair": {"records": 7, "someone_found": 0, "share": 0.0}, "alone_without_pair": empty},
        {"band_shift": 0.9, "band_shift_se": 0.3, "alone_with_pair": {"records": 4, "someone_found": 0, "share": 0.0},
         "alone_without_pair": empty}]
    summary = bench.summarise(lines)
    assert summary["events"] == 3 and summary["shifts_fitted"] == 2 and summary["shift_median"] == 0.65
    assert summary["alone_with_pair"]["beta"] is None and summary["alone_with_pair"]["beta_sd"] is None
    assert summary["alone_without_pair"] == {"records": 0, "someone_found": 0, "range": None, "beta": None,
                                             "beta_mean": None, "beta_sd": None}
    json.dumps(summary, allow_nan=False)  # nothing that is not JSON


def test_one_small_event_is_measured_and_summarised(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TMPDIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "unreviewed_doubt.py"), "--events", "2",
                          "--generators", "oasis,taiga", "--sizes", "300", "--first-seed", "5"],
                         env=env, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "taiga are held out from tuning" in run.stderr
    *events, summary = [json.loads(line) for line in run.stdout.splitlines()]
    assert [e["generator"] for e in events] == ["oasis", "taiga"] and summary["events"] == 2
    for event in events:
        assert event["counted"] <= event["records"] and event["band_pairs"] > 0
        for stratum in ("alone_with_pair", "alone_without_pair"):
            assert 0 <= event[stratum]["someone_found"] <= event[stratum]["records"]
    assert summary["alone_without_pair"]["records"] == sum(e["alone_without_pair"]["records"] for e in events)
    saved = tmp_path / "events.jsonl"
    saved.write_text(run.stdout, encoding="utf-8")
    again = subprocess.run([sys.executable, str(ROOT / "bench" / "unreviewed_doubt.py"), "--from", str(saved)],
                           env=env, capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(again.stdout) == summary
