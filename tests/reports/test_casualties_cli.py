"""`tergeu report casualties`: the list of the dead as PDF, XLSX and CSV from the command line."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from casualty_fixtures import KAZAKH_LETTERS, KAZAKH_NAMES, Casualties, pdf_text
from tergeu.cli import cli
from tergeu.estimation.models import EstimateRun
from tergeu.linkage.people_index import FACETS, people_rows
from tergeu.registry.models import Record
from tergeu.reports.casualties import casualty_report
from tergeu.reports.cli import FILTER_HELP
from tergeu.reports.tables import REPORT_COLUMNS

pytestmark = pytest.mark.django_db
DOCS = (Path(__file__).resolve().parents[2] / "docs" / "export-formats.md").read_text(encoding="utf-8")


def _report(*args: str) -> str:
    result = CliRunner().invoke(cli, ["report", "casualties", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_pdf_keeps_kazakh_letters_and_has_a_cover_pages_and_no_watermark(casualties: Casualties,
                                                                              estimated: EstimateRun,
                                                                              tmp_path: Path) -> None:
    target = tmp_path / "casualties.pdf"
    _report("--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    for name in KAZAKH_NAMES:
        assert name in text, name
    assert set(KAZAKH_LETTERS) <= set(text.lower())
    assert "Asetov Galymzhan" in text  # the Latin spelling under the Kazakh one
    assert "Бекова Сауле Армановна" in text  # a private list's person: the command line sees every list
    assert "The list of the dead" in text and "People in this report" in text
    assert "6 (95% interval 4–12), from 4 people named on at least one list" in text
    assert "No list of the dead is complete." in text  # the method in plain words
    pages = re.findall(r"Page (\d+) of (\d+)", text)
    assert pages and pages[0] == ("1", pages[-1][1]) and int(pages[-1][0]) == int(pages[-1][1]) >= 2
    assert "{nb}" not in text and "SYNTHETIC" not in text
    assert "none: every person you may see" in text
    assert not list(tmp_path.glob(".*part"))


def test_the_language_is_asked_for(casualties: Casualties, tmp_path: Path) -> None:
    target = tmp_path / "ru.pdf"  # the watermark of demo data: test_casualties_marks.py
    _report("--format", "pdf", "--language", "ru", "--place", "almaty", "-o", str(target))
    text = pdf_text(target)
    assert "Место гибели: Алматы" in text  # the filter, in Russian, with the place's Russian name
    assert "Шаһмарданов" not in text  # Taldykorgan: left out by the filter
    assert text.count("Страница") >= 2


def test_the_workbook_has_one_row_per_person_and_a_cover_sheet(casualties: Casualties, estimated: EstimateRun,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "casualties.xlsx"
    _report("--format", "xlsx", "--language", "kk", "-o", str(target))
    book = load_workbook(target, read_only=True)
    rows = list(book["people"].iter_rows(values_only=True))
    people = people_rows(Record.objects.all(), "kk")
    assert len(rows) == 1 + len(people) == 1 + 4
    assert len({row[0] for row in rows[1:]}) == len(rows) - 1  # one row per person
    assert rows[0][REPORT_COLUMNS.index("age")] == "Жасы"  # labels in the report's language
    cover = dict(book["cover"].iter_rows(values_only=True))
    assert "6 (95%" in cover["Құрбандардың бағаланған саны"]
    first = next(row for row in rows if row[REPORT_COLUMNS.index("name_kk")] == KAZAKH_NAMES[0])
    assert first[REPORT_COLUMNS.index("name_latin")] == "Asetov Galymzhan"
    assert first[REPORT_COLUMNS.index("lists")] == 2
    assert first[REPORT_COLUMNS.index("sources")] == "City morgue; Volunteers"
    assert first[REPORT_COLUMNS.index("place_of_death")] == "Алматы"


def test_csv_has_the_documented_columns_and_the_filters_apply(casualties: Casualties) -> None:
    section = DOCS.split("## `tergeu report casualties`", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)
    assert tuple(documented) == REPORT_COLUMNS
    rows = list(csv.DictReader(io.StringIO(_report("--format", "csv", "--place", "almaty", "--sex", "F"))))
    assert [row["display_name"] for row in rows] == ["Бекова Сауле Армановна", "Өмірбекова Іңкәр Ұланқызы"]
    assert [row["sex"] for row in rows] == ["female", "female"]
    assert len(list(csv.DictReader(io.StringIO(_report("--format", "csv", "--age", "60+"))))) == 1
    assert len(list(csv.DictReader(io.StringIO(_report("--format", "csv", "--age", "18-29"))))) == 1
    for listed in ("volunteer ledger", casualties.volunteers.public_id):
        assert len(list(csv.DictReader(io.StringIO(_report("--format", "csv", "--list", listed))))) == 2


def test_every_facet_of_the_people_index_is_a_filter_region_included(casualties: Casualties) -> None:
    assert set(FILTER_HELP) == set(FACETS)
    section = DOCS.split("## `tergeu report casualties`", 1)[1].split("\n## ", 1)[0]
    assert all(f"`--{name}`" in section for name in FACETS)
    region = list(csv.DictReader(io.StringIO(_report("--format", "csv", "--region", "almaty-region"))))
    assert [row["display_name"] for row in region] == ["Шаһмарданов Үсен Бағдатұлы"]  # Taldykorgan's region
    assert len(list(csv.DictReader(io.StringIO(_report("--format", "csv", "--region", "almaty"))))) == 3


def test_reports_read_the_people_index_not_linkages_views() -> None:
    """The report is a domain app: it reads ``linkage.people_index``, never a face such as a views module."""
    package = Path(casualty_report.__code__.co_filename).parent
    importing_views = [path.name for path in package.glob("*.py")
                       if re.search(r"^\s*from tergeu\.(?!reports)\w+\.\w*views\b", path.read_text(encoding="utf-8"),
                                    re.MULTILINE)]
    assert importing_views == []


def test_errors_are_one_clear_line_and_leave_nothing_behind(casualties: Casualties, tmp_path: Path) -> None:
    bad = CliRunner().invoke(cli, ["report", "casualties", "--format", "docx"])
    assert bad.exit_code == 2 and "Invalid value for '--format'" in bad.output and "'docx' is not one of" in bad.output
    unknown = CliRunner().invoke(cli, ["report", "casualties", "--format", "csv", "--list", "no such list"])
    assert unknown.exit_code == 1 and "no list named 'no such list'" in unknown.output
    missing = tmp_path / "no such folder" / "casualties.pdf"
    result = CliRunner().invoke(cli, ["report", "casualties", "-o", str(missing)])
    assert result.exit_code == 1 and f"cannot write {missing}" in result.output
    assert "Traceback" not in result.output and not missing.parent.exists()
    folder = CliRunner().invoke(cli, ["report", "casualties", "--format", "xlsx", "-o", str(tmp_path)])
    assert folder.exit_code == 2 and "is a directory" in folder.output
