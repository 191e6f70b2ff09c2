"""Names the resolver could not settle: listed with their candidates, decided by a person, the decision kept."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.test import Client

from tergeu.cli import cli
from tergeu.forces.models import Perpetrator
from tergeu.history.models import ChangeEntry

pytestmark = pytest.mark.django_db


def waiting() -> Perpetrator:
    return Perpetrator.objects.get(incident__external_id="I-1", kind="person")


def test_a_namesake_waits_with_both_candidates(force) -> None:
    result = CliRunner().invoke(cli, ["forces", "review", "--json"])
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.output)
    assert (item["kind"], item["mention"]) == ("perpetrator", "Ержан Серикболов")
    assert {c["id"] for c in item["candidates"]} == {"P-1", "P-2"}


def test_the_page_decides_and_the_decision_counts_in_vetting(force, callers) -> None:
    client = Client()
    client.force_login(callers["reviewer"].user)
    row = waiting()
    html = client.get("/forces/review/").content.decode()
    assert "Ержан Серикболов" in html and "P-2" in html
    response = client.post(f"/forces/review/perpetrator/{row.pk}/", {"chosen": "P-2"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.official.external_id, row.verdict, row.decided_by) == ("P-2", "resolved", "reviewer-user")
    assert ChangeEntry.objects.filter(object_type__model="perpetrator", object_id=str(row.pk)).exists()
    assert "Ержан Серикболов" not in client.get("/forces/review/").content.decode()
    vetted = CliRunner().invoke(cli, ["vet", "-", "--kind", "person", "--json"],
                                input=json.dumps({"query": "Серикболов Ержан Кайратович"}))
    assert [(f["incident"], f["via"]) for f in json.loads(vetted.output)["findings"]] == [("I-1", "direct")]


def test_none_of_them_and_a_bad_choice(force) -> None:
    row = waiting()
    refused = CliRunner().invoke(cli, ["forces", "decide", "perpetrator", str(row.pk), "--choose", "P-404"])
    assert refused.exit_code != 0 and "no unit or person has the id 'P-404'" in refused.output
    assert waiting().verdict == "review"
    done = CliRunner().invoke(cli, ["forces", "decide", "perpetrator", str(row.pk), "--none"])
    assert done.exit_code == 0, done.output
    assert (waiting().verdict, waiting().official) == ("unresolved", None)
    again = CliRunner().invoke(cli, ["forces", "decide", "perpetrator", str(row.pk), "--none"])
    assert again.exit_code != 0 and "waits for a decision" in again.output


def test_roles_without_review_cannot_decide(force, callers) -> None:
    client = Client()
    client.force_login(callers["analyst"].user)
    row = waiting()
    assert client.get("/forces/review/").status_code == 404
    assert client.post(f"/forces/review/perpetrator/{row.pk}/", {"chosen": "P-2"}).status_code == 404
    assert waiting().verdict == "review"
