"""F14: text from a list (names, headers, cells, file names) is printed as text, never read as Rich markup.

Rich reads ``[...]`` as markup, so a header ``[/x]`` used to crash ``tergeu import`` after the import
was written, and every later ``tergeu history``.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.registry.models import ImportedList

pytestmark = pytest.mark.django_db(transaction=True)

MARKUP = "[/x]"
HEADER = ["ФИО", MARKUP, "[bold]Место гибели"]


def test_markup_in_a_list_is_printed_as_text(write_csv) -> None:
    path = write_csv("[red]list[x].csv", HEADER, [[f"Аманов Берик {MARKUP}", "[/]", "Алматы"]])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", MARKUP])
    assert result.exit_code == 0, result.output
    assert f"list '{MARKUP}'" in result.output and "[red]list[x].csv" in result.output
    assert ImportedList.objects.get().name == MARKUP

    history = CliRunner().invoke(cli, ["history"])
    assert history.exit_code == 0, history.output
    assert MARKUP in history.output

    again = CliRunner().invoke(cli, ["import", str(write_csv("other.csv", HEADER, [["Беков Даулет", "", ""]])),
                                     "--list", MARKUP])
    assert again.exit_code == 1 and f"already imported as list '{MARKUP}'" in again.output


def test_markup_in_a_dry_run_preview_and_in_cell_errors_is_printed_as_text(write_csv) -> None:
    path = write_csv("list.csv", ["ФИО", "Дата гибели"], [[f"Аманов {MARKUP}", "05.01.2022"],
                                                            ["Беков Даулет", f"[/date] {MARKUP}"]])
    result = CliRunner().invoke(cli, ["import", str(path), "--list", "dry", "--dry-run"])
    assert result.exit_code == 1, result.output  # the bad date is an error: listed, nothing imported
    assert "[/date]" in result.output and "Nothing was imported" in result.output
    assert not ImportedList.objects.exists()
