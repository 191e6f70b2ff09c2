"""Name pools for ``altai``: ranked given names and forefathers' names per community, a compound tail,
and the rules that turn a forefather's name into a family name or a father's name into a patronymic.

Names are drawn by rank from a Zipf-like law so that a few names (Ерлан, Нұрлан, Ахметов) are very
common and namesakes occur at tens of thousands of people, while compound Kazakh names built from
morphemes (Ер+болат, Нұр+сұлтан, Бек+тұрсын) give the long tail real lists have. Nothing here is a
victim's name; surnames of well-known public figures are refused (``famous``).
"""

from __future__ import annotations

import bisect
import itertools
import random


def _words(text: str) -> tuple[str, ...]:
    """A pool written as one string of names separated by spaces, most common first."""
    return tuple(text.split())


KZ_MALE = _words(
    "Ерлан Нұрлан Ержан Асхат Бауыржан Дәурен Қайрат Арман Айдос Нұржан Бекзат Ерболат Жандос Асқар "
    "Дархан Мұрат Ермек Талғат Бақытжан Азамат Дидар Әділет Алмас Ернар Мирас Санжар Ақжол Абылай "
    "Ерасыл Нұрбол Жасұлан Ерік Берік Марат Болат Самат Руслан Тимур Әлібек Бекжан Данияр Ильяс Ислам "
    "Қуаныш Мақсат Нұрдәулет Олжас Сәкен Темірлан Ғалымжан Жанболат Ербол Медет Мейрам Нұрасыл Шыңғыс "
    "Еркебұлан Елдос Досжан Жанат Қанат Серік Ғани Бейбіт Жәнібек Әсет Ринат Ертай Нұрсұлтан Дәулет "
    "Ақылбек Бағдат Әлихан Рахат Қасымхан Бекарыс Ерсін Нұрым Сұңқар Ілияс Әмір Жарас Дамир Азат Алтай "
    "Манас Ерназар Мұхтар Нұрхат Ұлан Батыр Тілек Қайсар Сырым Аян Есет Мұратбек Қыдырбек Төлеген"
)
KZ_FEMALE = _words(
    "Айгүл Гүлнар Жанар Әйгерім Дана Назерке Салтанат Ақмарал Динара Мәдина Жансая Аружан Гүлмира Сәуле "
    "Айжан Ботагөз Меруерт Алия Әсел Шынар Гүлжан Ләззат Айнұр Камила Жұлдыз Балжан Нұргүл Толқын Ұлжан "
    "Зарина Айдана Інжу Перизат Гаухар Мөлдір Раушан Сымбат Ардақ Ақбота Бибігүл Күнсұлу Зере"
)
KZ_FATHERS = _words(
    "Серік Берік Болат Марат Қайрат Нұрлан Ерлан Бақыт Ахмет Асқар Жұмабай Мұрат Қанат Сағат Талғат Ғабит "
    "Тұрсын Құдайберген Әбдірахман Оспан Омар Сейіт Исабек Қасым Мұхтар Бекет Амантай Жақсылық Тоқтар Есен "
    "Әли Оразалы Сұлтанбек Бауыржан Бейбіт Ермек Дәулет Мейрам Нұрбек Серікбай Қуаныш Әлімжан Абай Мырзахмет "
    "Қалдыбек Жанұзақ Байжан Сәрсен Дүйсен Нұрпейіс Жүсіп Ысқақ Мамыр Айтбай Әбілқасым Шәкен Қожахмет Мұса"
)
# Forefathers' names behind Kazakh family names (Ахмет -> Ахметов), most common first.
KZ_STEMS = _words(
    "Ахмет Омар Сүлеймен Жұмабай Иса Қасым Әбдірахман Тұрсын Мұқан Оспан Нұрлан Серік Есен Құдайберген Әли "
    "Байжан Сейіт Сәрсен Тоқтар Бекмұхамбет Жақсылық Нұрмаған Жанұзақ Серікбай Төлеген Айтбай Мұхаметжан "
    "Ысқақ Бекет Шәкен Жүсіп Нұрпейіс Дүйсен Қожахмет Әмір Бақыт Берік Болат Мұса Ибрагим Рахым Жаксыбек "
    "Қалиақпар Әбілқасым Мамыр Сыздық Тәжібай Ермек Әбдікәрім Құрман Садық Мұхамедиәр Оразалы Кенже Дәулетбай "
    "Ғабдулла Тілеу Шайхы Ізбасар Баймұрат Қуандық Жолдас Әубәкір Сапар Мырзабек Үмбет Қабылбек Жаңабай"
)
RU_MALE = _words(
    "Александр Сергей Дмитрий Андрей Алексей Евгений Владимир Николай Иван Максим Денис Артём Виктор "
    "Игорь Олег Роман Павел Вячеслав Юрий Константин Антон Михаил Валерий Станислав Геннадий"
)
RU_FEMALE = _words(
    "Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Юлия Марина Людмила Оксана"
)
RU_FAMILIES = _words(
    "Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв Васильев "
    "Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов "
    "Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов "
    "Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв Герасимов Пономарёв "
    "Григорьев Шевченко Бондаренко Коваленко Ткаченко Кравченко Савицкий Ковальский Лысенко"
)
UZ_MALE = _words(
    "Бахтиёр Шерзод Улугбек Рустам Жасур Фаррух Азиз Дилшод Отабек Санжар Анвар Ильхом Шухрат Бобур "
    "Жахонгир Бехзод Нодир Музаффар Сардор Акмал Ойбек Зафар Хуршид Равшан Абдулазиз"
)
UZ_FEMALE = _words(
    "Дилноза Гулнора Нилуфар Шахноза Феруза"
)
UZ_STEMS = _words(
    "Юсуп Рахим Турсун Исмаил Назар Хамид Абдулла Мирзо Умар Салим Эргаш Хасан Кадыр Ахмад Махмуд Усман "
    "Шакир Холмат Мамадали Тохир Азим Файзулла Нормат"
)
UG_MALE = _words(
    "Адил Ильхам Мурат Ахмаджан Дильшат Нурмухаммад Абдурахим Шухрат Алим Дилмурат Турсун Арслан Юсуф "
    "Кадир Нурахмет Ильяр Шавкат Рахман Махмут Ризван"
)
UG_FEMALE = _words(
    "Гульнара Мадина Зульфия Рашида"
)
UG_STEMS = _words(
    "Мамут Турди Хасан Абдурахман Касым Нияз Сопы Ибрагим Розы Юнус Сабит Ахун Мамат Хамит Аюп"
)
TT_MALE = _words(
    "Ринат Рустем Ильдар Айрат Марат Рамиль Тимур Ильнур Ильнар Ренат Радик Фарид Равиль Дамир Ильшат"
)
TT_FEMALE = _words(
    "Гульнара Альфия Лилия Резеда"
)
TT_FAMILIES = _words(
    "Хабибуллин Галиев Сафин Гарипов Шарипов Закиров Валиев Мухаметзянов Сабиров Зарипов Гайнуллин "
    "Хайруллин Мингазов Фатхутдинов Исхаков Латыпов"
)
KO_FAMILIES = _words(
    "Ким Ли Пак Цой Хан Тен Пегай Югай Ни Шин Тян Когай Огай Чен Кан Хегай Лим Нам"
)
DE_FAMILIES = _words(
    "Шмидт Вагнер Шульц Вебер Гофман Беккер Майер Функ Реймер Шнайдер Фишер Циммерман Кох Рихтер Вольф "
    "Нойманн Шефер Франк Гербер"
)
KG_MALE = _words(
    "Азамат Нурбек Бакыт Эрлан Улан Мирлан Жыргалбек Кубанычбек Адилет Темирлан Айбек Бакытбек Эмил "
    "Чынгыз Урмат Канат Жоомарт Алмазбек"
)
KG_STEMS = _words(
    "Токтосун Асан Жумабек Осмон Сыдык Абдыкадыр Мамбет Эсен Бейшен Карыбек Абдыраим Турдубек Жээнбек "
    "Садыр"
)
TAIL_HEADS = _words(
    "Ер Нұр Бек Жан Ақ Ай Бақ Ал Дәу Сер Қай Ерке Ораз Сейіт Қыдыр Тілеу Жақсы Бай Есен Төле Құт Мырза "
    "Әлі Ғали Дос Қоңыр Темір Жолды Тоқ Құлжа Сары Жантас Абыл Әбіл Қожа Сыр Шал Үсен Мәді Жұма Иман Қуан "
    "Ізбас Бала Төре Ақыл Бұқар Қасен Жаңа Саят Ыбырай Түгел"
)
TAIL_ENDS = _words(
    "бек жан болат хан ғали бай ғазы тай бол тас сұлтан мұрат ұлан нұр дәулет дос жігіт ғұл қали ахмет "
    "кен қас әлі мағамбет тұрсын серік жол"
)
# Surnames of well-known public figures: never formed, whatever the stems combine into.
FAMOUS = frozenset(_words(
    "назарбаев тоқаев токаев масимов мамин кулибаев құлыбаев абыкаев смаилов смайылов ашимбаев кошанов "
    "каримов мирзиёев әбдіқалықова абдыкаликова нұрлыбаев ертысбаев тасмагамбетов сагинтаев иманғали "
    "имангалиев жакиянов аблязов әблязов кожамжаров бозумбаев досаев султанбеков нигматулин"
))

