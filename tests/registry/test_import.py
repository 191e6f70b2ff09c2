"""Importing lists: formats, encodings, dates, maps, idempotence, atomicity and error messages."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers import csv_bytes, database_counts
from tergeu.history.models import ChangeEntry
from tergeu.registry.importing.columnmap import ColumnMap
from tergeu.registry.importing.table import ImportProblem
from tergeu.registry.models import ImportedList, Record
from tergeu.registry.names import name_analysis

pytestmark = pytest.mark.django_db

OFFICIAL_HEADER = ["№", "Фамилия Имя Отчество", "Дата рождения", "Место гибели", "Дата гибели"]
OFFICIAL_ROWS = [
    ["1", "Нурланов Жанболат Серикович", "12.03.1990", "Алматы", "05.01.2022"],
    ["2", "Ахметова Айгерим Кайратовна", "01.07.1985", "Талдыкорган", "06.01.2022"],
]


def facts_of(list_name: str) -> list[dict[str, str]]:
    return [record.facts for record in Record.objects.filter(imported_list__name=list_name).order_by("row_number")]


@pytest.mark.parametrize("encoding,delimiter", [
    ("utf-8", ","), ("utf-8-sig", ","), ("cp1251", ";"), ("utf-16", "\t"),
])
def test_it_detects_the_encoding(tmp_path: Path, run_import, encoding: str, delimiter: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(OFFICIAL_HEADER, OFFICIAL_ROWS, encoding, delimiter))
    report = run_import(path)
    assert report.ok, report.errors
    assert report.encoding == encoding
    assert [row["full_name"] for row in facts_of("test list")] == [r[1] for r in OFFICIAL_ROWS]
    assert facts_of("test list")[1]["date_of_death"] == "2022-01-06"


def test_it_reads_every_date_form_in_one_file(write_csv, run_import) -> None:
    forms = ["05.01.2022", "2022-01-05", "5 қаңтар 2022", "5 января 2022", "January 5, 2022", "05 Jan 2022"]
    path = write_csv("dates.csv", ["ФИО", "Дата гибели"], [[f"Person {i}", form] for i, form in enumerate(forms)])
    report = run_import(path)
    assert report.ok, report.errors
    assert {row["date_of_death"] for row in facts_of("test list")} == {"2022-01-05"}


def test_it_imports_xlsx_with_typed_cells(tmp_path: Path, run_import) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Аты-жөні", "Жасы", "Туған күні", "Қаза тапқан жері"])
    sheet.append(["Серікұлы Ерлан", 27, datetime.datetime(1994, 5, 2), "Алматы"])
    sheet.append([None, None, None, None])
    sheet.append(["Әсел Нұрланқызы", "~30", None, "Тараз"])
    path = tmp_path / "ngo.xlsx"
    book.save(path)
    report = run_import(path)
    assert report.ok, report.errors
    assert report.file_format == "xlsx"
    assert facts_of("test list") == [
        {"full_name": "Серікұлы Ерлан", "age": "27", "date_of_birth": "1994-05-02", "place_of_death": "Алматы"},
        {"full_name": "Әсел Нұрланқызы", "age": "30", "place_of_death": "Тараз"},
    ]
    assert list(Record.objects.values_list("row_number", flat=True)) == [1, 3]
    assert Record.objects.get(row_number=3).parsed["notes"] == {"age": "approximate"}


def test_it_imports_json_and_keeps_the_raw_row(tmp_path: Path, run_import) -> None:
    items = [{"name": "Zhanbolat Nurlanov", "age": 31, "city": "Almaty", "date_of_death": "January 5, 2022",
              "source_url": "https://example.org/1"}]
    path = tmp_path / "media.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    report = run_import(path, source_kind="media")
    assert report.ok, report.errors
    record = Record.objects.get()
    assert record.raw == ["Zhanbolat Nurlanov", "31", "Almaty", "January 5, 2022", "https://example.org/1"]
    assert ImportedList.objects.get().report["headers"] == list(items[0])
    assert name_analysis(record.facts).script == "latn"


def test_it_does_nothing_when_the_same_file_is_imported_again(write_csv, run_import) -> None:
    path = write_csv("list.csv", OFFICIAL_HEADER, OFFICIAL_ROWS)
    assert run_import(path, list_name="first").ok
    before = database_counts()
    again = run_import(path, list_name="first")
    renamed = run_import(path, list_name="another name")
    assert again.already_imported_as == "first" and renamed.already_imported_as == "first"
    assert database_counts() == before


def test_it_refuses_a_different_file_under_a_taken_list_name(write_csv, run_import) -> None:
    run_import(write_csv("a.csv", OFFICIAL_HEADER, OFFICIAL_ROWS), list_name="GPO")
    other = write_csv("b.csv", OFFICIAL_HEADER, OFFICIAL_ROWS[:1])
    with pytest.raises(ImportProblem, match="already imported as list 'GPO'"):
        run_import(other, list_name="GPO")


def test_it_writes_nothing_when_row_4000_of_5000_is_broken(write_csv, run_import) -> None:
    rows = [[str(i), f"Тестов Иван {i}", "01.01.1990", "Алматы", "05.01.2022"] for i in range(1, 5001)]
    rows[3999][4] = "32.01.2022"
    run_import(write_csv("ok.csv", OFFICIAL_HEADER, OFFICIAL_ROWS), list_name="earlier")
    before = database_counts()
    report = run_import(write_csv("big.csv", OFFICIAL_HEADER, rows), list_name="big")
    assert not report.ok
    assert database_counts() == before
    assert report.rows == 5000 and report.error_count == 1
    error = report.errors[0]
    assert (error.row, error.column, error.value) == (4000, "Дата гибели", "32.01.2022")
    assert "day 32" in error.message or "32" in error.message


def test_it_lists_every_problem_not_just_the_first(write_csv, run_import) -> None:
    rows = [["1", "А Б", "вчера", "Алматы", "05.01.2022"], ["2", "В Г", "01.01.1990", "Алматы", "никогда"]]
    report = run_import(write_csv("bad.csv", OFFICIAL_HEADER, rows))
    assert [(e.row, e.column) for e in report.errors] == [(1, "Дата рождения"), (2, "Дата гибели")]


def test_it_dry_runs_without_writing(write_csv, run_import) -> None:
    before = database_counts()
    report = run_import(write_csv("list.csv", OFFICIAL_HEADER, OFFICIAL_ROWS), dry_run=True)
    assert report.ok and report.dry_run and report.rows == 2
    assert report.preview[0]["full_name"] == "Нурланов Жанболат Серикович"
    assert database_counts() == before


@pytest.mark.parametrize("header,rows,message", [
    (["Возраст", "Пол"], [["30", "м"]], "no name column was guessed"),
    (["ФИО", "Пол"], [["А Б", "м", "extra"]], "row 1 (line 2) has 3 cells but the header has 2"),
    (["ФИО", "Пол"], [["А Б", "м"], ["В Г"]], "row 2 (line 3) has 1 cell but the header has 2"),
])
def test_it_names_file_level_problems(write_csv, run_import, header, rows, message) -> None:
    with pytest.raises(ImportProblem, match=re.escape(message)) as info:
        run_import(write_csv("list.csv", header, rows))
    assert "list.csv" in str(info.value)
    assert ImportedList.objects.count() == 0


def test_it_checks_the_map_against_the_headers(write_csv, run_import) -> None:
    column_map = ColumnMap({"full_name": "Name"})
    with pytest.raises(ImportProblem, match="the map names column 'Name' for full_name"):
        run_import(write_csv("list.csv", OFFICIAL_HEADER, OFFICIAL_ROWS), column_map=column_map)


def test_it_uses_the_map_and_its_name_order(write_csv, run_import) -> None:
    column_map = ColumnMap({"full_name": "Deceased", "date_of_death": "When"}, name_order="family_first",
                           date_order="mdy")
    path = write_csv("list.csv", ["Deceased", "When"], [["Nurlanov Zhanbolat", "01/05/2022"]])
    report = run_import(path, column_map=column_map)
    assert report.ok, report.errors
    record = Record.objects.get()
    order = ImportedList.objects.get().column_map["name_order"]
    assert name_analysis(record.facts, order).family == "Nurlanov"
    assert facts_of("test list")[0]["date_of_death"] == "2022-01-05"


def test_it_flags_disagreements_inside_a_row_without_changing_them(write_csv, run_import) -> None:
    from tergeu.core.names import make_iin

    iin = make_iin(datetime.date(1990, 3, 12), "M", 1)
    path = write_csv("list.csv", ["ФИО", "ИИН", "Дата рождения", "Пол"], [["Нурланов Ж.С.", iin, "12.03.1991", "ж"]])
    report = run_import(path)
    assert report.ok
    assert report.warning_count == 2
    facts = facts_of("test list")[0]
    assert (facts["date_of_birth"], facts["sex"]) == ("1991-03-12", "F")
    assert Record.objects.get().parsed["derived"] == {"date_of_birth_from_national_id": "1990-03-12",
                                                      "sex_from_national_id": "M"}


def test_it_logs_the_import_in_the_history(write_csv, run_import) -> None:
    report = run_import(write_csv("list.csv", OFFICIAL_HEADER, OFFICIAL_ROWS), list_name="GPO")
    entry = ChangeEntry.objects.get(action="import")
    assert entry.after["rows"] == 2 and entry.after["sha256"] == report.sha256
    assert entry.actor.startswith("cli:")


def test_it_refuses_a_file_cut_inside_a_quoted_cell_writing_nothing(tmp_path: Path, run_import) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes(csv_bytes(OFFICIAL_HEADER, OFFICIAL_ROWS) + '3,"Серікұлы Ерлан, 1990'.encode())
    before = database_counts()
    with pytest.raises(ImportProblem, match=re.escape(
            "cut.csv: row 3 (line 4), column 'Фамилия Имя Отчество': the quote opening this cell on line 4 "
            "is never closed")):
        run_import(path)
    assert database_counts() == before


MORGUE_HEADER = ["ФИО", "Дата смерти", "Дата поступления тела", "Дата рождения"]


def test_it_reads_the_date_a_list_recorded_a_death(write_csv, run_import) -> None:
    rows = [["Нурланов Ж.С.", "05.01.2022", "06.01.2022", "12.03.1990"], ["Ахметов А.", "", "7 января 2022", ""]]
    report = run_import(write_csv("morgue.csv", MORGUE_HEADER, rows))
    assert report.ok and report.warning_count == 0, report.warnings
    assert report.column_map.columns["date_recorded"] == "Дата поступления тела"
    assert report.column_map.columns["date_of_death"] == "Дата смерти"
    assert facts_of("test list") == [
        {"full_name": "Нурланов Ж.С.", "date_of_death": "2022-01-05", "date_recorded": "2022-01-06",
         "date_of_birth": "1990-03-12"},
        {"full_name": "Ахметов А.", "date_recorded": "2022-01-07"}]
    assert Record.objects.get(row_number=2).death_date == ""  # a recorded date is not a date of death


def test_it_warns_when_a_death_is_recorded_before_it_happened(write_csv, run_import) -> None:
    rows = [["А Б", "06.01.2022", "05.01.2022", ""], ["В Г", "06.01.2022", "01.2022", ""],
            ["Д Е", "2022", "31.12.2021", ""]]
    report = run_import(write_csv("morgue.csv", MORGUE_HEADER, rows))
    assert report.ok
    assert [(w.row, w.column, w.value) for w in report.warnings] == [
        (1, "Дата поступления тела", "2022-01-05"), (3, "Дата поступления тела", "2021-12-31")]
    assert "before the date of death 2022-01-06" in report.warnings[0].message
    assert facts_of("test list")[0]["date_recorded"] == "2022-01-05"  # kept as stated


def test_a_map_names_the_recorded_date_as_a_column_or_a_value(write_csv, run_import) -> None:
    path = write_csv("registry.csv", ["Who", "Died", "Registered"],
                     [["Nurlanov Zhanbolat", "05.01.2022", "08.01.2022"]])
    report = run_import(path, column_map=ColumnMap({"full_name": "Who", "date_of_death": "Died",
                                                    "date_recorded": "Registered"}))
    assert report.ok and facts_of("test list")[0]["date_recorded"] == "2022-01-08"
    other = write_csv("burials.csv", ["Who", "Died"], [["Ахметов А.", "09.01.2022"]])
    report = run_import(other, list_name="burials",
                        column_map=ColumnMap({"full_name": "Who", "date_of_death": "Died"},
                                             values={"date_recorded": "2022-01-08"}))
    assert report.ok
    assert report.warnings[0].column == "Died" and "recorded on 2022-01-08" in report.warnings[0].message


def test_a_map_file_accepts_the_recorded_date(tmp_path: Path) -> None:
    from tergeu.registry.importing.columnmap import load_map

    path = tmp_path / "map.toml"
    path.write_text('[columns]\nfull_name = "ФИО"\ndate_recorded = "Дата регистрации"\n'
                    '[values]\nregion = "г. Алматы"\n', encoding="utf-8")
    assert load_map(path).columns["date_recorded"] == "Дата регистрации"
    path.write_text('[columns]\nfull_name = "ФИО"\n[values]\ndate_recorded = "8 января 2022"\n', encoding="utf-8")
    assert load_map(path).values == {"date_recorded": "2022-01-08"}


def test_a_map_value_that_disagrees_with_the_row_is_a_warning_not_a_crash(write_csv, run_import) -> None:
    """The age check used to look up the age column, which a [values] age does not have."""
    path = write_csv("list.csv", ["ФИО", "Дата рождения", "Дата гибели"], [["А Б", "12.03.1990", "05.01.2022"]])
    report = run_import(path, column_map=ColumnMap(
        {"full_name": "ФИО", "date_of_birth": "Дата рождения", "date_of_death": "Дата гибели"}, values={"age": "50"}))
    assert report.ok
    assert [(w.row, w.column, w.value) for w in report.warnings] == [(1, "", "50")]


KAZAKH_HEADER = ["Аты-жөні", "Жасы", "Қаза тапқан күні"]
KAZAKH_ROWS = [["Сәрсенов Ерлан Қайратұлы", "27", "5 қаңтар 2022"], ["Серікұлы Нұрлан", "30", "2022 жылы 6 қаңтарда"]]


def test_it_imports_a_kz1048_list_as_kazakh(tmp_path: Path, run_import) -> None:
    path = tmp_path / "kz.csv"
    path.write_bytes(csv_bytes(KAZAKH_HEADER, KAZAKH_ROWS, "kz1048", ";"))
    report = run_import(path)
    assert report.ok, report.errors
    assert report.encoding == "kz1048" and ImportedList.objects.get().encoding == "kz1048"
    assert [row["full_name"] for row in facts_of("test list")] == [r[0] for r in KAZAKH_ROWS]
    assert [row["date_of_death"] for row in facts_of("test list")] == ["2022-01-05", "2022-01-06"]


def test_a_list_whose_code_page_cannot_be_told_is_refused_until_it_is_stated(tmp_path: Path, run_import) -> None:
    path = tmp_path / "kz.csv"
    path.write_bytes(csv_bytes(["Аты-жөні", "Жасы"], [["Өмірбек", "27"]], "kz1048", ";"))
    before = database_counts()
    with pytest.raises(ImportProblem, match=r"^kz\.csv: line 1: cannot tell the encoding: .*'жґні'.*'жөні'"):
        run_import(path)
    assert database_counts() == before
    report = run_import(path, encoding="kz1048")
    assert report.ok and facts_of("test list")[0]["full_name"] == "Өмірбек"


def test_it_reads_abbreviated_months_and_the_year_mark(write_csv, run_import) -> None:
    forms = ["06.01.2022г.", "06.01.2022 г.", "6 января 2022 г.", "6 января 2022 года", "6 янв. 2022", "6 ЯНВ 2022",
             "6 қаңтарда 2022", "2022 жылы 6 қаңтарда"]
    rows = [[f"Person {i}", form, "24 жасар"] for i, form in enumerate(forms)]
    report = run_import(write_csv("forms.csv", ["ФИО", "Дата гибели", "Жасы"], rows))
    assert report.ok, report.errors
    assert {(row["date_of_death"], row["age"]) for row in facts_of("test list")} == {("2022-01-06", "24")}


def test_it_refuses_two_days_a_missing_year_and_an_age_range_naming_row_and_column(write_csv, run_import) -> None:
    rows = [["А Б", "5-6 января 2022", "30"], ["В Г", "в ночь с 5 на 6 января", "31"], ["Д Е", "6 янв.", "32"],
            ["Ж З", "06.01.2022", "30-35"], ["И К", "06.01.2022", "30+"]]
    before = database_counts()
    report = run_import(write_csv("list.csv", ["ФИО", "Дата гибели", "Возраст"], rows))
    assert not report.ok and database_counts() == before
    assert [(e.row, e.column, e.value) for e in report.errors] == [
        (1, "Дата гибели", "5-6 января 2022"), (2, "Дата гибели", "в ночь с 5 на 6 января"),
        (3, "Дата гибели", "6 янв."), (4, "Возраст", "30-35"), (5, "Возраст", "30+")]
    messages = [e.message for e in report.errors]
    assert "gives two days (5 and 6), and Tergeu does not choose one" in messages[0]
    assert "gives two days (5 and 6) and no year" in messages[1]
    assert "has no year, and Tergeu does not assume one" in messages[2]
    assert "an age range (30 to 35), not an age in years" in messages[3]
    assert "an age range with no upper end" in messages[4]
    assert all("in a notes column" in m for m in messages)
