"""Dates and times as every page prints them: day first, in the reader's language, times with their zone.

Shared by the template filters (``web/templatetags/tergeu.py``) and the history page, which formats
stored values itself; the formats are in ``tergeu/formats/<language>/formats.py``.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def zone_label(moment: datetime.datetime) -> str:
    """'UTC+5' (or 'UTC+5:45', 'UTC'): the offset of the zone the time is shown in, at that moment."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def moment_text(value: datetime.datetime, format_name: str = "SHORT_DATETIME_FORMAT") -> str:
    """A moment in ``TERGEU_TIME_ZONE`` with the zone ('06.01.2022 14:05 UTC+5'); naive ones as they are."""
    if not timezone.is_aware(value):
        return date_format(value, format_name)
    moment = timezone.localtime(value)
    return f"{date_format(moment, format_name)} {zone_label(moment)}"


def day_text(value: datetime.date) -> str:
    """A date (the day of a moment, in the configured zone) in the short day-first format."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATE_FORMAT")


def stated_date_text(value: str | None) -> str:
    """A date as records state it ('2022-01-05', '1990-05', '1990') in the language's short format, at the
    precision stated; anything else as it is."""
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
