"""F6: a reviewer's confidence and status must be one of the offered choices, on the page and in the API."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType

from tergeu.provenance.models import Claim
from tergeu.registry import facts
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db

HEADER = ["ФИО", "Место гибели"]
ROWS = [["Синтетов Арман Тестович", "Алматы"]]  # invented


@pytest.fixture
def record(write_csv, run_import) -> Record:
    assert run_import(write_csv("list.csv", HEADER, ROWS), list_name="synthetic list").ok
    return Record.objects.get()


@pytest.mark.parametrize("field", ["confidence", "status"])
def test_the_form_refuses_a_value_it_does_not_offer(client_as, record: Record, field: str) -> None:
    reviewer = client_as("reviewer")
    response = reviewer.post(f"/records/{record.public_id}/assess/", {"field": "full_name", field: "zzz"})
    assert response.status_code == 400
    assert "Assessment not stored" in response.content.decode()
    assert not Claim.objects.exists()
    assert reviewer.post(f"/records/{record.public_id}/assess/",
                         {"field": "full_name", "confidence": "high", "status": "confirmed"}).status_code == 302
    claim = Claim.objects.get()
    assert (claim.confidence, claim.status) == ("high", "confirmed")


def test_the_service_refuses_it_too(record: Record) -> None:
    with pytest.raises(facts.InvalidAssessment, match="confidence must be one of low, medium, high"):
        facts.assess(record, "full_name", confidence="zzz")
    with pytest.raises(facts.InvalidAssessment, match="status must be one of"):
        facts.assess(record, "full_name", status="<script>")
    assert not Claim.objects.exists()


def test_a_junk_value_stored_earlier_does_not_break_the_record_page(client_as, record: Record) -> None:
    Claim.objects.create(subject_type=ContentType.objects.get_for_model(Record), subject_id=record.pk, record=record,
                         field="full_name", value=record.facts["full_name"], source=record.imported_list.source,
                         confidence="zzz", status="yyy")
    page = client_as("reviewer").get(f"/records/{record.public_id}/")
    assert page.status_code == 200
    assert "zzz" in page.content.decode()
