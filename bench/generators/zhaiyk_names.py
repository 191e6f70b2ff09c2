"""Name tables for ``zhaiyk``, written by hand for this generator, and the rules that form family names.

Every table is ranked (commonest first) and drawn with Zipf-Mandelbrot weights, so a few names carry
much of the mass and namesakes are common at tens of thousands of people, as in real lists. Kazakh
names are kept in Kazakh letters; the Russian spellings are derived (``russify``) so that every list can
spell one person from one canonical form. Family names are built, not listed: from a forefather's
name (Серік → Серіков), from the father's name (Серікұлы) or bare (Серік), and checked against a short
blocklist of public figures' surnames so that no generated person bears one.
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate


def _words(text: str) -> tuple[str, ...]:
    """A table written as one string of names, for legibility."""
    return tuple(text.split())


KAZAKH_MEN = _words(
    "Ерлан Нұрлан Асхат Бауыржан Дәурен Ержан Серік Талғат Мұрат Айдос Ербол Қайрат Дархан Ернар Нұржан "
    "Руслан Ерболат Бекзат Әділет Жандос Марат Азамат Ерік Дамир Санжар Ақжол Ғалымжан Нұрсұлтан Берік "
    "Асқар Алмас Жасұлан Мейрам Арман Бақыт Ақылбек Нұрбол Еркін Саят Дәулет Болат Қанат Ермек Тимур "
    "Досжан Жанболат Қуаныш Олжас Бағдат Нұрым Мирас Темірлан Әлішер Ілияс Бекжан Есен Самат Төлеген "
    "Жақсылық Кеңес Дидар Медет Рахат Сұлтан Ерасыл Бақытжан Абылай Жалғас Мақсат Серікбол Нұртас"
)
KAZAKH_WOMEN = _words(
    "Айгүл Гүлнар Динара Ақмарал Жанар Сәуле Әсел Мөлдір Гүлмира Әйгерім Салтанат Назым Жансая Ботагөз "
    "Айжан Меруерт Дана Ләззат Гүлжан Шынар Аружан Балжан Райхан Жұлдыз Роза Динара Күләш Алтынай Ақерке "
    "Мадина Данагүл Перизат Жазира Маржан Гүлнұр Әлия Аида Толқын Мәдина Сандуғаш"
)
# Forefathers' names: the source of most Kazakh family names. Compounds added below give a long tail.
FOREFATHERS = _words(
    "Серік Ахмет Жұмабай Омар Нұрлыбай Сәрсен Әбдірахман Тұрсын Есім Байжан Қасым Мұса Иса Ыбырай Жақып "
    "Оспан Ибраһим Әли Қали Мұхамед Тоқтар Сейіт Әбіл Жүсіп Бектұр Дәуіт Құдайберген Өмір Смағұл Тәжі "
    "Әмір Баймұрат Қожахмет Есен Рысқұл Шәріп Бейсен Ахмад Ғали Жанұзақ Әлім Садық Нұрмақ Жексен Қуан "
    "Ермек Әбен Бекмұрат Төлеу Мамыр Орал Сыздық Дүйсен Мұқан Ілияс Қуандық Тілеу Сұлтан Исмайыл Ысқақ"
)
_COMPOUND_HEADS = _words("Есен Жақсы Қара Ақ Бай Көк Ер Нұр Жан Құл Төле Ай Мырза Бек Ораз Дос Тұрлы")
_COMPOUND_TAILS = _words("бай бек бол хан ғали мұрат жан тай құл ғазы")
# Twins and brothers are often given names that differ in one syllable.
ALIKE_PAIRS = (
    ("Ерлан", "Ержан"), ("Нұрлан", "Нұржан"), ("Асхат", "Асқар"), ("Дәурен", "Дәулет"), ("Бақыт", "Бақытжан"),
    ("Ербол", "Ерболат"), ("Дархан", "Дамир"), ("Мұрат", "Марат"), ("Айдос", "Айдар"), ("Санжар", "Самат"),
    ("Жандос", "Жанболат"), ("Ернар", "Ерасыл"),
)
RUSSIAN_MEN = _words("Сергей Александр Андрей Дмитрий Алексей Игорь Владимир Евгений Николай Павел Олег Виктор "
                     "Денис Максим Артём Роман Вадим Юрий Антон Константин")
RUSSIAN_WOMEN = _words("Елена Ольга Наталья Татьяна Светлана Ирина Анна Марина Юлия Екатерина Людмила Оксана")
RUSSIAN_FAMILIES = _words("Иванов Кузнецов Попов Смирнов Петренко Волков Соколов Морозов Лебедев Новиков Козлов "
                          "Павленко Егоров Белов Ткаченко Зайцев Фролов Гусев Бондаренко Шевченко Орлов Никитин Крылов")
UZBEK_MEN = _words("Бахтиёр Шухрат Улугбек Азиз Джамшид Фарход Рустам Ойбек Тимур Алишер")
UZBEK_WOMEN = _words("Дилноза Гулчехра Нигора Мохира Зульфия")
UZBEK_FAMILIES = _words("Юсупов Рахимов Ташкентов Турсунбаев Абдуллаев Хакимов Исмаилов Салимов Нурматов")
UYGHUR_MEN = _words("Ильшат Адил Нурахмет Дильшат Ахметжан Абдулла Мурат Ильяр Рашид")
UYGHUR_WOMEN = _words("Гульнара Мадина Назугум Патигуль Аминам")
UYGHUR_FAMILIES = _words("Турсунов Нурахунов Масимжанов Исмаилов Рузиев Хамраев Ясинов Мамутов Розахунов")
TATAR_MEN = _words("Рустем Ильдар Ринат Марсель Айрат Равиль Ильнур Тагир")
TATAR_WOMEN = _words("Гульнара Эльвира Лейсан Альфия Резеда")
TATAR_FAMILIES = _words("Галиев Хабибуллин Сафин Гарипов Валиуллин Шарипов Зарипов Мухаметшин Файзуллин")
KOREAN_FAMILIES = _words("Ким Пак Цой Ли Югай Тен Хван Шин Огай Пай")
# Public figures' surnames (russified, masculine): a generated family name with one of these stems is refused.
BLOCKLIST = frozenset(_words("Назарбаев Токаев Масимов Кулибаев Мамин Смаилов Сагинтаев Тасмагамбетов "
                             "Нигматулин Ашимбаев Каримов Абдыкалыков Жумагалиев"))

_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def russify(text: str) -> str:
    """Kazakh letters as a Russian clerk or an old passport writes them (Серік → Серик, Айгүл → Айгул)."""
    return text.translate(_RUSSIFY)


def compound_forefathers() -> tuple[str, ...]:
    """Forefathers' names built from two parts (Есенбай, Жақсыбек): rare each, many together."""
    return tuple(head + tail for head in _COMPOUND_HEADS for tail in _COMPOUND_TAILS
                 if not head.endswith(tail[:1]))


