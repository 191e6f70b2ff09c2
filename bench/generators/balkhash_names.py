"""Name parts for ``balkhash``: ranked tables, a compound tail, and a blocklist of public figures' surnames.

Only parts are kept here (given names, fathers' names, forefathers' names, surname stems), never a whole
person: every dead person is assembled from parts drawn independently, so no real person is described.
The tables are ranked by hand, most common first, and drawn with a steep power law, so that at tens of
thousands of dead the head names (Ерлан, Нұрлан, Серік) crowd together and namesakes are common, while
names compounded from two parts (Нұрболат, Есенбай) give the long tail that real registers show.
"""

from __future__ import annotations

import itertools
import random
from bisect import bisect
from collections.abc import Sequence


def words(text: str) -> tuple[str, ...]:
    """A table written as one string of space-separated names (shorter to read and to edit)."""
    return tuple(text.split())


KAZAKH_MALE = words(
    "Ерлан Нұрлан Ержан Асхат Бауыржан Дәурен Марат Серік Қайрат Ерболат Данияр Талғат Арман Алмас Жандос "
    "Руслан Ернар Мұрат Азамат Ақжол Бекзат Нұржан Ермек Дархан Тимур Аслан Әділет Самат Айдос Мейрам "
    "Ерасыл Ақылбек Жанибек Ғалым Қанат Болат Мақсат Берік Ержігіт Бақытжан Дастан Әлібек Мирас Олжас "
    "Санжар Еркебұлан Медет Жасұлан Айбек Сұлтан Төлеген Ерік Асқар Мұхтар Нұрбол Елдос Бекжан Мұхаммед "
    "Әбдірахман Ғабдулла Ибраһим Жүсіп Қасым Омар Сүлеймен Ахмет Мақсұт Исмаил Рахым Хасан Хұсайын Әли "
    "Мұстафа Ысқақ Жақып Мұса Дидар Шыңғыс Ерұлан Темірлан Абылай Бейбіт Нұрсұлтан Әсет Ғани Кәрім"
)
KAZAKH_FEMALE = words(
    "Айгүл Гүлнар Айгерім Динара Жанар Әсел Мадина Гүлмира Назгүл Сәуле Ботагөз Жұлдыз Айжан Ақмарал "
    "Ақерке Аружан Дана Салтанат Әйгерім Гаухар Мөлдір Индира Ләззат Сандуғаш Перизат Зарина Балжан "
    "Нұргүл Шолпан Күләш Роза Раушан Мәдина Фатима Хадиша Айша Зәуре Бибігүл"
)
KAZAKH_FATHERS = words(
    "Серік Болат Қайрат Марат Бақыт Ерлан Нұрлан Жұмабек Қуаныш Асқар Берік Талғат Мұрат Әбдірахман "
    "Қасым Төлеген Сәбит Омар Жақсылық Ерғали Тұрсын Бекболат Кенжебек Оразбек Әлібек Сағындық "
    "Нұрболат Амангелді Бақытжан Ғалымжан Қанат Мақсат Мұхаммед Ибраһим Жүсіп Сүлеймен Ахмет Рахым "
    "Хұсайын Ысқақ Мұса Жақып Қалдыбек Ермек Бауыржан Мэлс Әміржан Дүйсен Сейіт Тоқтар"
)
FOREFATHERS = words(
    "Жолдас Сәрсен Тұрсын Ұзақ Сейіт Өтеген Омар Тасбол Ермек Байжан Құдайберген Ізбасар Жақып Шәріп "
    "Сыздық Тоқтар Әбілда Бектұр Смағұл Жексен Құрман Дүйсен Қали Әлімбек Мамыт Тәжі Ибрай Бекмұхамбет "
    "Иса Мұса Оразалы Қуандық Нұрғали Рысбек Бекмырза Әбдікәрім Қожахмет Бейсен Дәулет Жанұзақ Сапар "
    "Ысқақ Мырзахмет Тілеу Әбіш Садық Жүніс Көшер Бұқар Тұяқ Нұрпейіс Есенгелді Қыдырбай Байбол Орынбай"
)

