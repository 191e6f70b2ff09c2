"""The review page shows the latest run's queue; a decision is stored with who and when."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.history.models import ChangeEntry
from tergeu.linkage.models import LinkageRun, PairDecision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client_as) -> Client:
    return client_as("reviewer", "reviewer1")


@pytest.fixture
def queued(write_csv, run_import) -> tuple[int, int]:
    run_import(write_csv("a.csv", ["ФИО", "Дата гибели"], [["Нурланов Ж.С.", "05.01.2022"]]), list_name="morgue")
    run_import(write_csv("b.csv", ["name", "date of death"], [["Zhanbolat Nurlanov", "January 6, 2022"]]),
               list_name="media")
    left, right = sorted(Record.objects.values_list("pk", flat=True))
    LinkageRun.objects.create(started_by="test", review=[{
        "kind": "pair", "records": [left, right], "impact": 1.0, "probability": 0.48, "reasons": [],
        "prior_bits": -6.5, "steps": [["family", "Exact match on family", 7.1], ["death_date", "within a day", -1.6]]}])
    return left, right


def test_it_shows_both_records_and_the_evidence(reviewer: Client, queued) -> None:
    page = reviewer.get("/review/").content.decode()
    assert "Нурланов Ж.С." in page and "Zhanbolat Nurlanov" in page
    assert "within a day" in page and "0.48" in page


def test_it_stores_a_decision_with_who_made_it(reviewer: Client, queued) -> None:
    left, right = queued
    named = dict(Record.objects.values_list("pk", "public_id"))  # the form names records by public id
    response = reviewer.post("/review/decide/", {"left": named[right], "right": named[left], "decision": "same"})
    assert response.status_code == 302
    decision = PairDecision.objects.get()
    assert (decision.left_id, decision.right_id, decision.decision, decision.decided_by) == (
        left, right, "same", "reviewer1")
    assert ChangeEntry.objects.filter(object_type__model="pairdecision", actor="reviewer1").exists()
    reviewer.post("/review/decide/", {"left": named[left], "right": named[right], "decision": "different"})
    assert PairDecision.objects.get().decision == "different"