_VOWELS = "аеёиоуыэюя"
RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def russify(text: str) -> str:
    """Kazakh letters to the Russian neighbours that Russian-language documents and CP1251 files use."""
    return text.translate(RUSSIFY)


def famous(family: str) -> bool:
    """Whether a family name (either sex, either spelling) is a public figure's."""
    word = russify(family.lower()).replace("ё", "е")
    for ending in ("ова", "ева", "ина"):
        if word.endswith(ending):
            word = word[:-1]
    return word in FAMOUS or word in {russify(name) for name in FAMOUS}


class Ranked:
    """Draw from names ranked most common first, with weight 1/(rank+k)^s: a heavy head, a long tail."""

    def __init__(self, names: list[str] | tuple[str, ...], exponent: float = 1.0, offset: float = 1.5) -> None:
        self.names = list(dict.fromkeys(names))
        weights = [1.0 / (rank + offset) ** exponent for rank in range(len(self.names))]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        """One name, by bisecting the cumulative weights (fast enough for 40,000 people)."""
        point = rng.random() * self.cumulative[-1]
        return self.names[bisect.bisect_right(self.cumulative, point)]


def compound_tail(seed_text: str) -> list[str]:
    """Rare compound Kazakh names (Ержігіт, Тілеубай, Жантасқали), in a fixed order per seed text."""
    rng = random.Random(seed_text)
    names = [head + end for head in TAIL_HEADS for end in TAIL_ENDS if not head.endswith(end[:1])]
    rng.shuffle(names)
    return names