# Compound names: two parts that Kazakh names are commonly built from; they give the long tail.
MALE_HEADS = words(
    "Ер Нұр Бақ Ақ Бек Жан Ай Сұлтан Ораз Есен Қуан Ғали Тілек Ас Ал Сейіт Құл Бай Тұр Бол "
    "Қыдыр Жар Темір Әлі Бекет Дос Сапар Кен Қан Бер Ақыл Жақсы Мейір"
)
MALE_TAILS = words(
    "бек жан болат хан ғали тай бай бол ғазы қали хат сұлтан ділда ғат зат мұрат дос тас нұр "
    "ғожа қан жігіт тілеу бақ беген ғұл"
)
FEMALE_HEADS = words("Ай Гүл Ақ Жан Нұр Бал Сая Ал Күн Мөл Ару Жұлд Шам Дәмет")
FEMALE_TAILS = words("гүл жан ерке нұр сұлу дана айым бибі сәуле зира шаш көз")

RUSSIAN_MALE = words(
    "Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Николай Иван Максим Виктор Денис "
    "Артем Олег Павел Игорь Юрий Роман Вадим Константин Михаил Никита Илья Антон Виталий"
)
RUSSIAN_FEMALE = words("Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Марина Юлия Людмила")
RUSSIAN_FAMILY = words(
    "Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Федоров Морозов "
    "Волков Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев "
    "Сергеев Кравченко Ткаченко Бондаренко Шевченко Ковальчук Литвинов Белоусов Гусев"
)
UZBEK_MALE = words("Шерзод Бахтиёр Улугбек Дильшод Азиз Рустам Фарход Жасур Отабек Санжар Акмал Бобур Фаррух")
UZBEK_FEMALE = words("Дилноза Гулнора Мохира Нигора Шахноза")
UZBEK_FATHERS = words("Абдулла Рахим Турсун Алишер Хамид Каримжон Ислом Эргаш Саид Нурмат Мирза Юсуф")
UZBEK_FAMILY = words(
    "Юсупов Рахимов Турсунов Абдуллаев Мирзаев Хамидов Нурматов Исмаилов Саидов Алимов "
    "Эргашев Ташпулатов Умаров Хакимов Маматов"
)
UYGHUR_MALE = words("Ахмеджан Дилмурат Абдурешит Шухрат Нурмухаммед Ильяр Муратжан Эркин Алимжан Тахир Кахриман")
UYGHUR_FEMALE = words("Гульнур Мадина Мукаддас Патигуль Ризвангуль")
UYGHUR_FATHERS = words("Абдулла Турсун Ахмет Мамут Касым Розахун Ибрагим Мухаммед Хасан Юнус")
UYGHUR_FAMILY = words(
    "Абдурахманов Турдиев Рузиев Исламов Мамутов Хасанов Юнусов Садыров Аблимитов Ахметжанов Розахунов Турсунов"
)
TATAR_MALE = words("Ринат Ильдар Рустем Айдар Марат Рамиль Ильнур Тимур Радик Ренат")
TATAR_FEMALE = words("Гульнара Алсу Лейсан Резеда Альфия")
TATAR_FATHERS = words("Ринат Равиль Фарит Рашид Ильдус Наиль Рафаэль Марат Шамиль Рустам")
TATAR_FAMILY = words(
    "Хабибуллин Галиев Сафин Хайруллин Гарипов Зарипов Валиев Шарипов Ахмадуллин Файзуллин Мухаметшин Закиров"
)

