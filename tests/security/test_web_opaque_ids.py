"""F16: ids shown outside the database must not count the rows a viewer may not see.

Lists, records and people used to be named by their sequential primary keys: an expert-mission user
shown record 6 of a shared list knew that five rows of lists hidden from them came first. They are now
named by random public ids; the integer addresses resolve to nothing. The second half of F16 (the import
endpoint validating the body before the right to import) is replayed at the end. Every name is invented.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from tergeu.accounts import roles
from tergeu.core.linkage import Cluster
from tergeu.linkage.bulk import insert_rows
from tergeu.linkage.models import LinkageRun, Person
from tergeu.linkage.people import store_all
from tergeu.provenance.models import Source
from tergeu.registry.models import ImportedList, Record
from tergeu.toolkit import public_ids
from tergeu.toolkit.public_ids import is_public_id

pytestmark = pytest.mark.django_db

HEADER = ["ФИО", "Место гибели", "Дата гибели"]
HIDDEN_ROWS = [[f"Скрытов Тест {n}", "Тараз", "07.01.2022"] for n in range(1, 6)]
SHARED_ROWS = [["Открытова Дана", "Алматы", "05.01.2022"], ["Открытов Ерлан", "Алматы", "06.01.2022"]]
# keys holding one id ("person": the people index's rows); "lists" and review "records" hold several
ID_KEYS = ("id", "list_id", "imported_list_id", "person")


@pytest.fixture
def hidden_first(write_csv, run_import) -> list[Record]:
    """Five records of a list the mission may not see, imported first; then two of a shared list.

    Each record is its own person, made in import order, so the people's primary keys count too.
    """
    assert run_import(write_csv("hidden.csv", HEADER, HIDDEN_ROWS), list_name="hidden list").ok
    shared = run_import(write_csv("shared.csv", HEADER, SHARED_ROWS), list_name="shared list")
    assert shared.ok
    ImportedList.objects.filter(pk=shared.imported_list_id).update(shared_with_mission=True)
    records = list(Record.objects.order_by("pk"))
    _link([(record,) for record in records])
    return records


def _link(groups: list[tuple[Record, ...]]) -> dict[int, Person]:
    """Store these groups as the people (a full relink), as ``tergeu link`` would; each record's person."""
    clusters = [Cluster(tuple(sorted(r.pk for r in group)), 0.9, False, ()) for group in groups]
    store_all(clusters, {r.pk: r for group in groups for r in group}, LinkageRun.objects.create(started_by="test"))
    return {r.pk: r.membership.person for r in Record.objects.select_related("membership__person")}


def _ids_in(answer: Any) -> list[Any]:
    """Every id a JSON answer carries, at any depth."""
    if isinstance(answer, list):
        return [found for item in answer for found in _ids_in(item)]
    if not isinstance(answer, dict):
        return []
    ids = [value for key, value in answer.items() if key in ID_KEYS and value is not None]
    ids += [value for key, value in answer.items() if key == "lists" and isinstance(value, list)]
    return [*(i for value in ids for i in (value if isinstance(value, list) else [value])),
            *(found for value in answer.values() for found in _ids_in(value))]


def _mission_page(callers) -> Client:
    client = Client()
    client.force_login(callers[roles.EXPERT_MISSION].user)
    return client


