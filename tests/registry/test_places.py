"""Places merged by the gazetteer: the key stored at import, filters, counts, the unknown places to review."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR
from tergeu.cli import cli
from tergeu.registry.models import ImportedList, Record
from tergeu.registry.places import place_counts, refresh_place_keys, unknown_places

HEADER = ["ФИО", "Место гибели"]
ROWS = [["Нурланов Ж.С.", "Алматы"], ["Серикова А.", "г. Алматы"], ["Ахметов Б.", "Alma-Ata"],
        ["Иванов П.", "Алматинская обл., г. Талдыкорган"], ["Омаров Д.", "Шортанды-7"], ["Беков Е.", "Шортанды-7"],
        ["Касымов Ж.", ""]]


@pytest.fixture
def imported(db, write_csv, run_import) -> ImportedList:
    report = run_import(write_csv("a.csv", HEADER, ROWS), list_name="hospital")
    assert report.ok
    return ImportedList.objects.get(pk=report.imported_list_id)


def test_the_import_stores_the_gazetteer_key_beside_the_place_as_written(imported: ImportedList) -> None:
    stored = dict(Record.objects.order_by("row_number").values_list("place", "place_key"))
    assert stored == {"Алматы": "almaty", "г. Алматы": "almaty", "Alma-Ata": "almaty",
                      "Алматинская обл., г. Талдыкорган": "taldykorgan", "Шортанды-7": "", "": ""}


def test_counts_merge_spellings_and_keep_unknown_places_as_written(imported: ImportedList) -> None:
    counts = place_counts(Record.objects.all(), "kk")
    assert [(c.value, c.label, c.count, c.known) for c in counts] == [
        ("almaty", "Алматы", 3, True), ("~Шортанды-7", "Шортанды-7", 2, False), ("taldykorgan", "Талдықорған", 1, True)]
    assert unknown_places(Record.objects.all()) == [("Шортанды-7", 2)]


def test_the_registry_filters_by_key_and_by_a_place_as_written(imported: ImportedList, client_as) -> None:
    client = client_as(INVESTIGATOR)
    almaty = client.get("/registry/", {"place": "almaty"}).content.decode()
    assert all(name in almaty for name in ("Нурланов", "Серикова", "Ахметов")) and "Иванов" not in almaty
    unknown = client.get("/registry/", {"place": "~Шортанды-7"}).content.decode()
    assert "Омаров" in unknown and "Нурланов" not in unknown
    page = client.get("/registry/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count('<option value="almaty"') == 1 and "Almaty (3)" in page


def test_the_api_filters_by_key(imported: ImportedList, callers) -> None:
    found = callers[INVESTIGATOR].get("/api/records", place="almaty").json()
    assert found["count"] == 3


def test_the_place_filter_combines_with_the_list_and_source_filters_by_public_id(imported: ImportedList, client_as,
                                                                               callers, write_csv, run_import) -> None:
    morgue = run_import(write_csv("b.csv", HEADER, [["Тестова Дана", "Алматы"]]), list_name="morgue",
                        source_name="City morgue")
    assert morgue.ok
    client = client_as(INVESTIGATOR)
    both = client.get("/registry/", {"place": "almaty"}).content.decode()
    assert "Тестова" in both and "Нурланов" in both
    hospital = client.get("/registry/", {"place": "almaty", "list": imported.public_id}).content.decode()
    assert "Нурланов" in hospital and "Тестова" not in hospital
    source = ImportedList.objects.get(pk=morgue.imported_list_id).source
    by_source = client.get("/registry/", {"place": "almaty", "source": source.public_id}).content.decode()
    assert "Тестова" in by_source and "Нурланов" not in by_source
    api = callers[INVESTIGATOR].get("/api/records", place="almaty", list=imported.public_id).json()
    assert api["count"] == 3 and {item["list"]["id"] for item in api["items"]} == {imported.public_id}
    assert callers[INVESTIGATOR].get("/api/records", place="almaty", list=imported.pk).status_code == 422


def test_the_places_page_lists_unknown_places_from_visible_records_only(imported, registry, client_as) -> None:
    page = client_as(INVESTIGATOR).get("/registry/places/").content.decode()
    assert "Шортанды-7" in page and "Almaty" in page
    mission = client_as(EXPERT_MISSION).get("/registry/places/").content.decode()
    assert "Шортанды-7" not in mission  # the list naming it is not shared with the mission
    assert "no-unknown-places" in mission and "Taraz" not in mission  # the private list's place is hidden too


@pytest.mark.django_db(transaction=True)
def test_the_command_lists_places_and_unknown_places(write_csv, run_import) -> None:
    assert run_import(write_csv("a.csv", HEADER, ROWS), list_name="hospital").ok
    places = json.loads(CliRunner().invoke(cli, ["places", "--json"]).stdout)
    assert places[0] == {"key": "almaty", "place": "Almaty", "records": 3}
    unknown = json.loads(CliRunner().invoke(cli, ["places", "--unknown", "--json"]).stdout)
    assert unknown == [{"place": "Шортанды-7", "records": 2}]


def test_refresh_recomputes_keys_that_are_out_of_date(imported: ImportedList) -> None:
    Record.objects.filter(place="Alma-Ata").update(place_key="")
    Record.objects.filter(place="Шортанды-7").update(place_key="almaty")
    assert refresh_place_keys() == 3
    assert dict(Record.objects.values_list("place", "place_key"))["Alma-Ata"] == "almaty"
    assert refresh_place_keys() == 0
