"""The review queue can be worked through: pages of 30, decided pairs drop out, clusters get decision forms.

Every name here is invented. ``queue_of_pairs`` is shared with the browser test of the same page.
"""

from __future__ import annotations

import re
from itertools import product

import pytest
from django.test import Client

from tergeu.linkage.models import LinkageRun, PairDecision, ScoredPairRow
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db

FAMILIES = ["Abenov", "Berikov", "Dauletov", "Ermekov", "Zhaksybekov", "Kairatov"]
GIVEN = ["Aidos", "Bolat", "Dias", "Erzhan", "Marat", "Nurbol", "Samat"]


def invented_records(write_csv, run_import, count: int) -> list[Record]:
    """Import one list of ``count`` invented people (distinct names) and return its records in row order."""
    names = [f"{family} {given}" for given, family in product(GIVEN, FAMILIES)][:count]
    report = run_import(write_csv("invented.csv", ["name"], [[name] for name in names]), list_name="invented list")
    assert report.ok, report.errors
    return list(Record.objects.filter(imported_list_id=report.imported_list_id).order_by("row_number"))


def queue_of_pairs(write_csv, run_import, count: int) -> list[Record]:
    """A run whose queue holds ``count`` pairs, item i pairing the first record with record i (1-based)."""
    records = invented_records(write_csv, run_import, count + 1)
    first = records[0].pk
    LinkageRun.objects.create(started_by="test", review=[
        {"kind": "pair", "records": [first, record.pk], "impact": 100.0 - number, "probability": 0.5, "reasons": []}
        for number, record in enumerate(records[1:], start=1)])
    return records


@pytest.fixture
def reviewer(client_as) -> Client:
    return client_as("reviewer", "reviewer1")


def decision_forms(page: str) -> list[tuple[int, int]]:
    """The (left, right) of every decision form on a page, as primary keys (the forms carry public ids)."""
    named = dict(Record.objects.values_list("public_id", "pk"))
    return [(named[left], named[right]) for left, right in re.findall(
        r'name="left" value="([a-z2-7]{26})"><input type="hidden" name="right" value="([a-z2-7]{26})"', page)]


def public(record: int) -> str:
    """A record's public id, as the decision forms post it."""
    return Record.objects.get(pk=record).public_id


def test_it_pages_through_the_whole_queue_in_order(reviewer: Client, write_csv, run_import) -> None:
    records = queue_of_pairs(write_csv, run_import, 35)
    first = reviewer.get("/review/").content.decode()
    assert first.count('data-testid="review-item"') == 30
    assert records[30].display_name in first and records[31].display_name not in first
    assert "page 1 of 2" in first and "?&page=2" in first
    assert decision_forms(first) == [(records[0].pk, record.pk) for record in records[1:31]]  # by public id
    second = reviewer.get("/review/?page=2").content.decode()
    assert second.count('data-testid="review-item"') == 5
    assert records[31].display_name in second and records[30].display_name not in second  # item 31 comes first
    assert second.index(records[31].display_name) < second.index(records[35].display_name)
    assert "page 2 of 2" in second and "?&page=1" in second


def test_it_leaves_out_decided_pairs_and_counts_them(reviewer: Client, write_csv, run_import) -> None:
    records = queue_of_pairs(write_csv, run_import, 3)
    run = LinkageRun.objects.get()
    run.review[0]["records"].reverse()  # the queue may hold a pair either way round
    run.save()
    PairDecision.objects.create(left=records[0], right=records[1], decision="unsure", decided_by="someone")
    page = reviewer.get("/review/").content.decode()
    assert records[1].display_name not in page and records[2].display_name in page
    assert page.count('data-testid="review-item"') == 2
    assert "1 decided since the last linkage run" in page
    assert len(LinkageRun.objects.get().review) == 3  # the run itself keeps its queue


