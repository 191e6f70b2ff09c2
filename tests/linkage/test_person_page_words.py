"""A person's page reads its stored support notes in the reader's language."""

from __future__ import annotations

import pytest

from people_fixtures import Linked
from tergeu.accounts.roles import INVESTIGATOR
from tergeu.linkage.models import Person
from tergeu.linkage.people_views import support_words

pytestmark = pytest.mark.django_db


def test_the_note_is_read_in_russian_and_kazakh(linked: Linked, client_as) -> None:
    person = next(p for p in Person.objects.current() if p.memberships.count() == 2)
    client = client_as(INVESTIGATOR)
    russian = client.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    kazakh = client.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    english = client.get(f"/people/{person.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "лучше всего подтверждено: 2 из 2 записей" in russian and "best supported" not in russian
    assert "ең көп расталған: 2 жазбаның 2" in kazakh and "best supported" not in kazakh
    assert "best supported: 2 of 2 records" in english


def test_a_note_of_another_form_is_shown_as_stored() -> None:
    assert support_words("reviewer's note") == "reviewer's note"
    assert support_words("best supported: 1 of 3 records; 2 other value(s) stated") == (
        "best supported: 1 of 3 records; 2 other values stated")
