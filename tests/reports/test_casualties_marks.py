"""The mark of synthetic data on the casualty report: decided by the people in it, on every page, in the CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_fixtures import Casualties, PdfWord, pdf_pages, pdf_text
from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR
from tergeu.cli import cli
from tergeu.provenance.models import Source

pytestmark = pytest.mark.django_db
WATERMARK_HEIGHT = 40  # points: the watermark is set in 90-point type, the text in 7 to 20


def _pdf(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "report.pdf"
    result = CliRunner().invoke(cli, ["report", "casualties", "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    return target


def _watermark(page: list[PdfWord]) -> str:
    """The page's watermark letters, sorted: pdftotext reads the slanted word letter by letter, out of order."""
    return "".join(sorted("".join(word.text for word in page if word.height > WATERMARK_HEIGHT)))


def _marked(pages: list[list[PdfWord]], mark: str) -> bool:
    return all(_watermark(page) == "".join(sorted(mark)) for page in pages)


def _synthetic_column(*args: str) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["report", "casualties", "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return {row["display_name"]: row["synthetic"] for row in csv.DictReader(io.StringIO(result.stdout))}


def test_demo_data_is_watermarked_on_every_page(casualties: Casualties, tmp_path: Path) -> None:
    Source.objects.update(is_synthetic=True)
    target = _pdf(tmp_path, "--language", "ru")
    pages = pdf_pages(target)
    assert len(pages) >= 2
    assert _marked(pages, "СИНТЕТИКА"), [_watermark(page) for page in pages]
    text = " ".join(pdf_text(target).split())
    assert "СИНТЕТИЧЕСКИЕ ДАННЫЕ: каждый человек в этом отчёте назван синтетическим" in text
    assert set(_synthetic_column().values()) == {"yes"}


def test_real_data_has_no_watermark(casualties: Casualties, tmp_path: Path) -> None:
    pages = pdf_pages(_pdf(tmp_path))
    assert len(pages) >= 2 and _marked(pages, "")
    assert set(_synthetic_column().values()) == {"no"}


def test_mixed_sources_are_counted_and_a_report_on_real_people_only_is_not_marked(casualties: Casualties,
                                                                                 tmp_path: Path) -> None:
    Source.objects.filter(name="City morgue").update(is_synthetic=True)  # the volunteers' source is real
    mixed = _pdf(tmp_path)
    assert _marked(pdf_pages(mixed), "SYNTHETIC")
    text = " ".join(pdf_text(mixed).split())
    assert "3 of the 4 people in this report are named by synthetic (invented) sources" in text
    assert "every person in this report" not in text
    assert _synthetic_column() == {"Әсетов Ғалымжан Қуанышұлы": "yes", "Бекова Сауле Армановна": "no",
                                   "Өмірбекова Іңкәр Ұланқызы": "yes", "Шаһмарданов Үсен Бағдатұлы": "yes"}
    real = _pdf(tmp_path, "--age", "60+")  # Бекова only: on the volunteers' list alone
    assert _marked(pdf_pages(real), "")
    assert "Бекова" in pdf_text(real) and "SYNTHETIC" not in pdf_text(real).upper()
    one = _pdf(tmp_path, "--language", "ru", "--place", "almaty", "--sex", "F")  # Бекова and Өмірбекова
    assert "1 из 2 человек в этом отчёте назван синтетическим" in " ".join(pdf_text(one).split())


def test_the_web_download_is_marked_by_the_lists_its_reader_sees(casualties: Casualties, client_as,
                                                                 tmp_path: Path) -> None:
    Source.objects.filter(name="Volunteers").update(is_synthetic=True)  # private: the mission never sees it
    target = tmp_path / "web.pdf"
    mission = client_as(EXPERT_MISSION).get("/reports/casualties/", {"format": "pdf"}, HTTP_ACCEPT_LANGUAGE="en")
    target.write_bytes(b"".join(mission.streaming_content))
    assert _marked(pdf_pages(target), "") and "SYNTHETIC" not in pdf_text(target)
    investigator = client_as(INVESTIGATOR).get("/reports/casualties/", {"format": "csv"})
    rows = csv.DictReader(io.StringIO(b"".join(investigator.streaming_content).decode()))
    assert {row["display_name"]: row["synthetic"] for row in rows} == {
        "Әсетов Ғалымжан Қуанышұлы": "yes", "Бекова Сауле Армановна": "yes",  # both on the volunteers' list
        "Өмірбекова Іңкәр Ұланқызы": "no", "Шаһмарданов Үсен Бағдатұлы": "no"}
