"""Template filters: one way to print dates and times on every page, in the reader's language.

Dates are day first in every language (06.01.2022 in Kazakh and Russian, "6 Jan 2022" in English:
a reader in Kazakhstan takes 01/06 for the 1st of June); times are shown in ``TERGEU_TIME_ZONE`` with
its offset from UTC beside them, since a reviewer abroad and a server elsewhere must not read the hour
of an event differently. The formats themselves live in ``tergeu/formats/<language>/formats.py``.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.filter
def iso_date(value: str | None) -> str:
    """'2022-01-05' in the language's short date format; '1990-05' and '1990' kept at their precision."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        if len(value) == 7:
            return date_format(datetime.date.fromisoformat(value + "-01"), "YEAR_MONTH_FORMAT")
    except ValueError:
        pass
    return value


def zone_label(moment: datetime.datetime) -> str:
    """'UTC+5' (or 'UTC+5:45', 'UTC'): the offset of the zone the time is shown in, at that moment."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


@register.filter
def when(value: datetime.datetime | None) -> str:
    """A moment as a day-first date and 24-hour time in the configured zone, with it: '06.01.2022 14:05 UTC+5'."""
    if value is None or value == "":
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    shown = date_format(moment, "SHORT_DATETIME_FORMAT")
    return f"{shown} {zone_label(moment)}" if timezone.is_aware(moment) else shown


@register.filter
def clock(value: datetime.datetime | None) -> str:
    """Only the time of a moment (today's, as in "estimating since 14:05 UTC+5"), with the zone."""
    if value is None or value == "":
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    shown = date_format(moment, "TIME_FORMAT")
    return f"{shown} {zone_label(moment)}" if timezone.is_aware(moment) else shown


@register.filter
def day(value: datetime.date | datetime.datetime | None) -> str:
    """A date (or the day of a moment, in the configured zone) in the short day-first format."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATE_FORMAT")
