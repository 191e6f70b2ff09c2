"""The Django admin lists no grant on a protected person the signed-in admin does not handle (review 15, 6)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tergeu.accounts import grants, roles
from tergeu.witnesses import service

pytestmark = pytest.mark.django_db


def _protected_rows(page: str) -> list[str]:
    """The list's rows whose scope is a protected person (the filter's list of types is not a row)."""
    return [row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if "field-scope_type" in row
            and "protected person" in row.lower()]


def _grant_list(user) -> str:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    answer = client.get("/admin/accounts/grant/")
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_grant_admin_hides_grants_on_people_the_admin_does_not_handle(witness, callers) -> None:
    admin = callers[roles.ADMIN].user
    page = _grant_list(admin)
    assert _protected_rows(page) == [] and callers[roles.INVESTIGATOR].user.username not in page


def test_the_grant_admin_shows_grants_on_people_the_admin_handles(witness, callers) -> None:
    admin = callers[roles.ADMIN].user
    mine = service.add_person({"name": "Synthetic Handled"}, by="t", user=admin)
    grants.grant(callers[roles.INVESTIGATOR].user, mine, by="t")
    page = _grant_list(admin)
    rows = _protected_rows(page)
    assert len(rows) == 2  # the admin's own grant and the investigator's, not the witness's handler's
    assert all(f">{mine.pk}<" in row for row in rows)
