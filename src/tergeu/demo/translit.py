"""Render Cyrillic names in the Latin spellings that English-language casualty lists really use.

One person killed in Almaty may appear as "Zhanbolat Nurlanov" in a wire story (BGN/PCGN), as
"ZHANBOLAT NURLANOV" copied from a passport (ICAO 9303), as "Janbolat Nūrlanov" in the 2021 Kazakh Latin
alphabet, or as "Janbolat Nurlanov" in an informal blog. A demo that is meant to test record linkage
must reproduce that spread, so this module writes each system on purpose.

This is rendering only. Matching names across scripts is done elsewhere, with its own keys, and must
not rely on this module: otherwise the demo would be grading the matcher with its own answer sheet.
"""

from __future__ import annotations

from collections.abc import Callable

SYSTEMS: tuple[str, ...] = ("bgn", "icao", "kz2021", "informal")

_KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
_RUSSIAN_LOOKALIKES = "агкноуухиАГКНОУУХИ"
_TO_RUSSIAN = str.maketrans(_KAZAKH_LETTERS, _RUSSIAN_LOOKALIKES)
_VOWELS = set("аәеёиоөуұүыіэюя")

# Letters whose rendering does not depend on position, shared by the Russian-based systems.
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "ъ": "", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
_ICAO = {**_COMMON, "е": "e", "ё": "e", "й": "i", "ъ": "ie", "ю": "iu", "я": "ia",
         "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}
_KZ2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "і": "ı", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
# The Kazakh alphabet distinguishes dotted and dotless i, which Python's str.upper() would merge.
_KZ2021_UPPER = {"i": "İ", "ı": "I"}

Rule = Callable[[str, str, str], str]


def russianize(text: str) -> str:
    """Replace Kazakh-only letters with the Russian look-alikes that Russian-language offices type.

    Official and medical files are kept in CP1251 or typed on Russian keyboards, so "Серік" becomes
    "Серик" and "Нұрланов" becomes "Нурланов" there; this is the spelling those lists carry.
    """
    return text.translate(_TO_RUSSIAN)


def _starts_syllable(prev: str) -> bool:
    """BGN/PCGN writes е as "ye" at a word start and after a vowel or a hard/soft sign."""
    return prev == "" or not prev.isalpha() or prev in _VOWELS or prev in "йъь"


def _bgn(prev: str, ch: str, nxt: str) -> str:
    if ch == "е":
        return "ye" if _starts_syllable(prev) else "e"
    if ch == "ё":
        return "yë" if _starts_syllable(prev) else "ë"
    if ch == "й":
        return "y"
    return _COMMON.get(ch, ch)


def _informal(prev: str, ch: str, nxt: str) -> str:
    """Spellings people type without a standard: "Aibek", "Jumabaev", "Yerlan", "Dmitriy"."""
    if ch == "д" and nxt == "ж":
        return "j"
    if ch == "ж" and prev == "д":
        return ""
    if ch == "е":
        return "ye" if prev == "" or not prev.isalpha() else "e"
    if ch == "ё":
        return "yo"
    if ch == "й":
        return "y" if nxt == "" or not nxt.isalpha() else "i"
    if ch == "щ":
        return "sch"
    return _COMMON.get(ch, ch)


def _icao(prev: str, ch: str, nxt: str) -> str:
    return _ICAO.get(ch, ch)


def _kz2021(prev: str, ch: str, nxt: str) -> str:
    return _KZ2021.get(ch, ch)


_RULES: dict[str, tuple[Rule, bool]] = {
    # system: (rule over lower-case letters, whether Kazakh letters are first replaced)
    "bgn": (_bgn, True),
    "informal": (_informal, True),
    "icao": (_icao, False),
    "kz2021": (_kz2021, False),
}


def _upper_first(piece: str, system: str) -> str:
    if not piece:
        return piece
    head = _KZ2021_UPPER.get(piece[0], piece[0].upper()) if system == "kz2021" else piece[0].upper()
    return head + piece[1:]


def romanize(text: str, system: str) -> str:
    """Write Cyrillic ``text`` in Latin letters by ``system`` (one of ``SYSTEMS``).

    Capitals follow the source letter by letter ("Жанболат" → "Zhanbolat"); ICAO output is upper-case,
    as in the machine-readable zone of a passport. Non-Cyrillic characters pass through unchanged.
    """
    try:
        rule, simplify = _RULES[system]
    except KeyError:
        raise ValueError(f"unknown system {system!r}; use one of {', '.join(SYSTEMS)}") from None
    source = russianize(text) if simplify else text
    lower = source.lower()
    pieces: list[str] = []
    for index, ch in enumerate(lower):
        prev = lower[index - 1] if index else ""
        nxt = lower[index + 1] if index + 1 < len(lower) else ""
        piece = rule(prev, ch, nxt)
        if source[index].isupper():
            piece = _upper_first(piece, system)
        pieces.append(piece)
    result = "".join(pieces)
    return result.upper() if system == "icao" else result
