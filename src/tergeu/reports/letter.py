"""The letter that gives a complainant their access code, as a one-page PDF in Kazakh, Russian or English.

Plain words, the address of the status page, the code in large letters and spelt group by group, and
what to do if it is lost. The letter is built in memory and handed to the caller: it holds the code,
so it is never written into the data directory, and it names nobody (the complainant's name is written
by hand, or the letter handed over in person).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tergeu.reports.document import FAMILY, DocumentPdf

LANGUAGES = ("kk", "ru", "en")


def _paragraphs(site: str) -> list[str]:
    return [
        _("This letter gives you a personal access code. With it you can follow, on a phone or a computer, "
          "every step of the official case about your complaint, without an account and without giving your name."),
        _("1. Open %(site)s") % {"site": site},
        _("2. Type the code below. Capital or small letters, with or without dashes: both work."),
        _("3. You will see the steps of your case, their dates, the next expected step and whom to contact. "
          "You can also write a message to the people handling your complaint."),
        _("Keep this letter in a safe place. Anyone who has the code can see the steps of your case. If you lose it, "
          "or think someone else has it, ask for a new code: the old one will stop working at once."),
    ]


def letter_pdf(code: str, *, language: str, site: str, complaint_date: datetime.date | None = None) -> bytes:
    """The letter's PDF bytes in ``language``."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    with translation.override(language):
        pdf = DocumentPdf(_("Your access code"), timezone.now(), synthetic=False)
        pdf.set_margins(20, 20, 20)
        pdf.add_page()
        _write(pdf, code, site, complaint_date)
        return bytes(pdf.output())


def _write(pdf: Any, code: str, site: str, complaint_date: datetime.date | None) -> None:
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(0, 10, _("Your access code"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 11)
    if complaint_date:
        pdf.multi_cell(0, 6, _("Complaint of %(date)s") % {"date": complaint_date.isoformat()},
                       new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    paragraphs = _paragraphs(site)
    for text in paragraphs[:3]:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(4)
    pdf.set_font(FAMILY, "B", 24)
    pdf.cell(0, 14, code, align="C", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    spelt = "   ".join(" ".join(group) for group in code.split("-"))
    pdf.multi_cell(0, 6, spelt, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FAMILY, "", 11)
    for text in paragraphs[3:]:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
