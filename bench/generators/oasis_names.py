"""The ``oasis`` name corpus: who lives in Kazakhstan's cities, by community, with a heavy head of names.

Every list below is in order of how common the name is (most common first); ``draw`` weights rank r as
1 / (r + offset), so the first few names of each community carry a large share and namesakes are
frequent among tens of thousands of people, as they are in Kazakhstan. Names are written as the
community's own documents would (Kazakh names with Kazakh letters); ``russified`` gives the form a
Russian-language office writes (Жақсылық → Жаксылык, Айгүл → Айгуль). All combinations are invented:
common given names with common family names, no real person's list entry.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# share of the dead in each community (protests and their suppression in January 2022 were mainly
# in Almaty and the south, where Kazakhs, Uzbeks and Uyghurs are a larger share than nationwide)
COMMUNITIES = (("kazakh", 0.79), ("russian", 0.07), ("uzbek", 0.05), ("uyghur", 0.035), ("tatar", 0.02),
               ("korean", 0.015), ("german", 0.01))


def _words(text: str) -> list[str]:
    return text.split()


_KAZ_MALE = _words("""Ерлан Нұрлан Серік Асқар Бауыржан Ержан Дәурен Арман Азамат Нұржан Ерболат Дәулет Жандос Алмас
Бекзат Айдос Ақжол Ернар Мирас Қайрат Мұрат Марат Талғат Бақыт Ерасыл Олжас Асхат Самат Берік Болат Дархан
Ербол Қанат Нұрсұлтан Жасұлан Абылай Бақытжан Жақсылық Ғалым Темірлан Әлішер Рүстем Жомарт Мағжан Еркебұлан
Нұрбек Бекжан Тимур Дамир Диас Әділет Ілияс Ислам Мұхтар Сұлтан Жанболат Айбек Елдос Құдайберген Шыңғыс
Санжар Бахтияр Ерғали Серікбол Қуаныш Нұрдәулет Ақылбек Мейрам Ғабит Төлеген""")
_KAZ_FEMALE = _words("""Айгүл Гүлнар Жанар Динара Айжан Сәуле Гүлмира Ақмарал Әсел Мөлдір Назерке Аружан Айнұр Жұлдыз
Камила Мадина Салтанат Ботагөз Гүлжан Лаура Дана Ақбота Томирис Әйгерім Балжан Сағыныш Ләззат""")
_KAZ_FAMILY = _words("""Ахметов Омаров Сейітов Жұмабаев Исаев Қасымов Сұлтанов Әбдірахманов Тоқтаров Нұрғалиев Ермеков
Оспанов Байжанов Мұқанов Серікбаев Сәрсенбаев Төлеуов Әлиев Ибраев Кенжебаев Қалиев Тұрсынов Есенов Шәкенов
Бейсенов Жүнісов Смағұлов Құрманов Иманбаев Оразов Дүйсенов Әміров Бекетов Мамыров Досанов Төлегенов
Жанұзақов Ұзақбаев Абдуллаев Рахимов Махмұтов Аманжолов Бекмұхамбетов Нұрмағамбетов Ысқақов Ермағамбетов
Құдайбергенов Сейдахметов Тасболатов Әбенов Жақыпов Қожахметов Мырзахметов Балтабаев""")
# a Kazakh family name is often a grandfather's given name with -ов/-ев, so the head of the given names
# also feeds a long tail of family names; some take -ұлы (a newer habit) instead
_KAZ_SUFFIX_ROOTS = _KAZ_MALE[:60]

_RUS_MALE = _words("""Александр Сергей Дмитрий Андрей Алексей Владимир Евгений Николай Иван Михаил Максим Денис Виталий
Артём Игорь Роман Вячеслав Константин Юрий Павел""")
_RUS_FEMALE = _words("Елена Ольга Наталья Татьяна Ирина Светлана Анна Юлия Екатерина Марина")
_RUS_FAMILY = _words("""Иванов Кузнецов Попов Смирнов Петров Васильев Соколов Новиков Морозов Волков Лебедев Козлов
Павлов Семенов Ткаченко Шевченко Бондаренко Мельник Федоров Зайцев Гончаренко Покровский
Сидоров Егоров Никитин Орлов Андреев Макаров Захаров Борисов Яковлев Романов Григорьев Степанов Сорокин
Белов Кравченко Литвиненко Коваленко Савченко Руденко""")
_UZB_MALE = _words("""Рустам Бахтиёр Шерзод Улугбек Жамшид Азиз Фаррух Дилшод Отабек Шухрат Алишер Санжар Ойбек
Бобур Достон Икром Мансур Нодир Равшан Сардор Умид Хуршид Элдор""")
_UZB_FEMALE = _words("Дилноза Гулнора Нигора Малика Шахноза Феруза")
_UZB_FAMILY = _words("""Юсупов Каримов Рахимов Абдуллаев Усманов Назаров Турсунов Мирзаев Хамидов Исмаилов Султанов
Ташкентбаев Эргашев
Алимов Ахмедов Бекмуратов Джураев Мухаммадиев Расулов Сабиров Файзуллаев Холматов Юлдашев""")
_UYG_MALE = _words("""Ильхам Адил Мурат Шухрат Абдурахман Ахмаджан Дильмурат Кахарман Ильяс Азат Мухтар Алимжан
Анвар Бахтияр Дилшат Ибрагим Кадир Нурмухаммед Эркин Юсуп""")
_UYG_FEMALE = _words("Гульнара Мадина Айгуль Рейхангуль Зульфия")
_UYG_FAMILY = _words("""Хамраев Розахунов Мамутов Касымов Абдуллаев Турдиев Нурахунов Исмаилов Садыров Ахметжанов Аюпов
Бахтияров Ибрагимов Масимов Нурмаханов Рахманов Сабитов Тохтиев Умаров Юсупов""")
_TAT_MALE = _words("""Ринат Рустем Марат Ильдар Айдар Руслан Тимур Рамиль Дамир Ренат Азат Альберт Булат Ильнур
Камиль Фарид""")
_TAT_FEMALE = _words("Гульназ Альфия Диляра Лилия")
_TAT_FAMILY = _words("""Галиев Хабибуллин Сафин Нуриев Закиров Валиев Шарипов Гарипов Ахмадуллин Мухаметзянов
Газизов Исхаков Камалов Латыпов Мингазов Тагиров Файзуллин Хайруллин Юнусов""")
_KOR_MALE = _words("Сергей Виктор Александр Владислав Вячеслав Андрей Олег Валерий Геннадий")
_KOR_FEMALE = _words("Елена Марина Виктория Светлана")
_KOR_FAMILY = _words("Ким Пак Ли Цой Тен Хан Югай Шин Ни Лим")
_GER_MALE = _words("Александр Андрей Виктор Евгений Владимир Артур Эдуард Роберт Давид Вальдемар")
_GER_FEMALE = _words("Ирина Елена Виктория Лидия Эльвира")
_GER_FAMILY = _words("Шмидт Мюллер Вебер Шнайдер Фишер Вагнер Беккер Гофман Майер Кох Рихтер Браун")

CORPUS = {
    "kazakh": (_KAZ_MALE, _KAZ_FEMALE, _KAZ_FAMILY),
    "russian": (_RUS_MALE, _RUS_FEMALE, _RUS_FAMILY),
    "uzbek": (_UZB_MALE, _UZB_FEMALE, _UZB_FAMILY),
    "uyghur": (_UYG_MALE, _UYG_FEMALE, _UYG_FAMILY),
    "tatar": (_TAT_MALE, _TAT_FEMALE, _TAT_FAMILY),
    "korean": (_KOR_MALE, _KOR_FEMALE, _KOR_FAMILY),
    "german": (_GER_MALE, _GER_FEMALE, _GER_FAMILY),
}
_INVARIANT = ("korean", "german")  # family names without a feminine form
_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


class Drawer:
    """Draws from ranked lists with weights 1 / (rank + offset), precomputed once per list."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._weights: dict[tuple[int, int], list[float]] = {}

    def draw(self, names: list[str], offset: int = 3) -> str:
        key = (id(names), offset)
        if key not in self._weights:
            total = 0.0
            cumulative = []
            for rank in range(len(names)):
                total += 1.0 / (rank + offset)
                cumulative.append(total)
            self._weights[key] = cumulative
        return self.rng.choices(names, cum_weights=self._weights[key])[0]


