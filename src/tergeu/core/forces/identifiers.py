"""Military-unit numbers, however a source writes them, read to one key.

Kazakhstan's and Russia's military units are known by an open number: «в/ч 30417» and «войсковая
часть 30417» in Russian, «30417 әскери бөлімі» or «ә/б 30417» in Kazakh, "MU 30417", "m/u 30417" or
"MILITARY UNIT 30417" in English-language reports and in the US training lists. One unit, many
spellings: the key of all of them is ``"mu:30417"``, so a unit imported with one form is found by
any other.

What is read:

* a prefix before the number: в/ч, в.ч., вч, войсковая/воинская часть (any case ending), әскери
  бөлім (with or without its Kazakh endings, also typed with Russian а/о for ә/ө), ә/б, ә.б.,
  askeri bolim, MU, M/U, M.U., military unit; optionally followed by №, No., N or #;
* the Kazakh order, number first: «30417 әскери бөлімі», «30417-ші әскери бөлім»;
* a number of three to six digits, and a suffix after a hyphen when there is one («в/ч 3656-А»,
  "MU 30417-1"): it names another unit (a detachment), so it is part of the key (``mu:3656-a``, its
  letter in the ASCII of ``core.names``, so Cyrillic А and Latin A agree).

A bare number with no prefix ("50212" in "50212, MINISTRY OF DEFENSE") is read only by
:func:`bare_identifier`, and callers must say so when they rely on it: a bare number may be a
postal code or a year.
"""

from __future__ import annotations

import re
import unicodedata

from tergeu.core.names import matching_key

__all__ = ["bare_identifier", "find_identifiers", "identifier_key", "is_identifier_key"]

_KK_UNIT = r"[әа]скери\s+б[өо]л[іи]м(?:[іи]|ше|інде|нің)?"
_PREFIX = (
    r"(?:в\s*/\s*ч|v\s*/\s*ch|в\.\s*ч\.?|вч|во[йи]ск\w*\s+част\w*|воинск\w*\s+част\w*|" + _KK_UNIT
    + r"|[әа]\s*/\s*б|[әа]\.\s*б\.?|askeri\s+bolim\w*|military\s+unit|mil\.?\s+unit|m\s*/\s*u|m\.\s*u\.?|mu)"
)
_NUMBER_SIGN = r"(?:№|no\.?|n|#)?"
_SUFFIX = r"(?:\s*-\s*(\d{1,3}|[^\W\d_](?![^\W\d_])))?"
_AFTER_PREFIX = re.compile(r"(?<![\w/.])" + _PREFIX + r"\s*" + _NUMBER_SIGN + r"\s*[-:]?\s*(\d{3,6})(?!\d)" + _SUFFIX,
                           re.IGNORECASE)
_BEFORE_KK = re.compile(r"(?<!\d)(\d{3,6})(?!\d)" + _SUFFIX + r"\s*(?:-?\s*(?:ші|шы|ci|shi))?\s+" + _KK_UNIT,
                        re.IGNORECASE)
_BARE = re.compile(r"\s*(?:№|no\.?|#)?\s*(\d{4,6})" + _SUFFIX + r"\s*", re.IGNORECASE)
_KEY = re.compile(r"mu:\d{1,6}(?:-[a-z0-9]{1,3})?")


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ")


def _key(number: str, suffix: str | None = None) -> str:
    """Leading zeros dropped: «в/ч 03417» and "MU 3417" name one unit."""
    key = f"mu:{number.lstrip('0') or '0'}"
    return f"{key}-{matching_key(suffix) or suffix.lower()}" if suffix else key


def find_identifiers(text: str) -> list[str]:
    """Every unit-number key written in ``text`` with a prefix, in order, without repeats."""
    text = _normalised(text)
    found: list[tuple[int, str]] = [(m.start(), _key(m.group(1), m.group(2))) for m in _AFTER_PREFIX.finditer(text)]
    found += [(m.start(), _key(m.group(1), m.group(2))) for m in _BEFORE_KK.finditer(text)]
    keys: list[str] = []
    for _, key in sorted(found):
        if key not in keys:
            keys.append(key)
    return keys


def identifier_key(text: str) -> str | None:
    """The key of the one unit number ``text`` writes with a prefix (``"mu:30417"``), else None.

    Text that is already a key is returned as it is, so stored keys can be passed back in.
    """
    stripped = _normalised(text).strip().lower()
    if _KEY.fullmatch(stripped):
        return stripped
    keys = find_identifiers(text)
    return keys[0] if len(keys) == 1 else None


def bare_identifier(text: str) -> str | None:
    """The key of a number of four to six digits standing alone (``"50212"``, ``"50212-1"`` with a
    detachment's suffix), else None."""
    match = _BARE.fullmatch(_normalised(text))
    return _key(match.group(1), match.group(2)) if match else None


def is_identifier_key(text: str) -> bool:
    return bool(_KEY.fullmatch(text))
