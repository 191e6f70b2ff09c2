"""Invented names for the synthetic force of ``bench/vetting.py``: places, units and officials in three scripts.

Nothing here is a real person or a real unit. Places are made of invented syllables; officials' family
names are built from those stems with the usual endings, given names are drawn from a short list of
common given names, so that combinations (not people) repeat and namesakes occur as they do in a real
force. Every name is written in Kazakh Cyrillic, Russian Cyrillic and one of several Latin schemes.
"""

from __future__ import annotations

import random

ONSETS = ("ж", "қ", "т", "с", "б", "ш", "к", "м", "н", "ар", "ақ", "ер", "ұл", "ес", "ай", "ор", "сар", "бай", "тал",
          "көк")
NUCLEI = ("а", "ы", "е", "о", "ұ", "і", "ө", "ә", "у", "и")
CODAS = ("л", "р", "н", "т", "қ", "ш", "с", "м", "з", "ң", "й", "")
GIVEN_MEN = ("Ержан", "Нұрлан", "Асқар", "Болат", "Дәурен", "Ерлан", "Марат", "Серік", "Бауыржан", "Ғалым",
             "Қайрат", "Талғат", "Арман", "Бекзат", "Дархан", "Жандос", "Мұрат", "Руслан", "Санжар", "Әділет",
             "Алексей", "Сергей", "Дмитрий", "Андрей", "Игорь", "Виктор", "Олег", "Павел")
UNIT_TYPES = (  # Kazakh (after the place), Russian adjective form + noun, English, abbreviation
    ("батальоны", "батальон", "Battalion", "BN"),
    ("бригадасы", "бригада", "Brigade", "BDE"),
    ("ротасы", "рота", "Company", "COY"),
    ("полкы", "полк", "Regiment", "REGT"),
    ("жасағы", "отряд", "Detachment", "DET"),
)
QUALIFIERS = (("бітімгершілік", "миротворческий", "Peacekeeping"), ("десанттық", "десантный", "Air Assault"),
              ("күзет", "охранный", "Guard"), ("барлау", "разведывательный", "Reconnaissance"),
              ("инженерлік", "инженерный", "Engineer"), ("", "", ""))
KK_TO_RU = str.maketrans({"ә": "а", "қ": "к", "ұ": "у", "ү": "у", "ө": "о", "ғ": "г", "ң": "н", "і": "и", "һ": "х",
                          "Ә": "А", "Қ": "К", "Ұ": "У", "Ү": "У", "Ө": "О", "Ғ": "Г", "Ң": "Н", "І": "И", "Һ": "Х"})
LATIN_SCHEMES = (  # three ways a Latin-script report writes the same Cyrillic
    {"ж": "zh", "ш": "sh", "ч": "ch", "щ": "shch", "ц": "ts", "х": "kh", "ю": "yu", "я": "ya", "ы": "y", "й": "y",
     "е": "e", "ё": "yo", "э": "e", "ъ": "", "ь": "", "қ": "k", "ғ": "g", "ң": "ng", "ә": "a", "ө": "o", "ұ": "u",
     "ү": "u", "і": "i", "һ": "h"},
    {"ж": "j", "ш": "sh", "ч": "ch", "щ": "sch", "ц": "c", "х": "h", "ю": "iu", "я": "ia", "ы": "y", "й": "i",
     "е": "e", "ё": "io", "э": "e", "ъ": "", "ь": "", "қ": "q", "ғ": "gh", "ң": "ng", "ә": "ae", "ө": "oe",
     "ұ": "u", "ү": "ue", "і": "i", "һ": "h"},
    {"ж": "zh", "ш": "sh", "ч": "ch", "щ": "sch", "ц": "ts", "х": "kh", "ю": "yu", "я": "ya", "ы": "y", "й": "i",
     "е": "ye", "ё": "yo", "э": "e", "ъ": "", "ь": "", "қ": "q", "ғ": "ğ", "ң": "ñ", "ә": "ä", "ө": "ö", "ұ": "ū",
     "ү": "ü", "і": "ı", "һ": "h"},
)
BASIC = dict(zip("абвгдзиклмнопрстуф", "abvgdziklmnoprstuf", strict=True))


def latin(text: str, scheme: int) -> str:
    """``text`` (Kazakh or Russian Cyrillic) in Latin letters by one of the schemes."""
    table = LATIN_SCHEMES[scheme]
    out = []
    for char in text:
        low = char.lower()
        written = table.get(low, BASIC.get(low, low))
        out.append(written.capitalize() if char != low and written else written)
    return "".join(out)


def russian(text: str) -> str:
    return text.translate(KK_TO_RU)


def stem(rng: random.Random) -> str:
    """An invented place or family stem of two or three syllables («Жаркөл», «Ақсарын»)."""
    parts = [rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(rng.choice((2, 2, 3)))]
    return "".join(parts).capitalize()


class Zipf:
    """Items drawn by rank: a few very often, most rarely; what makes namesakes among 100,000 officials."""

    def __init__(self, items: list[str] | tuple[str, ...], exponent: float = 1.1, shift: int = 2) -> None:
        self.items, total, self.cumulative = list(items), 0.0, []
        for rank in range(len(items)):
            total += 1.0 / (rank + shift) ** exponent
            self.cumulative.append(total)

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


GIVEN = Zipf(GIVEN_MEN)


def official_names(rng: random.Random, surnames: Zipf) -> tuple[str, list[str]]:
    """A Kazakh-Cyrillic full name and its aliases: Russian Cyrillic, a Latin spelling, a shorter form."""
    family, given, father = surnames.draw(rng), GIVEN.draw(rng), GIVEN.draw(rng)
    kazakh = f"{family} {given} {father}ұлы"
    russified = f"{russian(family)} {russian(given)} {russian(father).rstrip('ь')}ович"
    written = latin(f"{family} {given}", rng.randrange(3))
    aliases = [russified, written]
    if rng.random() < 0.3:
        aliases.append(f"{russian(family)} {russian(given)[0]}.")
    return kazakh, aliases


def unit_names(place: str, kind: int, qualifier: int) -> tuple[str, list[str], str]:
    """A unit's Kazakh name, its Russian and English names, and its English abbreviation stem."""
    kk_type, ru_type, en_type, abbreviation = UNIT_TYPES[kind]
    kk_q, ru_q, en_q = QUALIFIERS[qualifier]
    kazakh = " ".join(part for part in (place, kk_q, kk_type) if part)
    russified = " ".join(part for part in (f"{russian(place)}ский", ru_q, ru_type) if part)
    english = " ".join(part for part in (latin(place, 0), en_q, en_type) if part)
    return kazakh, [russified, english], latin(place, 0)[:4].upper() + abbreviation
