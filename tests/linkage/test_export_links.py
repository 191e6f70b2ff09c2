"""`tergeu export links`: the list,row,person contract of docs/export-formats.md, through the real CLI.

Every name below is invented.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tergeu.cli import cli
from tergeu.linkage.models import Membership
from tergeu.toolkit.public_ids import is_public_id

pytestmark = pytest.mark.django_db(transaction=True)

OFFICIAL_HEADER = ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"]
OFFICIAL = [["Тлеубердин Асхат Нурланович", "14.02.1988", "Алматы", "05.01.2022"],
            ["Жаксылыкова Меруерт Болатовна", "09.09.1991", "Талдыкорган", "06.01.2022"],
            [],  # a blank line: skipped, but the next row keeps its number in the file
            ["Бекмуханов Ринат Ержанович", "30.04.1976", "Алматы", "05.01.2022"]]
MEDIA_HEADER = ["name", "age", "city", "date of death"]
MEDIA = [["Askhat Tleuberdin", "33", "Almaty", "January 5, 2022"],
         ["Meruert Zhaksylykova", "30", "Taldykorgan", "January 6, 2022"],
         ["Yerbol Kassymzhanov", "41", "Kyzylorda", "January 7, 2022"]]
MORGUE_HEADER = ["ФИО", "Место гибели", "Дата гибели"]
MORGUE = [["Тлеубердин А.Н.", "Алматы", "05.01.2022"], ["Сагындыкова Дана", "Актау", "08.01.2022"]]

FIRST_TWO = [("official", "1"), ("official", "2"), ("official", "4"),
             ("media", "1"), ("media", "2"), ("media", "3")]


@pytest.fixture
def two_lists(write_csv, run_import) -> None:
    run_import(write_csv("official.csv", OFFICIAL_HEADER, OFFICIAL), list_name="official")
    run_import(write_csv("media.csv", MEDIA_HEADER, MEDIA), list_name="media")


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def exported(*options: str) -> list[list[str]]:
    """The export as CSV rows, header first."""
    return list(csv.reader(io.StringIO(invoke("export", "links", *options).stdout, newline="")))


def test_it_writes_the_header_then_one_line_per_record(two_lists) -> None:
    result = invoke("export", "links")
    lines = result.stdout.split("\n")
    assert lines[0] == "list,row,person"
    assert lines[-1] == "" and len(lines) == 1 + len(FIRST_TWO) + 1  # \n after every line, the last included
    assert "6 records exported" in result.stderr


def test_it_numbers_rows_from_one_in_each_file_in_import_order(two_lists) -> None:
    header, *rows = exported("--format", "csv")
    assert header == ["list", "row", "person"]
    assert [(list_name, row) for list_name, row, _person in rows] == FIRST_TWO
    assert all(person == "" for _list, _row, person in rows)  # no `tergeu link` yet


def test_it_keeps_every_records_person_through_a_second_full_run(two_lists) -> None:
    invoke("link")
    before = exported()
    header, *rows = before
    assert header == ["list", "row", "person"] and [(r[0], r[1]) for r in rows] == FIRST_TWO
    for list_name, row, person in rows:
        assert person == Membership.objects.get(record__imported_list__name=list_name,
                                                record__row_number=int(row)).person.public_id
    assert "full run" in invoke("link", "--full").output
    assert exported() == before


def test_it_writes_the_same_bytes_to_the_file_named_by_o(two_lists, tmp_path: Path) -> None:
    invoke("link")
    on_stdout = invoke("export", "links").stdout_bytes
    target = tmp_path / "links.csv"
    to_file = invoke("export", "links", "-o", str(target))
    assert to_file.stdout == "" and "6 records exported" in to_file.stderr
    assert target.read_bytes() == on_stdout
    target.write_text("stale content that must go\n" * 50, encoding="utf-8")
    invoke("export", "links", "--output", str(target))
    assert target.read_bytes() == on_stdout


def test_it_leaves_the_person_empty_for_a_list_imported_after_the_last_run(two_lists, write_csv) -> None:
    invoke("link")
    linked = exported()[1:]
    invoke("import", str(write_csv("morgue.csv", MORGUE_HEADER, MORGUE)), "--list", "morgue")
    header, *rows = exported()
    assert header == ["list", "row", "person"]
    assert rows == [*linked, ["morgue", "1", ""], ["morgue", "2", ""]]
    assert "incremental: 2 new records" in invoke("link").output
    header, *rows = exported()
    assert rows[:len(linked)] == linked
    assert all(is_public_id(person) for _list, _row, person in rows)


def test_it_explains_the_format_in_its_help() -> None:
    help_text = " ".join(invoke("export", "links", "--help").output.split())
    assert "list,row,person" in help_text and "header" in help_text
    assert "1-based" in help_text and "empty" in help_text
    assert "--format" in help_text and "csv" in help_text


def test_it_names_a_file_it_cannot_write_and_leaves_nothing_half_written(tmp_path) -> None:
    target = tmp_path / "missing" / "links.csv"
    result = CliRunner().invoke(cli, ["export", "links", "-o", str(target)])
    assert result.exit_code == 1 and f"cannot write {target}:" in " ".join(result.output.split())  # console wraps
    assert "Traceback" not in result.output and not target.parent.exists()
