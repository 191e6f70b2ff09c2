"""Spellings for ``balkhash``: how one Kazakh name turns into the forms different lists write.

A name exists once, in its Kazakh spelling. Russian-language offices drop the Kazakh letters
(Серік → Серик, Айгүл → Айгуль) and write -ович patronymics; Kazakh documents keep them with -ұлы;
an akimat publishing in the Latin alphabet of the 2018 decree writes Serikuly, Aıgúl, Ǵalym; foreign
media copy passports (ICAO: ZH, KH, upper case); imams write Arabic-origin names as religion spells
them (Мұхаммед, Мухамед, Мухаммад). Keeping each conversion here, once, lets every list apply its own.
"""

from __future__ import annotations

import random

_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_VOWELS = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")

# The Latin alphabet of the decree of 19 February 2018 (acute accents, Sh/Ch digraphs, dotless ı for и/й).
LATIN_2018 = {
    "а": "a",
    "ә": "á",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ǵ",
    "д": "d",
    "е": "e",
    "ё": "ıo",
    "ж": "j",
    "з": "z",
    "и": "ı",
    "й": "ı",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ń",
    "о": "o",
    "ө": "ó",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "ý",
    "ұ": "u",
    "ү": "ú",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "ıý",
    "я": "ıa",
}
# Passports (ICAO 9303 for Cyrillic; Kazakh letters to their plain Latin base), as foreign media copy them.
PASSPORT = {
    "а": "A",
    "ә": "A",
    "б": "B",
    "в": "V",
    "г": "G",
    "ғ": "G",
    "д": "D",
    "е": "E",
    "ё": "E",
    "ж": "ZH",
    "з": "Z",
    "и": "I",
    "й": "I",
    "к": "K",
    "қ": "K",
    "л": "L",
    "м": "M",
    "н": "N",
    "ң": "N",
    "о": "O",
    "ө": "O",
    "п": "P",
    "р": "R",
    "с": "S",
    "т": "T",
    "у": "U",
    "ұ": "U",
    "ү": "U",
    "ф": "F",
    "х": "KH",
    "һ": "H",
    "ц": "TS",
    "ч": "CH",
    "ш": "SH",
    "щ": "SHCH",
    "ъ": "IE",
    "ы": "Y",
    "і": "I",
    "ь": "",
    "э": "E",
    "ю": "IU",
    "я": "IA",
}
# How imams and religious registers spell Arabic-origin names (first: the Kazakh document form).
ARABIC_FORMS = {
    "Мұхаммед": ("Мұхаммед", "Мухаммед", "Мухамед", "Мұхамед", "Мухаммад"),
    "Әбдірахман": ("Әбдірахман", "Абдрахман", "Абдурахман", "Абдурахмон"),
    "Ғабдулла": ("Ғабдулла", "Абдулла", "Габдулла", "Абдуллах"),
    "Ибраһим": ("Ибраһим", "Ибрагим", "Ибраим", "Ибрахим"),
    "Жүсіп": ("Жүсіп", "Юсуп", "Юсуф", "Жусуп"),
    "Қасым": ("Қасым", "Касым", "Касим"),
    "Омар": ("Омар", "Умар"),
    "Сүлеймен": ("Сүлеймен", "Сулейман", "Сулеймен"),
    "Ахмет": ("Ахмет", "Ахмед", "Ахмад"),
    "Мақсұт": ("Мақсұт", "Максут", "Мақсуд", "Максуд"),
    "Исмаил": ("Исмаил", "Ысмайыл", "Смайыл", "Исмайл"),
    "Рахым": ("Рахым", "Рахим", "Рақым"),
    "Хасан": ("Хасан", "Асан", "Хасен"),
    "Хұсайын": ("Хұсайын", "Хусаин", "Үсен", "Хусейн"),
    "Әли": ("Әли", "Али", "Әлі"),
    "Мұстафа": ("Мұстафа", "Мустафа"),
    "Ысқақ": ("Ысқақ", "Исхак", "Искак"),
    "Жақып": ("Жақып", "Якуб", "Жакып"),
    "Мұса": ("Мұса", "Муса"),
    "Нурмухаммед": ("Нурмухаммед", "Нурмухамед", "Нұрмұхаммед"),
    "Мухаммед": ("Мухаммед", "Мухамед", "Мухаммад"),
    "Ибрагим": ("Ибрагим", "Ибрахим", "Ибраим"),
}
# Spellings writers use beside the document's (first: the document form, russified or not).
WRITERS = {
    "Бауыржан": ("Бауржан", "Бауыржан"),
    "Ержан": ("Эржан",),
    "Ерлан": ("Эрлан",),
    "Ерболат": ("Ерболот",),
    "Жанибек": ("Жанибек", "Жәнібек"),
    "Артем": ("Артём",),
    "Наталья": ("Наталия",),
    "Данияр": ("Даниар",),
    "Әділет": ("Адилет", "Адиль"),
    "Дәурен": ("Даурен",),
    "Нұрсұлтан": ("Нурсултан", "Нұрсултан"),
}


