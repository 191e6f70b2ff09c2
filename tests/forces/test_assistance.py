"""``tergeu assistance review`` on the invented force and the invented FMTRPT file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tergeu.cli import cli

pytestmark = pytest.mark.django_db

FIRST, SECOND, THIRD = (f"00000000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))


def test_it_lists_each_incidents_units_and_their_trainings(force) -> None:
    result = CliRunner().invoke(cli, ["assistance", "review", "--json"])
    assert result.exit_code == 0, result.output
    incidents = {item["incident"]: item["units"] for item in json.loads(result.output)["incidents"]}
    assert incidents["I-1"] == [{"unit": "U-BAT", "relation": "direct", "trainings": [FIRST, THIRD]},
                                {"unit": "U-BDE", "relation": "parent", "trainings": [SECOND]},
                                {"unit": "U-COY", "relation": "child", "trainings": []}]
    assert [(u["unit"], u["relation"]) for u in incidents["I-2"]] == [
        ("U-BDE", "direct"), ("U-BAT", "child"), ("U-COY", "child")]


def test_one_incident_or_a_clear_refusal(force) -> None:
    one = CliRunner().invoke(cli, ["assistance", "review", "--incident", "I-2", "--json"])
    assert [item["incident"] for item in json.loads(one.output)["incidents"]] == ["I-2"]
    missing = CliRunner().invoke(cli, ["assistance", "review", "--incident", "I-404"])
    assert missing.exit_code != 0 and "no incident has the id 'I-404'" in missing.output
