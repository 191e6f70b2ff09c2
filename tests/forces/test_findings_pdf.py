"""``tergeu vet --pdf``: the printable findings of a vetting file, in three languages, read back with pdftotext."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_fixtures import pdf_pages, pdf_text
from tergeu.cli import cli
from tergeu.provenance.models import Source

pytestmark = pytest.mark.django_db


def printed(tmp_path: Path, *args: str, stdin: str | None = None) -> tuple[str, dict, Path]:
    target = tmp_path / "findings.pdf"
    result = CliRunner().invoke(cli, ["vet", *args, "--pdf", str(target), "--json"], input=stdin)
    assert result.exit_code == 0, result.output
    return " ".join(pdf_text(target).split()), json.loads(result.stdout), target


def test_a_flagged_unit_prints_its_verdict_findings_and_sources(force, tmp_path) -> None:
    text, answer, _path = printed(tmp_path, "MU 50212", "--kind", "unit")
    assert answer["verdict"] == "flagged" and set(answer) == {"query", "matches", "findings", "verdict"}
    assert "Vetting findings" in text and "FLAGGED: the records tie the match" in text
    assert "Query: MU 50212 (unit)" in text and "U-BDE" in text and "Тоғызыншы жасақ бригадасы" in text
    for finding in answer["findings"]:
        assert finding["incident"] in text
    assert "a unit under it" in text and "named in the" in text  # a cell wraps "incident" to its next line
    assert "Synthetic report" in text and "Synthetic Square" in text
    assert "before the first cited date nothing is assumed" in text  # the rules travel with the paper


def test_the_report_speaks_kazakh_and_russian(force, tmp_path) -> None:
    kazakh, _answer, _path = printed(tmp_path, "MU 50212", "--kind", "unit", "--language", "kk")
    assert "Тексеру нәтижелері" in kazakh and "Vetting findings" not in kazakh
    russian, _answer, _path = printed(tmp_path, "MU 50212", "--kind", "unit", "--language", "ru")
    assert "Результаты проверки" in russian and "Vetting findings" not in russian


def test_a_person_comes_on_stdin_and_an_assumed_command_reads_as_review(force, tmp_path) -> None:
    text, answer, _path = printed(tmp_path, "-", "--kind", "person",
                                  stdin=json.dumps({"query": "Serikbolov Yerzhan"}))
    assert answer["verdict"] == "review"
    assert "REVIEW:" in text and "in command" in text and "assumed" in text and "Серікболов Ержан Қайратұлы" in text


def test_synthetic_findings_are_marked_and_real_ones_are_not(force, tmp_path) -> None:
    _text, _answer, path = printed(tmp_path, "MU 50212", "--kind", "unit")
    big = [w.text for page in pdf_pages(path) for w in page if w.height > 40]
    assert sorted("".join(big)) == sorted("SYNTHETIC")
    Source.objects.update(is_synthetic=False)
    text, _answer, path = printed(tmp_path, "MU 50212", "--kind", "unit")
    assert not [w for page in pdf_pages(path) for w in page if w.height > 40] and "invented data" not in text


def test_nothing_on_record_prints_clear_and_says_what_that_means(force, tmp_path) -> None:
    text, answer, _path = printed(tmp_path, "Invented Border Outpost", "--kind", "unit")
    assert answer["verdict"] == "clear"
    assert "CLEAR: nothing on record" in text and "not proof of a clean record" in text and "No finding." in text
