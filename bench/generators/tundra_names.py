"""Names for the ``tundra`` generator: an invented, ranked corpus and the ways lists respell it.

Every name here is a common given name or a family name built from one; no person is described. Ranks
follow a Zipf law with a steep head (a handful of Kazakh given names such as Нурлан, Ерлан, Асель cover
a large share), so namesakes appear at the rate a real list of thousands shows. Family names are built
from a forefather's given name (Серік → Сериков / Серікова, or Серікұлы / Серікқызы for the young),
which is how most Kazakh family names arose, and why a family name and a given name often share a stem.
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Kazakh given names, most common first (the order is the rank; spellings are the Kazakh ones).
KAZ_MALE = _words(
    "Нұрлан Ерлан Дәурен Бауыржан Асқар Серік Қайрат Ержан Мұрат Ақжол Ерболат Дидар Жандос Ғалым Арман "
    "Талғат Самат Бекзат Нұржан Әділет Руслан Марат Ерасыл Мейрам Азамат Жасұлан Абылай Бақытжан Дархан "
    "Ернар Жанболат Қанат Мақсат Нұрсұлтан Ғабит Есбол Жұмабек Төлеген Бейбіт Ілияс Қуаныш Өмірзақ Сәкен "
    "Темірлан Шыңғыс Алмас Ербол Нұрбек Әлібек Бекболат Ерғали Жақсылық Рахат Тимур Айдос Ілес Медет "
    "Олжас Сұлтан Ақылбек Саят Елдос Асылбек Мирас Досжан Нұрдәулет Әзиз Бақберген Жансерік Құдайберген")
KAZ_FEMALE = _words(
    "Әсел Гүлнара Айгүл Жұлдыз Динара Сәуле Айжан Мадина Ақмарал Гүлмира Айнұр Назерке Балжан Жанар "
    "Ләззат Шынар Ақбота Дана Меруерт Әйгерім Гүлшат Сандуғаш Жібек Ботагөз Анар Тоғжан Қарлығаш Ұлжан "
    "Айдана Перизат Нұргүл Салтанат Бибігүл Күләш Раушан Арайлым")
RUS_MALE = _words(
    "Александр Сергей Дмитрий Андрей Алексей Владимир Евгений Николай Игорь Денис Виталий Павел "
    "Максим Олег Роман Юрий Вячеслав Константин Артём Станислав")
RUS_FEMALE = _words("Елена Ольга Татьяна Наталья Ирина Светлана Анна Екатерина Марина Юлия Людмила Вера")
RUS_FAMILY = _words(
    "Иванов Кузнецов Попов Смирнов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
    "Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров "
    "Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Белоусов "
    "Ткаченко Бондаренко Шевченко Ким Пак Цой Шмидт Гейер")
# Uzbek, Uyghur and Tatar families: given names and stems of their own, russified endings.
OTHER_MALE = _words("Рустам Шухрат Ильхам Дилшод Фаррух Ринат Ильдар Азат Абдулла Рашид")
OTHER_FEMALE = _words("Дилноза Гульчехра Зарина Лейла Альфия Резеда Мукаддас")
OTHER_FAMILY = _words(
    "Юсупов Каримов Рахимов Хамраев Исмаилов Мамедов Абдуллаев Насыров Хасанов Гарипов Зарипов "
    "Мусаев Турсунов Азизов")
# Family stems taken from forefathers' names that are rare as given names today.
KAZ_OLD_STEMS = _words(
    "Жақып Нұрпейіс Ақыш Тұрсын Омар Есім Қожахмет Бекмұхамбет Сейіт Байжан Әбдірахман Жүсіп "
    "Мұқан Тоқтар Кенже Сарсен Шәкен Оспан Құрман Мамыр Жұмаш Әміре Ыбырай Дүйсен")

# The long tail: compound names built the way Kazakh names are (Ақ + болат, Гүл + жан), and Russian
# family names from common roots. Ranked after the common names, so they are rare one by one but,
# together, a large share: this is what keeps namesakes at a realistic rate in lists of thousands.
_MALE_HEADS = _words("Ақ Ер Нұр Жан Бек Қара Ай Сұлтан Темір Ал Есен Бай Ораз Жол Құт Әли Қыдыр Мұрат Төле Жар")
_MALE_TAILS = _words("бек болат жан хан ғали бай тай сейіт ғазы әлі кен мұрат бол ұлан нияз жігіт")
_FEMALE_HEADS = _words("Ай Гүл Ақ Нұр Жан Бал Ұл Мөл Сая Ару")
_FEMALE_TAILS = _words("гүл жан сұлу бибі нұр дана ару күміс")
_RUS_ROOTS = _words("Бел Черн Сед Голуб Жук Комар Лис Медвед Бык Гус Орех Калин Малин Рябин Берез Дуб Лип Сосн Гор "
                    "Бор Лес Зим Март Суббот Крыл Клюв Хвост Нос Зуб Кот Волк Сом Щук Карп Ерш Чиж Грач Дрозд Скворц "
                    "Кулик Сорок Журавл Лебедь Снегир Гончар Плотник Мельник Рыбак Кузнец Пастух Мясник Сапож Ткач "
                    "Бондар Шапош Колесник Пекар Токар Лапт")


def _compounds(heads: tuple[str, ...], tails: tuple[str, ...], known: tuple[str, ...]) -> tuple[str, ...]:
    made = [head + tail for head in heads for tail in tails if head.lower() != tail and head + tail not in known]
    random.Random(2022).shuffle(made)  # fixed: the corpus is the same for every seed
    return tuple(dict.fromkeys(made))


KAZ_MALE_TAIL = _compounds(_MALE_HEADS, _MALE_TAILS, KAZ_MALE)
KAZ_FEMALE_TAIL = _compounds(_FEMALE_HEADS, _FEMALE_TAILS, KAZ_FEMALE)
RUS_FAMILY_TAIL = tuple(root + ("ин" if index % 3 == 1 else "ов") for index, root in enumerate(_RUS_ROOTS)
                        if root + "ов" not in RUS_FAMILY and not root.endswith("ь")) + tuple(
                        root[:-1] + "ев" for root in _RUS_ROOTS if root.endswith("ь"))

_KAZ_TO_RUS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_RUS_SOFTEN = {"Дәурен": "Даурен", "Нұрсұлтан": "Нурсултан", "Ілияс": "Ильяс", "Әсел": "Асель",
               "Әділет": "Адилет", "Гүлнара": "Гульнара", "Айгүл": "Айгуль", "Ләззат": "Ляззат", "Күләш": "Куляш",
               "Бибігүл": "Бибигуль", "Нұргүл": "Нургуль", "Гүлмира": "Гульмира", "Гүлшат": "Гульшат",
               "Әйгерім": "Айгерим", "Ботагөз": "Ботагоз", "Жібек": "Жибек", "Әлібек": "Алибек",
               "Айнұр": "Айнур", "Ұлжан": "Улжан"}


def zipf_weights(count: int, steepness: float, flatten: float = 0.0) -> list[float]:
    """Zipf–Mandelbrot weights: ``flatten`` keeps the very top from taking an implausible share."""
    return [1.0 / ((rank + flatten) ** steepness) for rank in range(1, count + 1)]


def russify(name: str) -> str:
    """How a Russian-language document spells a Kazakh name: special letters dropped, soft signs added."""
    return _RUS_SOFTEN.get(name) or name.translate(_KAZ_TO_RUS)


def family_from(forefather: str, sex: str, style: str) -> str:
    """A family name from a forefather's given name, in the documents' own spelling.

    ``style`` is "ov" (Сериков), "ovkaz" (Серіков: Kazakh letters kept) or "uly" (Серікұлы / Серікқызы).
    """
    if style == "uly":
        return forefather + ("ұлы" if sex == "M" else "қызы")
    stem = forefather if style == "ovkaz" else russify(forefather)
    tail = "ов"
    if stem[-1] in "йь":  # Абылай → Абылаев
        stem, tail = stem[:-1], "ев"
    elif stem[-1] in "аеэяиіжшщчц":  # Абдулла → Абдуллаев, Кенже → Кенжеев
        tail = "ев"
    elif stem[-1] in "оуыұүө":
        tail = "в"
    return stem + tail + ("а" if sex == "F" else "")


def feminine(family: str) -> str:
    """The wife's form of a husband's family name (Ахметов → Ахметова; Ким stays Ким)."""
    if family.endswith("ұлы"):
        return family[:-3] + "қызы"
    if family.endswith(("ов", "ев", "ин", "ёв")):
        return family + "а"
    return family


def patronymic(father: str, sex: str) -> str:
    """The Russian-style patronymic of a father's given name (Серік → Серикович / Сериковна)."""
    stem = russify(father)
    if stem.endswith("ий"):
        stem = stem[:-2] + "ь"
        return stem[:-1] + ("ьевич" if sex == "M" else "ьевна")
    if stem.endswith("й"):
        return stem[:-1] + ("евич" if sex == "M" else "евна")
    if stem.endswith("а"):  # Абдулла → Абдуллаевич
        return stem + ("евич" if sex == "M" else "евна")
    return stem + ("ович" if sex == "M" else "овна")


