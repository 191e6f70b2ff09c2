"""Every change to a tracked object leaves who, when, before and after."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.provenance.history import acting_as
from tergeu.provenance.models import ChangeEntry, Claim

pytestmark = pytest.mark.django_db


def test_it_records_before_and_after_of_a_change(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО", "Место гибели"], [["Нурланов Ж.С.", "Алматы"]]))
    claim = Claim.objects.get(field="place_of_death")
    with acting_as("reviewer1"):
        claim.status = "confirmed"
        claim.confidence = "high"
        claim.save()
    entry = ChangeEntry.objects.filter(action="update", object_type__model="claim").get()
    assert entry.actor == "reviewer1"
    assert entry.before == {"status": "pending", "confidence": "medium"}
    assert entry.after == {"status": "confirmed", "confidence": "high"}


def test_it_records_nothing_when_nothing_changed(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]))
    Claim.objects.get().save()
    assert not ChangeEntry.objects.filter(action="update", object_type__model="claim").exists()


def test_it_records_deletions(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]))
    claim = Claim.objects.get()
    claim.delete()
    entry = ChangeEntry.objects.get(action="delete")
    assert entry.before["value"] == "Нурланов Ж.С."


@pytest.mark.django_db(transaction=True)
def test_it_shows_the_history_on_the_command_line(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]), list_name="morgue")
    result = CliRunner().invoke(cli, ["history"])
    assert result.exit_code == 0, result.output
    assert "imported" in result.output and "morgue" in result.output
