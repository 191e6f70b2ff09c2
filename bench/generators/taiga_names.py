"""Name corpora and name forms for the ``taiga`` generator.

Nobody here is a real person: given names are common ones, and every family name is formed from a
given name (a forefather's) the way Kazakh, Russian, Uzbek, Uyghur and Tatar surnames are, then checked
against a small list of public figures' surnames so that no well-known surname is produced. Korean
families of Kazakhstan carry a handful of clan names shared by hundreds of thousands, which cannot
identify anyone. Names are ranked: earlier entries are drawn far more often (Zipf-like), so namesakes
appear as they do in real lists of thousands.
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate


def _words(text: str) -> list[str]:
    """A corpus written as prose: one name per word, ranked by position."""
    return text.split()


# Kazakh names are kept in Kazakh spelling; documents and Russian lists russify them (see ``russify``).
KAZAKH_MEN = _words(
    "Ерлан Нұрлан Серік Қайрат Бауыржан Асхат Ержан Дәурен Арман Мұрат Данияр Жандос Ерболат Бекзат Азамат "
    "Айбек Нұрбек Талғат Ғалым Марат Руслан Тимур Олжас Қанат Болат Жасұлан Алмас Ербол Бақыт Мейрам "
    "Нұржан Санжар Ақжол Әділет Әлібек Темірлан Досжан Жұмабек Мақсат Рахат Ерасыл Жәнібек Айдос Асқар "
    "Берік Дархан Қуаныш Мұхтар Сәкен Сұлтан Теміржан Шыңғыс Ілияс Әсет Еркін Ерсін Жалғас Бекжан Әлихан "
    "Арсен Диас Ерғали Нұрасыл Ернар Аслан Бағдат Ақылбек Жанат Ғабит Мирас Әділ Думан Бейбіт Ерзат Қалжан "
    "Самат Аян Абылай Нұрдаулет Ерқанат Төлеген Ермек Сабыр Дінмұхамед Елдос Аманжол Жарас Серікбол"
)
KAZAKH_WOMEN = _words(
    "Айгүл Гүлнар Динара Әйгерім Жанар Сәуле Назерке Ақмарал Мадина Айнұр Гүлмира Жазира Салтанат Ләззат "
    "Ботагөз Перизат Аружан Дана Айжан Арайлым Мөлдір Гүлжан Роза Айсұлу Шынар Балжан Қарлығаш Жұлдыз Ақбота "
    "Асель Меруерт Күләш Бибігүл Айман Толқын Раушан"
)
# Forefathers' names from which Kazakh family names are formed (older names, many ending in -бай).
KAZAKH_ELDERS = _words(
    "Омар Сейіт Жақып Оспан Ыбырай Тұрсын Қалдыбай Есенбай Жұмабай Байжан Құсайын Әбіл Смағұл Сәрсен "
    "Әлім Бейсен Жүсіп Ибрагим Қожахмет Ермек Сапар Тоқтар Ысқақ Исабек Қыдыр Дүйсен Рысбек Тілеу Байбол "
    "Ержан Серік Нұрлан Мұрат Қайрат Болат Бақыт Берік Жұмаш Әбдірахман Мұса Иса Әли Ахмет Түсіп Рақым "
    "Жолдас Бекет Қуандық Төлеу Шәріп Әубәкір Байдәулет Нұрмұхамед Сұлтанбек Кенжебай Жексен "
    "Әмір Қасым Темір Асан Үсен Садық Дәулет Елубай Мырзахмет Оразбай Шәкен Көшербай Нұржан Бекмырза"
)
# Compound names (Есен+бай, Жұма+бек) give the long tail of Kazakh surnames; drawn after the elders above.
_PREFIXES = _words("Есен Жұма Төле Кенже Сары Ақ Қара Ораз Құл Әбді Мырза Дос Жан Тұрсын Сейіт Ай Тілеу Бақ Нұр")
_SUFFIXES = _words("бай бек хан ғали жан болат мұрат тай тас бол")
KAZAKH_COMPOUNDS = tuple(prefix + suffix for suffix in _SUFFIXES for prefix in _PREFIXES)
RUSSIAN_MEN = _words("Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Николай Виктор Игорь Юрий Михаил "
                     "Олег Денис Максим Павел Роман Вячеслав Константин Геннадий Иван Василий Пётр")
RUSSIAN_WOMEN = _words("Елена Ольга Татьяна Наталья Светлана Ирина Анна Марина Людмила Галина Юлия Оксана")
UZBEK_MEN = _words("Шерзод Улугбек Бахтиёр Фарход Жасур Акмал Рустам Дилшод Азиз Отабек Бобур Нодир Ильхом Санжар "
                   "Жахонгир Баходир Равшан Хуршид Фаррух Мирзо Тимур Абдували")
UZBEK_WOMEN = _words("Дилноза Гулноза Нилуфар Феруза Шахноза Мохира")
UYGHUR_MEN = _words("Азат Турсун Ахмаджан Нурмамат Абдурахман Абдулла Алимжан Ильяр Мухтар Шухрат Дильмурат Абдумалик "
                    "Мамут Нурахмет Батур Эркин Хамит Касым Ибрахим")
UYGHUR_WOMEN = _words("Парида Гулнара Айгуль Рехима Зульфия Мадина")
TATAR_MEN = _words("Ринат Рустем Ильдар Айдар Рамиль Марсель Ильшат Фарит Хабибулла Равиль Наиль Гали Рашит Зуфар "
                   "Ильнур Фаизулла Марат Рафаэль")
TATAR_WOMEN = _words("Гульнара Альфия Резеда Лейсан Гузель Эльвира")
KOREAN_CLANS = _words("Ким Пак Ли Цой Хан Тен Шин Югай Нам Когай Пай Хегай")

# Surnames of well-known public figures (masculine, russified, lower case) that must never be formed.
FAMOUS = frozenset(_words(
    "назарбаев токаев масимов мамин смаилов бектенов сагинтаев ахметов кулибаев ашимбаев тасмагамбетов "
    "нурмагамбетов абаев ермекбаев тургумбаев сапарбаев кошанов жумагалиев кунанбаев ауэзов ауезов сатпаев "
    "сатбаев байтурсынов уалиханов алтынсарин абылаев кенесарин путин медведев лавров шойгу мишустин песков "
    "каримов мирзиёев алиев шаймиев минниханов головкин ильин ивановский исекешев умаров байбеков"
))

_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_SOFT_ENDINGS = ("й", "ж", "ш", "ч", "щ", "ц", "а", "е", "и", "ы", "я", "у")


def russify(word: str) -> str:
    """Kazakh letters to the Russian ones documents used before the 2000s (Серік → Серик)."""
    return word.translate(_RUSSIFY)


def famous(family: str) -> bool:
    """Whether a family name (either sex, any spelling) is a blocked public figure's surname."""
    plain = russify(family.lower())
    for ending, masculine in (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("қызы", "ұлы"), ("кызы", "улы")):
        if plain.endswith(ending):
            plain = plain[: -len(ending)] + masculine
    return plain in FAMOUS or plain.removesuffix("улы") + "ов" in FAMOUS or plain.removesuffix("улы") + "ев" in FAMOUS