def family_form(stem: str) -> str:
    """A forefather's name as a masculine Russian-style family name: Ахмет -> Ахметов, Жұмабай -> Жұмабаев,
    Мұса -> Мұсин, Әли -> Әлиев, Оразалы -> Оразалиев."""
    if stem.endswith(("ай", "ей", "ой", "ый", "ий")):
        return stem[:-1] + "ев"
    if stem.endswith("а"):
        return stem[:-1] + "ин"
    if stem.endswith("ы"):
        return stem[:-1] + "иев"
    if stem.endswith(("и", "у", "ю", "о", "е")):
        return stem + "ев"
    if stem.endswith(("ж", "ш", "ч", "щ", "ц")):
        return stem + "ев"
    return stem + "ов"


def feminine(family: str) -> str:
    """The feminine form of a family name; invariant names (Ким, Шевченко, Шмидт) stay as they are."""
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + "а"
    if family.endswith("ұлы"):
        return family[:-3] + "қызы"
    if family.endswith("уулу"):
        return family[:-4] + "кызы"
    if family.endswith("ский"):
        return family[:-4] + "ская"
    return family


def patronymic_ru(father: str, sex: str) -> str:
    """A Russian-style patronymic from a father's name, in Russian letters: Серік -> Серикович / Сериковна."""
    base = {"Павел": "Павл", "Лев": "Льв"}.get(father, russify(father))
    if base.endswith("ий") and base[-3] not in _VOWELS and base[-4:-3].lower() in _VOWELS:
        stem, male, female = base[:-2], "ьевич", "ьевна"  # Евгений -> Евгеньевич (but Дмитриевич)
    elif base.endswith(("ай", "ей", "ой", "ий")):
        stem, male, female = base[:-1], "евич", "евна"
    elif base.endswith(("а", "я")):
        stem, male, female = base[:-1], "аевич", "аевна"
    elif base.endswith(("ы", "и")):
        stem, male, female = base[:-1], "иевич", "иевна"
    elif base.endswith(("ж", "ш", "ч", "щ", "ц", "о", "е", "у", "ю")):
        stem, male, female = base, "евич", "евна"
    else:
        stem, male, female = base, "ович", "овна"
    return stem + (male if sex == "M" else female)


def patronymic_kz(father: str, sex: str) -> str:
    """A Kazakh patronymic glued to the father's name: Серікұлы / Серікқызы."""
    return father + ("ұлы" if sex == "M" else "қызы")
