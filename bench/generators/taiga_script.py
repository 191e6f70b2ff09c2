"""How ``taiga``'s lists write names and dates: Latin transliterations, typing slips, OCR slips, month names.

The media list mixes three habits row by row, as copy-pasted reporting does: the Russian-passport style
(from the russified spelling), Kazakh Latin of 2021 with its diacritics (from the Kazakh spelling) and
an ad hoc English spelling (Yerlan, Zhanar, Kairat). Slips are drawn per row and kept small: a real
list is mostly right.
"""

from __future__ import annotations

import datetime as dt
import random

from generators.taiga_names import russify

_PASSPORT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
}
_KAZLAT_2021 = dict(_PASSPORT, **{
    "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h", "і": "ı", "ж": "j",
    "х": "h", "ш": "ş", "щ": "ş", "ъ": "", "ё": "io",
})
_ENGLISH = dict(_PASSPORT, **{"й": "y", "ю": "yu", "я": "ya", "ъ": "", "ё": "yo", "щ": "sch"})

KAZAKH_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
                 "қазан", "қараша", "желтоқсан")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")

# Letters a worn scan or a tired typist turns into others (one direction each; Cyrillic only).
_OCR = {"и": "н", "н": "и", "п": "н", "ш": "щ", "щ": "ш", "л": "п", "е": "с", "с": "е", "в": "з", "б": "6",
        "з": "3", "о": "0", "т": "г", "г": "т", "у": "y", "а": "o", "к": "х", "м": "ш"}
_NEIGHBOUR_VOWELS = {"a": "o", "o": "a", "e": "i", "i": "e", "u": "o", "y": "i"}


def _apply(table: dict[str, str], word: str, start_ye: bool = False) -> str:
    out = []
    for index, ch in enumerate(word):
        low = ch.lower()
        piece = table.get(low, low)
        if start_ye and index == 0 and low == "е":
            piece = "ye"
        out.append(piece.capitalize() if ch.isupper() else piece)
    return "".join(out)


def latin(word: str, scheme: str) -> str:
    """``word`` (native Cyrillic spelling) in one Latin scheme: passport, kazlat or english."""
    if scheme == "kazlat":
        return _apply(_KAZLAT_2021, word)
    plain = russify(word)
    if scheme == "passport":
        return _apply(_PASSPORT, plain)
    spelled = _apply(_ENGLISH, plain, start_ye=True)
    return spelled.replace("iy ", "y ").removesuffix("iy") + ("y" if spelled.endswith("iy") else "")


def latin_typo(rng: random.Random, text: str) -> str:
    """One slip of a hurried journalist: a letter dropped, doubled, swapped, or a vowel heard wrong."""
    return _slip(rng, text, 4, _NEIGHBOUR_VOWELS)


def _slip(rng: random.Random, text: str, kinds: int, misheard: dict[str, str]) -> str:
    """A letter inside a word dropped, doubled or swapped with the next (the first ``kinds`` of these and
    a letter replaced by ``misheard``)."""
    positions = [i for i, ch in enumerate(text) if ch.isalpha() and ch.islower() and 0 < i < len(text) - 1]
    if not positions:
        return text
    i = rng.choice(positions)
    kind = rng.randrange(kinds)
    if kind == 0:
        return text[:i] + text[i + 1:]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    if kind == 2 and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + misheard.get(text[i], text[i]) + text[i + 1:]


def ocr_slip(rng: random.Random, text: str) -> str:
    """One letter misread in a scanned register (и for н, щ for ш, 6 for б)."""
    positions = [i for i, ch in enumerate(text) if ch in _OCR and i > 0]
    if not positions:
        return text
    i = rng.choice(positions)
    return text[:i] + _OCR[text[i]] + text[i + 1:]


def cyrillic_typo(rng: random.Random, text: str) -> str:
    """A keyboard slip in Cyrillic: a letter dropped or doubled, or two swapped."""
    return _slip(rng, text, 3, {})


def kazakh_date(day: dt.date, rng: random.Random) -> str:
    """"5 қаңтар 2022" as Kazakh texts write it; now and then digits, copied from an official paper."""
    month = KAZAKH_MONTHS[day.month - 1]
    if rng.random() < 0.15:
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {month} {day.year}"


def english_date(day: dt.date, rng: random.Random) -> str:
    """"January 6, 2022" mostly, "6 Jan 2022" from outlets with British habits."""
    month = ENGLISH_MONTHS[day.month - 1]
    if rng.random() < 0.2:
        return f"{day.day:02d} {month[:3]} {day.year}"
    return f"{month} {day.day}, {day.year}"


def numeric_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
