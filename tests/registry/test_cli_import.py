"""The ``tergeu import`` and ``tergeu map`` commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.provenance.models import Source
from tergeu.registry.facts import facts_of
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = ["Аты-жөні", "Жасы", "Қаза тапқан күні"]


def test_it_shows_the_guessed_map_and_a_preview_on_dry_run(write_csv) -> None:
    path = write_csv("ngo.csv", HEADER, [["Серікұлы Ерлан", "27", "5 қаңтар 2022"]], encoding="utf-8-sig")
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "NGO", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "guessed from the headers" in result.output
    assert "Серікұлы Ерлан" in result.output and "2022-01-05" in result.output
    assert "Dry run" in result.output
    assert ImportedList.objects.count() == 0


def test_it_imports_with_provenance_options(write_csv) -> None:
    path = write_csv("ngo.csv", HEADER, [["Серікұлы Ерлан", "27", "5 қаңтар 2022"]])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "NGO", "--source", "Human rights NGO",
                                      "--source-kind", "ngo", "--reliability", "B", "--published", "2022-07-29"])
    assert result.exit_code == 0, result.output
    source = Source.objects.get()
    assert (source.name, source.kind, source.reliability, str(source.published_on)) == (
        "Human rights NGO", "ngo", "B", "2022-07-29")
    record = source.lists.get().records.get()
    assert {fact.confidence for fact in facts_of(record)} == {"high"}
    assert {fact.status for fact in facts_of(record)} == {"pending"}


def test_it_exits_non_zero_and_names_row_and_column(write_csv) -> None:
    path = write_csv("bad.csv", HEADER, [["А Б", "27", "5 қаңтар 2022"], ["В Г", "жиырма", "5 қаңтар 2022"]])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "NGO", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["errors"] == [{"row": 2, "column": "Жасы", "value": "жиырма",
                                 "message": "cannot read 'жиырма' as an age in years"}]
    assert ImportedList.objects.count() == 0


def test_it_reports_file_problems_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "x"])
    assert result.exit_code == 1
    assert "Error: empty.csv: the file is empty" in result.output
    assert "Traceback" not in result.output


def test_it_uses_a_map_file(write_csv, tmp_path: Path) -> None:
    path = write_csv("odd.csv", ["Who", "When"], [["Nurlanov Zhanbolat", "01/05/2022"]])
    map_path = tmp_path / "map.toml"
    map_path.write_text('date_order = "mdy"\n[columns]\nfull_name = "Who"\ndate_of_death = "When"\n',
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "odd", "--map", str(map_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["preview"][0]["date_of_death"] == "2022-01-05"


def test_it_prints_a_map_that_imports_back(write_csv, tmp_path: Path) -> None:
    path = write_csv("ngo.csv", HEADER + ["Extra"], [["Серікұлы Ерлан", "27", "5 қаңтар 2022", "x"]])
    result = CliRunner().invoke(cli, ["map", str(path)])
    assert result.exit_code == 0, result.output
    assert "unmapped headers: Extra" in result.output
    map_path = tmp_path / "map.toml"
    map_path.write_text(result.stdout, encoding="utf-8")
    imported = CliRunner().invoke(cli, ["import", str(path), "--list", "NGO", "--map", str(map_path)])
    assert imported.exit_code == 0, imported.output


def test_it_states_a_map_value_on_every_row_without_its_own(write_csv, tmp_path: Path) -> None:
    path = write_csv("morgue.csv", ["ФИО", "Дата", "Область"],
                     [["Нурланов Ж.С.", "05.01.2022", ""], ["Ахметов А.", "06.01.2022", "Жамбылская обл."]])
    map_path = tmp_path / "map.toml"
    map_path.write_text('[columns]\nfull_name = "ФИО"\ndate_of_death = "Дата"\n'
                        '[values]\nsex = "м"\nplace_of_death = "г. Алматы"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue", "--map", str(map_path)])
    assert result.exit_code == 0, result.output
    records = list(Record.objects.order_by("row_number"))
    assert [r.facts.get("sex") for r in records] == ["M", "M"]
    assert {r.facts.get("place_of_death") for r in records} == {"г. Алматы"}
    assert records[0].parsed["from_list"] == ["sex", "place_of_death"]
    assert records[0].raw == ["Нурланов Ж.С.", "05.01.2022", ""]  # the row itself is kept as it was
    assert ImportedList.objects.get().column_map["values"] == {"sex": "M", "place_of_death": "г. Алматы"}


@pytest.mark.parametrize("values,message", [
    ('[values]\nage = "about forty"\n', "map.toml: values.age = 'about forty'"),
    ('[values]\nfull_name = "X"\n', "full_name: named both as a column and as a value"),
    ('[values]\nplanet = "Mars"\n', "unknown field(s) in the values table: planet"),
    ('[values]\nregion = ""\n', "values.region must be non-empty text"),
])
def test_it_refuses_a_bad_map_value_naming_the_file(write_csv, tmp_path: Path, values: str, message: str) -> None:
    path = write_csv("morgue.csv", ["ФИО"], [["Нурланов Ж.С."]])
    map_path = tmp_path / "map.toml"
    map_path.write_text('[columns]\nfull_name = "ФИО"\n' + values, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue", "--map", str(map_path)])
    assert result.exit_code == 1
    assert message in result.output, result.output
    assert not Record.objects.exists()


MALFORMED = {
    "cut inside a quoted cell": ('Аты-жөні,Жасы\r\nА Б,27\r\n"unclosed,row',
                                 "row 2 (line 3), column 'Аты-жөні': the quote opening this cell on line 3 is "
                                 "never closed"),
    "quote left open mid-file": ('Аты-жөні,Жасы\r\nА Б,"27\r\nВ Г,28\r\nД Е,29\r\n',
                                 "row 1 (line 2), column 'Жасы': the quote opening this cell on line 2"),
    "text after a closing quote": ('Аты-жөні,Жасы\r\n"Береке" ТОО,27\r\n',
                                   "row 1 (line 2), column 'Аты-жөні': text follows the closing quote"),
    "more cells than headers": ("Аты-жөні,Жасы\r\nА Б,27,Алматы\r\n",
                                "row 1 (line 2) has 3 cells but the header has 2"),
    "fewer cells than headers": ("Аты-жөні,Жасы\r\nА Б,27\r\nВ Г\r\n",
                                 "row 2 (line 3) has 1 cell but the header has 2 (no cell for column 'Жасы')"),
    "lone CR inside a cell": ("Аты-жөні,Жасы\r\nА\rБ,27\r\n", "row 1 (line 2) has 1 cell but the header has 2"),
    "NUL byte": ("Аты-жөні,Жасы\r\nА Б,27\r\n\x00\x00\x00", "row 2 (line 3), column 'Аты-жөні': holds a NUL"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_it_refuses_a_malformed_csv_and_writes_nothing(tmp_path: Path, name: str) -> None:
    from helpers import database_counts

    text, message = MALFORMED[name]
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("utf-8"))
    before = database_counts()
    for extra in ([], ["--dry-run"], ["--json"]):
        result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue", *extra])
        assert result.exit_code == 1, result.output
        output = " ".join(result.output.split())  # the console wraps long lines
        assert f"Error: list.csv: {message}" in output, output
        assert "Traceback" not in output
    assert database_counts() == before


def test_it_refuses_a_utf8_file_cut_inside_a_character(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("Аты-жөні,Жасы\r\nА Б,27\r\nНұрланов".encode()[:-1])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue"])
    assert result.exit_code == 1
    assert "ends in the middle of a UTF-8 character" in " ".join(result.output.split())
    assert not ImportedList.objects.exists()


def test_it_imports_line_breaks_in_quotes_and_mixed_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes('Аты-жөні,Жасы,Ескерту\r\nА Б,27,"бірінші\r\nекінші"\n\nВ Г,28,ТОО "Береке"\r'.encode())
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue"])
    assert result.exit_code == 0, result.output
    assert [(r.row_number, r.raw) for r in Record.objects.order_by("row_number")] == [
        (1, ["А Б", "27", "бірінші\r\nекінші"]), (3, ["В Г", "28", 'ТОО "Береке"'])]


def test_it_says_why_a_two_day_date_is_refused_naming_file_row_and_column(write_csv) -> None:
    path = write_csv("morgue.csv", ["ФИО", "Дата гибели"], [["А Б", "05.01.2022"], ["В Г", "5-6 января 2022"]])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["file"].endswith("morgue.csv")
    assert report["errors"] == [{
        "row": 2, "column": "Дата гибели", "value": "5-6 января 2022",
        "message": "cannot read '5-6 января 2022' as one date: it gives two days (5 and 6), and Tergeu does not "
                   "choose one; write the one date the source supports, or only the month ('01.2022'), and keep "
                   "'5-6 января 2022' in a notes column"}]
    plain = CliRunner().invoke(cli, ["import", str(path), "--list", "morgue"])
    output = " ".join(plain.output.split())
    assert "Errors in morgue.csv" in output and "Дата гибели" in output and "Nothing was imported" in output
    assert not ImportedList.objects.exists()


def test_it_reads_a_list_in_the_code_page_stated_when_it_cannot_tell(tmp_path: Path) -> None:
    path = tmp_path / "kz.csv"
    path.write_bytes("Аты-жөні;Жасы\r\nӨмірбек;27\r\n".encode("kz1048"))
    refused = CliRunner().invoke(cli, ["import", str(path), "--list", "kz"])
    assert refused.exit_code == 1
    assert "Error: kz.csv: line 1: cannot tell the encoding" in " ".join(refused.output.split())
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "kz", "--encoding", "kz1048"])
    assert result.exit_code == 0, result.output
    assert "encoding kz1048" in result.output
    assert Record.objects.get().facts["full_name"] == "Өмірбек"


def test_map_reads_a_file_in_the_code_page_stated_when_it_cannot_tell(tmp_path: Path) -> None:
    path = tmp_path / "kz.csv"
    path.write_bytes("Аты-жөні;Жасы\r\nӨмірбек;27\r\n".encode("kz1048"))
    refused = CliRunner().invoke(cli, ["map", str(path)])
    assert refused.exit_code == 1
    assert "cannot tell the encoding" in " ".join(refused.output.split())
    result = CliRunner().invoke(cli, ["map", str(path), "--encoding", "kz1048"])
    assert result.exit_code == 0, result.output
    assert "Аты-жөні" in result.output
