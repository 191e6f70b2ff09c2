"""`tergeu export people` and the people download: one row per person, the contract of docs/export-formats.md."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from people_fixtures import HEADER, MORGUE, NGO, Linked, link_as_one
from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR
from tergeu.cli import cli
from tergeu.linkage.people_export import PEOPLE_COLUMNS
from tergeu.registry.models import Record
from tergeu.toolkit.public_ids import is_public_id

pytestmark = pytest.mark.django_db
DOCS = (Path(__file__).resolve().parents[2] / "docs" / "export-formats.md").read_text(encoding="utf-8")


def _export(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "people", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_documented_columns_are_the_exported_ones() -> None:
    section = DOCS.split("## `tergeu export people`", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"`([a-z_]+)`", section.split("Columns in this order:", 1)[1].split("\n  - ", 1)[0])
    assert tuple(documented) == PEOPLE_COLUMNS


def test_csv_has_one_row_per_person_with_the_records_behind_each_fact(linked: Linked) -> None:
    rows = list(csv.DictReader(io.StringIO(_export("--format", "csv"))))
    assert len(rows) == 4 and len(MORGUE) + len(NGO) == 5
    first = next(row for row in rows if row["display_name"].startswith("Нурланов"))
    assert first["age"] == "34" and first["age_records"] == "morgue #1; volunteer ledger #1"
    assert first["circumstances"] == "в заключении" and first["circumstances_records"] == "volunteer ledger #1"
    assert (first["place_key"], first["place_name_kk"], first["sources"]) == ("almaty", "Алматы", "2")
    assert first["lists"] == f"{linked.morgue.public_id}; {linked.ngo.public_id}"  # ids, as the list filter takes
    assert first["list_names"] == "morgue; volunteer ledger" and first["to_review"] == "no"
    assert first["person"] == Record.objects.get(imported_list=linked.ngo, row_number=1).membership.person.public_id
    assert [row["display_name"] for row in rows] == sorted(row["display_name"] for row in rows)  # by name


def test_json_lines_keep_values_raw_and_records_as_objects(linked: Linked) -> None:
    people = [json.loads(line) for line in _export("--format", "json").splitlines()]
    assert len(people) == 4
    first = next(p for p in people if p["display_name"].startswith("Нурланов"))
    assert first["facts"]["date_of_death"] == {"value": "2022-01-05", "records": [
        {"list": "morgue", "row": 1}, {"list": "volunteer ledger", "row": 1}]}
    assert first["place"] == {"key": "almaty", "names": {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"}}
    assert first["lists"] == [linked.morgue.public_id, linked.ngo.public_id]
    assert first["list_names"] == ["morgue", "volunteer ledger"]
    assert all(is_public_id(p["person"]) for p in people) and len({p["person"] for p in people}) == 4


def test_xlsx_has_one_row_per_person_and_cells_a_spreadsheet_will_not_run(linked: Linked, tmp_path: Path,
                                                                          write_csv, run_import) -> None:
    hostile = [["1", "Тестова Дана", "30", "Ж", "08.01.2022", "Актау", '=HYPERLINK("http://x")']]
    assert run_import(write_csv("hostile.csv", HEADER, hostile), list_name="hostile").ok
    link_as_one(list(Record.objects.select_related("imported_list").order_by("pk")), [(0, 3)])
    target = tmp_path / "people.xlsx"
    _export("--format", "xlsx", "-o", str(target))
    rows = list(load_workbook(target, read_only=True)["people"].iter_rows(values_only=True))
    assert rows[0] == PEOPLE_COLUMNS
    assert len(rows) == 1 + 5 and len({row[0] for row in rows[1:]}) == 5  # one row per person
    assert all(is_public_id(row[0]) for row in rows[1:])  # text ids, not keys
    circumstances = PEOPLE_COLUMNS.index("circumstances")
    assert "'=HYPERLINK(\"http://x\")" in [row[circumstances] for row in rows[1:]]
    assert not list(tmp_path.glob(".*part"))


def test_the_download_gives_the_viewer_only_the_people_they_may_see(linked: Linked, client_as) -> None:
    response = client_as(EXPERT_MISSION).get("/people/download/", {"format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="people.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True)["people"].iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert "volunteer ledger" not in str(rows) and "Бекова" not in str(rows)
    investigator = client_as(INVESTIGATOR)
    filtered = investigator.get("/people/download/", {"format": "csv", "place": "almaty", "sex": "F"})
    assert [row["display_name"] for row in csv.DictReader(io.StringIO(filtered.content.decode()))] == [
        "Ахметова Айгерим Кайратовна", "Бекова Сауле Армановна"]
    assert investigator.get("/people/download/", {"format": "pdf"}).status_code == 404
