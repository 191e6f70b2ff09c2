"""F7: names a hostile list starts with =, +, -, @ or a control character are not formulas in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tergeu.registry import export

FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-1+1", "@SUM(A1)", "\tTab", "\rReturn",
            "\uff1d1+1", "  =HYPERLINK(\"http://example.invalid\")"]


@pytest.mark.pure
@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_gets_an_apostrophe(value: str) -> None:
    assert export.spreadsheet_safe(value) == "'" + value


@pytest.mark.pure
@pytest.mark.parametrize("value", ["-3", "+7.5", "-0.25", "2022-01-05", "1990", "Тестова Айжан", "", 42, None])
def test_numbers_dates_and_names_are_left_alone(value: object) -> None:
    assert export.spreadsheet_safe(value) == value


@pytest.mark.pure
def test_the_rule_is_reversible() -> None:
    for raw in [*FORMULAS, "'=1", "'quoted", "plain"]:
        safe = export.spreadsheet_safe(raw)
        assert (safe[1:] if safe.startswith("'") else safe) == raw


@pytest.mark.django_db
def test_exports_are_safe_in_csv_and_raw_in_json(write_csv, run_import) -> None:
    rows = [["=1+2", "@Алматы"], ["-Тестов Ерлан", "-5"]]  # invented names
    assert run_import(write_csv("hostile.csv", ["ФИО", "Место гибели"], rows), list_name="=list").ok
    out = io.StringIO()
    export.write_csv(out, export.iter_record_facts())
    cells = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(c["list"], c["full_name"], c["place_of_death"]) for c in cells] == [
        ("'=list", "'=1+2", "'@Алматы"), ("'=list", "'-Тестов Ерлан", "-5")]
    links = io.StringIO()
    export.write_links_csv(links, export.iter_links())
    assert {line.split(",")[0] for line in links.getvalue().splitlines()[1:]} == {"'=list"}
    raw = io.StringIO()
    export.write_json_lines(raw, export.iter_record_facts())
    assert json.loads(raw.getvalue().splitlines()[0])["full_name"] == "=1+2"
