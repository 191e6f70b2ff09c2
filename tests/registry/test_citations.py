"""Citations: a further source for any row (here a record's fact and a list), refused when unreadable,
seen only by those who may see both the row and the source."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from tergeu.accounts import roles
from tergeu.accounts.access import visible_to
from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import acting_as
from tergeu.provenance.citations import InvalidCitation, citations_of, cite
from tergeu.provenance.models import Citation, Claim
from tergeu.registry.facts import cite_fact, facts_of
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
SHA = "ab" * 32


@pytest.fixture
def record(registry) -> Record:
    return Record.objects.filter(imported_list=registry.shared).order_by("pk").first()


def test_a_fact_cites_a_further_source_without_being_assessed(record, registry) -> None:
    with acting_as("investigator1"):
        citation = cite_fact(record, "place_of_death", registry.private.source, locator="p. 4, para 2",
                             confidence="high", status="confirmed", evidence_sha256=SHA.upper(),
                             valid_from=datetime.date(2022, 1, 5), valid_to=datetime.date(2022, 1, 7))
    assert (citation.cited, citation.field) == (record, "place_of_death")
    assert citation.cited_by == "investigator1" and citation.evidence_sha256 == SHA
    (fact,) = [f for f in facts_of(record, Citation.objects.all()) if f.field == "place_of_death"]
    assert fact.citations == (citation,) and not fact.assessed and not Claim.objects.exists()
    assert [f.citations for f in facts_of(record)] == [()] * len(record.facts)  # none unless asked for
    assert ChangeEntry.objects.filter(object_type__model="citation", action="create").count() == 1


@pytest.mark.parametrize("changes, message", [
    ({"confidence": "zzz"}, "confidence must be one of"),
    ({"status": "maybe"}, "status must be one of"),
    ({"evidence_sha256": "not-a-hash"}, "64"),
    ({"valid_from": datetime.date(2022, 1, 9), "valid_to": datetime.date(2022, 1, 5)}, "ends"),
    ({"locator": "p. 1\x00"}, "NUL"),
    ({"note": "x" * 2001}, "longer than 2000"),
])
def test_an_unreadable_citation_is_refused_and_leaves_nothing(record, registry, changes, message) -> None:
    values = {"confidence": "high", "status": "confirmed", **changes}
    with pytest.raises(InvalidCitation, match=message):
        cite_fact(record, "place_of_death", registry.shared.source, **values)
    assert not Citation.objects.exists() and not Claim.objects.exists()


def test_any_row_can_be_cited_and_is_seen_only_with_row_and_source(callers, registry) -> None:
    on_shared = cite(registry.shared, registry.shared.source, locator="annex 2")
    from_private_source = cite(registry.shared, registry.private.source, locator="p. 1")
    on_private = cite(registry.private, registry.shared.source, locator="annex 3")
    assert citations_of([registry.shared], Citation.objects.all())[registry.shared.pk] == [on_shared,
                                                                                          from_private_source]
    mission = callers[roles.EXPERT_MISSION].user
    assert citations_of([registry.shared], visible_to(mission, Citation))[registry.shared.pk] == [on_shared]
    assert set(visible_to(mission, Citation)) == {on_shared}
    assert set(visible_to(callers[roles.REVIEWER].user, Citation)) == {on_shared, from_private_source, on_private}


def test_the_record_page_and_api_show_only_citations_the_viewer_may_see(callers, registry, record) -> None:
    cite_fact(record, "place_of_death", registry.shared.source, locator="p. 7", confidence="high",
              status="confirmed")
    cite_fact(record, "place_of_death", registry.private.source, locator="p. 9", confidence="low",
              status="pending")
    client = Client()
    client.force_login(callers[roles.EXPERT_MISSION].user)
    page = client.get(f"/records/{record.public_id}/").content.decode()
    assert "p. 7" in page and "p. 9" not in page and registry.private.source.name not in page
    api = callers[roles.EXPERT_MISSION].get(f"/api/records/{record.public_id}").json()
    (place,) = [f for f in api["facts"] if f["field"] == "place_of_death"]
    assert [(c["locator"], c["cited_by"]) for c in place["citations"]] == [("p. 7", None)]  # no staff names
    assert not place["assessed"]  # the hidden citation changed nothing the mission sees
    reviewer = callers[roles.REVIEWER].get(f"/api/records/{record.public_id}").json()
    (place,) = [f for f in reviewer["facts"] if f["field"] == "place_of_death"]
    assert [c["locator"] for c in place["citations"]] == ["p. 7", "p. 9"] and place["citations"][0]["cited_by"]


def test_a_reviewer_cites_from_the_record_page(callers, registry, record) -> None:
    client = Client()
    client.force_login(callers[roles.REVIEWER].user)
    form = {"field": "place_of_death", "source": registry.private.source.public_id, "locator": "row 3",
            "confidence": "medium", "status": "confirmed", "evidence_sha256": SHA, "valid_from": "2022-01-05"}
    assert client.post(f"/records/{record.public_id}/cite/", form).status_code == 302
    assert Citation.objects.get().locator == "row 3"
    refused = client.post(f"/records/{record.public_id}/cite/", {**form, "valid_from": "5 January"})
    assert refused.status_code == 400 and Citation.objects.count() == 1
    for not_a_source in ("999999", str(registry.private.source_id)):  # a source is named by its public id
        refused = client.post(f"/records/{record.public_id}/cite/", {**form, "source": not_a_source})
        assert refused.status_code == 400 and Citation.objects.count() == 1
    nul = client.post(f"/records/{record.public_id}/cite/", {**form, "locator": "row\x003"})  # a 500 on PostgreSQL once
    assert nul.status_code == 400 and Citation.objects.count() == 1
    assessed = client.post(f"/records/{record.public_id}/assess/", {"field": "place_of_death", "note": "a\x00b"})
    assert assessed.status_code == 400 and not Claim.objects.exists()