# Stems (russified, lower case, without -ов/-ев/-ин/-ұлы and the feminine -а) of surnames that belong to
# presidents, prime ministers, ministers and other public figures. A family name that reduces to one is
# refused and drawn again, so no generated victim carries a well-known surname.
FAMOUS_STEMS = frozenset(
    words(
        "назарба тока масим мам смаил сагинта ахмет тасмагамбет ашимба нигматул кошан бектен жумангар "
        "тургумба ермекба кулиба аба есим сагади сулеймен сарсенба жакиян абляз карим мирзие путин "
        "кожамжар исекеш мынба даленба жумаба оспан ауез мукан нурмагамбет касым ташен "
        # ... and those a review found the compound builder making (Сапар+бай, Жақсы+бек, Есен+бай), with
        # more of the same shape
        "сапарба жаксыбек бекета есенба нури шуке бозумба жумагали тугжан койшыба"
    )
)

_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def stem(family: str) -> str:
    """The surname's stem as the blocklist holds it: russified, lower case, suffix and feminine -а removed."""
    word = family.translate(_RUSSIFY).lower()
    for suffix in ("кызы", "улы", "ова", "ева", "ина", "ов", "ев", "ин"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def is_famous(family: str) -> bool:
    """Whether a family name is a public figure's (the generator then draws another)."""
    return stem(family) in FAMOUS_STEMS


class Ranked:
    """A power-law draw over a ranked table: rank r has weight 1 / (r + offset) ** steep.

    Why a steep law: registers of the dead are dominated by a few dozen names, and that head is what
    makes namesakes (and so hard linkage) frequent at 40,000 people.
    """

    def __init__(self, names: Sequence[str], steep: float = 1.0, offset: int = 5) -> None:
        self.names = tuple(names)
        weights = [1.0 / (rank + offset) ** steep for rank in range(len(self.names))]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        return self.names[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def compound(rng: random.Random, heads: Sequence[str], tails: Sequence[str]) -> str:
    """A name made of two common parts (Нұр + болат); drawn uniformly, so each is rare."""
    head, tail = rng.choice(heads), rng.choice(tails)
    if head[-1] == tail[0]:
        tail = tail[1:]
    return head + tail


COMMUNITIES = {
    # community: (male, female, fathers, families, share of the dead)
    "kazakh": (KAZAKH_MALE, KAZAKH_FEMALE, KAZAKH_FATHERS, FOREFATHERS, 0.78),
    "russian": (RUSSIAN_MALE, RUSSIAN_FEMALE, RUSSIAN_MALE, RUSSIAN_FAMILY, 0.10),
    "uzbek": (UZBEK_MALE, UZBEK_FEMALE, UZBEK_FATHERS, UZBEK_FAMILY, 0.05),
    "uyghur": (UYGHUR_MALE, UYGHUR_FEMALE, UYGHUR_FATHERS, UYGHUR_FAMILY, 0.04),
    "tatar": (TATAR_MALE, TATAR_FEMALE, TATAR_FATHERS, TATAR_FAMILY, 0.03),
}


class NameBank:
    """The ranked draws of every community, built once per generated set."""

    def __init__(self) -> None:
        self.tables: dict[str, tuple[Ranked, Ranked, Ranked, Ranked]] = {
            name: (Ranked(male), Ranked(female, 0.9), Ranked(fathers, 0.9), Ranked(families, 0.7, 6))
            for name, (male, female, fathers, families, _share) in COMMUNITIES.items()
        }

    def given(self, rng: random.Random, community: str, sex: str) -> str:
        male, female, _, _ = self.tables[community]
        if community == "kazakh" and rng.random() < 0.16:
            return compound(rng, *((MALE_HEADS, MALE_TAILS) if sex == "M" else (FEMALE_HEADS, FEMALE_TAILS)))
        return (male if sex == "M" else female).draw(rng)

    def father(self, rng: random.Random, community: str) -> str:
        if community == "kazakh" and rng.random() < 0.2:
            return compound(rng, MALE_HEADS, MALE_TAILS)
        return self.tables[community][2].draw(rng)

    def lineage(self, rng: random.Random, community: str) -> str:
        """A forefather's name (Kazakh: the family name is formed from it) or a ready surname (others)."""
        if community == "kazakh" and rng.random() < 0.3:
            return compound(rng, MALE_HEADS, MALE_TAILS)
        return self.tables[community][3].draw(rng)
