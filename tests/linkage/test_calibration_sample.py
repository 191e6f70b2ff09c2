"""The calibration sample on the review page: decisions on its pairs, and only on them, are stored as sampled.

Every name here is invented.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tergeu.linkage.linking import decide_pair
from tergeu.linkage.models import LinkageRun, PairDecision
from tergeu.linkage.queue import open_items, sample_progress
from tergeu.linkage.undo import undo_last_decision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
HEADER = ["ФИО", "Дата рождения", "Место гибели"]
ROWS = [["Тестов Ерлан", "12.03.1990", "Алматы"], ["Тестов Ерлан Маратович", "12.03.1990", "Тараз"],
        ["Тестова Алия", "01.02.1985", "Алматы"], ["Тестова Алия Сериковна", "", "Алматы"]]


@pytest.fixture
def records(write_csv, run_import) -> list[Record]:
    """Four records and a run: one pair by impact, two of the calibration sample (one stored high id first)."""
    assert run_import(write_csv("a.csv", HEADER, ROWS), list_name="list a").ok
    a, b, c, d = Record.objects.order_by("pk")
    LinkageRun.objects.create(started_by="test", review=[
        {"kind": "pair", "records": [a.pk, b.pk], "impact": 3.0, "probability": 0.6, "reasons": []},
        {"kind": "pair", "records": [d.pk, c.pk], "impact": 2.0, "probability": 0.4, "reasons": [], "sample": True},
        {"kind": "pair", "records": [a.pk, c.pk], "impact": 1.0, "probability": 0.3, "reasons": [], "sample": True},
        {"kind": "cluster", "records": [a.pk, b.pk, c.pk], "impact": 0.5, "reasons": ["two dates of birth"]}])
    return [a, b, c, d]


@pytest.fixture
def reviewer(client_as) -> tuple[Client, object]:
    client = client_as("reviewer", "reviewer1")
    return client, get_user_model().objects.get(username="reviewer1")


def sampled() -> dict[tuple[int, int], bool]:
    return {(left, right): flag
            for left, right, flag in PairDecision.objects.values_list("left_id", "right_id", "sampled")}


def test_a_sample_pair_is_stored_as_sampled_in_either_order_and_others_are_not(records, reviewer) -> None:
    _client, user = reviewer
    a, b, c, d = (record.pk for record in records)
    decide_pair(user, c, d, "same")  # the run names it (d, c)
    decide_pair(user, b, a, "different")  # in the queue by impact, not in the sample
    assert sampled() == {(c, d): True, (a, b): False}


def test_a_client_cannot_claim_a_pair_is_sampled(records, reviewer) -> None:
    client, _user = reviewer
    a, b, *_rest = records
    client.post("/review/decide/", {"left": a.public_id, "right": b.public_id, "decision": "same",
                                    "sample": "1", "sampled": "true"})
    assert sampled() == {(a.pk, b.pk): False}


def test_a_sampled_decision_stays_sampled_when_changed_after_a_new_run(records, reviewer) -> None:
    _client, user = reviewer
    _a, _b, c, d = (record.pk for record in records)
    decide_pair(user, c, d, "unsure")
    LinkageRun.objects.create(started_by="test", review=[])  # a later run leaves decided pairs out of its sample
    decide_pair(user, c, d, "same")
    assert sampled() == {(c, d): True}


def test_undo_restores_whether_the_decision_was_sampled(records, reviewer) -> None:
    _client, user = reviewer
    a, b, *_rest = (record.pk for record in records)
    decide_pair(user, a, b, "unsure")  # decided while not in the sample
    run = LinkageRun.objects.first()
    run.review[0]["sample"] = True  # as if a run had drawn it
    run.save()
    decide_pair(user, a, b, "same")
    assert sampled() == {(a, b): True}
    assert undo_last_decision(user) is not None
    assert sampled() == {(a, b): False} and PairDecision.objects.get().decision == "unsure"
    decide_pair(user, a, b, "different")
    undo_last_decision(user)
    assert sampled() == {(a, b): False}


def test_the_queue_gives_the_sample_alone_and_counts_its_progress(records, reviewer) -> None:
    _client, user = reviewer
    a, _b, c, d = (record.pk for record in records)
    run = LinkageRun.objects.first()
    items, decided = open_items(run, user, {}, sample_only=True)
    assert [item["records"] for item in items] == [[d, c], [a, c]] and decided == 0
    assert vars(sample_progress(run, user)) == {"decided": 0, "size": 2, "read": 0, "waiting": 0}
    decide_pair(user, a, c, "different")  # the second in the sample's order: the estimate waits for the first
    assert vars(sample_progress(run, user)) == {"decided": 1, "size": 2, "read": 0, "waiting": 1}
    PairDecision.objects.update(sampled=False)  # any decision on a sample pair counts, wherever it was taken
    assert vars(sample_progress(run, user)) == {"decided": 1, "size": 2, "read": 0, "waiting": 1}
    decide_pair(user, c, d, "unsure")
    assert vars(sample_progress(run, user)) == {"decided": 2, "size": 2, "read": 2, "waiting": 0}


def test_a_pair_the_estimate_does_not_count_keeps_no_decision_waiting(records, reviewer) -> None:
    _client, user = reviewer
    a, _b, c, d = records
    c.facts = {"full_name": "Алия"}  # a given name alone: too thin to count, passed over by the estimate
    c.save(update_fields=["facts"])
    decide_pair(user, a.pk, c.pk, "different")
    decide_pair(user, c.pk, d.pk, "same")
    assert vars(sample_progress(LinkageRun.objects.first(), user)) == {"decided": 2, "size": 2, "read": 0,
                                                                      "waiting": 0}


def test_the_page_says_when_a_decision_waits_for_open_pairs_before_it(records, reviewer) -> None:
    client, user = reviewer
    a, _b, c, _d = (record.pk for record in records)
    decide_pair(user, a, c, "different")
    page = client.get("/review/", {"sample": "1"}).content.decode()
    assert re.search(r'data-testid="sample-progress">1 of 2 decided; <span data-testid="sample-in-order">'
                     r"decisions waiting for open pairs before them \(decide the sample in its order\): 1<", page)
    decide_pair(user, records[3].pk, c, "same")  # the first of the order: now both are read
    page = client.get("/review/", {"sample": "1"}).content.decode()
    assert re.search(r'data-testid="sample-progress">2 of 2 decided</span>', page)


def test_the_page_switches_to_the_sample_and_explains_it(records, reviewer) -> None:
    client, _user = reviewer
    page = client.get("/review/").content.decode()
    assert page.count('data-testid="review-item"') == 4
    assert page.count('data-testid="sample-mark"') == 2  # sample pairs are marked in the whole queue too
    assert 'href="?sample=1"' in page and 'data-testid="sample-help"' not in page
    assert re.search(r'data-testid="sample-progress">0 of 2 decided<', page)
    sample = client.get("/review/", {"sample": "1"}).content.decode()
    assert sample.count('data-testid="review-item"') == 2 and "two dates of birth" not in sample
    assert "chosen at random" in sample.split('data-testid="sample-help"')[1].split("</p>")[0]
    assert sample.count('<input type="hidden" name="sample" value="1">') == 2  # each form comes back here


def test_deciding_on_the_sample_page_comes_back_to_it(records, reviewer) -> None:
    client, _user = reviewer
    _a, _b, c, d = records
    response = client.post("/review/decide/", {"left": c.public_id, "right": d.public_id, "decision": "same",
                                               "sample": "1", "page": "2"})
    assert response.status_code == 302 and response["Location"] == "/review/?sample=1&page=2"
    page = client.get("/review/", {"sample": "1"}).content.decode()
    assert page.count('data-testid="review-item"') == 1
    assert re.search(r'data-testid="sample-progress">1 of 2 decided<', page)
    assert client.post("/review/undo/", {"sample": "1"})["Location"] == "/review/?sample=1"
    assert client.post("/review/undo/")["Location"] == "/review/"


def test_page_links_keep_the_sample_filter(records, reviewer, monkeypatch) -> None:
    client, _user = reviewer
    monkeypatch.setattr("tergeu.linkage.review_views.SHOWN", 1)
    page = client.get("/review/", {"sample": "1"}).content.decode()
    assert 'href="?sample=1&page=2"' in page


def test_the_sample_view_speaks_the_readers_language(records, reviewer) -> None:
    client, _user = reviewer
    client.post("/language/", {"language": "ru", "next": "/"})
    page = client.get("/review/", {"sample": "1"}).content.decode()
    assert "Калибровочная выборка" in page and "Решено 0 из 2" in page
    assert "выбраны случайно" in page.split('data-testid="sample-help"')[1]
