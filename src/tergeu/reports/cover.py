"""The report's cover facts, in the report's language: what was asked, how many, the estimate and its method.

The PDF prints them on its first page and the workbook on its second sheet, so both say the same thing in
the same words. The estimation page's explanation of the method is its own message, translated once.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tergeu.reports.casualties import CasualtyReport
from tergeu.toolkit.dates import moment_text

# The estimation page's explanation (estimation/estimates.html), word for word, so it is translated once.
METHOD_IN_WORDS = (
    "No list of the dead is complete. When several lists overlap, how often the same people appear on more than "
    "one list tells how many deaths none of them recorded (multiple systems estimation). The estimate is the total "
    "number of deaths, those on the lists included; the interval is the range the data support with 95%% certainty. "
    "It assumes that the lists are linked correctly (alternative linkages are drawn to measure that doubt), that "
    "the population is closed (the same deaths are counted by every list), and that dependence between lists and "
    "differences between people are captured by the model. It says nothing about who the missing people are."
)


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def title() -> str:
    return _("The list of the dead")


def watermark() -> str:
    return _("SYNTHETIC")  # the watermark of a report on the demo's data


def method_in_words() -> str:
    return _(METHOD_IN_WORDS) % {}


def synthetic_notice(report: CasualtyReport) -> str:
    """What the watermark means for this report: every person, or how many of them, a synthetic source names.

    Decided by the report's own people, so a report on real lists says nothing of the database's demo lists,
    and a mixed one never calls the real people in it invented.
    """
    synthetic, people = report.synthetic_people, len(report.rows)
    if synthetic == people:
        return _("SYNTHETIC DATA: every person in this report is named by a synthetic (invented) source, as in the "
                 "demo case. Do not cite them as real people.")
    return ngettext(
        "%(synthetic)s of the %(people)s people in this report is named by a synthetic (invented) source "
        "(column “synthetic” of the CSV and workbook). Do not cite that person as real.",
        "%(synthetic)s of the %(people)s people in this report are named by synthetic (invented) sources "
        "(column “synthetic” of the CSV and workbook). Do not cite them as real people.",
        synthetic) % {"synthetic": _number(synthetic), "people": _number(people)}


def filters_text(report: CasualtyReport) -> str:
    """'Place of death: Almaty; Sex: female', or that every person is included."""
    if not report.filters:
        return _("none: every person you may see")
    return "; ".join(f"{name}: {value}" for name, value in report.filters)


def estimate_text(report: CasualtyReport) -> str:
    """The toll with its interval and what it starts from, or why there is none to show."""
    found = report.estimate
    if found is None:
        return _("No estimate of the toll is available to you yet.")
    text = _("%(estimate)s (95%% interval %(low)s–%(high)s), from %(observed)s people named on at least one list; "
             "method %(method)s, %(made)s") % {
        "estimate": _number(found.estimate), "low": _number(found.low), "high": _number(found.high),
        "observed": _number(found.observed), "method": found.method, "made": moment_text(found.made_at)}
    if found.left_out:
        text += "; " + _("lists left out: %(lists)s") % {"lists": ", ".join(found.left_out)}
    below = found.estimate < found.observed
    if below:
        text += ". " + _("The estimate is below the people named: the linkage's other plausible readings join "
                         "people its best reading keeps apart, so some of the people named are probably one "
                         "person named twice")
    if report.filters:
        text += ". " + _("The estimate is for every list, not only the people this report's filters keep.")
    elif below:
        text += "."
    return text


def cover_facts(report: CasualtyReport) -> list[tuple[str, str]]:
    """(label, value) lines of the cover, in the report's language."""
    counts = report.counts
    with translation.override(report.language):
        facts = [
            (_("Generated"), moment_text(report.generated_at)),
            (_("Filters"), filters_text(report)),
            (_("People in this report"), _("%(shown)s of the %(visible)s people you may see") % {
                "shown": _number(counts["people"]), "visible": _number(report.visible_people)}),
            (_("Records naming them"), _number(counts["records"])),
            (_("Named on more than one list"), _number(counts["named_on_several_lists"])),
            (_("Lists"), _number(counts["lists"])),
            (_("Sources"), _number(counts["sources"])),
            (_("Women"), _number(counts["women"])),
            (_("Men"), _number(counts["men"])),
            (_("Sex not stated"), _number(counts["sex_unknown"])),
            (_("Places of death"), _number(counts["places"])),
            (_("Estimated toll"), estimate_text(report)),
            (_("How the toll is estimated"), method_in_words()),
        ]
        if report.synthetic:
            facts.insert(0, (watermark(), synthetic_notice(report)))
    return facts
