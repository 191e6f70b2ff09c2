"""Name corpora, places, spellings and the IIN for the ``caravan`` generator.

Every name here is a generic given name or a family name formed from one; people are made by combining
them at random, so no row describes a real person. A corpus lists names roughly from common to rare:
``pick`` draws with weights falling off by rank, which is what makes namesakes as frequent as in real
lists of Kazakh men of one generation (a few common names carry a large share of everyone).

Kazakh names are stored in Kazakh spelling (Серік, Нұрлан); ``russify`` gives the spelling Russian
paperwork uses (Серик, Нурлан). Family names of Kazakhs are formed from an ancestor's given name
(``family_from``), which is why a family name, a father's name and a patronymic often share a stem.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass


def words(text: str) -> tuple[str, ...]:
    """A corpus written as one string of space-separated words (shorter to read than a list literal)."""
    return tuple(text.split())


# Kazakh given names by sex, and the older generation's names (fathers, and ancestors of families).
KZ_MEN = words("Ерлан Нұрлан Серік Асхат Ержан Бауыржан Дәурен Азамат Айдос Жандос Мұрат Арман Ербол Данияр "
          "Қайрат Талғат Дархан Асылбек Бекзат Ермек Самат Ерасыл Мақсат Жасұлан Әділет Болат Руслан "
          "Тимур Ғалым Әлихан Ілияс Нұржан Ақжол Бейбіт Ерік Жарқын Нұрболат Олжас Рауан Сұлтан Темірлан "
          "Шыңғыс Ерболат Есет Қанат Жәнібек Алмас Әсет Ғани Мейіржан Елдос Нұрбек Дидар Бағдат Медет")
KZ_WOMEN = words("Айгүл Гүлнара Жанар Айжан Динара Сәуле Әсел Мәдина Гүлмира Ақмарал Назерке Айнұр Салтанат "
            "Жұлдыз Ботагөз Аружан Меруерт Дана Жансая Әйгерім Ләззат Балнұр Перизат Томирис")
KZ_ELDERS = words("Ахмет Серік Бақыт Ермек Қанат Мұхтар Жұмабай Төлеген Сейіт Қасым Оспан Әбдірахман Нұрлан "
             "Болат Қайрат Марат Бекет Амангелді Сәрсен Есен Жақсылық Құрманғали Мейрам Дәулет Тұрсын "
             "Әбіл Байжан Ысқақ Омар Ержан Сағындық Мұқан Бекмұрат Көпбай Тоқтар Әлібек Дүйсен Нұрмахан "
             "Жанболат Садық Рахым Әміржан Бердібек Исатай Шәріп Қуаныш Мырзахмет Ілияс Бейсен Ғабит")

_VOWELS = frozenset("аеёиоуыэюяәөұүі")

# Compound names (Ер+лан, Нұр+болат, Жұма+бай) make the long tail: thousands of rarer names behind the
# common ones, as real name registers have, so full-name namesakes are as rare as they really are.
_MEN_HEADS = words("Ер Нұр Бек Асыл Жан Дос Қуан Ай Ақ Бақ Ел Мейір Сая Алтын Ғалым Әсем Темір Қайыр Жас Ор")
_MEN_TAILS = words("лан болат жан бек ғали хан дос ұлан тай нұр сұлтан мұрат")
_WOMEN_HEADS = words("Ай Гүл Жан Ақ Сәу Нұр Бал Ару Дин Мөл Шол Құн Жібек Ая Ал")
_WOMEN_TAILS = words("гүл жан нұр мира сая ерке ару бота сұлу ай тана зада")
_ELDER_HEADS = words("Жұма Төле Сейіт Құрман Есен Сәт Қожа Ораз Тұрсын Әбді Қыдыр Кен Абыл Айт Жақып Мұса Иса Шай Тоқ "
                "Бай Сары Ес Ыбырай Әли Мақ Бер Дәу Жол Тілеу Сыздық Үсен Қали")
_ELDER_TAILS = words("бай бек ғали хан жан құл тай бар ахмет қали мұрат")


def _compounds(common: Sequence[str], heads: Sequence[str], tails: Sequence[str]) -> tuple[str, ...]:
    """``common`` first (by rank), then every head+tail compound not already there, shuffled by a fixed
    stream so the tail's order does not follow the alphabet."""
    seen = set(common)
    tail = sorted({h + t for h in heads for t in tails
                   if h.lower() not in (t, t[:-1]) and not (h[-1] in _VOWELS and t[0] in _VOWELS)} - seen)
    random.Random("caravan-corpus").shuffle(tail)
    return (*common, *tail)


