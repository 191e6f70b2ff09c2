"""The casualty report as a PDF (fpdf2): a cover page, then the list of the dead, one block per person.

The page furniture, the font and the wrapping are ``document.DocumentPdf``'s, shared with the vetting
report. The font is DejaVu Sans, shipped in ``fonts/`` with its licence: it has every Kazakh letter (ә ғ қ ң ө ұ ү
һ і), so names print as the lists write them, and fpdf2 embeds only the glyphs used. Every page has the
page number, the generation time and, on the list's pages, the filters; when synthetic (invented) sources
name people in the report, a "synthetic" watermark lies under the text.

Rows are laid out by hand rather than with fpdf2's table helper: each cell's text is wrapped once with
the font's widths and drawn line by line with ``text()``, which is several times faster on a list of tens of thousands
of people (bench/reports.py). A cell is cut after ``MAX_LINES`` lines, marked with "…", so that no person
can take more than a page; the CSV and the workbook carry every word.
"""

from __future__ import annotations

from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext as _

from tergeu.linkage.people_index import PersonRow
from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.cover import cover_facts, filters_text, title
from tergeu.reports.document import FAMILY, DocumentPdf
from tergeu.reports.tables import COLUMN_LABELS, person_values
from tergeu.toolkit.dates import stated_date_text

SIZE = 8  # points, for the list
# (column, width in mm) across a landscape A4 page inside 10 mm margins: 277 mm.
# The age column is wide enough for "Возраст" whole.
LAYOUT = (("number", 12), ("names", 65), ("age", 15), ("sex", 17), ("date_of_death", 21), ("place_of_death", 34),
          ("circumstances", 56), ("sources", 40), ("lists", 17))
HEADER_LINES = 3  # the filters atop each page of the list, wrapped, at most
LABEL_WIDTH = 85  # the cover's labels, wrapped in this many mm
NAME_SCRIPTS = ("name_kk", "name_ru", "name_latin")


class ReportPdf(DocumentPdf):
    """The casualty report: a landscape A4 document with the filters and column headings atop each page of
    the list (fpdf2 calls header and footer per page)."""

    def __init__(self, report: CasualtyReport) -> None:
        super().__init__(title(), report.generated_at, report.synthetic, orientation="L")
        self.report = report
        self.in_list = False
        self.filters = filters_text(report)

    def header(self) -> None:
        super().header()
        if self.in_list:
            self.set_font(FAMILY, "", 7)
            self.set_text_color(90)
            heading = f"{title()} · {_('Filters')}: {self.filters}"
            for line in self.wrap(heading, self.epw, HEADER_LINES):
                self.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0)
            self._headings()

    def _headings(self) -> None:
        self.set_font(FAMILY, "B", SIZE - 1)  # a point smaller, so that one-word labels fit their columns
        labels = {"number": "№", "names": _("Name"), "lists": _("Lists"),
                  **{key: str(COLUMN_LABELS[key]) for key, _width in LAYOUT if key in COLUMN_LABELS and key != "lists"}}
        self.draw_row([self.wrap(labels[key], width) for key, width in LAYOUT])
        self.set_font(FAMILY, "", SIZE)

    def draw_row(self, cells: list[list[str]], first_bold: bool = False,
                 layout: tuple[tuple[str, float], ...] = LAYOUT) -> None:
        """One person's block in the ``LAYOUT`` columns, the first name in bold."""
        super().draw_row(cells, layout, bold_first_of="names" if first_bold else None)


def _person_cells(pdf: ReportPdf, report: CasualtyReport, number: int, row: PersonRow) -> list[list[str]]:
    values: dict[str, Any] = person_values(report, row)
    names = dict.fromkeys([row.display_name or _("(no name)"), *(values[key] for key in NAME_SCRIPTS if values[key])])
    values.update(number=str(number), names="\n".join(names), date_of_death=stated_date_text(values["date_of_death"]))
    return [pdf.wrap(str(values[key]), width) for key, width in LAYOUT]


def _cover(pdf: ReportPdf) -> None:
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 10, title(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for label, value in cover_facts(pdf.report):
        pdf.set_font(FAMILY, "B", 10)
        label_lines = pdf.wrap(label, LABEL_WIDTH)
        if pdf.will_page_break(len(label_lines) * 5.5):
            pdf.add_page()
        top, page = pdf.get_y(), pdf.page_no()
        for line in label_lines:
            pdf.cell(LABEL_WIDTH, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        below_label = pdf.get_y()
        pdf.set_xy(pdf.l_margin + LABEL_WIDTH, top)
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")
        if pdf.page_no() == page:  # the value did not run onto a new page: go on below the longer of the two
            pdf.set_y(max(pdf.get_y(), below_label))
        pdf.ln(1)


def write_pdf(out: IO[bytes], report: CasualtyReport) -> int:
    """The whole report as one PDF written to ``out``; returns how many people it lists."""
    with translation.override(report.language):
        pdf = ReportPdf(report)
        _cover(pdf)
        pdf.in_list = True
        pdf.set_auto_page_break(False)  # the list breaks its own pages: a person's block is never split
        pdf.add_page()
        pdf.set_font(FAMILY, "", SIZE)
        for number, row in enumerate(report.rows, start=1):
            pdf.draw_row(_person_cells(pdf, report, number, row), first_bold=True)
        if not report.rows:
            pdf.cell(0, 8, _("No person matches these filters."))
        pdf.output(out)
    return len(report.rows)
