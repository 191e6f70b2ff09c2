"""The handlers' pages and API: need to know (404 without a grant), reveals with a reason, no caching."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tergeu.accounts import grants, roles
from tergeu.witnesses import records, service
from tergeu.witnesses.models import PressureEvent, ProtectedPerson, RevealLog, Statement
from witness_fixtures import CANARY

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _faces(client: Client, caller, person) -> dict[str, int]:
    """Every page and operation naming the person, as the status each answers."""
    pid = person.public_id
    return {
        "page": client.get(reverse("witnesses:person", args=[pid])).status_code,
        "statement": client.post(reverse("witnesses:statement", args=[pid]), {"text": "synthetic"}).status_code,
        "pressure": client.post(reverse("witnesses:pressure", args=[pid]),
                                {"occurred_on": "2022-03-01", "kind": "threat"}).status_code,
        "reveal": client.post(reverse("witnesses:reveal", args=[pid]), {"reason": "walking the pages"}).status_code,
        "api get": caller.get(f"/api/witnesses/{pid}").status_code,
        "api reveal": Client().post(f"/api/witnesses/{pid}/reveal", {"reason": "walking the api"},
                                    content_type="application/json",
                                    HTTP_AUTHORIZATION=f"Bearer {caller.token}").status_code,
        "listed": int(pid in caller.get("/api/witnesses").content.decode()),
        "dashboard": int(person.pseudonym in client.get(reverse("witnesses:index")).content.decode()),
    }


def test_a_handler_without_a_grant_gets_404_everywhere_until_granted(witness, callers) -> None:
    admin = callers[roles.ADMIN]
    hidden = {"page": 404, "statement": 404, "pressure": 404, "reveal": 404, "api get": 404, "api reveal": 404,
              "listed": 0, "dashboard": 0}
    assert _faces(_client(admin.user), admin, witness) == hidden
    assert not RevealLog.objects.exists() and not Statement.objects.exists()
    grants.grant(admin.user, witness, by="test", level="edit")
    assert _faces(_client(admin.user), admin, witness) == {
        "page": 200, "statement": 302, "pressure": 302, "reveal": 200, "api get": 200, "api reveal": 200,
        "listed": 1, "dashboard": 1}
    assert RevealLog.objects.filter(person=witness, actor="admin-user").count() == 2
    grants.revoke(admin.user, witness)
    assert _faces(_client(admin.user), admin, witness) == hidden


def test_a_view_grant_reads_but_does_not_write(witness, callers) -> None:
    admin = callers[roles.ADMIN]
    grants.grant(admin.user, witness, by="test")
    faces = _faces(_client(admin.user), admin, witness)
    assert (faces["page"], faces["statement"], faces["pressure"]) == (200, 404, 404)
    assert not PressureEvent.objects.exists()


def test_the_identity_is_shown_only_in_a_reveal_answer_never_cached(witness, callers) -> None:
    client = _client(callers[roles.INVESTIGATOR].user)
    page = client.get(reverse("witnesses:person", args=[witness.public_id]))
    assert "Canaryev" not in page.content.decode() and "no-store" in page["Cache-Control"]
    refused = client.post(reverse("witnesses:reveal", args=[witness.public_id]), {"reason": "short"})
    assert refused.status_code == 302 and not RevealLog.objects.exists()
    shown = client.post(reverse("witnesses:reveal", args=[witness.public_id]), {"reason": "checking the court file"})
    assert CANARY["name"] in shown.content.decode() and "no-store" in shown["Cache-Control"]
    log = client.get(reverse("witnesses:person", args=[witness.public_id])).content.decode()
    assert "checking the court file" in log and "Canaryev" not in log


def test_adding_through_the_page_and_the_api_makes_the_adder_a_handler(callers, master_key) -> None:
    investigator = callers[roles.INVESTIGATOR]
    response = _client(investigator.user).post(reverse("witnesses:add"), {"name": "Synthetic Witness One"})
    person = ProtectedPerson.objects.get()
    assert response.status_code == 302 and response["Location"] == person.get_absolute_url()
    added = Client().post("/api/witnesses", {"name": "Witness One Synthetic"}, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {investigator.token}")
    assert added.status_code == 201 and added.json()["similar"] == [person.pseudonym]
    for body, status in (({"contact": "x"}, 422), ({"name": "  "}, 400)):
        refused = Client().post("/api/witnesses", body, content_type="application/json",
                                HTTP_AUTHORIZATION=f"Bearer {investigator.token}")
        assert refused.status_code == status and ProtectedPerson.objects.count() == 2


def test_a_missing_key_file_is_a_clear_503_not_a_leak(witness, callers, settings, tmp_path) -> None:
    records.add_statement(witness, "synthetic words", by="test")
    settings.TERGEU_KEY_FILE = tmp_path / "gone.key"
    investigator = callers[roles.INVESTIGATOR]
    page = _client(investigator.user).get(reverse("witnesses:person", args=[witness.public_id]))
    assert page.status_code == 503 and "gone.key: the master key file is missing" in page.content.decode()
    api = investigator.get(f"/api/witnesses/{witness.public_id}")
    assert api.status_code == 503 and "gone.key" in api.json()["detail"]


def test_the_dashboard_puts_people_under_pressure_first_and_lists_alerts(witness, callers,
                                                                          django_capture_on_commit_callbacks) -> None:
    quiet = service.add_person({"name": "Synthetic Quiet"}, by="t", user=callers[roles.INVESTIGATOR].user)
    import datetime

    with django_capture_on_commit_callbacks(execute=True):
        records.record_pressure(witness, records.Pressure(datetime.date.today(), "summons"), by="test")
    page = _client(callers[roles.INVESTIGATOR].user).get(reverse("witnesses:index")).content.decode()
    assert page.index(witness.pseudonym) < page.index(quiet.pseudonym)
    assert page.count(witness.pseudonym) == 2  # in the table and in the alerts


def test_with_four_eyes_a_reveal_on_the_page_asks_and_another_handler_approves(witness, callers, settings) -> None:
    settings.TERGEU_REVEAL_FOUR_EYES = True
    asker, second = callers[roles.INVESTIGATOR].user, callers[roles.ADMIN].user
    grants.grant(second, witness, by="test")
    reveal_url = reverse("witnesses:reveal", args=[witness.public_id])
    asked = _client(asker).post(reveal_url, {"reason": "checking the court file"}, HTTP_ACCEPT_LANGUAGE="kk")
    assert asked.status_code == 302 and not RevealLog.objects.exists()
    request = witness.reveal_requests.get()
    approve_url = reverse("witnesses:approve", args=[witness.public_id, request.public_id])
    assert _client(asker).post(approve_url).status_code == 302  # refused: the asker cannot approve
    request.refresh_from_db()
    assert request.approved_by is None
    page = _client(second).get(reverse("witnesses:person", args=[witness.public_id])).content.decode()
    assert "checking the court file" in page and approve_url in page
    _client(second).post(approve_url)
    shown = _client(asker).post(reveal_url, {"reason": "checking the court file"})
    assert CANARY["name"] in shown.content.decode()
    assert RevealLog.objects.get().approved_by == second.username


@pytest.mark.parametrize("path", ["/witnesses/add/", "reveal"])
def test_identity_forms_are_kept_out_of_error_reports(witness, callers, path) -> None:
    """An error report (debug page, ADMINS mail) must not carry the posted identity (review 15, finding 14)."""
    from django.views.debug import SafeExceptionReporterFilter

    client = Client()
    client.force_login(callers[roles.INVESTIGATOR].user)
    url = f"/witnesses/{witness.public_id}/reveal/" if path == "reveal" else path
    answer = client.post(url, {"name": "Synthetic Posted", "reason": "checking the report filter"})
    posted = SafeExceptionReporterFilter().get_post_parameters(answer.wsgi_request)
    assert set(posted.values()) == {SafeExceptionReporterFilter.cleansed_substitute}
