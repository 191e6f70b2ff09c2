"""People and the review queue over the API."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.linkage.models import LinkageRun, Membership, PairDecision, Person
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def test_it_shows_a_person_with_only_the_records_the_caller_may_see(callers, registry) -> None:
    shared = Record.objects.filter(imported_list=registry.shared).first()
    private = Record.objects.get(imported_list=registry.private)
    person = Person.objects.create(display_name=shared.display_name)
    Membership.objects.create(record=shared, person=person)
    Membership.objects.create(record=private, person=person)
    mission = callers["expert-mission"].get(f"/api/people/{person.pk}").json()
    assert [r["id"] for r in mission["records"]] == [shared.pk] and mission["lists"] == [registry.shared.pk]
    analyst = callers["analyst"].get(f"/api/people/{person.pk}").json()
    assert {r["id"] for r in analyst["records"]} == {shared.pk, private.pk}
    assert callers["analyst"].get("/api/people").json()["count"] == 1


def test_it_takes_a_reviewers_decision(callers, registry) -> None:
    left, right = Record.objects.filter(imported_list=registry.shared).values_list("pk", flat=True)[:2]
    LinkageRun.objects.create(started_by="t", review=[{"kind": "pair", "records": [left, right], "impact": 1.0,
                                                        "probability": 0.5, "reasons": []}])
    assert callers["reviewer"].get("/api/review").json()["items"][0]["records"] == [left, right]
    response = Client().post("/api/review/decisions", {"left": right, "right": left, "decision": "different"},
                             content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {callers['reviewer'].token}")
    assert response.status_code == 200
    assert PairDecision.objects.get().decided_by == "reviewer-user"
