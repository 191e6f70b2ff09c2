"""The ``tergeu export records`` contract (docs/export-formats.md)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.registry.export import EXPORT_COLUMNS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_lists(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО", "Возраст", "Место гибели"],
                         [["Нурланов Ж.С.", "31", "Алматы"], ["", "", ""], ["Ахметов Е.", "", "Тараз"]]),
               list_name="morgue")
    run_import(write_csv("b.csv", ["name", "sex"], [["Zhanbolat Nurlanov", "m"], ["Nobody Known", ""]]),
               list_name="media", synthetic=True)


def test_it_writes_one_csv_line_per_record(two_lists) -> None:
    result = CliRunner().invoke(cli, ["export", "records", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert [(r["list"], r["row"], r["full_name"]) for r in rows] == [
        ("morgue", "1", "Нурланов Ж.С."), ("morgue", "3", "Ахметов Е."),
        ("media", "1", "Zhanbolat Nurlanov"), ("media", "2", "Nobody Known")]
    assert rows[0]["age"] == "31" and rows[1]["age"] == ""
    assert [r["synthetic"] for r in rows] == ["no", "no", "yes", "yes"]


def test_it_writes_json_lines_for_one_list(two_lists, tmp_path) -> None:
    out = tmp_path / "media.jsonl"
    result = CliRunner().invoke(cli, ["export", "records", "--format", "json", "--list", "media", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"list": "media", "row": 1, "synthetic": True, "full_name": "Zhanbolat Nurlanov", "sex": "M"},
                     {"list": "media", "row": 2, "synthetic": True, "full_name": "Nobody Known"}]


def test_the_records_columns_only_grow_new_fields_at_the_end() -> None:
    """Columns of 0.1.0 keep their places; fields added since are appended (docs/export-formats.md)."""
    assert EXPORT_COLUMNS == (
        "list", "row", "synthetic", "full_name", "family_name", "given_name", "patronymic", "date_of_birth", "age",
        "sex", "national_id", "date_of_death", "place_of_death", "region", "circumstances", "source_record_id",
        "notes", "date_recorded")


def test_it_exports_the_recorded_date_in_the_last_column(write_csv, run_import) -> None:
    run_import(write_csv("morgue.csv", ["ФИО", "Дата смерти", "Дата поступления"],
                         [["Нурланов Ж.С.", "05.01.2022", "06.01.2022"]]), list_name="morgue")
    result = CliRunner().invoke(cli, ["export", "records", "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, line = result.stdout.splitlines()
    assert header.endswith(",notes,date_recorded") and line.endswith(",2022-01-06")
    assert list(csv.DictReader(io.StringIO(result.stdout)))[0]["date_of_death"] == "2022-01-05"
