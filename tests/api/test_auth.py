"""Who may call the API: token or session, and every refusal as JSON."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tergeu.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_it_accepts_an_api_token(callers, registry) -> None:
    response = callers["investigator"].get("/api/lists")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["count"] == 2


def test_it_notes_when_a_token_was_last_used(callers) -> None:
    callers["analyst"].get("/api/sources")
    used = ApiToken.objects.get(user=callers["analyst"].user).last_used_at
    assert used is not None and timezone.now() - used < datetime.timedelta(minutes=1)


@pytest.mark.parametrize("header", [None, "Bearer tg_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz"])
def test_it_refuses_a_missing_or_wrong_token_with_json_401(client: Client, header: str | None) -> None:
    extra = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get("/api/records", **extra)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_it_refuses_the_token_of_a_deactivated_user(callers) -> None:
    caller = callers["investigator"]
    caller.user.is_active = False
    caller.user.save()
    assert caller.get("/api/sources").status_code == 401


def test_it_refuses_a_revoked_token(callers) -> None:
    ApiToken.objects.filter(user=callers["investigator"].user).delete()
    assert callers["investigator"].get("/api/sources").status_code == 401


def test_it_accepts_the_browser_session(callers, registry) -> None:
    client = Client()
    client.force_login(callers["analyst"].user)
    response = client.get("/api/records")
    assert response.status_code == 200
    assert response.json()["count"] == 4


def test_it_requires_the_csrf_token_for_a_session_post(callers, write_csv) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(callers["data-entry"].user)
    with write_csv("a.csv", ["ФИО"], [["Ахметова Айгерим"]]).open("rb") as upload:
        response = client.post("/api/import", {"file": upload, "list_name": "via session"})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_it_imports_over_the_session_with_the_csrf_token(callers, write_csv) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(callers["data-entry"].user)
    client.get("/")  # sets the CSRF cookie, as the site's pages do
    token = client.cookies["csrftoken"].value
    with write_csv("a.csv", ["ФИО"], [["Ахметова Айгерим"]]).open("rb") as upload:
        response = client.post("/api/import", {"file": upload, "list_name": "via session"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200, response.json()


def test_it_answers_an_anonymous_post_with_401_not_a_csrf_error() -> None:
    response = Client(enforce_csrf_checks=True).post("/api/import", {"list_name": "x"})
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/api/", "/api/nothing-here", "/api/sources/1/extra", "/api/persons"])
def test_it_answers_unknown_api_paths_with_json_404(callers, path: str) -> None:
    response = callers["investigator"].get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_it_serves_no_html_docs_page(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
