"""F11, F2, F16: hostile input to an import is a clear error naming file, row and column, never a crash."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from helpers import database_counts
from tergeu.accounts.models import ApiToken
from tergeu.registry.importing.table import ImportProblem

pytestmark = pytest.mark.django_db


def refused(run_import, path: Path, *words: str) -> None:
    before = database_counts()
    with pytest.raises(ImportProblem) as caught:
        run_import(path)
    assert str(caught.value).startswith(f"{path.name}: ")
    for word in words:
        assert word in str(caught.value)
    assert database_counts() == before


@pytest.mark.parametrize(("item", "words"), [
    ({"ФИО": "Аманов\u0000 Берик", "Место гибели": "Алматы"}, ("row 2", "column 'ФИО'", "NUL")),
    ({"ФИО": "Аманов Берик", "Место\u0000": "Алматы"}, ("header, column 3", "NUL")),
    ({"ФИО": "Аманов Берик", "Место гибели": "Алма\ud800ты"}, ("row 2", "column 'Место гибели'", "surrogate")),
])
def test_json_characters_the_database_cannot_store_are_refused(tmp_path: Path, run_import, item: dict,
                                                               words: tuple[str, ...]) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"ФИО": "Беков Даулет", "Место гибели": "Тараз"}, item]), encoding="utf-8")
    refused(run_import, path, *words)


def test_a_map_value_holding_nul_is_refused(tmp_path: Path) -> None:
    from tergeu.registry.importing.columnmap import load_map

    path = tmp_path / "map.toml"
    path.write_text('[columns]\nfull_name = "ФИО"\n[values]\nregion = "Алматы\\u0000"\n', encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"map.toml: values.region holds a NUL character"):
        load_map(path)


def test_json_nested_200000_deep_is_refused(tmp_path: Path, run_import) -> None:
    path = tmp_path / "deep.json"
    path.write_text('[{"ФИО": ' + "[" * 200_000 + "]" * 200_000 + "}]", encoding="utf-8")
    refused(run_import, path, "nested too deeply")


@pytest.mark.parametrize("library_limit", [None, 31_457_280])
def test_a_200_kb_csv_cell_is_refused_naming_its_row(tmp_path: Path, run_import, write_csv, library_limit) -> None:
    """Also after a library raised csv's global limit on import (followthemoney sets 30 MB)."""
    path = write_csv("long.csv", ["ФИО", "Примечание"], [["Беков Даулет", "x"], ["Аманов Берик", "x" * 200_000]])
    before = csv.field_size_limit(library_limit) if library_limit else None
    try:
        refused(run_import, path, "row 2 (line 3)", "longer than 131,072 characters")
    finally:
        if before is not None:
            csv.field_size_limit(before)


def test_a_quote_never_closed_is_refused_naming_row_column_and_line(tmp_path: Path, run_import) -> None:
    """F2 replay: the strict reader (csv_faults) refuses it instead of swallowing the rows after it."""
    path = tmp_path / "unclosed.csv"
    path.write_text('ФИО,Место гибели\nБеков Даулет,Тараз\n"Аманов Берик,Алматы\nСериков Нурлан,Алматы\n',
                    encoding="utf-8")
    refused(run_import, path, "row 2 (line 3)", "column 'ФИО'", "never closed")


def api_caller(role: str | None, token: bool) -> Client:
    user = get_user_model().objects.create_user(f"{role or 'nobody'}-{'token' if token else 'session'}")
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if token:
        return Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(user, 'test')[1]}")
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("token", [True, False], ids=["token", "session"])
@pytest.mark.parametrize("role", ["analyst", "reviewer", "expert-mission", None])
def test_api_import_refuses_a_caller_without_the_capability_before_validating(role: str | None,
                                                                               token: bool) -> None:
    before = database_counts()
    response = api_caller(role, token).post("/api/import", {"list_name": "  ", "source_kind": "bogus"})
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    assert database_counts() == before


def test_api_import_refuses_an_anonymous_caller_before_validating() -> None:
    response = Client().post("/api/import", {"list_name": "  "})
    assert response.status_code == 401 and "errors" not in response.json()


def test_api_column_map_nested_deep_is_a_400(client_as, write_csv) -> None:
    path = write_csv("list.csv", ["ФИО"], [["Аманов Берик"]])
    with path.open("rb") as file:
        response = client_as("data-entry").post("/api/import", {"list_name": "deep", "file": file,
                                                                "column_map": "[" * 5_000 + "]" * 5_000})
    assert response.status_code == 400 and "nested too deeply" in response.json()["detail"]
