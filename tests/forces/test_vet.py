"""``tergeu vet`` on the invented force: findings with their sources, the verdict, names only on stdin."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tergeu.cli import cli

pytestmark = pytest.mark.django_db


def vet(*args: str, stdin: str | None = None) -> dict:
    result = CliRunner().invoke(cli, ["vet", *args, "--json"], input=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_unit_is_flagged_for_incidents_of_units_under_it_with_sources(force) -> None:
    answer = vet("MU 50212", "--kind", "unit")
    assert answer["verdict"] == "flagged"
    assert [m["id"] for m in answer["matches"]] == ["U-BDE"]
    findings = {(f["incident"], f["via"], f["unit"]): f for f in answer["findings"]}
    assert set(findings) == {("I-1", "child-unit", "U-BAT"), ("I-2", "direct", "U-BDE")}
    assert findings[("I-1", "child-unit", "U-BAT")]["sources"] == ["Synthetic report 2026", "Synthetic structure 2026"]


def test_until_leaves_out_later_incidents(force) -> None:
    assert vet("Девятая бригада", "--kind", "unit", "--on", "2021-12-31")["verdict"] == "clear"


def test_a_namesake_who_took_command_after_the_incident_is_not_flagged(force) -> None:
    later = vet("-", "--kind", "person", stdin=json.dumps({"query": "Серикболов Ержан Кайратович"}))
    assert later["matches"][0]["id"] == "P-2" and later["findings"] == [] and later["verdict"] == "clear"
    earlier = vet("-", "--kind", "person", stdin=json.dumps({"query": "Serikbolov Yerzhan"}))
    assert [(f["incident"], f["via"], f["unit"], f["holds"]) for f in earlier["findings"]] == [
        ("I-1", "commander", "U-BAT", "assumed")]
    assert earlier["verdict"] == "review"  # the command on that day is assumed, not cited


def test_a_persons_name_is_refused_on_the_command_line(force) -> None:
    result = CliRunner().invoke(cli, ["vet", "Serikbolov", "--kind", "person"])
    assert result.exit_code != 0 and "JSON on stdin" in result.output
    bad = CliRunner().invoke(cli, ["vet", "--kind", "person"], input="not json")
    assert bad.exit_code != 0 and "not JSON" in bad.output


def test_nothing_on_record_is_clear(force) -> None:
    answer = vet("Invented Border Outpost", "--kind", "unit")
    assert answer == {"query": "Invented Border Outpost", "matches": [], "findings": [], "verdict": "clear"}