def test_it_asks_about_each_pair_of_a_small_cluster(reviewer: Client, write_csv, run_import) -> None:
    a, b, c = (record.pk for record in invented_records(write_csv, run_import, 3))
    LinkageRun.objects.create(started_by="test", review=[{"kind": "cluster", "records": [a, b, c], "impact": 1.5,
                                                          "reasons": ["two records of list invented list"]}])
    page = reviewer.get("/review/").content.decode()
    assert decision_forms(page) == [(a, b), (a, c), (b, c)]
    assert 'data-testid="done"' not in page
    response = reviewer.post("/review/decide/", {"left": public(c), "right": public(a), "decision": "different"})
    assert response.status_code == 302
    assert PairDecision.objects.get().decision == "different"
    assert (PairDecision.objects.get().left_id, PairDecision.objects.get().right_id) == (a, c)
    reviewer.post("/review/decide/", {"left": public(a), "right": public(b), "decision": "same"})
    reviewer.post("/review/decide/", {"left": public(b), "right": public(c), "decision": "different"})
    page = reviewer.get("/review/").content.decode()
    assert 'data-testid="done"' in page and "0 decided since the last linkage run" in page  # still listed


def test_it_asks_about_the_weakest_pair_of_a_large_cluster(reviewer: Client, write_csv, run_import) -> None:
    ids = [record.pk for record in invented_records(write_csv, run_import, 5)]
    run = LinkageRun.objects.create(started_by="test", review=[{"kind": "cluster", "records": ids, "impact": 2.0,
                                                                "reasons": ["weak"]}])
    ScoredPairRow.objects.bulk_create([ScoredPairRow(run=run, left_id=left, right_id=right, probability=0.9)
                                       for number, left in enumerate(ids) for right in ids[number + 1:]])
    ScoredPairRow.objects.filter(left_id=ids[1], right_id=ids[3]).update(probability=0.12)
    page = reviewer.get("/review/").content.decode()
    assert decision_forms(page) == [(ids[1], ids[3])] and "0.12" in page
    assert page.count("invented list, ") >= 5 + 2  # all five records side by side, then the pair's two


def test_it_says_why_a_contradicting_decision_is_not_stored(reviewer: Client, write_csv, run_import) -> None:
    a, b, c = (record.pk for record in invented_records(write_csv, run_import, 3))
    LinkageRun.objects.create(started_by="test", review=[{"kind": "cluster", "records": [a, b, c], "impact": 1.5,
                                                          "reasons": ["weak"]}])
    for left, right, decision in ((a, b, "same"), (b, c, "same")):
        reviewer.post("/review/decide/", {"left": public(left), "right": public(right), "decision": decision})
    response = reviewer.post("/review/decide/", {"left": public(a), "right": public(c), "decision": "different"},
                             follow=True)
    assert "Decision not stored" in response.content.decode()
    assert not PairDecision.objects.filter(left_id=a, right_id=c).exists()


def test_it_returns_to_the_same_page_after_a_decision(reviewer: Client, write_csv, run_import) -> None:
    records = queue_of_pairs(write_csv, run_import, 32)
    response = reviewer.post("/review/decide/", {"left": records[0].public_id, "right": records[31].public_id,
                                                 "decision": "same", "page": "2"})
    assert response["Location"] == "/review/?page=2"
    page = reviewer.get(response["Location"]).content.decode()
    assert records[31].display_name not in page and records[32].display_name in page
    assert "1 decided since the last linkage run" in page


def test_it_ignores_numbers_that_are_not_ids(reviewer: Client, write_csv, run_import) -> None:
    records = queue_of_pairs(write_csv, run_import, 1)
    for left in ("²", "9" * 40, "x", str(records[0].pk), records[0].public_id.upper()):  # a pk is no id here
        response = reviewer.post("/review/decide/", {"left": left, "right": records[1].public_id, "decision": "same",
                                                     "page": "³"})
        assert response.status_code == 302 and response["Location"] == "/review/"
    assert not PairDecision.objects.exists()
