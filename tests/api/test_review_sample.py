"""The review queue over the API: the calibration sample as a filter, and decisions saying if they counted."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.linkage.models import LinkageRun, PairDecision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(registry) -> list[Record]:
    a, b, c = Record.objects.filter(imported_list=registry.shared).order_by("pk")[:3]
    LinkageRun.objects.create(started_by="t", review=[
        {"kind": "pair", "records": [a.pk, b.pk], "impact": 2.0, "probability": 0.5, "reasons": []},
        {"kind": "pair", "records": [c.pk, b.pk], "impact": 1.0, "probability": 0.3, "reasons": [], "sample": True}])
    return [a, b, c]


def decide(callers, left: Record, right: Record, **extra: object):
    return Client().post("/api/review/decisions",
                         {"left": left.public_id, "right": right.public_id, "decision": "same", **extra},
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {callers['reviewer'].token}")


def test_the_queue_filters_the_sample_and_marks_its_items(callers, queue) -> None:
    a, b, c = queue
    every = callers["reviewer"].get("/api/review").json()
    assert [(item["records"], item["sample"]) for item in every["items"]] == [
        ([a.public_id, b.public_id], False), ([c.public_id, b.public_id], True)]
    sample = callers["reviewer"].get("/api/review", sample="true").json()
    assert sample["count"] == 1 and sample["items"][0]["records"] == [c.public_id, b.public_id]
    assert callers["reviewer"].get("/api/review", sample="false").json()["count"] == 2


def test_a_decision_says_whether_it_counted_for_the_sample(callers, queue) -> None:
    a, b, c = queue
    response = decide(callers, b, c)
    assert response.status_code == 200
    keys = ("sampled", "sample_decided", "sample_size", "sample_decided_in_order")
    assert {key: response.json()[key] for key in keys} == {
        "sampled": True, "sample_decided": 1, "sample_size": 1, "sample_decided_in_order": 1}
    claimed = decide(callers, a, b, sampled=True, sample=True)  # the caller's word is not taken
    assert claimed.status_code == 200 and claimed.json()["sampled"] is False
    assert dict(PairDecision.objects.values_list("left_id", "sampled")) == {a.pk: False, b.pk: True}
    assert callers["reviewer"].get("/api/review", sample="true").json()["count"] == 0
