"""People and the review queue over the API."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.linkage.models import LeftAloneAnswer, LinkageRun, Membership, PairDecision, Person, ScoredPairRow
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def test_it_shows_a_person_with_only_the_records_the_caller_may_see(callers, registry) -> None:
    shared = Record.objects.filter(imported_list=registry.shared).first()
    private = Record.objects.get(imported_list=registry.private)
    person = Person.objects.create(display_name=shared.display_name)
    Membership.objects.create(record=shared, person=person)
    Membership.objects.create(record=private, person=person)
    mission = callers["expert-mission"].get(f"/api/people/{person.public_id}").json()
    assert [r["id"] for r in mission["records"]] == [shared.public_id]
    assert mission["id"] == person.public_id and mission["lists"] == [registry.shared.public_id]
    analyst = callers["analyst"].get(f"/api/people/{person.public_id}").json()
    assert {r["id"] for r in analyst["records"]} == {shared.public_id, private.public_id}
    assert callers["analyst"].get("/api/people").json()["count"] == 1


def test_it_takes_a_reviewers_decision(callers, registry) -> None:
    left, right = Record.objects.filter(imported_list=registry.shared).order_by("pk")[:2]
    LinkageRun.objects.create(started_by="t", review=[{"kind": "pair", "records": [left.pk, right.pk], "impact": 1.0,
                                                        "probability": 0.5, "reasons": []}])
    assert callers["reviewer"].get("/api/review").json()["items"][0]["records"] == [left.public_id, right.public_id]
    response = Client().post("/api/review/decisions",
                             {"left": right.public_id, "right": left.public_id, "decision": "different"},
                             content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {callers['reviewer'].token}")
    assert response.status_code == 200
    assert response.json()["left"] == left.public_id and response.json()["right"] == right.public_id
    assert PairDecision.objects.get().decided_by == "reviewer-user"


def test_it_serves_the_left_alone_sample_and_takes_an_answer(callers, registry) -> None:
    records = list(Record.objects.order_by("pk"))
    for record in records:  # each record a person of its own, as a linkage that found no one would leave them
        Membership.objects.create(record=record, person=Person.objects.create(display_name=record.display_name))
    first, second = records[:2]
    run = LinkageRun.objects.create(started_by="t", review=[], left_alone=[[r.pk, int(r in (first, second))]
                                                                         for r in records])
    ScoredPairRow.objects.create(run=run, left_id=first.pk, right_id=second.pk, probability=0.12)
    reviewer = callers["reviewer"]
    served = reviewer.get("/api/review/left-alone").json()
    assert served["count"] == len(records)
    by_record = {item["record"]: item["candidates"] for item in served["items"]}
    assert by_record[first.public_id] == [{"record": second.public_id, "probability": 0.12}]
    response = Client().post("/api/review/left-alone",
                             {"record": first.public_id, "answer": "found", "partner": second.public_id},
                             content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {reviewer.token}")
    assert response.status_code == 200, response.content
    assert response.json() == {"record": first.public_id, "answer": "found", "had_scored_pair": True,
                               "decided_by": "reviewer-user", "answered": 1, "open": len(records) - 1, "read": 1,
                               "few": True}
    assert PairDecision.objects.get().decision == "same"
    assert reviewer.get("/api/review/left-alone").json()["count"] == len(records) - 1
    refused = Client().post("/api/review/left-alone", {"record": second.public_id, "answer": "nobody"},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {callers['analyst'].token}")
    assert refused.status_code == 404 and LeftAloneAnswer.objects.count() == 1
    LinkageRun.objects.filter(pk=run.pk).update(left_alone=[])  # a run whose sample no longer holds them
    outside = Client().post("/api/review/left-alone", {"record": second.public_id, "answer": "nobody"},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {reviewer.token}")
    assert outside.status_code == 400
    assert "not in the latest linkage run's left-alone sample" in outside.json()["detail"]
    again = Client().post("/api/review/left-alone", {"record": first.public_id, "answer": "unsure"},
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {reviewer.token}")
    assert again.status_code == 200 and again.json()["answer"] == "unsure"  # an answer may still be changed
