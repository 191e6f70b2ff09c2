"""``GET /api/forces/command``: the same answer as the command line, for roles that see forces."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_answers_as_the_command_line_does(force, callers) -> None:
    response = callers["investigator"].get("/api/forces/command", unit="m/u 30417", on="2022-01-06")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["unit"] == "U-BAT" and [c["person"] for c in body["commanders"]] == ["P-1"]
    assert [p["unit"] for p in body["parents"]] == ["U-BDE"]


def test_an_unknown_unit_is_a_404_with_the_reason(force, callers) -> None:
    response = callers["analyst"].get("/api/forces/command", unit="Invented Border Outpost", on="2022-01-06")
    assert response.status_code == 404 and "no unit is surely named" in response.json()["detail"]


def test_it_is_not_found_for_roles_without_forces(force, callers) -> None:
    for role in ("expert-mission", "data-entry", "nobody"):
        assert callers[role].get("/api/forces/command", unit="U-BAT", on="2022-01-06").status_code == 404


def test_vetting_takes_the_name_in_the_body(force, callers) -> None:
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {callers['investigator'].token}"}
    response = client.post("/api/forces/vet", {"query": "Serikbolov Yerzhan", "kind": "person"},
                           content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["verdict"] == "review" and [f["incident"] for f in body["findings"]] == ["I-1"]
    unit = client.post("/api/forces/vet", {"query": "MU 50212", "kind": "unit", "on": "2022-01-06"},
                       content_type="application/json", **headers).json()
    assert (unit["verdict"], [f["via"] for f in unit["findings"]]) == ("flagged", ["child-unit"])


def test_the_assistance_review_answers_as_the_command_does(force, callers) -> None:
    body = callers["analyst"].get("/api/forces/assistance", incident="I-1").json()
    assert [(u["unit"], u["relation"]) for u in body["incidents"][0]["units"]] == [
        ("U-BAT", "direct"), ("U-BDE", "parent"), ("U-COY", "child")]
    assert callers["expert-mission"].get("/api/forces/assistance").status_code == 404