# Other peoples of Kazakhstan: (men, women, fathers, family names or family stems).
RU_MEN = words("Александр Дмитрий Сергей Андрей Алексей Владимир Евгений Максим Николай Игорь Олег Виктор Денис Роман")
RU_WOMEN = words("Елена Ольга Татьяна Наталья Ирина Светлана Анна Юлия")
RU_FATHERS = words("Александр Сергей Владимир Николай Виктор Юрий Анатолий Иван Петр Михаил Геннадий Василий")
RU_FAMILIES = words("Иванов Кузнецов Попов Смирнов Ткаченко Коваленко Морозов Волков Лебедев Соколов Новиков "
               "Федоров Павлов Семенов Шевченко Бондаренко Захаров Белов Тарасов Зайцев Литвиненко Орлов "
               "Киселев Макаров Андреев Ковалев Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев "
               "Степанов Яковлев Сорокин Сергеев Романов Лазарев Медведев Ершов Никитин Соболев Рябов Поляков "
               "Цветков Данилов Жуков Фролов Журавлев Николаев Крылов Максимов Осипов Белоусов Федотов Дорофеев "
               "Егоров Матвеев Бобров Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров Веселов "
               "Филиппов Марков Большаков Суханов Миронов Ширяев Александров Коновалов Шестаков Казаков "
               "Ефимов Денисов Громов Фомин Давыдов Мельников Щербаков Блинов Колесников Карпов Афанасьев "
               "Власов Маслов Исаков Тихонов Аксенов Гаврилов Родионов Котов Горбунов Кудряшов Быков Зуев "
               "Третьяков Савельев Панов Рыбаков Суворов Абрамов Воронов Мухин Архипов Трофимов Мартынов")
UG_MEN = words("Ильяр Дильшат Алим Шухрат Рашид Ахмаджан Эркин Абдулла Исмаил Мурат Нурмухаммед Илхам Арслан "
          "Бахтияр Дилмурат Пархат Шерзат Азат Адил Ильшат Нурлан Кахриман Ирфан Аблимит Хамит")
UG_WOMEN = words("Гульнур Дилнур Паризат Мадина Гульбахрам")
UG_ELDERS = words("Турсун Касым Ахмед Юсуп Исмаил Садык Абдурахман Мамут Нурахун Розахун Хашим Сабит Ибрагим Муса "
             "Абдукерим Ахун Масим Розы Талип Тохти Умар Хамра Ясин Рахман Мамтим Сайрам Нияз Абла")
UZ_MEN = words("Бахтияр Улугбек Шерзод Жасур Азиз Фарход Рустам Санжар Отабек Бобур Дилшод Жамшид Акмал Анвар "
          "Бекзод Зафар Ислом Комил Мансур Нодир Равшан Сардор Тимур Хуршид Шохрух Элдор")
UZ_WOMEN = words("Дилноза Нигора Мохира Зарина")
UZ_ELDERS = words("Рахим Карим Усман Ташпулат Юлдаш Эргаш Хамид Султан Нормат Мирза Абдулла Бахром Гафур Джура "
             "Ибрагим Исмаил Кадыр Латиф Махмуд Насыр Рашид Сабир Туйчи Файзулла Холмат Шукур Эшмат")
TT_MEN = words("Ренат Ринат Ильдар Рамиль Тимур Марат Айдар Рустем Ильнур Азат Булат Дамир Ильшат Рафаэль Фарит")
TT_WOMEN = words("Гульнара Альфия Лилия Зульфия")
TT_FATHERS = words("Рашит Габдулла Фарид Ильдус Наиль Рифат Ильяс Шамиль")
TT_FAMILIES = words("Хабибуллин Галиев Сафин Гарипов Валиев Закиров Мухаметшин Ахметзянов Шарипов Файзуллин "
               "Гайнуллин Нуриев Сабиров Хайруллин Гильманов Зарипов Мингазов Садыков Юсупов Ибрагимов "
               "Камалов Латыпов Низамов Рахимов Фаттахов Хасанов Шакиров Миннуллин Гатауллин Габдрахманов")
