"""POST /api/import: the CLI's pipeline over HTTP, with its dry run, its report and its history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import database_counts
from tergeu.history.models import ChangeEntry
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db

HEADER = ["ФИО", "Место гибели", "Дата гибели"]
ROWS = [["Нурланов Жанболат Серикович", "Алматы", "05.01.2022"], ["Ахметова Айгерим", "Тараз", "06.01.2022"]]


def upload(caller, path: Path, **fields: object):
    with path.open("rb") as file:
        return caller.post("/api/import", {"file": file, "list_name": "api list", **fields})


def test_it_imports_a_list_and_returns_the_report(callers, write_csv) -> None:
    response = upload(callers["data-entry"], write_csv("морг.csv", HEADER, ROWS), source_name="Morgue",
                      source_kind="medical", reliability="A")
    assert response.status_code == 200, response.json()
    report = response.json()
    assert report["ok"] and not report["dry_run"] and report["rows"] == 2 and report["file"] == "морг.csv"
    imported = ImportedList.objects.get(public_id=report["imported_list_id"])
    assert imported.file_name == "морг.csv" and imported.source.kind == "medical"
    assert imported.default_confidence == "high" and imported.records.count() == 2
    assert not imported.one_per_person


def test_it_marks_a_list_that_names_each_person_once(callers, write_csv) -> None:
    response = upload(callers["data-entry"], write_csv("register.csv", HEADER, ROWS), one_per_person="true")
    assert response.status_code == 200, response.json()
    assert ImportedList.objects.get(public_id=response.json()["imported_list_id"]).one_per_person


def test_it_names_the_api_user_in_the_history(callers, write_csv) -> None:
    upload(callers["data-entry"], write_csv("a.csv", HEADER, ROWS))
    imported = ImportedList.objects.get()
    assert imported.imported_by == "data-entry-user"
    entry = ChangeEntry.objects.get(action="import")
    assert (entry.actor, entry.user) == ("data-entry-user", callers["data-entry"].user)


def test_it_writes_nothing_on_a_dry_run(callers, write_csv) -> None:
    before = database_counts()
    response = upload(callers["investigator"], write_csv("a.csv", HEADER, ROWS), dry_run="true")
    assert response.status_code == 200
    report = response.json()
    assert report["dry_run"] and report["imported_list_id"] is None
    assert [row["full_name"] for row in report["preview"]] == [ROWS[0][0], ROWS[1][0]]
    assert database_counts() == before


def test_it_answers_a_bad_cell_with_422_and_its_row_and_column(callers, write_csv) -> None:
    rows = [*ROWS, ["Серикова Дана", "Алматы", "31.02.2022"]]
    response = upload(callers["data-entry"], write_csv("a.csv", HEADER, rows))
    assert response.status_code == 422
    report = response.json()
    assert not report["ok"] and report["error_count"] == 1
    assert report["errors"][0]["row"] == 3 and report["errors"][0]["column"] == "Дата гибели"
    assert not Record.objects.exists()


def test_it_follows_a_column_map(callers, write_csv) -> None:
    path = write_csv("a.csv", ["Кто", "Где"], [["Ахметова Айгерим", "Алматы"]])
    response = upload(callers["data-entry"], path,
                      column_map=json.dumps({"full_name": "Кто", "place_of_death": "Где"}, ensure_ascii=False))
    assert response.status_code == 200, response.json()
    assert Record.objects.get().facts == {"full_name": "Ахметова Айгерим", "place_of_death": "Алматы"}


@pytest.mark.parametrize("column_map,expected", [
    ("{not json", "not valid JSON"), ('["ФИО"]', "JSON object"), ('{"shoe_size": "ФИО"}', "unknown field"),
    ('{"full_name": "Имя"}', "the map names column"),
])
def test_it_answers_a_bad_map_with_400(callers, write_csv, column_map: str, expected: str) -> None:
    response = upload(callers["data-entry"], write_csv("a.csv", HEADER, ROWS), column_map=column_map)
    assert response.status_code == 400
    assert expected in response.json()["detail"]


def test_it_answers_a_file_level_problem_with_400(callers, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    response = upload(callers["data-entry"], path)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("empty.csv: ")


def test_it_reports_a_file_imported_before(callers, write_csv) -> None:
    path = write_csv("a.csv", HEADER, ROWS)
    upload(callers["data-entry"], path)
    again = upload(callers["data-entry"], path, list_name="second name")
    assert again.status_code == 200 and again.json()["already_imported_as"] == "api list"
    assert ImportedList.objects.count() == 1


def test_it_keeps_only_the_base_name_of_the_upload(callers, write_csv) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = write_csv("a.csv", HEADER, ROWS).read_bytes()
    response = callers["data-entry"].post("/api/import", {"file": SimpleUploadedFile("../../etc/list.csv", data),
                                                          "list_name": "api list"})
    assert response.status_code == 200
    assert ImportedList.objects.get().file_name == "list.csv"


def test_it_requires_a_file_and_a_list_name(callers) -> None:
    response = callers["data-entry"].post("/api/import", {"list_name": "  "})
    assert response.status_code == 422
    assert "file" in response.json()["detail"] and "list_name" in response.json()["detail"]


@pytest.mark.parametrize("role", ["analyst", "reviewer", "expert-mission", "nobody"])
def test_it_hides_import_from_roles_without_it(callers, write_csv, role: str) -> None:
    response = upload(callers[role], write_csv("a.csv", HEADER, ROWS))
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    assert not ImportedList.objects.exists()


@pytest.mark.parametrize("role", ["admin", "investigator", "data-entry"])
def test_it_lets_importing_roles_import(callers, write_csv, role: str) -> None:
    assert upload(callers[role], write_csv("a.csv", HEADER, ROWS), dry_run="true").status_code == 200