def russify(text: str) -> str:
    """Kazakh letters to the Russian ones offices type (Серікұлы → Серикулы, Айгүл → Айгуль)."""
    plain = text.translate(_RUSSIFY)
    if text.endswith(("гүл", "Гүл", "Әсел")):
        plain += "ь"  # Айгуль, Асель: Russian marks the soft final л
    return plain


def surname_of(name: str, sex: str) -> str:
    """A family name formed from a forefather's or father's name: Сәрсен → Сәрсенов, Жұмабай → Жұмабаев."""
    if name.endswith("й"):
        base = name[:-1] + "ев"
    elif name[-1] in "ыі":
        base = name[:-1] + "иев"
    elif name[-1] in "аеәи":
        base = name + "ев"
    else:
        base = name + "ов"
    return base + "а" if sex == "F" else base


def kazakh_patronymic(father: str, sex: str) -> str:
    """Серік → Серікұлы / Серікқызы (written as one word, as documents do since the 1990s)."""
    return father + ("ұлы" if sex == "M" else "қызы")


def russian_patronymic(father: str, sex: str) -> str:
    """A Russian-style patronymic from any father's name: Сергей → Сергеевич, Серик → Серикович, Иса → Исаевич."""
    if father == "Дмитрий":
        stem, male, female = "Дмитри", "евич", "евна"
    elif father.endswith("ий"):
        stem, male, female = father[:-2], "ьевич", "ьевна"
    elif father.endswith(("й", "ь")):
        stem, male, female = father[:-1], "евич", "евна"
    elif father in ("Никита", "Илья"):
        stem, male, female = father[:-1], "ич", "ична"
    elif father[-1] in _VOWELS or father[-1] in "жшчщц":
        stem, male, female = father, "евич", "евна"
    else:
        stem, male, female = father, "ович", "овна"
    return stem + (male if sex == "M" else female)


def to_latin_2018(text: str) -> str:
    """Cyrillic (Kazakh or Russian) in the 2018 Latin alphabet, word by word, first letter capital."""
    words = []
    for word in text.split(" "):
        latin = "".join(LATIN_2018.get(ch, ch) for ch in word.lower())
        words.append(latin[:1].upper() + latin[1:])
    return " ".join(words)


def to_passport(text: str) -> str:
    """Cyrillic as a passport's machine-readable Latin: ЖАНИБЕКОВ → ZHANIBEKOV."""
    return "".join(PASSPORT.get(ch, ch.upper()) for ch in text.lower())


def strip_diacritics(text: str) -> str:
    """The 2018 Latin typed without its accents, by sound (á → a, ǵ → g, ý → u, ı → i), as clerks often do."""
    return text.translate(str.maketrans("áǵńóúýıÁǴŃÓÚÝ", "agnouuiAGNOUU"))


def religious_form(rng: random.Random, name: str) -> str:
    """An imam's spelling of an Arabic-origin name (any of its forms); other names as given."""
    forms = ARABIC_FORMS.get(name)
    return rng.choice(forms) if forms else name


def writer_form(rng: random.Random, name: str) -> str:
    """A spelling a volunteer might use instead of the document's (Бауыржан → Бауржан), or the name itself."""
    forms = WRITERS.get(name)
    return rng.choice(forms) if forms else name