@dataclass(frozen=True)
class Naming:
    community: str
    family_male: str  # the family name's masculine form (or its only form)
    kazakh_documents: bool  # the person's documents keep the Kazakh letters


def community(rng: random.Random) -> str:
    return rng.choices([c for c, _ in COMMUNITIES], weights=[w for _, w in COMMUNITIES])[0]


def family_name(drawer: Drawer, who: str) -> str:
    """A masculine family name for a new family of community ``who``."""
    male, _female, families = CORPUS[who]
    if who == "kazakh":
        roll = drawer.rng.random()
        if roll < 0.45:
            return drawer.draw(families, 8)
        root = drawer.draw(_KAZ_SUFFIX_ROOTS, 6)
        if roll < 0.75:  # a grandfather's name: Ерланов, Нұржанов
            return root + ("ев" if root[-1] in "йжшщчц" else "ов")
        if roll < 0.93:  # a compound: Серікбаев, Ерланбеков, Асқаржанов
            return root + drawer.rng.choice(("баев", "беков", "жанов", "баев"))
        return root + "ұлы"  # the newer habit, kept as the family name
    return drawer.draw(families, 8)


def given_name(drawer: Drawer, who: str, sex: str) -> str:
    male, female, _families = CORPUS[who]
    return drawer.draw(male if sex == "M" else female, 6)


