"""The PDF's layout: long cells wrap within their columns, headings keep words whole, labels read by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.utils import timezone, translation
from django.utils.translation import gettext

from casualty_fixtures import Casualties, pdf_pages, pdf_text
from tergeu.cli import cli
from tergeu.reports import pdf as report_pdf
from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.document import MAX_LINES, PAD
from tergeu.reports.pdf import FAMILY, LABEL_WIDTH, LAYOUT, SIZE, ReportPdf
from tergeu.reports.tables import COLUMN_LABELS

POINTS_PER_MM = 72 / 25.4
PAGE_WIDTH = 297 * POINTS_PER_MM  # landscape A4
MARGIN = 10 * POINTS_PER_MM


def _pdf(language: str = "en") -> ReportPdf:
    report = CasualtyReport(rows=[], visible_people=0, filters=[], list_names={}, list_sources={}, estimate=None,
                            synthetic_lists=frozenset(), language=language, generated_at=timezone.now())
    pdf = ReportPdf(report)
    pdf.set_font(FAMILY, "", SIZE)
    return pdf


def test_an_unbroken_cell_of_thousands_of_characters_is_cut_into_full_lines() -> None:
    pdf, room = _pdf(), 56 - 2 * PAD
    text = "жақсы_" * 850  # 5,100 characters, no space: a URL or OCR text in one cell
    lines = pdf.wrap(text, 56)
    assert len(lines) == MAX_LINES and lines[-1].endswith("…")
    assert all(pdf.get_string_width(line) <= room for line in lines)
    assert "".join(lines[:-1]) == text[: sum(len(line) for line in lines[:-1])]  # nothing lost before the cut
    start = 0
    for line in lines[:-1]:  # each piece is as long as fits: one more character would not
        assert pdf.get_string_width(text[start: start + len(line) + 1]) > room
        start += len(line)
    assert pdf.wrap("ж" * 15, 56) == ["ж" * 15]  # a word that fits stays whole
    words = pdf.wrap("a " * 3000, 56)  # thousands of words: cut the same way
    assert len(words) == MAX_LINES and words[-1].endswith("…")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_no_heading_splits_a_word(language: str) -> None:
    drawn: list[list[list[str]]] = []
    with translation.override(language):
        pdf = _pdf(language)
        pdf.draw_row = lambda cells, first_bold=False: drawn.append(cells)  # type: ignore[method-assign]
        pdf.add_page()  # the first page is the cover: no headings
        pdf.in_list = True
        pdf.add_page()
        labels = {"number": "№", "names": gettext("Name"), "lists": gettext("Lists"),
                  **{key: str(COLUMN_LABELS[key]) for key in ("age", "sex", "date_of_death", "place_of_death",
                                                              "circumstances", "sources")}}
    assert len(drawn) == 1
    for (key, _width), lines in zip(LAYOUT, drawn[0], strict=True):
        assert [word for line in lines for word in line.split()] == labels[key].split(), (key, lines)


@pytest.mark.django_db
def test_long_filters_and_cover_labels_wrap_inside_the_page(casualties: Casualties, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    long_label = "A label much longer than its column, as a translation can be, " * 2
    real_facts = report_pdf.cover_facts
    monkeypatch.setattr(report_pdf, "cover_facts", lambda report: [(long_label, "value"), *real_facts(report)])
    wanted = " ".join(f"word{number}" for number in range(40))  # nobody: the list page has only its header
    target = tmp_path / "long.pdf"
    result = CliRunner().invoke(cli, ["report", "casualties", "--circumstances", wanted, "-o", str(target)])
    assert result.exit_code == 0, result.output
    pages = pdf_pages(target)
    outside = [word.text for page in pages for word in page if word.x_max > PAGE_WIDTH - MARGIN + 1]
    assert outside == []
    header = " ".join(word.text for word in pages[1])
    assert "word0" in header and "word20" in header  # the filters, wrapped onto further lines
    label_words = {word.text for word in pages[0] if word.text.startswith(("label", "column", "translation"))}
    assert label_words and all(word.x_max <= MARGIN + LABEL_WIDTH * POINTS_PER_MM for word in pages[0]
                               if word.text in label_words)


@pytest.mark.django_db
def test_a_filter_reads_by_name_even_when_it_leaves_nobody(casualties: Casualties, tmp_path: Path) -> None:
    target = tmp_path / "nobody.pdf"
    runner = CliRunner()
    result = runner.invoke(cli, ["report", "casualties", "--language", "kk", "--place", "almaty",
                                 "--circumstances", "xxxxxxxxxx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Қаза тапқан жері: Алматы" in pdf_text(target)  # not the key "almaty"
    result = runner.invoke(cli, ["report", "casualties", "--language", "ru", "--region", "mangystau-region",
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Регион: Мангистауская область" in pdf_text(target)  # nobody there: the gazetteer's name
