"""Reveals are limited per user and alert the other handlers; alerts reach only real handlers (review 15, 4-5)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client

from tergeu.accounts import grants, roles
from tergeu.witnesses import records, service
from tergeu.witnesses.models import Notification, RevealLog

pytestmark = pytest.mark.django_db


def _reveal_by_api(caller, person) -> int:
    return Client().post(f"/api/witnesses/{person.public_id}/reveal", {"reason": "checking the contact details"},
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {caller.token}").status_code


def test_a_loop_of_api_reveals_stops_at_the_limit_with_429(callers, master_key, settings) -> None:
    settings.TERGEU_REVEAL_LIMIT = 3
    investigator = callers[roles.INVESTIGATOR]
    people = [service.add_person({"name": f"Synthetic Person {n}"}, by="t", user=investigator.user) for n in range(5)]
    codes = [_reveal_by_api(investigator, person) for person in people]
    assert codes == [200, 200, 200, 429, 429]
    assert RevealLog.objects.filter(user=investigator.user).count() == 3
    page = Client()
    page.force_login(investigator.user)
    answer = page.post(f"/witnesses/{people[4].public_id}/reveal/", {"reason": "checking the contact details"})
    assert answer.status_code == 429 and "Synthetic Person" not in answer.content.decode()


def test_reveals_older_than_the_window_do_not_count(witness, callers, settings) -> None:
    settings.TERGEU_REVEAL_LIMIT = 1
    investigator = callers[roles.INVESTIGATOR]
    assert _reveal_by_api(investigator, witness) == 200
    RevealLog.objects.update(at=datetime.datetime(2022, 1, 5, tzinfo=datetime.UTC))
    assert _reveal_by_api(investigator, witness) == 200


def test_every_reveal_alerts_the_other_handlers_in_the_app_and_by_mail(witness, callers, settings,
                                                                       django_capture_on_commit_callbacks) -> None:
    settings.EMAIL_HOST = "mail.invalid"
    co_handler = callers[roles.ADMIN].user
    co_handler.email = "co@example.invalid"
    co_handler.save()
    grants.grant(co_handler, witness, by="t")
    with django_capture_on_commit_callbacks(execute=True):
        assert _reveal_by_api(callers[roles.INVESTIGATOR], witness) == 200
    alert = Notification.objects.get(user=co_handler)
    assert alert.reveal.actor == callers[roles.INVESTIGATOR].user.username
    assert not Notification.objects.filter(user=callers[roles.INVESTIGATOR].user).exists()
    assert [message.to for message in mail.outbox] == [["co@example.invalid"]]
    assert "Canaryev" not in mail.outbox[0].subject + mail.outbox[0].body
    page = Client()
    page.force_login(co_handler)
    assert "revealed by investigator-user" in page.get("/witnesses/").content.decode()


def test_a_grant_without_a_handling_role_gets_no_alert_or_mail(witness, callers, settings) -> None:
    settings.EMAIL_HOST = "mail.invalid"
    analyst = callers[roles.ANALYST].user
    analyst.email = "analyst@example.invalid"
    analyst.save()
    grants.grant(analyst, witness, by="test")
    event = records.record_pressure(witness, records.Pressure(datetime.date(2022, 3, 1), "threat"), by="t")
    assert records.alert_handlers(event) == 1  # the investigator who added the person
    assert not Notification.objects.filter(user=analyst).exists()
    assert not [message for message in mail.outbox if "analyst@example.invalid" in message.to]
