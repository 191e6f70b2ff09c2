"""The published capture-pattern tables the estimation tests check against (copies in tests/data/mse/)."""

from __future__ import annotations

from pathlib import Path

from tergeu.core.estimation import CaptureTable, read_capture_csv

MSE_DATA = Path(__file__).resolve().parent / "data" / "mse"


def mse_table(name: str) -> CaptureTable:
    """One of the tables, by file name (e.g. ``kosovo_1999_4lists.csv``)."""
    return read_capture_csv(MSE_DATA / name)
