"""A useful 404 page: says what may have happened and where to go, in the user's language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_page_explains_itself_and_leads_home(client_as, settings) -> None:
    settings.DEBUG = False
    response = client_as("reviewer").get("/records/999999/")
    page = response.content.decode()
    assert response.status_code == 404 and 'data-testid="not-found"' in page
    assert 'href="/"' in page and 'href="/registry/"' in page
    assert "nothing you may see" in page


def test_the_api_still_answers_json(client_as) -> None:
    response = client_as("reviewer").get("/api/records/999999")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
