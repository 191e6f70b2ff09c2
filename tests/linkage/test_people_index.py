"""The people index (/people/ and /api/people-index): rows, facets with counts, filters, who sees what."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

from people_fixtures import Linked, link_as_one
from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def _facet(page: str, name: str) -> dict[str, int]:
    """The facet's values as the page shows them: label → count."""
    block = page.split(f'data-facet="{name}"', 1)[1].split("</details>", 1)[0]
    return {label.strip(): int(count) for label, count in re.findall(
        r'<a href="[^"]*"[^>]*>([^<]+)</a> <span class="tg-count" data-testid="facet-count">(\d+)</span>', block)}


def _names(page: str) -> list[str]:
    table = page.split('data-testid="people"', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<a href="/people/[a-z2-7]{26}/">([^<]+)</a>', table)


def test_it_lists_each_person_once_with_facets_merged_by_place(linked: Linked, client_as) -> None:
    page = client_as(INVESTIGATOR).get("/people/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert len(_names(page)) == 4  # five records, four people
    assert _facet(page, "place") == {"Almaty": 3, "Taldykorgan": 1}  # г. Алматы, Алматы, Alma-Ata: one place
    assert _facet(page, "sex") == {"male": 2, "female": 2}
    assert _facet(page, "age") == {"18–29": 1, "30–44": 1, "45–59": 1, "60+": 1}
    assert _facet(page, "list") == {"morgue": 3, "volunteer ledger": 2}
    assert _facet(page, "circumstances") == {"огнестрельное ранение": 2, "в заключении": 1}
    first = page.split("Нурланов Жанболат Серикович", 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td>([^<]*)</td>", first)[:7]
    assert cells == ["34", "male", "5 Jan 2022", "Almaty", "в заключении", "2", "2"]


def test_each_facet_value_filters_and_the_other_facets_count_within(linked: Linked, client_as) -> None:
    client = client_as(INVESTIGATOR)
    almaty = client.get("/people/", {"place": "almaty"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert sorted(_names(almaty)) == ["Ахметова Айгерим Кайратовна", "Бекова Сауле Армановна",
                                      "Нурланов Жанболат Серикович"]
    assert _facet(almaty, "sex") == {"male": 1, "female": 2}
    assert _facet(almaty, "place") == {"Almaty": 3, "Taldykorgan": 1}  # its own facet ignores its own filter
    assert 'href="?place=taldykorgan"' in almaty  # a value is a link that filters
    women = client.get("/people/", {"place": "almaty", "sex": "F", "sort": "-age"}).content.decode()
    assert _names(women) == ["Бекова Сауле Армановна", "Ахметова Айгерим Кайратовна"]
    assert _names(client.get("/people/", {"age": "60+"}).content.decode()) == ["Бекова Сауле Армановна"]
    assert len(_names(client.get("/people/", {"date": "2022-01-06"}).content.decode())) == 2
    assert len(_names(client.get("/people/", {"list": linked.ngo.public_id}).content.decode())) == 2
    assert f'list={linked.ngo.public_id}"' in almaty  # the list facet links by public id
    assert len(_names(client.get("/people/", {"list": linked.ngo.pk}).content.decode())) == 0  # not by its key
    assert _names(client.get("/people/", {"place": "shymkent"}).content.decode()) == []


def test_the_expert_mission_sees_people_and_counts_only_through_shared_lists(linked: Linked, client_as) -> None:
    page = client_as(EXPERT_MISSION).get("/people/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Бекова" not in page and "volunteer ledger" not in page and "в заключении" not in page
    assert len(_names(page)) == 3
    assert _facet(page, "place") == {"Almaty": 2, "Taldykorgan": 1}
    assert _facet(page, "list") == {"morgue": 3}
    assert _facet(page, "circumstances") == {"огнестрельное ранение": 1}
    first = page.split("Нурланов Жанболат Серикович", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td>([^<]*)</td>", first)[4:7] == ["", "1", "1"]  # nothing stated; one list, one source


def test_the_api_answers_with_the_same_filters_and_visibility(linked: Linked, callers) -> None:
    everyone = callers[INVESTIGATOR].get("/api/people-index", place="almaty").json()
    assert (everyone["count"], everyone["total"]) == (3, 4)
    first = next(item for item in everyone["items"] if item["display_name"].startswith("Нурланов"))
    assert first["facts"]["circumstances"]["value"] == "в заключении"
    assert first["facts"]["circumstances"]["records"] == [{"list": "volunteer ledger", "row": 1}]
    assert first["place"]["key"] == "almaty" and first["place"]["names"]["kk"] == "Алматы"
    person = Record.objects.get(imported_list=linked.ngo, row_number=1).membership.person
    assert first["person"] == person.public_id  # the id /api/people/{id} and /people/ID/ take
    assert first["lists"] == [linked.morgue.public_id, linked.ngo.public_id]
    assert first["list_names"] == ["morgue", "volunteer ledger"]
    ngo = callers[INVESTIGATOR].get("/api/people-index", list=linked.ngo.public_id).json()
    assert ngo["count"] == 2 and all(linked.ngo.public_id in item["lists"] for item in ngo["items"])
    assert {(v["value"], v["label"], v["selected"]) for v in ngo["facets"]["list"]} == {
        (linked.morgue.public_id, "morgue", False), (linked.ngo.public_id, "volunteer ledger", True)}
    mission = callers[EXPERT_MISSION].get("/api/people-index").json()
    assert (mission["count"], mission["total"]) == (3, 3)
    assert {v["value"]: v["count"] for v in mission["facets"]["place"]} == {"almaty": 2, "taldykorgan": 1}
    assert "в заключении" not in str(mission)
    assert callers["nobody"].get("/api/people-index").status_code == 404
    assert callers[INVESTIGATOR].get("/api/people-index", sort="nonsense").status_code == 422
    assert callers[INVESTIGATOR].get("/api/people-index", list=linked.ngo.pk).status_code == 422  # a key is no id


def test_the_index_routes_do_not_clash_with_a_person_page(linked: Linked) -> None:
    """``people/<public_id:...>/`` matches only a 26-character token: ``download`` stays the download."""
    person = Record.objects.get(imported_list=linked.ngo, row_number=2).membership.person
    assert resolve("/people/download/").view_name == "linkage:people-export"
    assert resolve("/people/").view_name == "linkage:people"
    assert resolve(f"/people/{person.public_id}/").kwargs == {"person_id": person.public_id}
    with pytest.raises(Resolver404):
        resolve(f"/people/{person.pk}/")


def test_a_role_without_the_registry_gets_a_404(linked: Linked, client_as) -> None:
    assert client_as(None).get("/people/").status_code == 404


def test_the_page_makes_as_many_queries_for_many_people_as_for_few(linked: Linked, client_as, write_csv,
                                                                     run_import) -> None:
    client = client_as(INVESTIGATOR)
    with CaptureQueriesContext(connection) as few:
        client.get("/people/")
    rows = [[str(i), f"Тестов{i} Ерлан", str(20 + i), "М", "08.01.2022", "Шымкент", ""] for i in range(1, 31)]
    assert run_import(write_csv("more.csv", ["№", "ФИО", "Возраст", "Пол", "Дата гибели", "Место гибели",
                                             "Обстоятельства"], rows), list_name="more").ok
    records = list(Record.objects.select_related("imported_list").order_by("pk"))
    link_as_one(records, [(0, 3)])
    with CaptureQueriesContext(connection) as many:
        page = client.get("/people/").content.decode()
    assert len(_names(page)) == 34
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_chosen_filter_reads_by_name_even_when_the_other_filters_leave_nobody(linked: Linked, client_as) -> None:
    client = client_as(INVESTIGATOR)
    page = client.get("/people/", {"place": "almaty", "circumstances": "no such thing"},
                      HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    chips = page.split('data-testid="active-filters"', 1)[1].split("</p>", 1)[0]
    assert _names(page) == [] and "Место гибели: Алматы" in chips  # not the key "almaty"
    nobody_there = client.get("/people/", {"region": "mangystau-region"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Region: Mangystau Region" in nobody_there.split('data-testid="active-filters"', 1)[1]  # the gazetteer's