class Ranked:
    """A ranked table drawn with Zipf-Mandelbrot weights 1/(rank+q)^s: heavy head, long tail."""

    def __init__(self, items: tuple[str, ...] | list[str], s: float = 1.05, q: float = 1.5) -> None:
        self.items = tuple(dict.fromkeys(items))  # a name repeated in a table keeps its first rank
        self.cumulative = list(accumulate(1.0 / (rank + q) ** s for rank in range(1, len(self.items) + 1)))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def family_from_forefather(name: str, sex: str) -> str:
    """Серік → Серіков/Серікова, Нұрлыбай → Нұрлыбаев, Мұса → Мұсин, Әли → Әлиев (the Russian-era suffixes)."""
    if name.endswith("й"):
        stem = name[:-1] + "ев"
    elif name.endswith("а"):
        stem = name[:-1] + "ин"
    elif name[-1] in "иіеы":
        stem = name + "ев"
    else:
        stem = name + "ов"
    return stem + ("а" if sex == "F" else "")


def kazakh_patronymic(father: str, sex: str) -> str:
    """The Kazakh form of a father's name: Серікұлы for a son, Серікқызы for a daughter."""
    return father + ("ұлы" if sex == "M" else "қызы")


def russian_patronymic(father: str, sex: str) -> str:
    """The Russian form from a (russified) father's name: Серик → Серикович/Сериковна, Сергей → Сергеевич."""
    if not father:
        return ""
    if father.endswith(("й", "ь")):
        stem = father[:-1] + "е"
    elif father[-1] in "аеиоуыэ":
        stem = father + "е"  # Муса → Мусаевич, Али → Алиевич
    else:
        stem = father + "о"
    return stem + ("вич" if sex == "M" else "вна")


def feminine(family: str) -> str:
    """A family name as a woman bears it: Иванов → Иванова, Хабибуллин → Хабибуллина; Ким and Петренко stay."""
    if family.endswith(("ов", "ев", "ин", "ёв")):
        return family + "а"
    return family


def masculine_stem(family: str) -> str:
    """The russified masculine form, for the blocklist: Серікова → Сериков."""
    plain = russify(family)
    if plain.endswith(("ова", "ева", "ина")):
        plain = plain[:-1]
    return plain


def blocked(family: str) -> bool:
    """Whether a family name is (a form of) a public figure's surname."""
    return masculine_stem(family) in BLOCKLIST
