"""What every printed report shares: A4 pages in DejaVu Sans, a footer with the page and the time it was
made, a "synthetic" watermark when invented data is printed, and text wrapped to a column's width.

The casualty report (``pdf.py``) and the vetting findings (``vetting.py``) are drawn on it. DejaVu Sans is
shipped in ``fonts/`` with its licence: it has every Kazakh letter (ә ғ қ ң ө ұ ү һ і), and fpdf2 embeds
only the glyphs used. Rows are laid out by hand: each cell's text is wrapped once with the font's widths
and drawn line by line with ``text()``, several times faster than fpdf2's table helper on a long list.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

from tergeu.reports.cover import watermark
from tergeu.toolkit.dates import moment_text

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
LINE = 3.6  # millimetres per line of a table
MAX_LINES = 12
PAD = 1.0


class DocumentPdf(FPDF):
    """An A4 document with Tergeu's font, footer and (for synthetic data) watermark."""

    def __init__(self, title: str, generated_at: datetime.datetime, synthetic: bool, orientation: str = "P") -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.synthetic = synthetic
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(10, 10, 10)
        self.set_title(title)
        self.set_creator("Tergeu")
        self.set_creation_date(generated_at)
        self.generated = moment_text(generated_at)

    def header(self) -> None:
        if self.synthetic:
            self._watermark()

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

    def draw_row(self, cells: list[list[str]], layout: tuple[tuple[str, float], ...],
                 bold_first_of: str | None = None) -> None:
        """One block of wrapped cells in the ``layout`` columns (key, width in mm), on a new page if it does
        not fit, ruled below; the first line of column ``bold_first_of`` in bold."""
        size = self.font_size_pt
        height = max(len(lines) for lines in cells) * LINE + 2 * PAD
        if self.get_y() + height > self.h - 14:
            self.add_page()
        top, x = self.get_y(), self.l_margin
        for (key, width), lines in zip(layout, cells, strict=True):
            for index, line in enumerate(lines):
                bold = key == bold_first_of and index == 0
                if bold:
                    self.set_font(FAMILY, "B", size)
                # text() at the baseline, as cell() would centre it in the line, at half cell()'s cost
                self.text(x + PAD, top + PAD + index * LINE + LINE / 2 + 0.3 * self.font_size, line)
                if bold:
                    self.set_font(FAMILY, "", size)
            x += width
        self.set_draw_color(190)
        self.line(self.l_margin, top + height, x, top + height)
        self.set_xy(self.l_margin, top + height)
