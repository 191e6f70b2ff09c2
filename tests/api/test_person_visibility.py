"""A person is shown, on the page and over the API, only as the viewer's visible records describe them.

The person below is stored the way linkage stores people (clustering, then ``store_all``) from one record
on a list shared with the expert mission and two on a private list, which spell the name in Kazakh and
in Latin letters, state another date, and make clustering doubt the person ("two records of list ...").
The expert mission must see none of that; a role that sees every list must see all of it.
All names are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from tergeu.core.linkage.clustering import ScoredPair, cluster_records
from tergeu.linkage.linking import linkage_constraints
from tergeu.linkage.models import LinkageRun, Person
from tergeu.linkage.people import store_all
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db

HEADER = ["№", "ФИО", "Место гибели", "Дата гибели"]
SHARED_SPELLING = "Тлеубердин Асхат Маратович"
PRIVATE_SPELLINGS = ("Тілеубердин Асқат Маратұлы", "Tileuberdin Askhat")
PRIVATE_LIST = "volunteer ledger"
PRIVATE_DATE = "2022-01-06"
PRIVATE_DATE_SHOWN = "6 Jan 2022"  # as the English page prints it (day first)


@dataclass
class Seen:
    person: Person
    shared: Record
    private: list[Record]


@pytest.fixture
def seen(write_csv, run_import) -> Seen:
    shared = run_import(write_csv("morgue.csv", HEADER, [["1", SHARED_SPELLING, "Алматы", "05.01.2022"]]),
                        list_name="morgue", source_name="City morgue")
    private = run_import(write_csv("ledger.csv", HEADER, [["1", name, "Алматы", "06.01.2022"]
                                                          for name in PRIVATE_SPELLINGS]),
                         list_name=PRIVATE_LIST, source_name="Volunteers")
    assert shared.ok and private.ok, (shared.errors, private.errors)
    ImportedList.objects.filter(pk=shared.imported_list_id).update(shared_with_mission=True)
    records = list(Record.objects.select_related("imported_list").order_by("pk"))
    ids = [r.pk for r in records]
    pairs = [ScoredPair(ids[0], ids[1], 0.95), ScoredPair(ids[0], ids[2], 0.95), ScoredPair(ids[1], ids[2], 0.9)]
    clusters = cluster_records(ids, pairs, linkage_constraints(records))
    assert len(clusters) == 1 and clusters[0].suspicious
    store_all(clusters, {r.pk: r for r in records}, LinkageRun.objects.create(started_by="test"))
    person = Person.objects.get()
    assert PRIVATE_LIST in " ".join(person.reasons) and person.display_name == PRIVATE_SPELLINGS[0]
    return Seen(person, records[0], records[1:])


def _page(user, person: Person) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(f"/people/{person.public_id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_expert_mission_a_person_only_as_the_shared_records_describe_them(callers, seen) -> None:
    page = _page(callers["expert-mission"].user, seen.person)
    assert SHARED_SPELLING in page
    for hidden in (*PRIVATE_SPELLINGS, PRIVATE_LIST, PRIVATE_DATE, PRIVATE_DATE_SHOWN, "of 3 records",
                   "Possibly more than one"):
        assert hidden not in page, hidden
    assert "1 of 1 record" in page and "of 1 records" not in page  # the page reads the note in words


def test_it_answers_the_expert_mission_with_a_person_only_as_the_shared_records_describe_them(callers,
                                                                                                seen) -> None:
    answer = callers["expert-mission"].get(f"/api/people/{seen.person.public_id}").json()
    assert answer["display_name"] == SHARED_SPELLING
    assert answer["suspicious"] is False and answer["reasons"] == []
    assert [r["id"] for r in answer["records"]] == [seen.shared.public_id]
    assert all(hidden not in str(answer) for hidden in (*PRIVATE_SPELLINGS, PRIVATE_LIST))
    listed = callers["expert-mission"].get("/api/people").json()["items"]
    assert [p["display_name"] for p in listed] == [SHARED_SPELLING]


def test_it_shows_a_role_that_sees_every_list_the_whole_person(callers, seen) -> None:
    page = _page(callers["analyst"].user, seen.person)
    for shown in (SHARED_SPELLING, *PRIVATE_SPELLINGS, PRIVATE_LIST, PRIVATE_DATE_SHOWN, "of 3 records"):
        assert shown in page, shown
    answer = callers["analyst"].get(f"/api/people/{seen.person.public_id}").json()
    assert answer["display_name"] == PRIVATE_SPELLINGS[0] and answer["suspicious"] is True
    assert any(PRIVATE_LIST in reason for reason in answer["reasons"])
    assert len(answer["records"]) == 3


def test_it_hides_a_person_whose_records_are_all_private(callers, seen) -> None:
    ImportedList.objects.filter(shared_with_mission=True).update(shared_with_mission=False)
    client = Client()
    client.force_login(callers["expert-mission"].user)
    assert client.get(f"/people/{seen.person.public_id}/").status_code == 404
    assert callers["expert-mission"].get(f"/api/people/{seen.person.public_id}").status_code == 404
    assert callers["expert-mission"].get("/api/people").json()["count"] == 0


def test_it_keeps_the_doubts_the_visible_records_give_when_others_are_hidden(callers, seen) -> None:
    ImportedList.objects.update(shared_with_mission=False)
    ImportedList.objects.filter(name=PRIVATE_LIST).update(shared_with_mission=True)  # only the ledger now
    answer = callers["expert-mission"].get(f"/api/people/{seen.person.public_id}").json()
    assert answer["display_name"] == PRIVATE_SPELLINGS[0] and answer["suspicious"] is True
    assert answer["reasons"] == [f"two records of list {PRIVATE_LIST}: possible duplicate or two people"]
    page = _page(callers["expert-mission"].user, seen.person)
    assert "2 of 2 records" in page and SHARED_SPELLING not in page and "City morgue" not in page
