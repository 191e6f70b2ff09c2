"""When a dated relation holds: the rules of "first cited" and "last cited".

Security Force Monitor's research handbook dates every relation (a unit's parent, a person's posting)
by the earliest and the latest date a source shows it (``first cited``, ``last cited``), which need not
be when it began or ended. Two flags clarify them: whether the first cited date is the actual start,
and whether the last cited date is the actual end (``E``), or the relation is assumed to continue
(``Y``), or nothing is assumed beyond it (``N``). Dates may be partial ("2021", "2021-11").

Tergeu reads them so:

* Between first and last cited, the relation **holds** (``CITED``): sources show it at both ends and
  nothing is assumed to have interrupted it.
* A partial date covers a span: "2021-11" as first cited may mean any day of November. A day inside
  the span of a partial end date, but not surely after the first cited or before the last cited one,
  is ``EDGE``: possibly held, said so.
* Before the first cited date nothing is assumed, whatever the start flag says.
* After the last cited date: with ``E`` or ``N``, nothing is assumed. With ``Y`` (open-ended) it is
  ``ASSUMED`` to continue **until contrary evidence**: a rival (another person cited in the same
  role at the same unit, another parent cited for the same unit) first cited after this one's last
  cited date and on or before the day asked about ends the assumption.
* Only a first cited date (no last cited): the relation holds on that date (its span) only, unless it is
  open-ended (``Y``), when it is assumed onwards as above. A relation with no dates at all holds on no
  date: an undated statement cannot place anyone in command on a day.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FuzzyDate", "Holding", "OpenEnd", "Period", "holds_amid"]

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class Holding(enum.StrEnum):
    """How a relation holds on a day, strongest first; a day on which it does not hold has no value."""

    CITED = "cited"
    EDGE = "edge"
    ASSUMED = "assumed"


class OpenEnd(enum.StrEnum):
    """The handbook's "open-ended?" flag of a last cited date."""

    EXACT = "E"  # the relation ended on that date
    CONTINUES = "Y"  # assumed to continue after it
    UNKNOWN = "N"  # not assumed to continue, no known end


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A day, a month or a year: the first and last day it may mean, and the text it was read from."""

    earliest: datetime.date
    latest: datetime.date
    text: str

    @classmethod
    def parse(cls, text: str | datetime.date | None) -> FuzzyDate | None:
        """Read ``"2021-11-03"``, ``"2021-11"``, ``"2021"`` or a date; None for an empty value."""
        if text is None or text == "":
            return None
        if isinstance(text, datetime.date):
            return cls(text, text, text.isoformat())
        match = _ISO.fullmatch(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is None:
            return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year:04d}")
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return cls(datetime.date(year, month, 1), datetime.date(year, month, last), f"{year:04d}-{month:02d}")
        day_itself = datetime.date(year, month, day)
        return cls(day_itself, day_itself, day_itself.isoformat())

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Period:
    """The dates of one relation as sources cite them."""

    first_cited: FuzzyDate | None = None
    last_cited: FuzzyDate | None = None
    first_is_start: bool = False
    open_end: OpenEnd = OpenEnd.UNKNOWN

    def __post_init__(self) -> None:
        if self.first_cited and self.last_cited and self.last_cited.latest < self.first_cited.earliest:
            raise ValueError(f"last cited {self.last_cited} is before first cited {self.first_cited}")

    @property
    def _last(self) -> FuzzyDate | None:
        return self.last_cited or self.first_cited

    def holds_on(self, day: datetime.date) -> Holding | None:
        """How the relation holds on ``day`` by its own dates alone (rivals: :func:`holds_amid`)."""
        first, last = self.first_cited, self._last
        if first is None or last is None or day < first.earliest:
            return None
        if day <= last.latest:
            surely = first.latest <= day <= last.earliest
            return Holding.CITED if surely else Holding.EDGE
        return Holding.ASSUMED if self.open_end == OpenEnd.CONTINUES else None


def holds_amid(period: Period, rivals: Iterable[Period], day: datetime.date) -> Holding | None:
    """How ``period`` holds on ``day`` when ``rivals`` are the periods that would contradict it (the
    same role at the same unit held by someone else, another parent of the same unit).

    Only an assumption yields to a rival: a rival first cited after this period's last cited date
    and on or before ``day`` ends it. Two cited periods that overlap both hold; the sources disagree
    or the posts were shared, and a reader must see both.
    """
    holding = period.holds_on(day)
    if holding != Holding.ASSUMED:
        return holding
    last = period._last
    for rival in rivals:
        first = rival.first_cited
        if first is not None and last is not None and last.latest < first.earliest <= day:
            return None
    return holding
