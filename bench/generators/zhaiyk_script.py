"""How ``zhaiyk``'s lists write letters and dates: Latin spellings, look-alike slips, months in three languages.

Each function takes the canonical Kazakh-letter spelling and renders it as one kind of writer would,
so the same person reaches each list through a different habit: a human-rights researcher's Latin
(three schemes, chosen row by row), a scanned burial book's Latin letters for Cyrillic look-alikes, a
relative's phone keyboard without Kazakh letters.
"""

from __future__ import annotations

import datetime as dt
import random

from generators.zhaiyk_names import russify

# The Kazakh Latin alphabet of 2021 (ä ö ü ğ q ñ ū ı ş), from Kazakh Cyrillic.
_KZ2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
    "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
# A BGN/PCGN-like romanisation of the russified spelling (the passport habit of the 2000s).
_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
# A journalist's ad hoc English: j for ж, h for х, i for ы, e never Ye.
_ADHOC = dict(_BGN, ж="j", х="h", ы="i", й="i", ю="iu", я="ia", щ="sch")

_KZ_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
              "қараша", "желтоқсан")
_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
# Cyrillic letters a text-recognition pass reads as the Latin letters they look like.
_LOOKALIKES = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
               "Т": "T", "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y"}


def _romanise(text: str, table: dict[str, str], initial_ye: bool) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        low = char.lower()
        latin = table.get(low, low)
        if initial_ye and low == "е" and (index == 0 or not text[index - 1].isalpha()):
            latin = "ye"
        if char.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def kazakh_latin(text: str) -> str:
    """Серікұлы → Serıkūly (the 2021 alphabet, from Kazakh letters)."""
    return _romanise(text, _KZ2021, initial_ye=False)


def passport_latin(text: str) -> str:
    """Ерлан Серіков → Yerlan Serikov (BGN-like, from the russified spelling)."""
    return _romanise(russify(text), _BGN, initial_ye=True)


def adhoc_latin(text: str) -> str:
    """Жанар Ахметова → Janar Ahmetova (a newsroom's own habit)."""
    return _romanise(russify(text), _ADHOC, initial_ye=False)


LATIN_SCHEMES = {"passport": passport_latin, "kz2021": kazakh_latin, "adhoc": adhoc_latin}


def ocr_slips(text: str, rng: random.Random, rate: float) -> str:
    """A scanned page's Latin look-alikes: each Cyrillic letter that has one is swapped with chance ``rate``."""
    return "".join(_LOOKALIKES[c] if c in _LOOKALIKES and rng.random() < rate else c for c in text)


def phone_keyboard(text: str, rng: random.Random) -> str:
    """A relative typing on a keyboard without Kazakh letters: some or all of them become Russian ones."""
    if rng.random() < 0.5:
        return russify(text)
    return "".join(russify(c) if rng.random() < 0.5 else c for c in text)


def kazakh_date(day: dt.date, rng: random.Random) -> str:
    """5 қаңтар 2022, 2022 жылғы 5 қаңтар, 2022 ж. 5 қаңтарда or 05.01.2022, as petitions write them."""
    month = _KZ_MONTHS[day.month - 1]
    forms = (f"{day.day} {month} {day.year}", f"{day.year} жылғы {day.day} {month}",
             f"{day.day} {month} {day.year} ж.", f"{day.year} ж. {day.day} {month}да" if day.month <= 3
             else f"{day.day} {month} {day.year}", day.strftime("%d.%m.%Y"))
    return rng.choices(forms, weights=(5, 3, 2, 1, 2))[0]


def russian_date(day: dt.date, rng: random.Random, worded: float = 0.2) -> str:
    """05.01.2022 or, with chance ``worded``, 5 января 2022 г."""
    if rng.random() < worded:
        return f"{day.day} {_RU_MONTHS[day.month - 1]} {day.year} г."
    return day.strftime("%d.%m.%Y")


def english_date(day: dt.date, rng: random.Random) -> str:
    """January 6, 2022 or 6 Jan 2022 (the report's editors did not agree)."""
    month = _EN_MONTHS[day.month - 1]
    if rng.random() < 0.6:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month[:3]} {day.year}"


def initials(*parts: str) -> str:
    """Е.С. from Ерлан, Серікович (empty parts skipped)."""
    return "".join(part[0].upper() + "." for part in parts if part)
