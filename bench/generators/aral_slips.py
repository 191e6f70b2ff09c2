"""The slips that creep into casualty lists as they are typed, retyped, scanned and copied.

Each function takes the generator's ``random.Random`` and returns a changed copy, never touching what
the person's documents say. Which list suffers which slips, and how often, is the list's business
(``aral_state``, ``aral_public``, ``aral_hospital``); the kinds are those seen in real lists:

- retyping: a letter dropped, doubled, swapped with its neighbour or hit on the next key (ЙЦУКЕН);
- a keyboard left in the Latin layout for one letter (Сeриков with a Latin e, Kazakh і typed as i);
- text recognition of a PDF: и/н, ш/щ, б/6, З/3, О/0, л/п confused;
- spaces doubled, leading or trailing; ё written as е;
- dates: day and month swapped, one digit wrong, the century wrong when a clerk writes 19.. for a
  child born in 2003 or 20.. from the habit of typing 2022 all day.
"""

from __future__ import annotations

import datetime as dt
import random

_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_NEIGHBOURS = {row[i]: row[max(i - 1, 0):i] + row[i + 1:i + 2] for row in _ROWS for i in range(len(row))}
# Cyrillic letters and the Latin letters that look the same (lower and upper case).
HOMOGLYPHS = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
              "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
              "Т": "T", "Х": "X", "І": "I"}
_OCR = {"и": "н", "н": "и", "ш": "щ", "щ": "ш", "б": "6", "З": "3", "з": "3", "О": "0", "л": "п",
        "п": "л", "ц": "щ", "ь": "ъ", "ы": "ь", "Ш": "Щ", "И": "Н", "Н": "И", "е": "с", "м": "и"}
_KAZAKH_ON_RUSSIAN = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "і": "i", "һ": "х"}


def _positions(text: str, wanted: object) -> list[int]:
    return [i for i, char in enumerate(text) if char in wanted]  # type: ignore[operator]


def typo(rng: random.Random, text: str) -> str:
    """One retyping slip inside a word of ``text`` (never its first letter: people check that one)."""
    inner = [i for i in range(1, len(text)) if text[i].isalpha() and text[i - 1].isalpha()]
    if not inner:
        return text
    i = rng.choice(inner)
    kind = rng.random()
    if kind < 0.3:
        return text[:i] + text[i + 1:]
    if kind < 0.5:
        return text[:i] + text[i] + text[i:]
    if kind < 0.75 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    near = _NEIGHBOURS.get(text[i].lower())
    if not near:
        return text[:i] + text[i + 1:]
    return text[:i] + rng.choice(near) + text[i + 1:]


def homoglyph(rng: random.Random, text: str) -> str:
    """One Cyrillic letter typed with the Latin layout: it looks the same and is not."""
    places = _positions(text, HOMOGLYPHS)
    if not places:
        return text
    i = rng.choice(places)
    return text[:i] + HOMOGLYPHS[text[i]] + text[i + 1:]


def ocr(rng: random.Random, text: str, rate: float = 0.5) -> str:
    """Text recognition misreading one or two letters of a scanned name."""
    places = _positions(text, _OCR)
    rng.shuffle(places)
    chars = list(text)
    for count, i in enumerate(places[:2]):
        if count == 0 or rng.random() < rate:
            chars[i] = _OCR[chars[i]]
    return "".join(chars)


def kazakh_keyboard(rng: random.Random, text: str) -> str:
    """A Kazakh letter typed on a Russian keyboard: қ as к, ұ as у, і as the Latin i."""
    places = _positions(text, _KAZAKH_ON_RUSSIAN)
    if not places:
        return text
    i = rng.choice(places)
    return text[:i] + _KAZAKH_ON_RUSSIAN[text[i]] + text[i + 1:]


def spacing(rng: random.Random, text: str) -> str:
    """A doubled space between words, or one left before or after the text."""
    kind = rng.random()
    if kind < 0.5 and " " in text:
        places = _positions(text, " ")
        i = rng.choice(places)
        return text[:i] + " " + text[i:]
    return text + " " if kind < 0.8 else " " + text


def no_yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def swapped(day: dt.date) -> dt.date | None:
    """Day and month swapped (05.01 typed as 01.05), when the result is a date at all."""
    if day.day > 12 or day.day == day.month:
        return None
    return day.replace(month=day.day, day=day.month)


def digit_slip(rng: random.Random, day: dt.date) -> dt.date:
    """One digit wrong: the day off by one or ten, or the year's last digit off by one."""
    kind = rng.random()
    if kind < 0.6:
        shift = rng.choice((-1, 1, 10, -10))
        moved = day + dt.timedelta(days=shift)
        return moved if moved.month == day.month else day - dt.timedelta(days=shift)
    year = day.year + rng.choice((-1, 1))
    return _safe_replace(day, year)


def wrong_century(day: dt.date) -> dt.date:
    """A child born in 2003 written as 1903; anyone else's year written 20.. (the habit of 2022)."""
    year = day.year - 100 if day.year >= 2000 else day.year + 100
    return _safe_replace(day, year)


def _safe_replace(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def dmy(day: dt.date, sep: str = ".", short_year: bool = False) -> str:
    year = f"{day.year % 100:02d}" if short_year else f"{day.year:04d}"
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{year}"
