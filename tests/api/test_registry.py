"""Sources, lists and records over the API: filters, search, sorting, provenance and visibility."""

from __future__ import annotations

import pytest

from tergeu.history.tracking import acting_as
from tergeu.registry.facts import assess
from tergeu.registry.models import Record
from tergeu.toolkit.public_ids import new_public_id

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["display_name"] for item in response.json()["items"]]


def test_it_lists_sources_and_lists_with_their_provenance(callers, registry) -> None:
    investigator = callers["investigator"]
    assert [s["name"] for s in investigator.get("/api/sources").json()["items"]] == ["City morgue", "NGO"]
    morgue = investigator.get(f"/api/lists/{registry.shared.public_id}").json()
    assert morgue["source"]["name"] == "City morgue" and morgue["file_name"] == "morgue.csv"
    assert morgue["format"] == "csv" and morgue["row_count"] == 3 and len(morgue["sha256"]) == 64
    assert morgue["report"]["headers"][1] == "Фамилия Имя Отчество" and morgue["report"]["rows"] == 3
    assert morgue["column_map"]["columns"]["full_name"] == "Фамилия Имя Отчество"
    assert morgue["shared_with_mission"] is True and morgue["default_confidence"] == "high"
    source_id = morgue["source"]["id"]
    assert investigator.get(f"/api/sources/{source_id}").json()["name"] == "City morgue"
    assert [x["name"] for x in investigator.get("/api/lists", source=source_id).json()["items"]] == ["morgue"]


@pytest.mark.parametrize("query", ["Zhanbolat", "Жанбулат", "нурланов жанболат"])
def test_it_finds_a_name_across_scripts_and_spellings(callers, registry, query: str) -> None:
    assert names(callers["analyst"].get("/api/records", q=query)) == ["Нурланов Жанболат Серикович"]


def test_it_filters_records_by_list_place_and_date(callers, registry) -> None:
    analyst = callers["analyst"]
    assert len(names(analyst.get("/api/records", list=registry.private.public_id))) == 1
    assert sorted(names(analyst.get("/api/records", place="Алматы"))) == ["Нурланов Жанболат Серикович",
                                                                         "Серикова Дана"]
    # "2022-01" (month only) may fall on the 6th, so the range keeps it
    assert sorted(names(analyst.get("/api/records", date_from="2022-01-06", date_to="2022-01-06"))) == [
        "Ахметова Айгерим Кайратовна", "Серикова Дана"]
    shared = registry.shared.public_id
    assert names(analyst.get("/api/records", date_from="2022-01-07", list=shared)) == ["Серикова Дана"]
    assert names(analyst.get("/api/records", date_to="2021-12-31")) == []


def test_it_sorts_records(callers, registry) -> None:
    analyst = callers["analyst"]
    by_name = names(analyst.get("/api/records", sort="name"))
    assert by_name == sorted(by_name)
    assert names(analyst.get("/api/records", sort="-name")) == by_name[::-1]
    assert names(analyst.get("/api/records", sort="-date"))[0] == "Бекова Сауле"
    assert names(analyst.get("/api/records", q="Серик", sort="-name")) == ["Серикова Дана",
                                                                           "Нурланов Жанболат Серикович"]


def test_it_rejects_an_unknown_sort_or_a_bad_date_with_json_422(callers, registry) -> None:
    for params in ({"sort": "colour"}, {"date_from": "5 January"}, {"date_to": "0"}, {"page": 0}, {"list": 2**64},
                   {"list": [registry.shared.public_id, registry.private.public_id]}):
        response = callers["analyst"].get("/api/records", **params)
        assert response.status_code == 422, params
        assert response.json()["detail"].startswith("Invalid request")


def test_it_pages_by_fifty(callers, write_csv, run_import) -> None:
    rows = [[str(i), f"Ахметова Айгерим {i:03}", "Алматы", "05.01.2022"] for i in range(120)]
    run_import(write_csv("big.csv", ["№", "ФИО", "Место гибели", "Дата гибели"], rows), list_name="big")
    analyst = callers["analyst"]
    first, last = analyst.get("/api/records").json(), analyst.get("/api/records", page=3).json()
    assert first["count"] == 120 and len(first["items"]) == 50 and len(last["items"]) == 20
    assert analyst.get("/api/records", page=9).json()["items"] == []


def test_it_shows_a_record_with_facts_raw_row_and_history(callers, registry) -> None:
    record = Record.objects.get(display_name="Нурланов Жанболат Серикович")
    with acting_as("reviewer-user"):
        assess(record, "place_of_death", status="confirmed", note="morgue register")
    detail = callers["analyst"].get(f"/api/records/{record.public_id}").json()
    assert detail["list"]["name"] == "morgue" and detail["row_number"] == 1
    place = next(f for f in detail["facts"] if f["field"] == "place_of_death")
    assert place == {"field": "place_of_death", "value": "Алматы", "source": detail["source"],
                     "confidence": "high", "status": "confirmed", "note": "morgue register", "assessed": True,
                     "citations": []}
    assert detail["raw"][1] == {"column": "Фамилия Имя Отчество", "value": "Нурланов Жанболат Серикович"}
    assert [(h["action"], h["actor"]) for h in detail["history"]] == [("create", "reviewer-user")]


def test_it_keeps_the_history_of_a_deleted_assessment(callers, registry) -> None:
    record = Record.objects.get(display_name="Серикова Дана")
    with acting_as("reviewer-user"):
        assess(record, "place_of_death", status="unconfirmed").delete()
    history = callers["reviewer"].get(f"/api/records/{record.public_id}").json()["history"]
    assert [h["action"] for h in history] == ["create", "delete"]


def test_it_withholds_history_from_roles_without_it(callers, registry) -> None:
    record = Record.objects.get(display_name="Серикова Дана")
    assert callers["data-entry"].get(f"/api/records/{record.public_id}").json()["history"] is None


def test_it_shows_the_expert_mission_only_shared_lists(callers, registry) -> None:
    mission = callers["expert-mission"]
    assert [x["name"] for x in mission.get("/api/lists").json()["items"]] == ["morgue"]
    assert [x["name"] for x in mission.get("/api/sources").json()["items"]] == ["City morgue"]
    assert len(names(mission.get("/api/records"))) == 3
    assert names(mission.get("/api/records", q="Бекова")) == []
    hidden = Record.objects.get(imported_list=registry.private)
    for path in (f"/api/records/{hidden.public_id}", f"/api/lists/{registry.private.public_id}",
                 f"/api/sources/{registry.private.source.public_id}"):
        response = mission.get(path)
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}, path
    shared = Record.objects.filter(imported_list=registry.shared).first()
    assert mission.get(f"/api/records/{shared.public_id}").status_code == 200


def test_it_answers_a_hidden_record_exactly_like_a_missing_one(callers, registry) -> None:
    hidden = Record.objects.get(imported_list=registry.private)
    mission = callers["expert-mission"]
    hidden_response = mission.get(f"/api/records/{hidden.public_id}")
    missing_response = mission.get(f"/api/records/{new_public_id()}")
    assert (hidden_response.status_code, hidden_response.content) == (missing_response.status_code,
                                                                      missing_response.content)


@pytest.mark.parametrize("path", ["/api/sources", "/api/lists", "/api/records", "/api/records/1"])
def test_it_shows_a_user_without_a_role_nothing(callers, registry, path: str) -> None:
    response = callers["nobody"].get(path)
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
