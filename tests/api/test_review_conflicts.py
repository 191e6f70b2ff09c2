"""The API refuses a decision that contradicts earlier ones, saying which."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.linkage.models import PairDecision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


def test_it_refuses_a_contradicting_decision_with_a_reason(callers, registry) -> None:
    a, b, c = Record.objects.filter(imported_list=registry.shared).order_by("pk").values_list(
        "public_id", flat=True)[:3]

    def decide(left: str, right: str, decision: str):
        return Client().post("/api/review/decisions", {"left": left, "right": right, "decision": decision},
                             content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {callers['reviewer'].token}")

    assert decide(a, b, "same").status_code == 200
    assert decide(b, c, "different").status_code == 200
    refused = decide(c, a, "same")
    assert refused.status_code == 400
    assert refused.json()["detail"] == (f"decision not stored: records {b} and {c} were decided to be different "
                                        "people, and this would join them")
    assert PairDecision.objects.count() == 2