def surname_from(elder: str, sex: str, community: str = "kazakh") -> str:
    """The family name a forefather's given name gives (Серік → Серіков/Серікова; Қалдыбай → Қалдыбаев)."""
    if community == "tatar" and elder.endswith("а"):
        stem = elder[:-1] + "ин"  # Хабибулла → Хабибуллин
        return stem if sex == "M" else stem + "а"
    if elder.endswith(("ь", "й")):
        base = elder[:-1] + "ев"
    elif elder.endswith(_SOFT_ENDINGS):
        base = elder + "ев"
    else:
        base = elder + "ов"
    return base if sex == "M" else base + "а"


def kazakh_patronymic_family(family: str, sex: str) -> str:
    """The Kazakh form of a family name an NGO may write: Ахметов → Ахметұлы, Ахметова → Ахметқызы."""
    for ending in ("ова", "ева", "ов", "ев"):
        if family.endswith(ending):
            stem = family[: -len(ending)]
            if ending.startswith("е") and stem.endswith("а"):
                stem = stem + "й"  # Қалдыбаев → Қалдыбайұлы
            return stem + ("ұлы" if sex == "M" else "қызы")
    return family


def russian_patronymic(father: str, sex: str) -> str:
    """A Russian-style patronymic from a father's given name (Серик → Серикович, Сериковна)."""
    father = russify(father)
    irregular = {"Пётр": "Петр", "Павел": "Павл"}
    father = irregular.get(father, father)
    if father.endswith("й"):
        stem, male, female = father[:-1], "евич", "евна"
    elif father.endswith(("а", "я", "ж", "ш", "ч", "ц")):
        stem, male, female = father, "евич", "евна"
    else:
        stem, male, female = father, "ович", "овна"
    return stem + (male if sex == "M" else female)


