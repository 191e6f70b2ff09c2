"""The printed findings of a vetting (``tergeu vet --pdf``, the unit and official pages): a PDF for the file.

It says what was asked (the query, unit or person, the day), the verdict in words, every candidate the
query matched with its score and why, and every finding: the incident as recorded, how it reaches the
match (directly, through a unit under it, through command on the day), how the link holds on that day
(cited, a partial date, assumed after the last citation) and its sources. The rules it rests on are
printed with it, so a reader of the paper alone knows that "clear" means nothing on record, and that an
open end is an assumption. ``forces.findings`` hands the file in; this module is registered as its
writer when the reports app starts.
"""

from __future__ import annotations

from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext as _

from tergeu.reports.cover import watermark
from tergeu.reports.document import FAMILY, DocumentPdf

SIZE = 8
MATCHES = (("kind", 18), ("id", 34), ("name", 118), ("score", 20))
FINDINGS = (("incident", 34), ("via", 30), ("through", 34), ("holds", 26), ("what", 36), ("sources", 30))


def title() -> str:
    return _("Vetting findings")


def _verdicts() -> dict[str, str]:
    return {
        "flagged": _("FLAGGED: the records tie the match to at least one incident on cited evidence."),
        "review": _("REVIEW: the findings rest on an assumption (an open-ended posting or relation), on a partial "
                    "date, or on a name that is not surely one unit or person. A person must decide."),
        "clear": _("CLEAR: nothing on record ties a match to an incident. This is not proof of a clean record: "
                   "only what this database holds was searched."),
    }


def _labels() -> dict[str, str]:
    return {"unit": _("unit"), "person": _("person"), "direct": _("named in the incident"),
            "child-unit": _("a unit under it"), "commander": _("in command of the unit"),
            "cited": _("cited"), "edge": _("possibly (a partial date)"), "assumed": _("assumed (open-ended)")}


def rules() -> str:
    return _("A relation between units or a posting holds from the first to the last date a source cites it; "
             "before the first cited date nothing is assumed. After the last cited date it is assumed to continue "
             "only when marked open-ended, and only until a source shows someone else in the post or another unit "
             "above it. A unit is flagged for its own incidents and those of units under it on the incident's day; "
             "a person for incidents naming them and those of a unit they commanded on that day. Only names surely "
             "resolved count; a commander posted after the incident has no finding.")


class FindingsPdf(DocumentPdf):
    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(FAMILY, "B", 11)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", SIZE)

    def paragraph(self, text: str, size: int = 9) -> None:
        self.set_font(FAMILY, "", size)
        self.multi_cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")

    def table(self, layout: tuple[tuple[str, float], ...], heads: list[str], rows: list[list[str]]) -> None:
        self.set_font(FAMILY, "B", SIZE - 1)
        self.draw_row([self.wrap(head, width) for head, (_key, width) in zip(heads, layout, strict=True)], layout)
        self.set_font(FAMILY, "", SIZE)
        for row in rows:
            self.draw_row([self.wrap(cell, width) for cell, (_key, width) in zip(row, layout, strict=True)], layout,
                          bold_first_of=layout[0][0])


def _finding_row(finding: dict[str, Any], found: dict[str, Any], labels: dict[str, str]) -> list[str]:
    incident = found["incidents"].get(finding["incident"], {})
    what = "; ".join(part for part in (incident.get("place", ""), ", ".join(incident.get("violation_types", [])))
                     if part)
    through = finding["unit"] or finding["person"] or ""
    return [f"{finding['incident']}\n{finding['date']}", labels.get(finding["via"], finding["via"]), through,
            labels.get(finding["holds"], finding["holds"]), what, ", ".join(finding["sources"]) or "–"]


def _content(pdf: FindingsPdf, found: dict[str, Any]) -> None:
    labels = _labels()
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(0, 9, title(), new_x="LMARGIN", new_y="NEXT")
    if found["synthetic"]:
        pdf.paragraph(watermark() + ": " + _("invented data (the demo or a test): never cite it as real."))
    pdf.paragraph(_("Query: %(query)s (%(kind)s)") % {"query": found["query"], "kind": labels[found["kind"]]})
    pdf.paragraph(_("Incidents that began on or before: %(day)s") % {"day": found["on"] or _("any day")})
    pdf.heading(_("Verdict"))
    pdf.paragraph(_verdicts()[found["verdict"]], size=10)
    pdf.heading(_("Matches"))
    pdf.table(MATCHES, [_("Kind"), _("Id"), _("Name and why"), _("Score")],
              [[labels.get(m["kind"], m["kind"]), m["id"], f"{m['name']}\n{m['why']}", f"{m['score']:.2f}"]
               for m in found["matches"]])
    if not found["matches"]:
        pdf.paragraph(_("No unit or person on record comes close to the query."))
    pdf.heading(_("Findings"))
    pdf.table(FINDINGS, [_("Incident and date"), _("How"), _("Through"), _("On that day"), _("What and where"),
                         _("Sources")], [_finding_row(f, found, labels) for f in found["findings"]])
    if not found["findings"]:
        pdf.paragraph(_("No finding."))
    pdf.heading(_("How findings are made"))
    pdf.paragraph(rules())


def write_vetting_pdf(out: IO[bytes], found: dict[str, Any], language: str) -> None:
    """The findings of ``found`` (``forces.findings.vetting_file``) as a PDF in ``language``, on ``out``."""
    with translation.override(language):
        pdf = FindingsPdf(title(), found["generated_at"], found["synthetic"])
        pdf.set_auto_page_break(True, margin=14)
        pdf.add_page()
        _content(pdf, found)
        pdf.output(out)
