"""Which alphabet a name is written in.

Casualty lists for January 2022 arrive in Kazakh Cyrillic, Russian-style Cyrillic (often the same
names with the Kazakh letters flattened), several Latin spellings, and sometimes a mixture caused by
look-alike letters typed on the wrong keyboard layout.  Knowing the script lets the parser choose a
sensible default name order and lets reviewers see why two records were compared the way they were.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import lru_cache

__all__ = ["KAZAKH_LETTERS", "Script", "detect_script"]

# Letters that exist in the Kazakh Cyrillic alphabet but not in Russian.  Their presence is the only
# reliable way to tell the two apart: everything else is shared.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


class Script(StrEnum):
    """The writing system of a piece of text, as far as names are concerned.

    A ``StrEnum`` (so a ``str`` and an ``Enum``): members compare equal to and print as their
    stored values, e.g. ``"kk-cyrl"``.
    """

    KAZAKH_CYRILLIC = "kk-cyrl"
    RUSSIAN_CYRILLIC = "ru-cyrl"
    LATIN = "latn"
    MIXED = "mixed"
    UNKNOWN = "unknown"


@lru_cache(maxsize=1 << 16)
def _alphabet(ch: str) -> str | None:
    """Return "cyrl", "latn" or None for one character, using the Unicode character name.

    The name prefix is used instead of code point ranges so that every Latin letter with a
    diacritic (ş, ñ, ū, ı, ǵ ...) and every Cyrillic extension letter is classified correctly.
    """
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrl"
    if name.startswith("LATIN"):
        return "latn"
    return None


def detect_script(text: str) -> Script:
    """Classify ``text`` as Kazakh Cyrillic, Russian Cyrillic, Latin, mixed or unknown.

    Letters from other alphabets (Greek, Arabic ...) are ignored; text with no Cyrillic or Latin
    letters at all is UNKNOWN.  A single Kazakh-specific letter is enough to call Cyrillic text
    Kazakh, because Russian-style spellings never contain them.
    """
    text = unicodedata.normalize("NFC", text)
    seen: set[str] = set()
    kazakh = False
    for ch in set(text):
        kind = _alphabet(ch)
        if kind is None:
            continue
        seen.add(kind)
        if ch in KAZAKH_LETTERS:
            kazakh = True
    if seen == {"cyrl", "latn"}:
        return Script.MIXED
    if seen == {"cyrl"}:
        return Script.KAZAKH_CYRILLIC if kazakh else Script.RUSSIAN_CYRILLIC
    if seen == {"latn"}:
        return Script.LATIN
    return Script.UNKNOWN
