"""A unit's timeline for its page: relations, postings, incidents and trainings, oldest first.

Each row says what is cited and what is assumed (``core.forces.Period.explain``) so a reader never
mistakes an open end for evidence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tergeu.core.forces import Holding, OpenEnd, Period
from tergeu.forces.chain import period_of
from tergeu.forces.models import Incident, Posting, Training, Unit, UnitRelation

HOLDING_LABELS = {Holding.CITED: gettext_lazy("cited"), Holding.EDGE: gettext_lazy("possibly (a partial date)"),
                  Holding.ASSUMED: gettext_lazy("assumed (open-ended)")}


def parse_day(text: str | None) -> datetime.date | None:
    """A full ISO day (``?on=``, an incident's start), else None: a month or a year has no one day."""
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def holding_label(holding: str) -> str:
    return str(HOLDING_LABELS[Holding(holding)])


def explain(period: Period) -> str:
    """The period in words: what sources cite, and what is assumed after (the rules in core.forces.timeline)."""
    if period.first_cited is None:
        return _("no date cited: not placed on any day")
    if period.first_is_start:
        text = _("from %(date)s") % {"date": period.first_cited}
    else:
        text = _("first cited %(date)s") % {"date": period.first_cited}
    if period.last_cited:
        text += ", " + _("last cited %(date)s") % {"date": period.last_cited}
    else:
        text += " " + _("(the only date cited)")
    if period.open_end == OpenEnd.EXACT:
        return text + " " + _("(its end)")
    if period.open_end == OpenEnd.CONTINUES:
        return text + "; " + _("assumed to continue until a source shows otherwise")
    return text + "; " + _("nothing assumed after")


@dataclass(frozen=True)
class TimelineRow:
    when: str
    kind: str
    text: str
    dates: str
    period: Period | None = None
    url: str = ""  # the page of the official or incident the row is about


def _relation_rows(unit: Unit, relations: QuerySet[UnitRelation]) -> list[TimelineRow]:
    rows = []
    for relation in relations.filter(child=unit).select_related("parent"):
        period = period_of(relation)
        rows.append(TimelineRow(relation.first_cited, _("parent"), relation.parent.name, explain(period), period))
    for relation in relations.filter(parent=unit).select_related("child"):
        period = period_of(relation)
        rows.append(TimelineRow(relation.first_cited, _("unit under it"), relation.child.name, explain(period), period))
    return rows


def _posting_rows(unit: Unit, postings: QuerySet[Posting]) -> list[TimelineRow]:
    rows = []
    for posting in postings.filter(unit=unit).select_related("official"):
        period = period_of(posting)
        text = " ".join(part for part in (posting.get_role_display(), posting.rank, posting.official.name) if part)
        rows.append(TimelineRow(posting.first_cited, _("posting"), text, explain(period), period,
                                posting.official.get_absolute_url()))
    return rows


def timeline(unit: Unit, relations: QuerySet[UnitRelation], postings: QuerySet[Posting],
             incidents: QuerySet[Incident], trainings: QuerySet[Training]) -> list[TimelineRow]:
    """Every dated row about ``unit`` among what the viewer may see, by first date (undated last)."""
    rows = _relation_rows(unit, relations) + _posting_rows(unit, postings)
    for incident in incidents.filter(perpetrators__unit=unit, perpetrators__verdict="resolved").distinct():
        ended = incident.end and incident.end != incident.start
        dates = f"{incident.start} – {incident.end}" if ended else incident.start
        rows.append(TimelineRow(incident.start, _("incident"), f"{incident.external_id}: {incident.place}", dates,
                                url=incident.get_absolute_url()))
    for training in trainings.filter(recipients__unit=unit, recipients__verdict="resolved").distinct():
        rows.append(TimelineRow(training.start, _("training"), f"{training.external_id}: {training.course}",
                                f"{training.start} – {training.end}"))
    return sorted(rows, key=lambda row: (row.when == "", row.when))
