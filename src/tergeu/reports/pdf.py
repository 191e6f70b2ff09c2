"""The casualty report as a PDF (fpdf2): a cover page, then the list of the dead, one block per person.

The font is DejaVu Sans, shipped in ``fonts/`` with its licence: it has every Kazakh letter (ә ғ қ ң ө ұ ү
һ і), so names print as the lists write them, and fpdf2 embeds only the glyphs used. Every page has the
page number, the generation time and, on the list's pages, the filters; when synthetic (invented) sources
name people in the report, a "synthetic" watermark lies under the text.

Rows are laid out by hand rather than with fpdf2's table helper: each cell's text is wrapped once with
the font's widths and drawn line by line with ``text()``, which is several times faster on a list of tens of thousands
of people (bench/reports.py). A cell is cut after ``MAX_LINES`` lines, marked with "…", so that no person
can take more than a page; the CSV and the workbook carry every word.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from tergeu.linkage.people_index import PersonRow
from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.cover import cover_facts, filters_text, title, watermark
from tergeu.reports.tables import COLUMN_LABELS, person_values
from tergeu.toolkit.dates import moment_text, stated_date_text

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
SIZE = 8  # points, for the list
LINE = 3.6  # millimetres per line of the list
MAX_LINES = 12
PAD = 1.0
# (column, width in mm) across a landscape A4 page inside 10 mm margins: 277 mm.
# The age column is wide enough for "Возраст" whole.
LAYOUT = (("number", 12), ("names", 65), ("age", 15), ("sex", 17), ("date_of_death", 21), ("place_of_death", 34),
          ("circumstances", 56), ("sources", 40), ("lists", 17))
HEADER_LINES = 3  # the filters atop each page of the list, wrapped, at most
LABEL_WIDTH = 85  # the cover's labels, wrapped in this many mm
NAME_SCRIPTS = ("name_kk", "name_ru", "name_latin")


class ReportPdf(FPDF):
    """A landscape A4 document that draws its own page furniture (fpdf2 calls header and footer per page)."""

    def __init__(self, report: CasualtyReport) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.report = report
        self.in_list = False
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(10, 10, 10)
        self.set_title(title())
        self.set_creator("Tergeu")
        self.set_creation_date(report.generated_at)
        self.generated = moment_text(report.generated_at)
        self.filters = filters_text(report)

    def header(self) -> None:
        if self.report.synthetic:
            self._watermark()
        if self.in_list:
            self.set_font(FAMILY, "", 7)
            self.set_text_color(90)
            heading = f"{title()} · {_('Filters')}: {self.filters}"
            for line in self.wrap(heading, self.epw, HEADER_LINES):
                self.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0)
            self._headings()

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FAMILY, "", 7)
        self.set_text_color(90)
        page = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": self.str_alias_nb_pages}
        self.cell(0, 4, f"{page} · {_('Generated')}: {self.generated}", align="C")
        self.set_text_color(0)

    def _watermark(self) -> None:
        self.set_font(FAMILY, "B", 90)
        self.set_text_color(235, 215, 215)
        mark = watermark()
        x = (self.w - self.get_string_width(mark)) / 2
        with self.rotation(30, x=self.w / 2, y=self.h / 2):
            self.text(x, self.h / 2 + 12, mark)
        self.set_text_color(0)
        self.set_xy(self.l_margin, self.t_margin)

    def _headings(self) -> None:
        self.set_font(FAMILY, "B", SIZE - 1)  # a point smaller, so that one-word labels fit their columns
        labels = {"number": "№", "names": _("Name"), "lists": _("Lists"),
                  **{key: str(COLUMN_LABELS[key]) for key, _width in LAYOUT if key in COLUMN_LABELS and key != "lists"}}
        self.draw_row([self.wrap(labels[key], width) for key, width in LAYOUT])
        self.set_font(FAMILY, "", SIZE)

    def wrap(self, text: str, width: float, max_lines: int = MAX_LINES) -> list[str]:
        """``text`` broken into lines that fit ``width`` mm (words kept whole where they fit), at most
        ``max_lines``, the last ending in "…" when there was more.

        Wrapping stops as soon as there is a line too many, so its cost follows what can show, not the
        length of the cell (a cell may hold thousands of characters with no space).
        """
        room = width - 2 * PAD
        lines: list[str] = []
        for paragraph in str(text).split("\n"):
            line = ""
            for word in paragraph.split(" "):
                if len(lines) > max_lines:
                    break
                candidate = f"{line} {word}" if line else word
                if self.get_string_width(candidate) <= room:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = self._fit_word(word, room, lines, max_lines)
            lines.append(line)
            if len(lines) > max_lines:
                break
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], self._with_ellipsis(lines[max_lines - 1], room)]
        return lines

    def _fit_word(self, word: str, room: float, lines: list[str], max_lines: int) -> str:
        """A word wider than the column, cut into pieces that fit (until the lines are full); the last piece
        is returned to go on with."""
        while len(word) > 1 and len(lines) <= max_lines:
            cut = self._fitting_prefix(word, room)
            if cut == len(word):
                break
            lines.append(word[:cut])
            word = word[cut:]
        return word

    def _fitting_prefix(self, word: str, room: float) -> int:
        """How many of ``word``'s first characters fit ``room`` (at least one), by running widths: one
        measure per character, however long the word."""
        used = 0.0
        for index, char in enumerate(word):
            used += self.get_string_width(char)
            if used > room:
                return max(index, 1)
        return len(word)

    def _with_ellipsis(self, line: str, room: float) -> str:
        """The last line kept, marked "…" as cut, shortened so that the mark fits too."""
        while line and self.get_string_width(f"{line} …") > room:
            line = line[:-1]
        return f"{line} …" if line else "…"

    def draw_row(self, cells: list[list[str]], first_bold: bool = False) -> None:
        """One block of wrapped cells in the ``LAYOUT`` columns, on a new page if it does not fit, ruled below."""
        height = max(len(lines) for lines in cells) * LINE + 2 * PAD
        if self.get_y() + height > self.h - 14:
            self.add_page()
        top, x = self.get_y(), self.l_margin
        for (key, width), lines in zip(LAYOUT, cells, strict=True):
            for index, line in enumerate(lines):
                bold = first_bold and key == "names" and index == 0
                if bold:
                    self.set_font(FAMILY, "B", SIZE)
                # text() at the baseline, as cell() would centre it in the line, at half cell()'s cost
                self.text(x + PAD, top + PAD + index * LINE + LINE / 2 + 0.3 * self.font_size, line)
                if bold:
                    self.set_font(FAMILY, "", SIZE)
            x += width
        self.set_draw_color(190)
        self.line(self.l_margin, top + height, x, top + height)
        self.set_xy(self.l_margin, top + height)


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
