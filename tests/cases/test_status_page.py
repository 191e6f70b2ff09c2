"""The victim's status page: the code opens one complaint's public steps, and nothing else.

A wrong code is a 404 with no hint; the 21st wrong code from one address is a 429 (a right code too,
until the cool-down ends); a visit is logged without the code; a complaint's page never shows another
complaint's text, internal notes or officials not marked public.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tergeu.cases.models import StatusFailure, StatusVisit, VictimMessage
from tergeu.cases.status import MAX_WRONG, WINDOW

pytestmark = pytest.mark.django_db
WRONG = "AAAAA-CCCCC-DDDDD-EEEEE"


def _unmasked(answer) -> bytes:
    """The page without its CSRF token (masked anew on every answer)."""
    return re.sub(rb"[A-Za-z0-9]{64}", b"", answer.content)


def _open(client: Client, code: str, address: str = "203.0.113.7"):
    return client.post("/status/", {"code": code}, REMOTE_ADDR=address)


def test_the_code_shows_its_complaints_steps_and_never_the_other_ones(two_complaints) -> None:
    client = Client()
    typed = two_complaints["code_a"].lower().replace("-", " ")  # as a phone might type it
    answer = _open(client, typed)
    assert answer.status_code == 302 and answer["Location"] == "/status/case/"
    page = client.get("/status/case/")
    text = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "SYN-A-1" in text and "alpha public note registered" in text and "alpha public note opened" in text
    assert "Alpha synthetic contact office" in text and "Suspect identified" in text  # next step, whom to contact
    for secret in ("SYN-B-1", "bravo", "Bravo", "internal", "Alphasecret", "Bravosecret", "Alpha synthetic descr",
                   two_complaints["a"].holder.pseudonym, two_complaints["code_a"], "Fiktivbekov"):
        assert secret not in text, secret
    assert StatusVisit.objects.filter(complaint=two_complaints["a"]).count() == 1
    assert not StatusVisit.objects.filter(complaint=two_complaints["b"]).exists()


@pytest.mark.parametrize(("mine", "other"), [("a", "b"), ("b", "a")])
def test_a_status_page_never_shows_the_other_complaint_nor_internal_notes(two_complaints, mine, other) -> None:
    client = Client()
    assert _open(client, two_complaints[f"code_{mine}"]).status_code == 302
    text = client.get("/status/case/").content.decode().lower()
    own = {"a": "alpha", "b": "bravo"}
    assert f"{own[mine]} public note registered" in text
    assert own[other] not in text and two_complaints[f"case_{other}"].number.lower() not in text
    assert "internal" not in text and "secret" not in text and "synthetic description" not in text
    for role, person in (*two_complaints[mine].people.values_list("role", "person__pseudonym"),):
        assert person.lower() not in text, role


def test_officials_are_named_only_when_public(two_complaints) -> None:
    official = two_complaints["case_a"].officials.get()
    official.public = True
    official.save()
    client = Client()
    _open(client, two_complaints["code_a"])
    assert "Officer Alphasecret Syntheticov" in client.get("/status/case/").content.decode()


def test_a_wrong_or_revoked_code_is_a_404_and_the_21st_wrong_one_a_429(two_complaints) -> None:
    from tergeu.cases.service import revoke_code

    client = Client()
    answers = [_open(client, WRONG) for _ in range(MAX_WRONG)]
    assert {answer.status_code for answer in answers} == {404}
    assert _unmasked(answers[0]) == _unmasked(answers[-1])  # the same page every time: no hint
    assert _open(client, WRONG).status_code == 429
    assert _open(client, two_complaints["code_a"]).status_code == 429  # a cool-down refuses a right code too
    assert _open(client, two_complaints["code_a"], "198.51.100.9").status_code == 302  # another address
    assert all("203.0.113.7" not in row.address for row in StatusFailure.objects.all())  # kept hashed
    StatusFailure.objects.update(at=datetime.datetime.now(datetime.UTC) - WINDOW - datetime.timedelta(seconds=1))
    assert _open(client, two_complaints["code_a"]).status_code == 302  # the cool-down is over
    revoke_code(two_complaints["a"])
    assert _open(Client(), two_complaints["code_a"], "192.0.2.1").status_code == 404
    assert Client().get("/status/case/").status_code == 302  # nothing open without a code


def test_the_open_status_ends_when_the_code_is_rotated_or_revoked(two_complaints) -> None:
    from tergeu.cases.service import revoke_code, rotate_code

    client = Client()
    _open(client, two_complaints["code_b"])
    assert client.get("/status/case/").status_code == 200
    new = rotate_code(two_complaints["b"])
    assert client.get("/status/case/").status_code == 302  # a leaked code's open page closes with it
    _open(client, new)
    assert client.get("/status/case/").status_code == 200
    revoke_code(two_complaints["b"])
    assert client.get("/status/case/").status_code == 302


def test_a_message_is_sealed_and_alerts_the_handlers(two_complaints, callers,
                                                     django_capture_on_commit_callbacks) -> None:
    from tergeu.accounts import roles
    from tergeu.cases.models import CaseAlert

    client = Client()
    _open(client, two_complaints["code_a"])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/status/message/", {"text": "Synthetic message: they called me again."})
    assert answer.status_code == 302
    message = VictimMessage.objects.get(complaint=two_complaints["a"])
    assert b"they called" not in bytes(message.text)
    investigator = callers[roles.INVESTIGATOR].user
    assert CaseAlert.objects.filter(user=investigator, message=message).exists()
    handler = Client()
    handler.force_login(investigator)
    listing = handler.get("/cases/complaints/").content.decode()
    assert 'data-testid="alerts"' in listing and two_complaints["a"].get_absolute_url() in listing
    page = handler.get(two_complaints["a"].get_absolute_url()).content.decode()
    assert "Synthetic message: they called me again." in page
    assert 'data-testid="alerts"' not in handler.get("/cases/complaints/").content.decode()  # read now
    analyst = Client()
    analyst.force_login(callers[roles.ANALYST].user)
    assert "they called me" not in analyst.get(two_complaints["a"].get_absolute_url()).content.decode()


def test_after_the_court_the_page_expects_a_verdict_not_a_guilty_one(two_complaints) -> None:
    from tergeu.cases import proceedings

    proceedings.record_step(two_complaints["case_b"], proceedings.Step("sent-to-court", datetime.date(2022, 5, 1),
                                                                       public_note="bravo in court"), by="tester")
    client = Client()
    _open(client, two_complaints["code_b"])
    text = client.get("/status/case/").content.decode()
    assert "The court&#x27;s verdict" in text and "Verdict: guilty" not in text


def test_a_message_nobody_will_read_is_not_promised_a_reader(two_complaints, callers, caplog,
                                                             django_capture_on_commit_callbacks) -> None:
    """With no handler of the code holder, the page says nobody is assigned yet, and the log warns (M2)."""
    from tergeu.accounts import grants, roles
    from tergeu.cases.models import CaseAlert

    grants.revoke(callers[roles.INVESTIGATOR].user, two_complaints["a"].holder)
    client = Client()
    _open(client, two_complaints["code_a"])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/status/message/", {"text": "Synthetic message: is anyone there?"}, follow=True)
    text = answer.content.decode()
    assert "will read it" not in text and "nobody is assigned" in text
    assert not CaseAlert.objects.exists()
    assert any("nobody handles" in record.getMessage() for record in caplog.records)
    assert "anyone there" not in caplog.text


def test_a_missing_key_file_is_a_polite_503_not_a_500(two_complaints, master_key) -> None:
    client = Client()
    _open(client, two_complaints["code_a"])
    master_key.unlink()
    answer = client.post("/status/message/", {"text": "Synthetic message: lost?"})
    assert answer.status_code == 503 and "try again later" in answer.content.decode()
    assert not VictimMessage.objects.exists()


def test_an_ipv6_slash_64_is_counted_as_one_address(two_complaints) -> None:
    """Five hosts of one /64 share 20 wrong codes; another /64 is not affected (review M5)."""
    from tergeu.cases.status import MAX_WRONG

    for attempt in range(MAX_WRONG):
        answer = Client().post("/status/", {"code": "WRONG-CODE"}, REMOTE_ADDR=f"2001:db8:1:2::{attempt % 5 + 1}")
        assert answer.status_code == 404
    assert Client().post("/status/", {"code": two_complaints["code_a"]},
                         REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert Client().post("/status/", {"code": two_complaints["code_a"]},
                         REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


def test_https_without_trusted_proxies_is_warned_at_start(settings) -> None:
    from tergeu.cases.checks import status_page_sees_clients

    settings.HTTPS, settings.TERGEU_TRUSTED_PROXIES = True, ""
    assert [warning.id for warning in status_page_sees_clients()] == ["cases.W001"]
    settings.TERGEU_TRUSTED_PROXIES = "10.0.0.1/32"
    assert status_page_sees_clients() == []
    settings.HTTPS, settings.TERGEU_TRUSTED_PROXIES = False, ""
    assert status_page_sees_clients() == []


def test_messages_are_limited_per_complaint_per_hour(two_complaints, django_capture_on_commit_callbacks) -> None:
    """Five messages an hour, then a polite refusal: a seized phone cannot flood the handlers (review L1)."""
    from tergeu.cases.models import CaseAlert
    from tergeu.cases.status import MESSAGES_PER_WINDOW

    client = Client()
    _open(client, two_complaints["code_a"])
    for number in range(MESSAGES_PER_WINDOW + 3):
        with django_capture_on_commit_callbacks(execute=True):
            answer = client.post("/status/message/", {"text": f"Synthetic message {number}"}, follow=True)
    assert "try again later" in answer.content.decode()
    assert VictimMessage.objects.filter(complaint=two_complaints["a"]).count() == MESSAGES_PER_WINDOW == 5
    assert CaseAlert.objects.count() == MESSAGES_PER_WINDOW
    VictimMessage.objects.update(received_at=timezone.now() - datetime.timedelta(hours=2))
    client.post("/status/message/", {"text": "Synthetic message, later"})
    assert VictimMessage.objects.count() == MESSAGES_PER_WINDOW + 1


def test_an_error_report_does_not_show_the_code_from_inner_frames(two_complaints, monkeypatch) -> None:
    """Error reporters capture locals: the code is masked in open_with_code and hash_code (review L7)."""
    import sys

    from django.views.debug import ExceptionReporter

    from tergeu.cases import status

    def boom(*_args, **_kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(status.StatusVisit.objects, "create", boom)
    with pytest.raises(RuntimeError) as raised:
        status.open_with_code(two_complaints["code_a"], "192.0.2.70")
    text = ExceptionReporter(None, raised.type, raised.value, raised.tb).get_traceback_text()
    assert "open_with_code" in text and two_complaints["code_a"] not in text
    assert sys.exc_info()[0] is None


def test_a_public_note_of_a_case_about_two_complaints_reaches_both_and_the_form_says_so(two_complaints,
                                                                                      callers) -> None:
    """One case, two complaints: its public note is on both status pages, and the step form warns (L9)."""
    from tergeu.accounts import roles
    from tergeu.cases import proceedings

    case = two_complaints["case_a"]
    case.complaints.add(two_complaints["b"])
    proceedings.record_step(case, proceedings.Step("charged", datetime.date(2022, 3, 1),
                                                   public_note="shared synthetic public note"), by="tester")
    for code in (two_complaints["code_a"], two_complaints["code_b"]):
        client = Client()
        _open(client, code)
        assert "shared synthetic public note" in client.get("/status/case/").content.decode()
    handler = Client()
    handler.force_login(callers[roles.INVESTIGATOR].user)
    assert "status pages of all 2 complaints" in handler.get(case.get_absolute_url()).content.decode()
