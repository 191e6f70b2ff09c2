"""A report on a few thousand people finishes, with one row per person in every format (speed: bench/reports.py)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casualty_fixtures import pdf_text
from people_fixtures import HEADER, link_as_one
from tergeu.demo.population import generate_population
from tergeu.estimation.models import EstimateRun
from tergeu.registry.models import ImportedList, Record
from tergeu.reports.casualties import casualty_report
from tergeu.reports.render import write_report

pytestmark = pytest.mark.django_db
PEOPLE = 2500


def synthetic_rows(size: int) -> list[list[str]]:
    """The demo's invented people as one list's rows (Kazakh and Russian names, places, circumstances)."""
    return [[str(number), " ".join(part for part in (p.family, p.given, p.patronymic()) if part),
             str(p.age_at_death), "М" if p.sex == "M" else "Ж", p.date_of_death.strftime("%d.%m.%Y"),
             p.place_of_death, p.circumstances]
            for number, p in enumerate(generate_population(seed=14, size=size), 1)]


def test_a_report_on_thousands_of_people_has_every_person_once(write_csv, run_import, tmp_path: Path) -> None:
    rows = synthetic_rows(PEOPLE)
    assert run_import(write_csv("big.csv", HEADER, rows), list_name="big", one_per_person=True).ok
    link_as_one(list(Record.objects.select_related("imported_list")), [])  # every record its own person
    report = casualty_report(Record.objects.all(), ImportedList.objects.all(), EstimateRun.objects.all(), {}, "kk")
    assert len(report.rows) == PEOPLE
    written = {}
    for fmt in ("pdf", "xlsx"):
        path = tmp_path / f"big.{fmt}"
        with path.open("wb") as out:
            assert write_report(out, report, fmt) == PEOPLE
        written[fmt] = path
    text = io.StringIO()
    write_report(text, report, "csv")
    assert len(list(csv.DictReader(io.StringIO(text.getvalue())))) == PEOPLE
    sheet = load_workbook(written["xlsx"], read_only=True)["people"]
    assert sum(1 for _row in sheet.iter_rows(values_only=True)) == 1 + PEOPLE
    pdf = pdf_text(written["pdf"])
    assert re.search(rf"^\s*{PEOPLE}\s", pdf, re.MULTILINE)  # the last person's number starts its block
    assert rows[-1][1].split()[0] in pdf
