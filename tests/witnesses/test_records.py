"""Statements and the pressure log: sealed, retractions mark (never delete), handlers alerted."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from tergeu.accounts import grants, roles
from tergeu.history.models import ChangeEntry
from tergeu.witnesses import records, service
from tergeu.witnesses.models import Notification, Statement

pytestmark = pytest.mark.django_db
DAY = datetime.date(2022, 3, 1)


def test_statements_are_sealed_and_survive_forgetting_the_identity(witness) -> None:
    statement = records.add_statement(witness, "I saw the synthetic convoy at noon.", by="test")
    assert b"convoy" not in bytes(Statement.objects.get(pk=statement.pk).text)
    service.forget(witness, by="test")
    witness.refresh_from_db()  # forget rotated the master key: the record key is wrapped anew
    assert [text for _s, text in records.statement_texts(witness)] == ["I saw the synthetic convoy at noon."]


def test_a_retraction_marks_the_statement_and_alerts_the_handlers(witness, callers, settings,
                                                                  django_capture_on_commit_callbacks) -> None:
    settings.EMAIL_HOST = "mail.invalid"
    handler = callers[roles.INVESTIGATOR].user
    handler.email = "handler@example.invalid"
    handler.save()
    grants.grant(callers[roles.ADMIN].user, witness, by="test")
    grants.grant(callers[roles.REVIEWER].user, witness, by="test")  # a role that does not handle witnesses
    statement = records.add_statement(witness, "A synthetic account.", by="test")
    with django_capture_on_commit_callbacks(execute=True):
        event = records.record_pressure(witness, records.Pressure(
            DAY, "retraction", text="withdrew after a synthetic visit", voluntary=False, withdraws=statement),
            by="test")
    statement.refresh_from_db()
    assert statement.retracted and statement.retraction == event
    assert Statement.objects.filter(pk=statement.pk).exists()
    alerted = set(Notification.objects.filter(event=event).values_list("user__username", flat=True))
    assert alerted == {"investigator-user", "admin-user"}
    assert len(mail.outbox) == 1 and witness.pseudonym in mail.outbox[0].subject
    assert "synthetic visit" not in mail.outbox[0].body and "Canaryev" not in mail.outbox[0].body
    with pytest.raises(service.ProtectionRefused, match="already retracted"):
        records.record_pressure(witness, records.Pressure(DAY, "retraction", withdraws=statement), by="test")


@pytest.mark.parametrize(("pressure", "refusal"), [
    (records.Pressure(DAY, "telepathy"), "kind must be one of"),
    (records.Pressure(DAY, "threat", withdraws="statement"), "only a retraction"),
])
def test_it_refuses_a_bad_pressure_event(witness, pressure, refusal) -> None:
    if pressure.withdraws == "statement":
        pressure = records.Pressure(DAY, "threat", withdraws=records.add_statement(witness, "x", by="t"))
    with pytest.raises(service.ProtectionRefused, match=refusal):
        records.record_pressure(witness, pressure, by="test")


def test_the_pressure_log_reads_back_and_the_history_holds_no_text(witness) -> None:
    records.record_pressure(witness, records.Pressure(DAY, "summons", text="synthetic summons text",
                                                      reported_by="a synthetic neighbour", follow_up="call lawyer"),
                            by="test")
    [(event, texts)] = records.pressure_log(witness)
    assert (event.kind, texts["text"], texts["reported_by"]) == ("summons", "synthetic summons text",
                                                                 "a synthetic neighbour")
    logged = repr(list(ChangeEntry.objects.values("before", "after", "object_repr")))
    assert "synthetic summons" not in logged and "neighbour" not in logged and "Canaryev" not in logged


def test_four_eyes_needs_another_handler_to_approve(witness, callers, settings) -> None:
    settings.TERGEU_REVEAL_FOUR_EYES = True
    asker, second = callers[roles.INVESTIGATOR].user, callers[roles.ADMIN].user
    grants.grant(second, witness, by="test")
    with pytest.raises(service.ProtectionRefused, match="second handler"):
        service.reveal(witness, actor=asker.username, reason="checking the court file", user=asker)
    request = service.request_reveal(witness, asker, "checking the court file")
    with pytest.raises(service.ProtectionRefused, match="another handler"):
        service.approve_reveal(request, asker)
    service.approve_reveal(request, second)
    assert service.reveal(witness, actor=asker.username, reason="checking the court file", user=asker)["name"]
    assert witness.reveals.get().approved_by == second.username
    with pytest.raises(service.ProtectionRefused, match="second handler"):  # one approval, one reveal
        service.reveal(witness, actor=asker.username, reason="checking again", user=asker)


def test_four_eyes_logs_the_approved_reason_and_rechecks_the_approver(witness, callers, settings) -> None:
    """Review 15, finding 12: the approval is for a reason, by someone who still handles the person."""
    settings.TERGEU_REVEAL_FOUR_EYES = True
    asker, second = callers[roles.INVESTIGATOR].user, callers[roles.ADMIN].user
    grants.grant(second, witness, by="test")
    service.approve_reveal(service.request_reveal(witness, asker, "checking the court file"), second)
    service.reveal(witness, actor=asker.username, reason="something else entirely", user=asker)
    assert witness.reveals.get().reason == "checking the court file"
    service.approve_reveal(service.request_reveal(witness, asker, "checking the address again"), second)
    grants.revoke(second, witness)
    with pytest.raises(service.ApprovalNeeded, match="no longer handles"):
        service.reveal(witness, actor=asker.username, reason="checking the address again", user=asker)
