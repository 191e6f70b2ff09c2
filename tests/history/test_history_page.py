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
    """(label, before, after) of every row of the pages' change tables, links read as their text."""
    rows = re.findall(r'<tr(?: class="tg-kept-out" data-testid="kept-out")?><th scope="row">([^<]*)</th>'
                      r"<td>(.*?)</td><td>(.*?)</td></tr>", page)
    return [(label, *(re.sub(r"<a href=\"[^\"]*\">([^<]*)</a>", r"\1", cell) for cell in cells))
            for label, *cells in rows]


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
    # the records are linked by their public ids, and neither table shows their primary keys
    assert f'<a href="/records/{first.public_id}/">' in page and f'<a href="/records/{second.public_id}/">' in page
    assert f"/records/{first.pk}/" not in page and f"/records/{second.pk}/" not in page


def test_a_record_hidden_or_gone_is_named_by_kind_never_by_key(client_as, registry) -> None:
    first, second = Record.objects.filter(imported_list=registry.shared).order_by("pk")[:2]
    admin = client_as("admin")
    client_as("reviewer")
    decide_pair(get_user_model().objects.get(username="reviewer1"), first.pk, second.pk, "same")
    kept = second.pk
    second.delete()  # the decision goes with it; its history names a record that is no more
    rows = rows_of(admin.get("/history/").content.decode())
    assert ("Second record", "", "record (not shown)") in rows
    assert all(str(kept) not in (before, after) for label, before, after in rows if label.endswith("record"))


def test_a_claim_names_the_record_it_is_about_and_links_it(client_as, registry) -> None:
    record = Record.objects.filter(imported_list=registry.shared).first()
    with acting_as("reviewer1"):
        assess(record, "place_of_death", status="confirmed", confidence="high")
    page = client_as("investigator").get("/history/").content.decode()
    assert ("About (id)", "", record.display_name) in rows_of(page)
    assert f'<a href="/records/{record.public_id}/">{record.display_name}</a>' in page


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
    assert f"source {source.public_id}" in page and not re.search(rf"source {source.pk}\b", page)


def test_the_record_page_shows_its_history_as_a_table(client_as, registry) -> None:
    record = Record.objects.filter(imported_list=registry.shared).first()
    with acting_as("reviewer1"):
        assess(record, "place_of_death", status="confirmed", confidence="high")
    page = client_as("reviewer").get(f"/records/{record.public_id}/").content.decode()
    history = page.split('data-testid="record-history"')[1]
    assert 'data-testid="changes"' in history and "{&#x27;" not in history
    assert ("Field", "", "Place of death") in rows_of(history)