KO_MEN = words("Виктор Сергей Александр Вячеслав Эдуард Роман Владислав Денис Игорь Олег Валерий Константин Артур")
KO_WOMEN = words("Марина Светлана Елена")
KO_FAMILIES = words("Ким Пак Ли Цой Тен Хан Шин Югай Огай Когай Нам Лим")
DE_MEN = words("Андрей Виктор Александр Евгений Вальдемар Иван Давид Артур")
DE_WOMEN = words("Ирина Эльвира Наталья")
DE_FATHERS = words("Иван Яков Виктор Александр Петр Генрих Давид Вальдемар")
DE_FAMILIES = words("Шмидт Мюллер Вебер Шнайдер Фишер Майер Вагнер Беккер Гофман Келлер Рейнгардт Циммерман "
               "Шульц Краузе Мейер Вольф Шредер Нейман Шварц Гартман Ланг Вернер Шмитт Кениг Фогель Френк "
               "Герман Лоренц Отт Зоммер Браун Роот Штейн Гейнц Эрлих Дик Классен Фризен Энс Янцен")

KZ_MEN = _compounds(KZ_MEN, _MEN_HEADS, _MEN_TAILS)
KZ_WOMEN = _compounds(KZ_WOMEN, _WOMEN_HEADS, _WOMEN_TAILS)
KZ_ELDERS = _compounds(KZ_ELDERS, _ELDER_HEADS, _ELDER_TAILS)

# People: (code, share of the dead). Most of the dead were Kazakhs, as in the country's cities.
PEOPLES = (("kz", 0.82), ("ru", 0.07), ("ug", 0.03), ("uz", 0.03), ("tt", 0.02), ("ko", 0.015), ("de", 0.015))

# Russian patronymics of fathers whose names do not take the plain -ович/-овна.
_RU_PATRONYMIC = {"Юрий": "Юрьев", "Анатолий": "Анатольев", "Геннадий": "Геннадьев", "Василий": "Васильев",
                  "Сергей": "Сергеев", "Николай": "Николаев", "Петр": "Петров", "Михаил": "Михайлов",
                  "Яков": "Яковлев", "Ильяс": "Ильясов", "Габдулла": "Габдуллов", "Наиль": "Наилев",
                  "Шамиль": "Шамилев"}

_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


@dataclass(frozen=True)
class Place:
    ru: str  # as Russian paperwork writes it
    kk: str  # in Kazakh
    region: str  # the oblast or city of republican status, in Russian
    weight: float  # share of the dead who died there


PLACES = (
    Place("Алматы", "Алматы", "г. Алматы", 0.62),
    Place("Талдыкорган", "Талдықорған", "Алматинская область", 0.05),
    Place("Каскелен", "Қаскелең", "Алматинская область", 0.03),
    Place("Талгар", "Талғар", "Алматинская область", 0.03),
    Place("Есик", "Есік", "Алматинская область", 0.01),
    Place("Тараз", "Тараз", "Жамбылская область", 0.07),
    Place("Шымкент", "Шымкент", "г. Шымкент", 0.04),
    Place("Кызылорда", "Қызылорда", "Кызылординская область", 0.04),
    Place("Актобе", "Ақтөбе", "Актюбинская область", 0.03),
    Place("Туркестан", "Түркістан", "Туркестанская область", 0.02),
    Place("Жанаозен", "Жаңаөзен", "Мангистауская область", 0.02),
    Place("Актау", "Ақтау", "Мангистауская область", 0.02),
    Place("Караганда", "Қарағанды", "Карагандинская область", 0.02),
)

# Kazakh month names in the genitive-free form lists write ("6 қаңтар 2022").
KZ_MONTHS = words("қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан")
EN_MONTHS = words("January February March April May June July August September October November December")

