"""An invented force structure (tests/forces/data), imported through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file

DATA = Path(__file__).parent / "data"
FILES = [("units.csv", "units"), ("relations.csv", "relations"), ("persons.csv", "persons"),
         ("postings.csv", "postings"), ("incidents.csv", "incidents"), ("trainings_fmtrpt.tsv", "trainings")]


@pytest.fixture
def force(db) -> dict:
    """Every fixture file imported; the reports by kind."""
    reports = {}
    for name, kind in FILES:
        report = import_forces_file(DATA / name, ForcesImportOptions(kind, synthetic=True))
        assert report.ok, report.errors
        reports[kind] = report
    return reports
