"""How one name is spelled in different documents: Kazakh letters or russified, -ов or -ұлы, Latin.

A Kazakh's passport may spell the name with Kazakh letters (Нұржан Серікұлы Әлиев) or russified
(Нуржан Серикович Алиев); a Russian-language list russifies whatever it copies; a Kazakh-language site
restores the Kazakh letters; a chat writes it in Latin as the sender hears it. These functions give
each form from the Kazakh spelling, which the population stores; nothing here draws at random except
the Latin of chats and the spelling variants, which take the generator's own ``random.Random``.
"""

from __future__ import annotations

import random
import re

_KZ_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_GUL = re.compile(r"([гГ])үл(?![аәеёиоөуұүыіэюя])")  # Айгүл → Айгуль, Гүлмира → Гульмира
# Names whose russified form is not the letter-for-letter one.
_RU_FORMS = {
    "Әсел": "Асель", "Ләйлә": "Ляйля", "Ләззат": "Ляззат", "Ілияс": "Ильяс", "Інжу": "Инжу",
    "Мөлдір": "Мольдир", "Күләш": "Куляш", "Күлән": "Кулян", "Шыңғыс": "Шынгыс", "Жібек": "Жибек",
    "Мәрзия": "Марзия", "Әлия": "Алия", "Бөкей": "Бокей",
}
# Spellings one writer or another uses for the same russified name (double letters, Э for Е, dropped Ы).
VARIANTS = {
    "Ерлан": ("Эрлан",), "Ержан": ("Иржан", "Эржан"), "Ерболат": ("Эрболат",), "Ербол": ("Эрбол",),
    "Бауыржан": ("Бауржан",), "Мейиржан": ("Мейржан",), "Шынгыс": ("Чингиз", "Чингис"),
    "Данияр": ("Даниар",), "Асхат": ("Асхад",), "Айгерим": ("Айгерым",), "Наталья": ("Наталия",),
    "Рустем": ("Рустам",),
    "Бахтиёр": ("Бахтиер", "Бахтияр"), "Гульнара": ("Гульнора",), "Асель": ("Асел",), "Ильяс": ("Ильяз",),
    "Жасулан": ("Жасуллан",), "Ерасыл": ("Ерассыл",), "Нуржан": ("Нурджан",), "Кайрат": ("Каират",),
}


def russify(word: str) -> str:
    """The russified spelling of a Kazakh word: Нұржан → Нуржан, Айгүл → Айгуль, Әсел → Асель."""
    if word in _RU_FORMS:
        return _RU_FORMS[word]
    return _GUL.sub(lambda found: found.group(1) + "уль", word).translate(_KZ_TO_RU)


def russify_text(text: str) -> str:
    return " ".join(russify(word) for word in text.split(" "))


def has_kazakh(text: str) -> bool:
    return any(char in KAZAKH_LETTERS for char in text)


def surname(base: str, sex: str) -> str:
    """The family name a forefather's name gives: Жұмабай → Жұмабаев, Әбділла → Әбділлин, Серік → Серіков."""
    last = base[-1]
    if last == "й":
        stem = base[:-1] + "ев"
    elif base.endswith("лла"):
        stem = base[:-1] + "ин"
    elif last in "іиы":
        stem = base[:-1] + "иев"
    elif last in "аежшчщц":
        stem = base + "ев"
    else:
        stem = base + "ов"
    return stem + "а" if sex == "F" else stem


def feminine(family: str) -> str:
    """A family name for a woman of the family: Иванов → Иванова, Хабибуллин → Хабибуллина, Ким → Ким."""
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + "а"
    if family.endswith("ұлы"):
        return family[:-3] + "қызы"
    if family.endswith("ий") and len(family) > 4:
        return family[:-2] + "ая"
    return family


def uly(father: str, sex: str) -> str:
    """A Kazakh patronymic (or family name) from the father's name: Серік → Серікұлы / Серікқызы."""
    return father + ("ұлы" if sex == "M" else "қызы")


def patronymic_ru(father: str, sex: str, stem: str = "") -> str:
    """A Russian-style patronymic from a (russified) father's name: Серик → Серикович, Жумабай → Жумабаевич."""
    if not stem:
        if father.endswith("й"):
            stem = father[:-1] + "е"
        elif father[-1] in "аяиыеуо" or father[-1] in "жшчщц":
            stem = father + "е"
        else:
            stem = father + "о"
    return stem + ("вич" if sex == "M" else "вна")


_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}
# How people write Latin in chats: one of these overrides per message on top of the passport letters.
_CHAT_HABITS = (
    {"х": "h", "й": "y", "ю": "yu", "я": "ya"},
    {"х": "h", "й": "y", "ю": "yu", "я": "ya", "ж": "j", "қ": "q", "ң": "ng", "ғ": "gh"},
    {"х": "kh", "й": "y", "ю": "yu", "я": "ya", "ә": "ä", "ө": "ö", "ү": "ü", "ұ": "ū", "қ": "q", "ң": "ñ"},
)


def latin(text: str, habit: dict[str, str] | None = None) -> str:
    """Latin letters for Cyrillic text, keeping capitals: Нұржан → Nurzhan; with a chat habit → Nurjan."""
    out = []
    for word in text.split(" "):
        upper = len(word) > 1 and word.isupper()
        letters = []
        for index, char in enumerate(word):
            low = char.lower()
            mapped = (habit or {}).get(low, _LATIN.get(low, char))
            if low == "е" and index == 0 and habit and "й" in habit:
                mapped = "ye"
            letters.append(mapped.capitalize() if char != low and not upper else mapped)
        joined = "".join(letters)
        out.append(joined.upper() if upper else joined)
    return " ".join(out)


def chat_habit(rng: random.Random) -> dict[str, str]:
    return rng.choice(_CHAT_HABITS)


def variant(rng: random.Random, name: str, chance: float) -> str:
    """Another common spelling of a russified name, with probability ``chance`` when it has one."""
    forms = VARIANTS.get(name)
    if forms and rng.random() < chance:
        return rng.choice(forms)
    return name
