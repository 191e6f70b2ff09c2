"""Dates as casualty lists write them, in Kazakh, Russian and English, to ISO text.

A date may be partial: a list that gives only a year of birth says "1990", and turning that into
1990-01-01 would invent a fact. So the result is ISO text of the precision the source gave:
"2022-01-05", "1990-05" or "1990". Numeric dates are read day first, as everywhere in the region,
unless the caller says ``order="mdy"``.
"""

from __future__ import annotations

import datetime
import re

_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
              "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан")
_RU_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                   "ноябр", "декабр")
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
# Russian abbreviations longer than the stem's first three letters (those are read too: янв., фев., сен.).
_RU_ABBREVIATIONS = {"февр": 2, "сент": 9, "нояб": 11}
# Kazakh case and possessive endings, either vowel harmony: 5 қаңтарда, сәуірде, қыркүйектің, қаңтардағы,
# 2022 жылдың 5 қаңтарында, шілдесі. Ablative and dative (қаңтардан, қаңтарға) say "from" and "until": not read.
_KK_ENDINGS = ("да", "де", "та", "те", "дың", "дің", "тың", "тің", "ның", "нің", "ды", "ді", "ты", "ті",
               "дағы", "дегі", "тағы", "тегі", "ы", "і", "сы", "сі", "ында", "інде", "сында", "сінде")


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, (kk, ru, en) in enumerate(zip(_KK_MONTHS, _RU_MONTH_STEMS, _EN_MONTHS, strict=True), 1):
        table[kk] = number
        table[en] = number
        table[en[:3]] = number
        if en == "september":
            table["sept"] = number
        for ending in ("ь", "я", "й", "а", "е", ""):
            table[ru + ending] = number
        table[ru[:3]] = number
    # Kazakh case endings (_KK_ENDINGS); Russian "мая", "май", "мае" and the longer abbreviations.
    for number, kk in enumerate(_KK_MONTHS, 1):
        for ending in _KK_ENDINGS:
            table[kk + ending] = number
    table.update(_RU_ABBREVIATIONS)
    for form in ("май", "мая", "мае"):
        table[form] = 5
    table.pop("ма", None)
    table.pop("маа", None)
    return table


