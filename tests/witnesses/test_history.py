"""The history of protected people: no identity or text in it, entries seen only by the person's handlers."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from tergeu.accounts import roles
from tergeu.history.access import visible_entries
from tergeu.witnesses import records

pytestmark = pytest.mark.django_db


def test_handlers_see_the_entries_others_do_not_and_none_holds_the_identity(witness, callers) -> None:
    records.add_statement(witness, "A synthetic statement.", by="test")
    records.record_pressure(witness, records.Pressure(datetime.date(2022, 3, 1), "threat", text="synthetic"),
                            by="test")
    handler, other = callers[roles.INVESTIGATOR].user, callers[roles.REVIEWER].user
    seen = visible_entries(handler).filter(object_type__app_label="witnesses")
    assert {entry.object_type.model for entry in seen} >= {"protectedperson", "identity", "statement",
                                                           "pressureevent"}
    assert not visible_entries(other).filter(object_type__app_label="witnesses").exists()
    client = Client()
    client.force_login(handler)
    page = client.get("/history/")
    assert page.status_code == 200 and witness.public_id in page.content.decode()
    assert "Canaryev" not in page.content.decode() and "synthetic statement" not in page.content.decode()
    client.force_login(other)
    assert witness.public_id not in client.get("/history/").content.decode()


def test_a_reveal_request_reason_never_enters_the_history(witness, callers, settings) -> None:
    """Reasons often name the person; the hash-chained history can never be scrubbed."""
    import json

    from tergeu.history.models import ChangeEntry
    from tergeu.witnesses.models import RevealRequest

    settings.TERGEU_REVEAL_FOUR_EYES = True
    client = Client()
    client.force_login(callers[roles.INVESTIGATOR].user)
    client.post(f"/witnesses/{witness.public_id}/reveal/", {"reason": "calling Qzyrbek at his sister's flat"})
    assert RevealRequest.objects.filter(person=witness).exists()
    logged = [json.dumps([entry.before, entry.after, entry.object_repr, entry.reason], ensure_ascii=False)
              for entry in ChangeEntry.objects.filter(object_type__model="revealrequest")]
    assert logged and not [text for text in logged if "sister" in text]
