"""`tergeu complaints import`: a register read through the registry's readers, every row or nothing."""

from __future__ import annotations

import csv
import json
import stat

import pytest
from click.testing import CliRunner

from tergeu.cases.models import Complaint, ComplaintImport
from tergeu.cases.service import hash_code
from tergeu.cli import cli
from tergeu.witnesses.models import ProtectedPerson

pytestmark = pytest.mark.django_db(transaction=True)
HEADER = ["№", "Вид нарушения", "Дата", "Место", "ФИО потерпевшего", "Описание"]
MAP = """[columns]
reference = "№"
kind = "Вид нарушения"
date = "Дата"
place = "Место"
victim_name = "ФИО потерпевшего"
description = "Описание"
[kinds]
"пытки" = "torture"
"смерть под стражей" = "death-in-custody"
"""
ROWS = [["1", "пытки", "06.01.2022", "Талдыкорган", "Синтетов Демобек", "[synthetic] beaten"],
        ["2", "Torture", "07.01.2022", "Алматы", "Ойданова Тестгүл", "[synthetic] burned"]]


def run(*args: str, handler: str | None = "investigator-user") -> tuple[int, str]:
    """``tergeu ARGS``, with ``--handler`` (the investigator of the ``callers`` fixture) unless None."""
    result = CliRunner().invoke(cli, [*args, *(["--handler", handler] if handler else [])])
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def _handlers(callers) -> None:
    """Users, the investigator among them, to hand the imported complaints to."""


def test_a_register_is_imported_with_a_map_and_codes_go_to_a_private_file(master_key, write_csv, tmp_path) -> None:
    path = write_csv("register.csv", HEADER, ROWS)
    column_map = tmp_path / "map.toml"
    column_map.write_text(MAP, encoding="utf-8")
    codes = tmp_path / "codes.csv"
    code, out = run("complaints", "import", str(path), "--map", str(column_map), "--codes", str(codes))
    assert code == 0, out
    report = json.loads(out)
    assert report["ok"] and report["written"] == 2 and "Синтетов" not in out
    assert stat.S_IMODE(codes.stat().st_mode) == 0o600
    with codes.open(encoding="utf-8") as handle:
        issued = list(csv.DictReader(handle))
    for row in issued:
        assert Complaint.objects.get(public_id=row["complaint"]).code_hash == hash_code(row["access_code"])
    assert sorted(Complaint.objects.values_list("reference", "kind", "region_key")) == [
        ("1", "torture", "almaty-region"), ("2", "torture", "almaty")]
    assert ProtectedPerson.objects.filter(kind="victim").count() == 2 and ComplaintImport.objects.count() == 1
    code, out = run("complaints", "import", str(path), "--map", str(column_map))
    assert code == 0 and json.loads(out)["already_imported"] and Complaint.objects.count() == 2


def test_one_bad_row_names_its_row_and_column_and_nothing_is_written(master_key, write_csv, tmp_path) -> None:
    rows = [*ROWS, ["3", "избиение", "32.01.2022", "Тараз", "Тестов Тест", "x"], ["4", "пытки", "", "", "", ""]]
    path = write_csv("bad.csv", HEADER, rows)
    column_map = tmp_path / "map.toml"
    column_map.write_text(MAP, encoding="utf-8")
    code, out = run("complaints", "import", str(path), "--map", str(column_map))
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    problems = {(error["row"], error["column"]) for error in report["errors"]}
    assert problems == {(3, "Дата"), (3, "Вид нарушения"), (4, "ФИО потерпевшего")}  # row 4 names nobody
    code, out = run("complaints", "import", str(path))
    assert code == 1 and "no kind column" in out
    assert not Complaint.objects.exists() and not ProtectedPerson.objects.exists()


@pytest.mark.parametrize("where", ["existing-file", "missing-folder"])
def test_a_codes_file_that_cannot_be_written_imports_nothing(master_key, write_csv, tmp_path, where) -> None:
    """The codes file is checked first and written inside the transaction: no code is ever lost (review M1)."""
    path = write_csv("register.csv", HEADER, ROWS)
    column_map = tmp_path / "map.toml"
    column_map.write_text(MAP, encoding="utf-8")
    codes = tmp_path / "nope" / "codes.csv" if where == "missing-folder" else tmp_path / "codes.csv"
    if where == "existing-file":
        codes.write_text("left over from an earlier run\n", encoding="utf-8")
    code, out = run("complaints", "import", str(path), "--map", str(column_map), "--codes", str(codes))
    assert code == 1 and str(codes) in out and "Синтетов" not in out
    assert not Complaint.objects.exists() and not ComplaintImport.objects.exists()
    assert not ProtectedPerson.objects.exists()
    fresh = tmp_path / "codes-2.csv"
    code, out = run("complaints", "import", str(path), "--map", str(column_map), "--codes", str(fresh))
    assert code == 0 and json.loads(out)["written"] == 2 and len(fresh.read_text().splitlines()) == 3


def test_imported_complaints_have_handlers_and_one_is_required(master_key, write_csv, tmp_path, callers) -> None:
    """Every imported complaint is handed to --handler: a message left on its page alerts them (review M2)."""
    from tergeu.accounts import roles
    from tergeu.witnesses.alerts import handlers_of

    path = write_csv("register.csv", HEADER, ROWS)
    column_map = tmp_path / "map.toml"
    column_map.write_text(MAP, encoding="utf-8")
    code, out = run("complaints", "import", str(path), "--map", str(column_map), handler=None)
    assert code == 2 and "--handler" in out and not Complaint.objects.exists()
    code, out = run("complaints", "import", str(path), "--map", str(column_map), handler="analyst-user")
    assert code == 1 and "handles protected people" in out and not Complaint.objects.exists()
    code, out = run("complaints", "import", str(path), "--map", str(column_map))
    assert code == 0, out
    investigator = callers[roles.INVESTIGATOR].user
    assert Complaint.objects.count() == 2
    for complaint in Complaint.objects.all():
        assert handlers_of(complaint.holder) == [investigator]


def test_a_contact_without_a_name_is_found_by_row_and_column(master_key, write_csv, tmp_path) -> None:
    """An identity problem is reported while checking, naming row and column, never the value (review L3)."""
    rows = [["torture", "2022-01-06", "Synthetic Okbek", ""], ["torture", "2022-01-06", "", "+7 701 555 0199"]]
    path = write_csv("register.csv", ["kind", "date", "victim_name", "victim_contact"], rows)
    code, out = run("complaints", "import", str(path))
    report = json.loads(out)
    assert code == 1 and [(e["row"], e["column"]) for e in report["errors"]] == [(2, "victim_name")]  # data rows from 1
    assert "555 0199" not in out and not Complaint.objects.exists()


def test_the_import_function_refuses_to_write_complaints_nobody_handles(master_key, write_csv) -> None:
    from tergeu.cases.importing import import_complaints
    from tergeu.registry.importing.table import ImportProblem

    path = write_csv("register.csv", HEADER, ROWS)
    with pytest.raises(ImportProblem, match="handler"):
        import_complaints(path)
    assert not Complaint.objects.exists()