def kazakh_patronymic(father: str, sex: str) -> str:
    """The Kazakh form an NGO writes: Серікұлы / Серікқызы."""
    return father + ("ұлы" if sex == "M" else "қызы")


# Three Latin habits: Russian passport style (ICAO), Kazakh Latin of 2021, and reporters' English by ear.
_PASSPORT = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
             "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
             "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
             "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
             "ю": "iu", "я": "ia"}
_LATIN2021 = dict(_PASSPORT, **{"ә": "ä", "ғ": "ğ", "ж": "j", "й": "i", "қ": "q", "ң": "ñ", "ө": "ö", "у": "u",
                                "ұ": "ū", "ү": "ü", "х": "h", "ш": "ş", "ч": "ç", "ы": "y", "і": "ı", "ю": "iu",
                                "я": "ia", "ц": "ts", "щ": "şş"})
_BY_EAR = dict(_PASSPORT, **{"й": "y", "ю": "yu", "я": "ya", "х": "kh", "ё": "yo", "щ": "sch"})


def to_latin(name: str, scheme: str) -> str:
    """Spell a Cyrillic name in Latin by ``scheme`` ("passport", "latin2021" or "by_ear")."""
    table = {"passport": _PASSPORT, "latin2021": _LATIN2021, "by_ear": _BY_EAR}[scheme]
    out = []
    for index, char in enumerate(name):
        low = char.lower()
        piece = table.get(low, low)
        if scheme == "by_ear":
            if low == "е" and (index == 0 or name[index - 1].lower() in "аеоуыэяюиәөұүі"):
                piece = "ye"
            if low == "с" and 0 < index < len(name) - 1 and name[index - 1].lower() in "аеиоуәі" \
                    and name[index + 1].lower() in "аеиоуыә":
                piece = "ss"  # Asel → Assel, as English-language media often write it
        out.append(piece.capitalize() if char.isupper() and piece else piece)
    return "".join(out)