def kazakh_patronymic(father: str, sex: str) -> str:
    """Kazakh patronymic in its own script: Серік → Серікұлы, Серікқызы."""
    return father + ("ұлы" if sex == "M" else "қызы")


class Ranked:
    """Draws from a ranked list with weights 1/(rank+shift)**power: a heavy head and a long tail."""

    def __init__(self, items: tuple[str, ...] | list[str], power: float = 0.7, shift: float = 2.0) -> None:
        self.items = list(items)
        self.cumulative = list(accumulate(1.0 / (rank + shift) ** power for rank in range(len(self.items))))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


COMMUNITIES: dict[str, dict[str, object]] = {
    # weight among the dead, given names by sex, forefathers' names for surnames
    "kazakh": {"weight": 0.80, "M": Ranked(KAZAKH_MEN, 0.6, 3.0), "F": Ranked(KAZAKH_WOMEN, 0.6, 3.0),
               "elders": Ranked(KAZAKH_ELDERS + KAZAKH_MEN[:30] + list(KAZAKH_COMPOUNDS), 0.6, 4.0)},
    "russian": {"weight": 0.08, "M": Ranked(RUSSIAN_MEN), "F": Ranked(RUSSIAN_WOMEN),
                "elders": Ranked(RUSSIAN_MEN, 0.8)},
    "uzbek": {"weight": 0.04, "M": Ranked(UZBEK_MEN), "F": Ranked(UZBEK_WOMEN), "elders": Ranked(UZBEK_MEN, 0.8)},
    "uyghur": {"weight": 0.04, "M": Ranked(UYGHUR_MEN), "F": Ranked(UYGHUR_WOMEN),
               "elders": Ranked(UYGHUR_MEN, 0.8)},
    "tatar": {"weight": 0.025, "M": Ranked(TATAR_MEN), "F": Ranked(TATAR_WOMEN), "elders": Ranked(TATAR_MEN, 0.8)},
    "korean": {"weight": 0.015, "M": Ranked(RUSSIAN_MEN), "F": Ranked(RUSSIAN_WOMEN),
               "elders": Ranked(KOREAN_CLANS, 1.2)},
}
RUSSIAN_SURNAME_FIXES = {"Пётров": "Петров", "Павелов": "Павлов", "Юриев": "Юрьев", "Василиев": "Васильев",
                         "Евгениев": "Евгеньев", "Геннадиев": "Геннадьев"}


def family_name(community: str, elder: str, sex: str) -> str:
    """A family name for someone whose line goes back to ``elder``; Korean clan names do not decline."""
    if community == "korean":
        return elder
    formed = surname_from(elder, sex, community)
    masculine = formed[:-1] if sex == "F" else formed
    fixed = RUSSIAN_SURNAME_FIXES.get(masculine, masculine)
    return fixed + "а" if sex == "F" else fixed


def draw_community(rng: random.Random) -> str:
    names = list(COMMUNITIES)
    return rng.choices(names, weights=[COMMUNITIES[n]["weight"] for n in names])[0]  # type: ignore[misc]


def draw_given(rng: random.Random, community: str, sex: str) -> str:
    return COMMUNITIES[community][sex].draw(rng)  # type: ignore[union-attr]


def draw_family(rng: random.Random, community: str, sex: str) -> tuple[str, str]:
    """A (forefather, family name) pair whose family name is not a public figure's."""
    while True:
        elder = COMMUNITIES[community]["elders"].draw(rng)  # type: ignore[union-attr]
        family = family_name(community, elder, sex)
        if not famous(family):
            return elder, family
