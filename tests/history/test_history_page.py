"""The history page reads as a before/after table: field labels, choice labels and names, no dict dumps."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from tergeu.history import tracking
from tergeu.history.tracking import Tracking, acting_as
from tergeu.linkage.linking import decide_pair
from tergeu.provenance.models import Source
from tergeu.registry.facts import assess
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
SECRET = "Синтетова Гүлжан, куәгер"  # a synthetic stand-in for a protected person's name


def rows_of(page: str) -> list[tuple[str, str, str]]:
    """(label, before, after) of every row of the pages' change tables."""
    return re.findall(r'<tr(?: class="tg-kept-out" data-testid="kept-out")?><th scope="row">([^<]*)</th>'
                      r"<td>([^<]*)</td><td>([^<]*)</td></tr>", page)


def test_a_decision_reads_with_labels_choice_names_and_the_records_names(client_as, registry) -> None:
    first, second = Record.objects.filter(imported_list=registry.shared).order_by("pk")[:2]
    client = client_as("reviewer")
    reviewer = get_user_model().objects.get(username="reviewer1")
    decide_pair(reviewer, first.pk, second.pk, "same")
    decide_pair(reviewer, first.pk, second.pk, "different", "two people, ages differ")
    page = client.get("/history/").content.decode()
    assert "{&#x27;" not in page and "{'" not in page  # no dict dumps left
    rows = rows_of(page)
    assert ("Decision", "same person", "not the same") in rows
    assert ("Note", "—", "two people, ages differ") in rows
    assert ("First record", "", first.display_name) in rows and ("Second record", "", second.display_name) in rows
    assert "pair decision:" in page


def test_an_assessment_names_the_fact_in_words(client_as, registry) -> None:
    record = Record.objects.filter(imported_list=registry.shared).first()
    with acting_as("reviewer1"):
        assess(record, "place_of_death", status="confirmed", confidence="high")
        assess(record, "place_of_death", status="unconfirmed")
    page = client_as("investigator").get("/history/").content.decode()
    rows = rows_of(page)
    assert ("Field", "", "Place of death") in rows
    assert ("Status", "confirmed", "unconfirmed") in [(label, before.lower(), after.lower())
                                                      for label, before, after in rows]
    tables = [piece.split("</table>")[0] for piece in page.split('data-testid="changes"')[1:]]
    assert tables and all("place_of_death" not in table for table in tables)


def test_redacted_fields_stay_redacted_on_the_page(client_as, monkeypatch) -> None:
    monkeypatch.setitem(tracking._TRACKED, Source, Tracking(frozenset({"name", "notes"})))
    source = Source.objects.create(name=SECRET, kind="family", notes=SECRET)
    with acting_as("investigator1"):
        source.notes = SECRET + " (2)"
        source.save()
    page = client_as("admin").get("/history/").content.decode()
    assert "Синтетова" not in page and "куәгер" not in page
    kept = [row for row in rows_of(page) if row[1] == "kept out of the history"]
    assert {label for label, _before, _after in kept} >= {"Name", "Notes"}
    assert f"source {source.pk}" in page


def test_the_record_page_shows_its_history_as_a_table(client_as, registry) -> None:
    record = Record.objects.filter(imported_list=registry.shared).first()
    with acting_as("reviewer1"):
        assess(record, "place_of_death", status="confirmed", confidence="high")
    page = client_as("reviewer").get(f"/records/{record.pk}/").content.decode()
    history = page.split('data-testid="record-history"')[1]
    assert 'data-testid="changes"' in history and "{&#x27;" not in history
    assert ("Field", "", "Place of death") in rows_of(history)
