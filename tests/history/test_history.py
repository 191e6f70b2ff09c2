"""Every change to a tracked object leaves who, when, before and after."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import acting_as
from tergeu.provenance.models import Claim, Source

pytestmark = pytest.mark.django_db


def test_it_records_before_and_after_of_a_change() -> None:
    source = Source.objects.create(name="NGO list", kind="ngo")
    with acting_as("reviewer1"):
        source.reliability = "B"
        source.save()
    entry = ChangeEntry.objects.get(action="update")
    assert entry.actor == "reviewer1"
    assert (entry.before, entry.after) == ({"reliability": ""}, {"reliability": "B"})
    assert ChangeEntry.objects.get(action="create").after["name"] == "NGO list"


def test_it_records_nothing_when_nothing_changed() -> None:
    source = Source.objects.create(name="NGO list", kind="ngo")
    source.save()
    assert not ChangeEntry.objects.filter(action="update").exists()


def test_it_records_deletions() -> None:
    Source.objects.create(name="NGO list", kind="ngo").delete()
    assert ChangeEntry.objects.get(action="delete").before["name"] == "NGO list"


def test_it_keeps_the_history_of_assessments(write_csv, run_import) -> None:
    from tergeu.registry.facts import assess
    from tergeu.registry.models import Record

    run_import(write_csv("a.csv", ["ФИО", "Место гибели"], [["Нурланов Ж.С.", "Алматы"]]))
    record = Record.objects.get()
    with acting_as("reviewer1"):
        assess(record, "place_of_death", status="confirmed", confidence="high")
        assess(record, "place_of_death", status="unconfirmed")
    claim = Claim.objects.get()
    entries = ChangeEntry.objects.filter(object_type__model="claim").order_by("id")
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[1].before == {"status": "confirmed"} and entries[1].after == {"status": "unconfirmed"}
    assert claim.value == "Алматы" and claim.record == record


@pytest.mark.django_db(transaction=True)
def test_it_shows_the_history_on_the_command_line(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]), list_name="morgue")
    result = CliRunner().invoke(cli, ["history"])
    assert result.exit_code == 0, result.output
    assert "imported" in result.output and "morgue" in result.output