# Diminutives and nicknames a family or a friend uses instead of the name in the passport.
NICKNAMES = {"Александр": "Саша", "Дмитрий": "Дима", "Сергей": "Серёжа", "Алексей": "Лёша", "Владимир": "Вова",
             "Евгений": "Женя", "Николай": "Коля", "Вячеслав": "Слава", "Владислав": "Влад",
             "Нұрлан": "Нұрик", "Ерлан": "Ерке", "Бауыржан": "Бауке", "Серік": "Сәке", "Ержан": "Ерке",
             "Азамат": "Азик", "Данияр": "Дәке", "Темірлан": "Теміш", "Нұржан": "Нұрик",
             "Ильяр": "Илья", "Рустам": "Рустик", "Тимур": "Тима"}


def pick(rng: random.Random, names: Sequence[str], steep: float = 0.5) -> str:
    """A name drawn with weight 1/rank**steep: the first few of a corpus are the common ones."""
    return rng.choices(names, cum_weights=_cumulative(len(names), steep))[0]


@functools.lru_cache(maxsize=64)
def _cumulative(size: int, steep: float) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (rank + 1) ** steep for rank in range(size)))


def _stem_suffix(stem: str) -> str:
    """-ев after a vowel, й or a hushing consonant, else -ов (Жұмабай → Жұмабаев, Оспан → Оспанов)."""
    if stem.endswith("й"):
        return stem[:-1] + "ев"
    if stem[-1] in "аеиіыуұүәжшщчц":
        return stem + "ев"
    return stem + "ов"


def family_from(ancestor: str, sex: str) -> str:
    """A family name formed from an ancestor's given name, feminine with -а."""
    family = _stem_suffix(ancestor)
    return family + "а" if sex == "F" else family


def feminine(family: str) -> str:
    """The woman's form of a family name; -енко, -ин(-а) and foreign names follow their own rules."""
    if len(family) > 4 and family.endswith(("ов", "ев", "ин", "ын")):
        return family + "а"
    return family


def kz_patronymic(father: str, sex: str) -> str:
    """The Kazakh patronymic: Ахметұлы, Ахметқызы."""
    return father + ("ұлы" if sex == "M" else "қызы")


def ru_patronymic(father: str, sex: str) -> str:
    """The Russian patronymic of any father's name: Серикович, Жумабаевна, Сергеевич, Юрьевич."""
    base = _RU_PATRONYMIC.get(father) or _stem_suffix(russify(father))
    return base + ("ич" if sex == "M" else "на")


def patronymic_as_family(family: str, sex: str) -> str:
    """A Kazakh family name rewritten in the patronymic form some families prefer: Ахметов → Ахметұлы."""
    stem = family[:-1] if family.endswith("а") else family
    if stem.endswith(("ов", "ев")):
        stem = stem[:-2]
        if family.endswith(("аев", "аева", "еев", "еева")):
            stem += "й"
        return stem + ("ұлы" if sex == "M" else "қызы")
    return family


def russify(text: str) -> str:
    """The Russian-keyboard spelling of Kazakh text: Нұрлан → Нурлан, Қасымов → Касымов."""
    return text.translate(_RUSSIFY)


# ---- the IIN --------------------------------------------------------------------------------------

_WEIGHTS_FIRST = tuple(range(1, 12))
_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_check_digit(first_eleven: str) -> int | None:
    """The 12th digit of an IIN: digits weighted 1..11, mod 11; a remainder of 10 is retried with the
    weights 3..11,1,2; a second 10 means no IIN is issued with these eleven digits (None)."""
    digits = [int(c) for c in first_eleven]
    for weights in (_WEIGHTS_FIRST, _WEIGHTS_SECOND):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def make_iin(born: dt.date, sex: str, rng: random.Random) -> str:
    """A valid IIN: YYMMDD, the century-and-sex digit (3/4 for 1900s, 5/6 for 2000s, odd for men), a
    four-digit registration number and the check digit."""
    century = 3 if born.year < 2000 else 5
    head = born.strftime("%y%m%d") + str(century + (sex == "F"))
    while True:
        first_eleven = head + f"{rng.randrange(10000):04d}"
        check = iin_check_digit(first_eleven)
        if check is not None:
            return first_eleven + str(check)