def test_what_the_mission_is_shown_counts_nothing_hidden(callers, hidden_first: list[Record]) -> None:
    mission = callers[roles.EXPERT_MISSION]
    visible = hidden_first[5:]
    assert visible[0].pk > len(HIDDEN_ROWS)  # the primary key would have told how many hidden rows came first
    records = mission.get("/api/records").json()["items"]
    assert {item["display_name"] for item in records} == {name for name, _place, _date in SHARED_ROWS}
    answers = [records, mission.get("/api/lists").json(), mission.get("/api/people").json(),
               *(mission.get(f"/api/records/{item['id']}").json() for item in records)]
    shown = [found for answer in answers for found in _ids_in(answer)]
    assert len(shown) >= 2 * 4 + 1 + 2 * 4  # records, their lists; the list; people, their lists and records
    assert all(is_public_id(value) for value in shown), shown
    assert {item["id"] for item in records} == {record.public_id for record in visible}
    person = visible[0].membership.person.public_id
    pages = "".join(_mission_page(callers).get(path).content.decode() for path in (
        "/registry/", "/lists/", f"/lists/{visible[0].imported_list.public_id}/", f"/records/{visible[0].public_id}/",
        f"/people/{person}/"))
    linked = re.findall(r'href="/(?:records|people|lists)/([^/"]+)/', pages) + re.findall(r'\?list=([^"&]+)', pages)
    for name in ("list", "source"):  # the registry's filters
        linked += re.findall(r'<option value="([^"]+)"', re.search(f'<select name="{name}">.*?</select>', pages)[0])
    assert len(linked) >= 2 + 2 + 1 + 1 + 1 + 1 and all(is_public_id(value) for value in linked), linked


def test_the_people_index_names_people_and_lists_by_public_id(callers, hidden_first: list[Record]) -> None:
    """The people index (page, API, download) shows the mission its two people and the shared list by
    public id only: no link, facet value, field or cell that a primary key (6, 7; list 2) could fill."""
    visible = hidden_first[5:]
    people = {record.membership.person.public_id for record in visible}
    shared = visible[0].imported_list
    assert min(record.membership.person.pk for record in visible) > len(HIDDEN_ROWS)  # keys would count
    page = _mission_page(callers).get("/people/").content.decode()
    assert set(re.findall(r'href="/people/([^/"]+)/"', page)) == people
    assert re.findall(r'[?&;]list=([^"&]+)"', page) == [shared.public_id]  # the list facet's one value
    index = callers[roles.EXPERT_MISSION].get("/api/people-index").json()
    assert {item["person"] for item in index["items"]} == people
    shown = _ids_in(index["items"]) + [value["value"] for value in index["facets"]["list"]]
    assert len(shown) == 2 + 2 + 1 and all(is_public_id(value) for value in shown), shown  # people, lists, facet
    assert set(shown) == people | {shared.public_id}
    assert callers[roles.EXPERT_MISSION].get("/api/people-index", list=shared.pk).status_code == 422
    download = _mission_page(callers).get
    rows = list(csv.DictReader(io.StringIO(download("/people/download/", {"format": "csv"}).content.decode())))
    lines = [json.loads(line) for line in download("/people/download/", {"format": "json"}).content.splitlines()]
    sheet = load_workbook(io.BytesIO(download("/people/download/", {"format": "xlsx"}).content), read_only=True)
    cells = list(sheet["people"].iter_rows(values_only=True))
    columns = cells[0].index("person"), cells[0].index("lists")
    for found in ([(row["person"], row["lists"]) for row in rows], [(line["person"], *line["lists"]) for line in lines],
                  [tuple(row[i] for i in columns) for row in cells[1:]]):
        assert len(found) == 2 and {person for person, _list in found} == people, found
        assert {listed for _person, listed in found} == {shared.public_id}, found


def test_ids_do_not_follow_the_order_rows_were_made_in(write_csv, run_import) -> None:
    rows = [[f"Порядков Тест {n:02}", "Алматы", "05.01.2022"] for n in range(30)]
    assert run_import(write_csv("many.csv", HEADER, rows), list_name="many").ok
    made = list(Record.objects.order_by("pk").values_list("public_id", flat=True))
    assert len(set(made)) == 30 and all(is_public_id(value) for value in made)
    assert made != sorted(made) and made != sorted(made, reverse=True)  # 30 random ids: 2 in 30! by chance


def test_every_way_of_making_rows_gives_each_its_own_id(hidden_first: list[Record]) -> None:
    """The import's bulk insert, linkage's ``bulk_create`` and ``insert_rows`` (which bypass the ORM's
    defaults) and the ORM all give public ids."""
    insert_rows(Person, ("display_name", "cohesion", "suspicious", "created_at"),
                [(f"Массов {n}", 1.0, False, timezone.now()) for n in range(3)])
    for model, count in ((Source, 2), (ImportedList, 2), (Record, 7), (Person, 7 + 3)):
        ids = list(model.objects.values_list("public_id", flat=True))
        assert len(ids) == len(set(ids)) == count and all(is_public_id(value) for value in ids), model


