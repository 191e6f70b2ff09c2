"""One row of a forces file → typed values, every problem named by row, column and value.

Pure apart from its inputs (and the instance's time zone, for a date written with a time), like the
registry's row parser: the same code reads a row for a dry run and for the real import.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from tergeu.core.fields import DateError, parse_date
from tergeu.core.forces import FuzzyDate, OpenEnd, Period
from tergeu.registry.importing.rowparse import CellProblem


class CellFault(ValueError):
    """A cell that cannot be read as its column's kind; the message says what was expected."""


def _text(limit: int) -> Callable[[str], str]:
    def read(text: str) -> str:
        if len(text) > limit:
            raise CellFault(f"longer than {limit} characters")
        return text
    return read


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _day_of_moment(text: str) -> str | None:
    """The day of a date with a time (FollowTheMoney and other tools write "2022-01-05T22:30:00Z"), on the
    instance's calendar: a time with an offset or Z is moved to TERGEU_TIME_ZONE first (22:30 UTC on the
    5th is the 6th at UTC+5), a time without one is read as that zone's. None when it is no such text."""
    if "T" not in text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = timezone.localtime(moment)
    return moment.date().isoformat()


def _date(text: str) -> str:
    """ISO text of the precision written ("2021", "2021-11", "2021-11-03"); a date with a time is its local
    day (``_day_of_moment``); other forms as lists write them."""
    try:
        return FuzzyDate.parse(text).text
    except ValueError:
        pass
    day = _day_of_moment(text)
    if day is not None:
        return day
    try:
        return FuzzyDate.parse(parse_date(text)).text
    except (DateError, ValueError) as exc:
        raise CellFault(f"not a date: {exc}") from None


def _yes_no(text: str) -> bool:
    folded = text.strip().lower()
    if folded in ("y", "yes", "true", "1", "иә", "да"):
        return True
    if folded in ("n", "no", "false", "0", "жоқ", "нет"):
        return False
    raise CellFault("write Y or N")


def _open_end(text: str) -> str:
    folded = text.strip().upper()
    if folded not in {choice.value for choice in OpenEnd}:
        raise CellFault("write Y (assumed to continue), N (nothing assumed) or E (ended on the last cited date)")
    return folded


def _role(text: str) -> str:
    folded = text.strip().lower()
    if folded not in ("commander", "deputy", "member"):
        raise CellFault("write commander, deputy or member")
    return folded


def _count(text: str) -> int:
    try:
        value = int(text.replace(" ", "").replace(",", ""))
    except ValueError:
        raise CellFault("not a whole number") from None
    if value < 0:
        raise CellFault("cannot be negative")
    return value


def _money(text: str) -> decimal.Decimal:
    try:
        value = decimal.Decimal(text.replace(" ", "").replace(",", "").lstrip("$"))
    except decimal.InvalidOperation:
        raise CellFault("not an amount") from None
    if not value.is_finite() or value < 0 or value >= 10**12:
        raise CellFault("not an amount from 0 to 999,999,999,999")
    return value.quantize(decimal.Decimal("0.01"))


def _country(text: str) -> str:
    if len(text) != 2 or not text.isalpha() or not text.isascii():
        raise CellFault("a two-letter ISO 3166 code (kz, ru)")
    return text.lower()


_READERS: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(("unit_id", "parent_unit_id", "person_id", "incident_id", "training_id"), _text(100)),
    **dict.fromkeys(("name", "place", "course", "location", "delivery_unit"), _text(300)),
    **dict.fromkeys(("classification", "title", "locator", "source"), _text(200)),
    **dict.fromkeys(("aliases", "identifiers", "violation_types"), _list),
    **dict.fromkeys(("founded", "dissolved", "first_cited", "last_cited", "date_of_birth", "start", "end"), _date),
    "rank": _text(100), "program": _text(500), "country": _text(100), "description": _text(20000),
    "recipient_unit": _text(2000), "perpetrator_units": _text(2000), "perpetrator_persons": _text(2000),
    "first_is_start": _yes_no, "open_ended": _open_end, "role": _role, "quantity": _count, "cost": _money,
}
_UNIT_COUNTRY = {"units"}  # a unit's country is a code; a training's is the report's country name
_RELATION_CLASSIFICATION = _text(20)  # "command", "administrative", "operational", …


def read_row(kind: str, number: int, cells: list[str | None], positions: dict[str, int], headers: list[str],
             required: tuple[str, ...]) -> tuple[dict[str, Any], list[CellProblem]]:
    """The row's values by canonical column (empty cells left out) and its problems."""
    values: dict[str, Any] = {}
    problems: list[CellProblem] = []
    for name, index in positions.items():
        text = (cells[index] or "").strip()
        header = headers[index]
        if not text:
            if name in required:
                problems.append(CellProblem(number, header, "", f"{name} is required"))
            continue
        reader = _country if name == "country" and kind in _UNIT_COUNTRY else _READERS[name]
        if name == "classification" and kind == "relations":
            reader = _RELATION_CLASSIFICATION  # its column holds 20: refused, never cut
        try:
            values[name] = reader(text)
        except CellFault as fault:
            problems.append(CellProblem(number, header, text[:200], str(fault)))
    problems += _row_checks(number, values, positions, headers)
    return values, problems


def _row_checks(number: int, values: dict[str, Any], positions: dict[str, int],
                headers: list[str]) -> list[CellProblem]:
    """Checks across cells: dates in order."""
    for first, last in (("first_cited", "last_cited"), ("start", "end"), ("founded", "dissolved")):
        if first in values and last in values:
            try:
                Period(FuzzyDate.parse(values[first]), FuzzyDate.parse(values[last]))
            except ValueError:
                return [CellProblem(number, headers[positions[last]], values[last],
                                    f"{last} is before {first} ({values[first]})")]
    return []
