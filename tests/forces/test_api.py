"""``GET /api/forces/command``: the same answer as the command line, for roles that see forces."""

from __future__ import annotations

import pytest

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
