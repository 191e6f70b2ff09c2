"""The review page: fields side by side with agreement in words, keys from a static script, a note, undo.

Every name here is invented.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from tergeu.history.models import ChangeEntry
from tergeu.linkage.linking import decide_pair
from tergeu.linkage.models import LinkageRun, PairDecision
from tergeu.linkage.undo import UNDO, last_decision, undo_last_decision
from tergeu.registry.models import Record
from tergeu.web.middleware import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db
HEADER = ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"]
ROWS = [["Тестов Ерлан Маратович", "12.03.1990", "Алматы", "05.01.2022"],
        ["Тестов Ерлан", "12.03.1990", "Талдыкорган", ""]]


@pytest.fixture
def pair(write_csv, run_import) -> tuple[Record, Record]:
    for number, row in enumerate(ROWS):
        assert run_import(write_csv(f"l{number}.csv", HEADER, [row]), list_name=f"list {number}").ok
    first, second = Record.objects.order_by("pk")
    LinkageRun.objects.create(started_by="test", review=[
        {"kind": "pair", "records": [first.pk, second.pk], "impact": 1.0, "probability": 0.6, "reasons": []}])
    return first, second


def reviewer(client_as, name: str = "reviewer1"):
    client = client_as("reviewer", name)
    return client, get_user_model().objects.get(username=name)


def test_fields_are_aligned_with_agreement_in_words_and_symbols(client_as, pair) -> None:
    client, _user = reviewer(client_as)
    page = client.get("/review/").content.decode()
    table = page.split('data-testid="compare"')[1].split("</table>")[0]
    assert re.search(r'data-testid="field-same"><th scope="row">Date of birth</th>\s*<td>12 Mar 1990</td>'
                     r'<td>12 Mar 1990</td><td><span aria-hidden="true">✓</span> agree</td>', table)
    assert re.search(r'data-testid="field-different"><th scope="row">Place of death</th>\s*<td>Алматы</td>'
                     r'<td>Талдыкорган</td><td><span aria-hidden="true">✗</span> differ</td>', table)
    assert re.search(r'data-testid="field-partly"><th scope="row">Date of death</th>\s*<td>5 Jan 2022</td>'
                     r'<td>—</td><td><span aria-hidden="true">–</span> stated by some only</td>', table)
    assert "date_of_birth" not in table


def test_keys_come_from_a_static_script_the_policy_allows(client_as, pair) -> None:
    client, _user = reviewer(client_as)
    response = client.get("/review/")
    page = response.content.decode()
    assert re.search(r'<script src="/static/linkage/review\.js" defer></script>', page)
    assert "<script>" not in page and " onclick=" not in page
    assert "script-src 'self'" in response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    for key, value in (("s", "same"), ("d", "different"), ("u", "unsure")):
        assert re.search(rf'<button name="decision" value="{value}"[^>]*data-tg-key="{key}"', page)
    script = client.get("/static/linkage/review.js")
    assert script.status_code == 200
    assert "data-tg-key" in b"".join(script.streaming_content).decode()


def test_a_decision_keeps_its_note(client_as, pair) -> None:
    client, _user = reviewer(client_as)
    first, second = pair
    page = client.get("/review/").content.decode()
    assert re.search(rf'name="left" value="{first.public_id}"><input type="hidden" name="right" '
                     rf'value="{second.public_id}">', page) and 'name="note"' in page  # the pair by public id
    client.post("/review/decide/", {"left": first.public_id, "right": second.public_id, "decision": "different",
                                    "note": "born the same day, died in different cities"})
    assert PairDecision.objects.get().note == "born the same day, died in different cities"
    client.post("/review/decide/", {"left": first.pk, "right": second.pk, "decision": "same", "note": "keys"})
    assert PairDecision.objects.get().decision == "different"  # integer keys name no record here


def test_undo_withdraws_a_new_decision_by_a_new_entry(client_as, pair) -> None:
    client, user = reviewer(client_as)
    first, second = pair
    client.post("/review/decide/", {"left": first.public_id, "right": second.public_id, "decision": "same"})
    page = client.get("/review/").content.decode()
    assert 'data-testid="undo-form"' in page and "same person" in page.split('data-testid="last-decision"')[1]
    undo_form = page.split('data-testid="undo-form"')[1].split("</form>")[0]
    assert 'name="left"' not in undo_form and 'name="right"' not in undo_form  # undo names no record at all
    entries = ChangeEntry.objects.count()
    response = client.post("/review/undo/", follow=True)
    assert not PairDecision.objects.exists()
    assert ChangeEntry.objects.count() == entries + 1  # nothing removed from the log, one entry added
    undo = ChangeEntry.objects.order_by("-id").first()
    assert (undo.action, undo.reason, undo.user) == ("delete", UNDO, user)
    page = response.content.decode()
    assert "Your last decision was undone." in page and 'data-testid="undo-form"' not in page
    assert page.count('data-testid="review-item"') == 1  # the pair is open again
    client.post("/language/", {"language": "ru", "next": "/"})
    history = client.get("/history/").content.decode()
    assert "отмена последнего решения проверяющего" in history.split('data-testid="reason"')[1]


def test_undo_restores_the_decision_it_replaced(client_as, pair) -> None:
    _client, user = reviewer(client_as)
    first, second = pair
    decide_pair(user, first.pk, second.pk, "unsure", "ask the family")
    decide_pair(user, first.pk, second.pk, "same")
    assert undo_last_decision(user) is not None
    restored = PairDecision.objects.get()
    assert (restored.decision, restored.note) == ("unsure", "ask the family")
    assert last_decision(user) is None  # an undo is not itself undone


def test_undo_leaves_a_pair_someone_changed_since(client_as, pair) -> None:
    client, user = reviewer(client_as)
    _other_client, other = reviewer(client_as, "reviewer2")
    first, second = pair
    decide_pair(user, first.pk, second.pk, "same")
    decide_pair(other, first.pk, second.pk, "different")
    assert last_decision(user) is None
    client.post("/review/undo/")
    assert PairDecision.objects.get().decision == "different"


def test_only_reviewers_undo(client_as, pair) -> None:
    assert client_as("analyst").post("/review/undo/").status_code == 404