def _neighbours(rows: tuple[str, ...]) -> dict[str, str]:
    """Each key to the key right of it on its keyboard row (the last to the one left of it)."""
    near = {}
    for row in rows:
        for at, key in enumerate(row):
            near[key] = row[at + 1] if at + 1 < len(row) else row[at - 1]
    return near


_NEAR_CYR = _neighbours(("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"))
_NEAR_LAT = _neighbours(("qwertyuiop", "asdfghjkl", "zxcvbnm"))


def typo(text: str, rng: random.Random) -> str:
    """One slip a person typing a name makes: a neighbouring key, a dropped or doubled letter, a swap."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 4:
        return text
    at = rng.choice(letters[1:])
    kind = rng.random()
    char = text[at]
    if kind < 0.35:
        near = _NEAR_CYR if "а" <= char.lower() <= "я" else _NEAR_LAT
        swap = near.get(char.lower(), char.lower())
        return text[:at] + (swap.upper() if char.isupper() else swap) + text[at + 1:]
    if kind < 0.6:
        return text[:at] + text[at + 1:]
    if kind < 0.8:
        return text[:at] + char + text[at:]
    if at + 1 < len(text) and text[at + 1].isalpha():
        return text[:at] + text[at + 1] + char + text[at + 2:]
    return text


def kazakh_letters_lost(text: str) -> str:
    """Kazakh letters typed on a Russian keyboard (Жұлдыз → Жулдыз), without the soft signs of a document."""
    return text.translate(_KAZ_TO_RUS)
