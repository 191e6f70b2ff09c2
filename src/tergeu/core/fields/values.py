"""Cell values other than names and dates: age, sex, national ID, free text, and "unknown".

Each parser returns a ``ParsedValue`` (the normalised value plus a note when the source hedged, e.g.
"about 35") or raises ``CellError`` with a message a data-entry clerk can act on. Nothing is coerced
silently: a value Tergeu cannot read is an error, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tergeu.core.fields.dates import DateError, parse_date
from tergeu.core.names import parse_iin

MISSING_WORDS = frozenset({
    "", "-", "—", "–", "?", "??", "н/д", "нд", "нет данных", "неизвестно", "не известно", "не установлено",
    "белгісіз", "мәлімет жоқ", "жоқ", "unknown", "n/a", "na", "none", "null", "not known", "x",
})
_APPROX = re.compile(r"^(?:~|≈|около|примерно|шамамен|about|approx\.?|circa|c\.|ca\.)\s*", re.IGNORECASE)
_AGE_UNITS = r"(?:лет|год|года|жасар|жасында|жаста|жас|years?|yrs?|y\.?o\.?|ans|jahre|г\.?|л\.?)?\.?"
_AGE = re.compile(rf"^(\d{{1,3}})\s*{_AGE_UNITS}$", re.IGNORECASE)
# Ranges: 30-35, 35–40 жас, от 30 до 35 лет, 30 или 31; open ones: 30+, старше 30, over 30, 30-дан асқан.
_AGE_RANGE = re.compile(rf"^(?:от\s*)?(\d{{1,3}})\s*(?:-|–|—|\.\.|/|до|или|немесе|to|or)\s*(\d{{1,3}})\s*{_AGE_UNITS}$",
                        re.IGNORECASE)
_AGE_OPEN = re.compile(rf"^(?:(?:старше|более|больше|свыше|over|above|>)\s*\d{{1,3}}\s*{_AGE_UNITS}"
                       rf"|\d{{1,3}}\s*(?:\+|-?(?:дан|тан|нан)\s+(?:асқан|жоғары))\s*{_AGE_UNITS})$", re.IGNORECASE)
_SEX_WORDS = {
    "M": {"m", "male", "man", "м", "муж", "мужской", "мужчина", "ер", "е", "еркек", "ер адам"},
    "F": {"f", "female", "woman", "ж", "жен", "женский", "женщина", "әйел", "ә", "әйел адам", "айел"},
}
_SEX_LOOKUP = {word: code for code, words in _SEX_WORDS.items() for word in words}


class CellError(ValueError):
    """A cell that cannot be read; ``message`` explains what was expected."""


@dataclass(frozen=True)
class ParsedValue:
    value: str
    note: str = ""
    warnings: tuple[str, ...] = field(default=())
    derived: dict = field(default_factory=dict)


_LONGEST_MISSING_WORD = max(len(word) for word in MISSING_WORDS)


def is_missing(text: str | None) -> bool:
    """True for empty cells and the words lists use for "not known"."""
    if text is None:
        return True
    text = text.strip()
    return not text or (len(text) <= _LONGEST_MISSING_WORD + 1 and text.lower().rstrip(".") in MISSING_WORDS)


def parse_text(text: str) -> ParsedValue:
    return ParsedValue(" ".join(text.split()))


def parse_age(text: str) -> ParsedValue:
    cleaned = text.strip()
    hedged = _APPROX.match(cleaned)
    if hedged:
        cleaned = cleaned[hedged.end():]
    match = _AGE.match(cleaned.strip())
    if not match:
        raise CellError(_not_an_age(text.strip(), cleaned.strip()))
    years = int(match.group(1))
    if years > 120:
        raise CellError(f"age {years} is over 120")
    return ParsedValue(str(years), note="approximate" if hedged else "")


def _not_an_age(shown: str, cleaned: str) -> str:
    """Why: a range is not an age. Read as its midpoint it would be a number the list does not state (and,
    for 30+, none exists), compared later as if it were one; so it is refused, saying what to write."""
    if match := _AGE_RANGE.match(cleaned):
        what = f"an age range ({match.group(1)} to {match.group(2)})"
    elif _AGE_OPEN.match(cleaned):
        what = "an age range with no upper end"
    else:
        return f"cannot read {shown!r} as an age in years"
    return (f"cannot read {shown!r} as an age: it is {what}, not an age in years, and Tergeu does not pick one; "
            f"leave the age empty and keep {shown!r} in a notes column")


def parse_sex(text: str) -> ParsedValue:
    word = " ".join(text.strip().lower().rstrip(".").split())
    try:
        return ParsedValue(_SEX_LOOKUP[word])
    except KeyError:
        raise CellError(f"cannot read {text.strip()!r} as sex (expected e.g. М/Ж, ер/әйел, M/F)") from None


def parse_national_id(text: str) -> ParsedValue:
    """Keep the IIN as written (digits only) even if its check digit fails: the list said it.

    A failed check or a bad date part becomes a warning and lowers nothing silently; a valid IIN also
    yields the birth date and sex it encodes, which later checks compare against the other columns.
    """
    info = parse_iin(text)
    if not info.text or not info.text.isdigit():
        raise CellError(f"cannot read {text.strip()!r} as an IIN (12 digits)")
    derived: dict[str, str] = {}
    if info.valid:
        derived = {"date_of_birth": info.birth_date.isoformat(), "sex": info.sex} if info.sex else {
            "date_of_birth": info.birth_date.isoformat()}
    return ParsedValue(info.text, warnings=tuple(info.problems), derived=derived)


def parse_date_cell(text: str, order: str = "dmy") -> ParsedValue:
    try:
        return ParsedValue(parse_date(text, order))
    except DateError as exc:
        raise CellError(str(exc)) from None


_PARSERS = {
    "date": parse_date_cell,
    "age": parse_age,
    "sex": parse_sex,
    "national_id": parse_national_id,
}


@lru_cache(maxsize=1 << 16)
def parse_cell(kind: str, text: str, date_order: str = "dmy") -> ParsedValue:
    """Parse one non-missing cell of the given field kind (names are handled by ``tergeu.core.names``).

    Cached: a list repeats the same dates, places and sexes thousands of times. Results are frozen.
    """
    if kind == "date":
        return parse_date_cell(text, date_order)
    parser = _PARSERS.get(kind)
    return parser(text) if parser else parse_text(text)