MONTHS = _month_table()
# The year mark, apart or written onto the year ("2022 г.", "2022г.", "1990г.р.", "2022ж."), and day suffixes.
_NOISE = re.compile(
    r"(?:\b|(?<=\d{4}))(?:г\.\s*р\b\.?|(?:г|гг|года?|году|жыл|жылы|жылғы|жылдың|ж|year|yr)\b\.?)"
    r"|(?<=\d)(?:-?(?:го|е|ші|шы|th|st|nd|rd))\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./\-](\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})[./\-](\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
# Two days written as one: 5-6.01.2022, 05.01-06.01.2022, 05.01.2022 - 06.01.2022 (worded ones are told by
# their tokens: 5-6 января 2022, в ночь с 5 на 6 января, 5 немесе 6 қаңтар).
_NUMERIC_RANGE = re.compile(r"^(\d{1,2})(?:[./](\d{1,2})(?:[./](\d{2,4}))?)?\s*(?:-|–|—|/|по|на|до)\s*"
                            r"(\d{1,2})[./](\d{1,2})[./](\d{2,4})$")
_WORDED_RANGE = re.compile(r"(?<!\d)(\d{1,2})(?:\s+[^\W\d_]+)?(?:\s+\d{4})?\s*(?:-|–|—|/|\b(?:по|на|до|или|и|"
                           r"немесе|және|or|and|to)\b)\s*(\d{1,2})(?!\d)")
_DAY_MONTH = re.compile(r"^(\d{1,2})[./](\d{1,2})$")


class DateError(ValueError):
    """The text is not a date in any form Tergeu knows; the message says what was read."""


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if not 1800 <= year <= 2100:
        raise DateError(f"year {year} is out of range 1800–2100")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise DateError(f"day {day} does not exist in {year:04d}-{month:02d}") from None


def _full_year(text: str) -> int:
    """Two-digit years: 00–pivot are this century, the rest the last (lists of the dead span ages 0–100)."""
    year = int(text)
    if len(text) == 4:
        return year
    if len(text) == 2:
        pivot = datetime.date.today().year % 100
        return 2000 + year if year <= pivot else 1900 + year
    raise DateError(f"cannot read year {text!r}")


def _parse_numeric(text: str, order: str) -> str | None:
    match = _NUMERIC.match(text)
    if match:
        a, b, c = match.groups()
        if len(a) == 4:
            return _iso(int(a), int(b), int(c))
        day, month = (int(b), int(a)) if order == "mdy" else (int(a), int(b))
        return _iso(_full_year(c), month, day)
    if match := _MONTH_YEAR.match(text):
        return _iso(int(match.group(2)), int(match.group(1)))
    if match := _ISO_MONTH.match(text):
        return _iso(int(match.group(1)), int(match.group(2)))
    if match := _YEAR.match(text):
        return _iso(int(match.group(1)))
    return None


def _parse_words(text: str) -> str | None:
    """Forms with a month name in any order: '5 қаңтар 2022', '2022 жылғы 5 қаңтар', 'January 5, 2022'."""
    tokens = re.findall(r"[^\W\d_]+|\d+", text)
    months = [MONTHS[t] for t in tokens if not t.isdigit() and t in MONTHS]
    words = [t for t in tokens if not t.isdigit()]
    if len(months) != 1 or len(words) != 1:
        return None
    numbers = [t for t in tokens if t.isdigit()]
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(numbers) != len(years) + len(days):
        return None
    return _iso(int(years[0]), months[0], int(days[0]) if days else None)


def _why_not(cleaned: str, shown: str) -> str | None:
    """Why a text that is not a date is not one, when it is a form lists use: two days, or no year.

    Neither is read: a date of death chosen from two, or a year assumed, would be a fact the list does not
    state. The message says what to write instead.
    """
    if match := _NUMERIC_RANGE.match(cleaned):
        first, month, year, second, end_month, end_year = match.groups()
        same_month = month in (None, end_month) and year in (None, end_year)
        return _two_days(shown, first, second, (int(end_month), end_year) if same_month else None)
    if (match := _DAY_MONTH.match(cleaned)) and 1 <= int(match.group(1)) <= 31 and 1 <= int(match.group(2)) <= 12:
        return _no_year(shown)
    tokens = re.findall(r"[^\W\d_]+|\d+", cleaned)
    months = {MONTHS[t] for t in tokens if t in MONTHS}
    years = {t for t in tokens if t.isdigit() and len(t) == 4}
    if not months:
        return None
    if match := _WORDED_RANGE.search(cleaned):
        month = (min(months), min(years)) if len(months) == len(years) == 1 else None
        return _two_days(shown, *match.groups(), month, no_year=not years)
    days = [t for t in tokens if t.isdigit()]
    return _no_year(shown) if not years and len(days) <= 1 and all(len(t) <= 2 for t in days) else None


def _two_days(shown: str, first: str, second: str, month: tuple[int, str] | None, no_year: bool = False) -> str:
    days = f"two days ({int(first)} and {int(second)})"
    if no_year:
        return (f"cannot read {shown!r} as one date: it gives {days} and no year, and Tergeu neither chooses a day "
                f"nor assumes a year; write the date the source supports, or leave the date empty, and keep "
                f"{shown!r} in a notes column")
    instead = f"only the month ('{month[0]:02d}.{month[1]}')" if month else "leave the date empty"
    return (f"cannot read {shown!r} as one date: it gives {days}, and Tergeu does not choose one; write the one "
            f"date the source supports, or {instead}, and keep {shown!r} in a notes column")


def _no_year(shown: str) -> str:
    return (f"cannot read {shown!r} as a date: it has no year, and Tergeu does not assume one; add the year "
            f"the source gives, or leave the date empty and keep {shown!r} in a notes column")


def parse_date(text: str, order: str = "dmy") -> str:
    """Return ISO text ('2022-01-05', '1990-05' or '1990') or raise ``DateError`` saying why not."""
    if order not in ("dmy", "mdy"):
        raise ValueError(f"date order must be 'dmy' or 'mdy', not {order!r}")
    cleaned = text.strip().lower()
    cleaned = re.sub(r"^(\d{4}-\d{2}-\d{2})[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", r"\1", cleaned)
    cleaned = _NOISE.sub(" ", cleaned)
    cleaned = " ".join(cleaned.replace(",", " ").split()).strip(" .")
    numeric = _parse_numeric(cleaned, order)
    if numeric is not None:
        return numeric
    worded = _parse_words(cleaned)
    if worded is not None:
        return worded
    raise DateError(_why_not(cleaned, text.strip()) or f"cannot read {text.strip()!r} as a date")