def people_corpus(people: str) -> tuple[Sequence[str], Sequence[str], Sequence[str], Sequence[str] | None]:
    """(men, women, fathers, fixed family names or None when families come from ancestors' names)."""
    return {
        "kz": (KZ_MEN, KZ_WOMEN, KZ_ELDERS, None),
        "ru": (RU_MEN, RU_WOMEN, RU_FATHERS, RU_FAMILIES),
        "ug": (UG_MEN, UG_WOMEN, UG_ELDERS, None),
        "uz": (UZ_MEN, UZ_WOMEN, UZ_ELDERS, None),
        "tt": (TT_MEN, TT_WOMEN, TT_FATHERS, TT_FAMILIES),
        "ko": (KO_MEN, KO_WOMEN, RU_FATHERS, KO_FAMILIES),
        "de": (DE_MEN, DE_WOMEN, DE_FATHERS, DE_FAMILIES),
    }[people]


# ---- Latin spellings --------------------------------------------------------------------------------

_RU_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     words("a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"),
                     strict=True))
# Kazakh Latin of 2021 (as the generator models it): Ә=Ä, Ғ=Ğ, Қ=Q, Ң=Ñ, Ө=Ö, Ұ=Ū, Ү=Ü, Ж=J, Ш=Ş,
# І=ı, Ы=Y, И and Й=i (İ as a capital), Х and Һ=H.
_KZ_2021 = dict(zip("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
                    words("a ä b v g ğ d e io j z i i k q l m n ñ o ö p r s t u ū ü f h h ts ch ş şş _ y ı _ e iu ia"),
                    strict=True))
# What an English-language newsroom types without a scheme: Kazakh letters lose their marks.
_AD_HOC = dict(zip("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
                   words("a a b v g g d e e zh z i y k k l m n n o o p r s t u u u f h h ts ch sh sh _ y i _ e yu ya"),
                   strict=True))
SCHEMES = {"ru": _RU_LATIN, "kz2021": _KZ_2021, "adhoc": _AD_HOC}


def _capital(latin: str, scheme: str) -> str:
    """Upper-case first letter; in the 2021 scheme dotted i and dotless ı keep their dots (İ, I)."""
    if not latin:
        return latin
    head = {"i": "İ", "ı": "I"}.get(latin[0], latin[0].upper()) if scheme == "kz2021" else latin[0].upper()
    return head + latin[1:]


def latin(text: str, scheme: str) -> str:
    """``text`` in one Latin scheme; the Russian one writes Е as Ye after a vowel or at a word start."""
    table = SCHEMES[scheme]
    source = russify(text) if scheme == "ru" else text
    out: list[str] = []
    previous = " "
    for char in source:
        lower = char.lower()
        piece = table.get(lower, char).replace("_", "")
        if scheme == "ru" and lower == "е" and (previous in _VOWELS or not previous.isalpha()):
            piece = "ye"
        out.append(_capital(piece, scheme) if char != lower else piece)
        previous = lower
    return "".join(out)


# ---- errors of retyping and of OCR -------------------------------------------------------------------

_KEY_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_LOOK_ALIKE = dict(zip("АВЕКМНОРСТХаеорсхуі", "ABEKMHOPCTXaeopcxyi", strict=True))


def _neighbour(char: str, rng: random.Random) -> str:
    for row in _KEY_ROWS:
        at = row.find(char.lower())
        if at >= 0:
            near = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            return rng.choice(near)
    return char


def retype(word: str, rng: random.Random) -> str:
    """One slip of a typist inside a word (never its first letter): a letter dropped, doubled, swapped
    with the next, or hit on its neighbour key."""
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("drop", "double", "swap", "neighbour"))
    if slip == "drop":
        return word[:at] + word[at + 1:]
    if slip == "double":
        return word[:at] + word[at] + word[at:]
    if slip == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return word[:at] + _neighbour(word[at], rng) + word[at + 1:]


def look_alikes(text: str, rng: random.Random, share: float) -> str:
    """Cyrillic letters read back as the Latin letters they look like (a scan through OCR, or a clerk
    switching keyboard layouts): each look-alike letter is swapped with probability ``share``."""
    return "".join(_LOOK_ALIKE[c] if c in _LOOK_ALIKE and rng.random() < share else c for c in text)