@pytest.mark.parametrize("role", [roles.EXPERT_MISSION, roles.ADMIN])
def test_the_integer_address_of_a_row_the_viewer_may_see_is_404(callers, hidden_first: list[Record],
                                                                  role: str) -> None:
    record = hidden_first[-1]
    person, imported = record.membership.person, record.imported_list
    client = Client()
    client.force_login(callers[role].user)
    for page in (f"/records/{record.pk}/", f"/people/{person.pk}/", f"/lists/{imported.pk}/"):
        assert client.get(page).status_code == 404, page
    for path in (f"/api/records/{record.pk}", f"/api/people/{person.pk}", f"/api/lists/{imported.pk}"):
        assert callers[role].get(path).status_code == 404, path
    assert client.get(f"/records/{record.public_id}/").status_code == 200  # the same row by its public id
    assert callers[role].get(f"/api/people/{person.public_id}").json()["id"] == person.public_id
    assert callers[role].get(f"/api/lists/{imported.public_id}").json()["id"] == imported.public_id


def test_the_mission_cannot_reach_a_hidden_row_by_its_public_id(callers, hidden_first: list[Record]) -> None:
    hidden = hidden_first[0]
    client = _mission_page(callers)
    assert client.get(f"/records/{hidden.public_id}/").status_code == 404
    assert client.get(f"/people/{hidden.membership.person.public_id}/").status_code == 404
    assert callers[roles.EXPERT_MISSION].get(f"/api/records/{hidden.public_id}").status_code == 404
    assert callers[roles.EXPERT_MISSION].get(f"/api/lists/{hidden.imported_list.public_id}").status_code == 404


def test_ids_survive_a_relink_and_a_retired_person_leads_on(callers, hidden_first: list[Record]) -> None:
    """The mission's two records become one person: one person persists with its id, the other is retired
    and its page and API id lead to the persisting one, by public id; the hidden people keep theirs."""
    before = {record.pk: record.membership.person for record in hidden_first}
    dana, erlan = hidden_first[5:]
    after = _link([*((record,) for record in hidden_first[:5]), (dana, erlan)])
    assert all(after[r.pk].public_id == before[r.pk].public_id for r in hidden_first[:5])
    kept = after[dana.pk]
    assert kept.public_id in {before[dana.pk].public_id, before[erlan.pk].public_id}
    (retired,) = {before[dana.pk], before[erlan.pk]} - {kept}
    client = _mission_page(callers)
    assert client.get(f"/people/{retired.public_id}/")["Location"] == f"/people/{kept.public_id}/"
    api = callers[roles.EXPERT_MISSION].get(f"/api/people/{retired.public_id}")
    assert api.status_code == 302 and api["Location"] == f"/api/people/{kept.public_id}"
    assert client.get(f"/people/{retired.pk}/").status_code == 404
    assert client.get(f"/people/{kept.public_id}/").status_code == 200


def _page_as(callers, role: str) -> Client:
    client = Client()
    client.force_login(callers[role].user)
    return client


def _named(page: str) -> list[str]:
    """Every id a page names a list, record or person by: links, and the values of id-carrying inputs."""
    return (re.findall(r'href="/(?:records|people|lists)/([^/"]+)/', page)
            + re.findall(r'name="(?:left|right|lists)" value="([^"]*)"', page))


