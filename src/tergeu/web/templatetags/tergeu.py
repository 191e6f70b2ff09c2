"""Template filters: one way to print dates and times on every page, in the reader's language.

Dates are day first in every language (06.01.2022 in Kazakh and Russian, "6 Jan 2022" in English:
a reader in Kazakhstan takes 01/06 for the 1st of June); times are shown in ``TERGEU_TIME_ZONE`` with
its offset from UTC beside them, since a reviewer abroad and a server elsewhere must not read the hour
of an event differently. The formats themselves live in ``tergeu/formats/<language>/formats.py``, the rules in
``tergeu.toolkit.dates``.
"""

from __future__ import annotations

import datetime

from django import template

from tergeu.toolkit.dates import day_text, moment_text, stated_date_text

register = template.Library()


@register.filter
def iso_date(value: str | None) -> str:
    """'2022-01-05' in the language's short date format; '1990-05' and '1990' kept at their precision."""
    return stated_date_text(value)


@register.filter
def when(value: datetime.datetime | None) -> str:
    """A moment as a day-first date and 24-hour time in the configured zone, with it: '06.01.2022 14:05 UTC+5'."""
    return "" if value is None or value == "" else moment_text(value)


@register.filter
def clock(value: datetime.datetime | None) -> str:
    """Only the time of a moment (today's, as in "estimating since 14:05 UTC+5"), with the zone."""
    return "" if value is None or value == "" else moment_text(value, "TIME_FORMAT")


@register.filter
def day(value: datetime.date | datetime.datetime | None) -> str:
    """A date (or the day of a moment, in the configured zone) in the short day-first format."""
    return "" if value is None or value == "" else day_text(value)
