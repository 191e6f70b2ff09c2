"""Template filters: dates stored as (possibly partial) ISO text, shown in the reader's language."""

from __future__ import annotations

import datetime

from django import template
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
