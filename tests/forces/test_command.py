"""``tergeu forces command UNIT --on DATE --json`` as a user runs it, on the invented force."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tergeu.cli import cli

pytestmark = pytest.mark.django_db


def command(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["forces", "command", *args])
    return result.exit_code, result.output


def answer(unit: str, day: str) -> dict:
    code, output = command(unit, "--on", day, "--json")
    assert code == 0, output
    return json.loads(output)


def test_it_answers_in_the_documented_shape(force) -> None:
    got = answer("U-BAT", "2022-01-06")
    assert set(got) == {"unit", "name", "on", "parents", "children", "commanders"}
    assert (got["unit"], got["on"]) == ("U-BAT", "2022-01-06")
    assert got["commanders"] == [{
        "person": "P-1", "name": "Серікболов Ержан Қайратұлы", "role": "commander", "title": "Батальон командирі",
        "rank": "подполковник", "first_cited": "2020-09-01", "last_cited": "2021-12-31", "holds": "assumed",
        "sources": ["Synthetic structure 2026"]}]


def test_a_commander_posted_after_the_incident_is_not_returned(force) -> None:
    assert [c["person"] for c in answer("U-BAT", "2022-01-06")["commanders"]] == ["P-1"]
    assert [(c["person"], c["holds"]) for c in answer("U-BAT", "2022-02-01")["commanders"]] == [("P-2", "cited")]


def test_parents_nearest_first_and_children_at_the_date(force) -> None:
    earlier = answer("U-BAT", "2020-10-01")
    assert [(p["unit"], p["depth"]) for p in earlier["parents"]] == [("U-BDE", 1), ("U-EAST", 2), ("U-MOD", 3)]
    assert [c["unit"] for c in earlier["children"]] == ["U-COY"]
    later = answer("U-BAT", "2022-02-10")
    assert [(p["unit"], p["holds"]) for p in later["parents"]] == [("U-BDE", "assumed"), ("U-MOD", "assumed")]
    assert answer("U-BAT", "2022-06-01")["children"] == []


@pytest.mark.parametrize("unit", ["в/ч 30417", "войсковая часть 30417", "әскери бөлім 30417", "ә/б 30417",
                                  "30417 әскери бөлімі", "MU 30417", "m/u 30417", "MILITARY UNIT 30417",
                                  "STEPBAT-T", "Степной гвардейский батальон", "Steppe Guard Battalion",
                                  "Дала күзеті батальоны", "U-BAT"])
def test_the_unit_may_be_any_name_alias_or_number(force, unit: str) -> None:
    assert answer(unit, "2022-01-06")["unit"] == "U-BAT"


def test_a_detachment_number_names_the_company(force) -> None:
    assert answer("ә/б 30417-1", "2021-01-01")["unit"] == "U-COY"


def test_an_unknown_unit_fails_with_a_message(force) -> None:
    code, output = command("Invented Border Outpost", "--on", "2022-01-06", "--json")
    assert code != 0 and "no unit is surely named" in output


def test_a_bad_date_is_refused(force) -> None:
    code, output = command("U-BAT", "--on", "06.01.2022")
    assert code != 0 and "06.01.2022" in output


def test_the_import_command_reports_problems_by_row_and_column(tmp_path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("unit_id,name\nA,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["forces", "import", str(path), "--kind", "units"])
    assert result.exit_code == 1
    assert "units.csv, row 1, column 'name': name is required" in result.output