def test_the_review_estimation_and_history_pages_name_rows_by_public_id(callers, hidden_first: list[Record]) -> None:
    """The pages added with the review polish, list choice, web linkage and before/after history: the
    review's pair forms and undo, the estimation page's list boxes and linkage job, the estimates' settings
    in the API, and the history's links to the records a decision names."""
    dana, erlan = hidden_first[5:]
    LinkageRun.objects.create(started_by="test", review=[
        {"kind": "pair", "records": [dana.pk, erlan.pk], "impact": 1.0, "probability": 0.6, "reasons": []}])
    reviewer = _page_as(callers, roles.REVIEWER)
    review = reviewer.get("/review/").content.decode()  # the pair open, its forms
    assert reviewer.post("/review/decide/", {"left": dana.public_id, "right": erlan.public_id,
                                             "decision": "unsure", "note": "ask"}).status_code == 302
    decided = reviewer.get("/review/").content.decode()  # the pair decided: the undo form names nothing
    assert 'data-testid="undo-form"' in decided and not _named(decided)
    analyst = _page_as(callers, roles.ANALYST)
    assert analyst.post("/link/").status_code == 302  # a linkage job, run at once in tests
    shared = ImportedList.objects.get(name="shared list")
    assert analyst.post("/estimates/run/", {"method": "loglinear", "linkage_draws": "0", "lists_chosen": "1",
                                            "lists": [shared.public_id]}).status_code == 302
    estimates = analyst.get("/estimates/").content.decode()
    history = _page_as(callers, roles.ADMIN).get("/history/").content.decode()
    named = [_named(page) for page in (review, estimates, history)]
    assert len(named[0]) >= 2 + 2 and len(named[1]) == 2 and len(named[2]) >= 2, named  # links, pair, lists
    assert all(is_public_id(value) for found in named for value in found), named
    assert {dana.public_id, erlan.public_id} <= set(named[2])  # the decision's records, linked
    job_area = estimates.split('data-testid="linkage-status"')[1].split("</section>")[0]
    assert not re.search(r'(?:href|value)="', job_area)  # the job is shown, never addressed
    (estimate,) = callers[roles.ANALYST].get("/api/estimates").json()["items"]
    assert estimate["settings"]["lists"] == [shared.public_id]
    mission = _mission_page(callers)
    for path in ("/link/", "/review/undo/", "/review/decide/", "/estimates/run/"):
        assert mission.post(path).status_code == 404, path


@pytest.mark.parametrize("role", [roles.EXPERT_MISSION, roles.ANALYST, "nobody"])
@pytest.mark.parametrize("body", [{}, {"list_name": "  "}, {"list_name": "x", "dry_run": "maybe"}])
def test_import_refuses_a_role_without_the_right_before_reading_the_body(callers, role: str, body: dict) -> None:
    """A body that would be a 422 for an importer is a 404 for anyone else: the 422 would name the fields
    of an endpoint that, for them, does not exist. (Already right before this change; guarded here.)"""
    response = callers[role].post("/api/import", body)
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    assert callers[roles.DATA_ENTRY].post("/api/import", body).status_code == 422  # the body is indeed bad
    assert Client().post("/api/import", body).status_code == 401


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_rows_distinct_ids(monkeypatch) -> None:
    """Rows made before the column existed (sources, lists, records, people) get distinct ids, batch
    after batch (two rows a batch here, so the walk along the primary key is exercised)."""
    monkeypatch.setattr(public_ids, "FILL_BATCH", 2)
    executor = MigrationExecutor(connection)
    before = [("provenance", "0006_public_id_added"), ("registry", "0002_public_id_added"),
              ("linkage", "0004_public_id_added")]
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    source = old.get_model("provenance", "Source").objects.create(name="Синтетический источник", kind="ngo")
    imported = old.get_model("registry", "ImportedList").objects.create(
        name="old list", source=source, file_name="old.csv", file_format="csv", sha256="0" * 64)
    old_records = old.get_model("registry", "Record")
    old_records.objects.bulk_create([old_records(imported_list=imported, row_number=n, raw=[]) for n in (1, 2, 3)])
    old_people = old.get_model("linkage", "Person")
    old_people.objects.bulk_create([old_people(display_name=f"Старый {n}") for n in (1, 2)])
    assert old_records.objects.filter(public_id__isnull=True).count() == 3
    MigrationExecutor(connection).migrate(latest)
    for model, count in ((Source, 1), (ImportedList, 1), (Record, 3), (Person, 2)):
        ids = list(model.objects.values_list("public_id", flat=True))
        assert len(ids) == len(set(ids)) == count and all(is_public_id(value) for value in ids), model