def feminine(family: str, who: str) -> str:
    if who in _INVARIANT or family.endswith(("енко", "ук", "юк", "ик")) or family == "Мельник":
        return family
    if family.endswith("ұлы"):
        return family[:-3] + "қызы"
    if family.endswith("ский"):
        return family[:-2] + "ая"
    if family.endswith(("ов", "ев", "ин", "ёв")):
        return family + "а"
    return family


def russified(name: str) -> str:
    """The form a Russian-language office writes: Kazakh letters folded, Айгүл → Айгуль, Ілияс → Ильяс."""
    if not any(ch in _KAZAKH_LETTERS for ch in name):
        return name
    out = name
    out = out.replace("гүл", "гуль").replace("Гүл", "Гуль").replace("ұлы", "улы").replace("қызы", "кызы")
    if out.startswith("Іли"):
        out = "Иль" + out[3:]
    elif out.startswith("Іл"):
        out = "Иль" + out[2:]
    if out.startswith("Әл"):
        out = "Ал" + out[2:]
    return out.translate(_RUSSIFY)


def has_kazakh_letters(name: str) -> bool:
    return any(ch in _KAZAKH_LETTERS for ch in name)


def patronymic_russian(father: str, sex: str) -> str:
    """Нұрлан → Нурланович / Нурлановна; Сергей → Сергеевич; Виталий → Витальевич; Муса → Мусаевич."""
    base = russified(father)
    ending = "ич" if sex == "M" else "на"
    if base == "Илья":
        return "Ильич" if sex == "M" else "Ильинична"
    if base.endswith("ий"):
        return base[:-2] + "ьев" + ending
    if base.endswith("й"):
        return base[:-1] + "ев" + ending
    if base.endswith(("а", "я")):
        return base + "ев" + ending
    return base + "ов" + ending


def patronymic_kazakh(father: str, sex: str) -> str:
    """Нұрлан → Нұрланұлы / Нұрланқызы (Kazakh documents since the 1990s)."""
    return father + ("ұлы" if sex == "M" else "қызы")
