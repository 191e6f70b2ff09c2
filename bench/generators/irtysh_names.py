"""Name frequency tables for ``irtysh``, written for it alone, and the rules that form family names.

Each table is ranked by how common the name is among men (or women) born 1960-2005 in the south and
east of Kazakhstan, as a person who has read many such lists would rank them; weights fall off as
``1 / rank ** skew``, so a handful of names (Ерлан, Нұрлан, Ержан) cover a large share and namesakes
arise at the rate a real skewed distribution gives, not at a rate chosen by hand. Kazakh family names
are formed, as they were historically, from a forefather's given name: -ов/-ев/-ин (Сәрсенов,
Жұмабаев, Мұсин), -ұлы/-қызы (Сейітұлы), or the bare name (Сейіт). Surnames of prominent public
figures are kept out by ``FAMOUS`` (checked on the russified masculine form).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence


def _words(text: str) -> list[str]:
    """A table written as running text, one name per word, most common first."""
    return text.split()


class Ranked:
    """A ranked name table sampled with Zipf-like weights: ``skew`` near 1 is a heavy head."""

    def __init__(self, names: Sequence[str], skew: float = 1.0, offset: float = 1.5) -> None:
        self.names = list(dict.fromkeys(names))
        total = 0.0
        self.cumulative: list[float] = []
        for rank, _name in enumerate(self.names):
            total += 1.0 / (rank + offset) ** skew
            self.cumulative.append(total)

    def draw(self, rng: random.Random) -> str:
        index = bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])
        return self.names[min(index, len(self.names) - 1)]


KAZAKH_MEN = _words("""Ерлан Нұрлан Ержан Асхат Бауыржан Дәурен Азамат Айдос Дархан Ерболат Жандос Арман Қайрат Мұрат
Ернар Данияр Бекзат Руслан Тимур Олжас Нұржан Асқар Ерасыл Мейрамбек Ербол Талғат Әділет Санжар Берік Мақсат
Қуаныш Дидар Елдос Ақжол Бейбіт Болат Самат Жасұлан Еркебұлан Медет Темірлан Дамир Марат Серік Ғалым Қанат
Бақытжан Нұрбол Елжас Мирас Әлішер Рахат Жанболат Әсет Бекжан Ерғали Ернұр Нұрдәулет Сұлтан Шыңғыс Мұхтар
Мағжан Сырым Жомарт Ислам Әлібек Ұлан Бақтияр Абылай Ерсұлтан Жақсылық Төлеген Қалдыбек Сағындық Ерік Ғабит
Кенжебек Бекболат Мұхамеджан Досжан Нұрым Тоқтар Дәулет Алмас Аслан Арсен Ерзат Ербақыт Жеңіс Самғат Ерден
Ілияс Ақылбек Бекарыс Жарас Жігер Қайсар Мадияр Нұрасыл Нұртас Өркен Салауат Ыбырай Әбілқайыр Тәңірберген""")

KAZAKH_WOMEN = _words("""Айгүл Гүлнар Динара Жанар Айжан Меруерт Аружан Әсел Ақбота Гүлмира Назерке Жансая Әйгерім
Мадина Дана Сәуле Балжан Ботагөз Гаухар Жұлдыз Қарлығаш Ләззат Мөлдір Перизат Сандуғаш Толқын Шынар Құралай Райхан
Салтанат Бибігүл Күләш Анар Аяулым Томирис Іңкәр Ұлжан Айсұлу Ақмарал Әлия""")

# Fathers of the dead were born 1930-1985: an older, partly different ranking.
KAZAKH_FATHERS = _words("""Серік Болат Қайрат Мұрат Ерлан Нұрлан Марат Асқар Бақыт Жұмабек Төлеген Қанат Ғани Оразбек
Сейітқали Әбдірахман Мұхтар Ермек Рахым Сағат Тұрсын Әмір Жақып Бекен Сейіт Омар Әлі Мақсұт Дүйсен Есен
Кенжебай Жұмабай Тоқтар Сапар Талғат Бауыржан Амангелді Темірболат Мырзахмет Әбдіғали Қуандық Жеңіс Нұрболат
Сәбит Ерғазы Бекмұрат Сайлау Абай Бейсен Қыдырбек Ораз Әбілқас""")

# Forefathers whose names became family names (the rank is the surname's, not the given name's).
KAZAKH_STEMS = _words("""Сәрсен Жұмабай Сейіт Байжан Нұрмағамбет Тұрсынбай Ысқақ Әбдірахман Қожахмет Жақсыбек Оразалы
Сұлтанбек Құдайберген Бекмұхамбет Сыздық Ілияс Исабек Мұқан Тілеу Әбіл Жүсіп Дәулет Шәкен Омар Төле
Байтұр Ермек Мұса Иса Әлім Сапар Тоқтар Есен Бекен Қалиақпар Мырзабек Абай Жанұзақ Әбдікәрім Шәріп Жақып
Рысқұл Нұрпейіс Серікбай Дүйсен Қуаныш Әмір Бақыт Қыдыр Түсіп Мамыр Байзақ Тәжі Әшім Құрман Орынбай Бөкей
Жылқыбай Сәдуақас Тұрар Ғали Жұмағұл Ыдырыс Сағынтай Қанапия Әубәкір Бектұрсын Сейдахмет Нәрібай Күзембай
Тұяқбай Естай Шалабай Малдыбай Бейсембай Есімхан Қаржау Әділбек Жетпісбай Көшербай""")

# The long tail of compound given names (Нұрбек, Бекжан, Ақтілек ...) that real lists are full of.
KAZAKH_PREFIXES = _words("Нұр Ер Бек Жан Ай Ақ Қыдыр Төле Сұлтан Бақыт Жұма Әли Серік Ораз Есен Күн Бай Дос Ізбас")
KAZAKH_SUFFIXES = _words("бек жан болат бол хан тай ғали сұлтан дос зат берген мұрат сейіт ғазы тілек")

RUSSIAN_MEN = _words("""Александр Сергей Дмитрий Андрей Алексей Евгений Владимир Николай Денис Максим Иван Игорь Виталий
Роман Олег Юрий Павел Антон Артём Вячеслав Константин Михаил Виктор Илья Никита Кирилл Вадим Станислав
Григорий Валерий Руслан Эдуард""")
RUSSIAN_WOMEN = _words("""Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Юлия Марина Людмила Галина Виктория
Оксана Алёна""")
RUSSIAN_FATHERS = _words("""Владимир Николай Александр Сергей Виктор Юрий Анатолий Геннадий Валерий Михаил Василий Иван
Пётр Борис Евгений Игорь Олег Леонид Григорий Фёдор Илья Никита Павел Лев Алексей Станислав""")
RUSSIAN_FAMILIES = _words("""Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев
Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев
Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Антонов Тарасов Жуков Баранов Филиппов Комаров
Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Крылов Куликов Карпов Власов Мельников
Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов
Щербаков Калинин Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев
Прохоров Наумов Потапов Журавлёв Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Котов
Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Акимов Бирюков Горбунов Галкин Лукьянов Юдин
Бойко Шевченко Коваленко Ткаченко Кравченко Бондаренко Мельник Шмидт Вагнер Гейнц""")

UZBEK_MEN = _words("""Бахтиёр Шерзод Улугбек Фаррух Жасур Дильшод Азиз Отабек Бобур Ильхом Рустам Шухрат Умид
Жахонгир Хуршид Санжар Нодир Абдулла""")
UZBEK_WOMEN = _words("Дилноза Гулчехра Нилуфар Мохира Феруза Шахноза")
UZBEK_FATHERS = _words("Абдурашид Тохир Хасан Рахим Акбар Кудрат Нигмат Равшан Алишер Махмуд Икром Анвар")
UZBEK_FAMILIES = _words("""Юлдашев Рахимов Турсунов Исмаилов Хамидов Абдуллаев Усманов Насыров Ташпулатов Эргашев Саидов
Холматов Бабаджанов Худайбердиев Маматов""")

UYGHUR_MEN = _words("Ахмаджан Илхам Нурмамат Абдугаппар Дилшат Алимжан Шерзат Арслан Ильяр Эркин Пархат Азат")
UYGHUR_WOMEN = _words("Парида Гульнар Мунира Дильназ Гульмира")
UYGHUR_FATHERS = _words("Абдулла Турсун Мамут Хамит Розахун Кадир Нурахун Ильахун Савут Ясин")
UYGHUR_FAMILIES = _words("""Тохтиев Мамутов Хамраев Исламов Розахунов Сабитов Турдиев Ниязов Юнусов Хашимов Айтахунов
Абдрахманов Меметов""")

DUNGAN_MEN = _words("Хусей Ибрагим Юсуп Хасан Мусар Айуб Ясыр Мухамед Сулейман Ильяс")
DUNGAN_WOMEN = _words("Фатима Аиша Мадина Хадижат")
DUNGAN_FAMILIES = _words("Мансуров Сулейманов Ясыров Хазиров Дауров Ванахунов Мусаев Дзенахунов Сиязов Ванаев")

KOREAN_FAMILIES = _words("Ким Пак Ли Цой Тен Хан Югай Шин Пай Кан Нам Тян Хегай Огай Лим Мун")

# Surnames of prominent public figures (russified, masculine): never formed.
FAMOUS = frozenset(_words("""назарбаев токаев масимов мамин смайлов смаилов кулибаев сатыбалды абыкаев тасмагамбетов
ертысбаев ахметов бектенов нурдаулетов асылов тургумбаев сагинтаев досаев жумангарин ермекбаев бектанов кошанов
ашимбаев джумагельдиев жумагельдиев карин исекешев бишимбаев ахметжанов касымов оспанов шпекбаев утемисов
каримов кадыров медведев"""))

_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_VOWELS = "аәеёиіоөуұүыэюя"


def russify(text: str) -> str:
    """Kazakh letters as Russian-language documents write them (Сәрсенов → Сарсенов)."""
    return text.translate(_KAZAKH_TO_RUSSIAN)


def famous(family: str) -> bool:
    """Whether a family name (any sex, Kazakh or Russian spelling) is a prominent figure's surname."""
    word = russify(family).lower().replace("ё", "е")
    for female, male in (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("қызы", "ұлы"), ("кызы", "улы")):
        if word.endswith(female):
            word = word[: -len(female)] + male
    return word in FAMOUS


def family_from_stem(stem: str, style: str, sex: str) -> str:
    """The family name a forefather's name gives: style "ov" (Сәрсенов), "uly" (Сейітұлы) or "bare"."""
    if style == "bare":
        return stem
    if style == "uly":
        return stem + ("ұлы" if sex == "M" else "қызы")
    last = stem[-1]
    if stem.endswith(("ай", "ей", "ий")):
        male = stem[:-1] + "ев"
    elif last in "ая":
        male = stem[:-1] + "ин"
    elif last == "ы":
        male = stem[:-1] + "иев"
    elif last in "еіиэжшщчц":
        male = stem + "ев"
    else:
        male = stem + "ов"
    return male if sex == "M" else male + "а"


def female_family(male: str) -> str:
    """A sister's or daughter's form of a Russian-pattern family name (Иванов → Иванова; Ким, Бойко stay)."""
    if male.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return male + "а"
    if male.endswith("ий"):
        return male[:-2] + "ая"
    return male


_PATRONYMIC_SPECIAL = {"Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"),
                       "Лев": ("Львович", "Львовна"), "Пётр": ("Петрович", "Петровна"),
                       "Павел": ("Павлович", "Павловна"), "Михаил": ("Михайлович", "Михайловна")}


def russian_patronymic(father: str, sex: str) -> str:
    """Серик → Серикович/Сериковна, Сергей → Сергеевич, Юрий → Юрьевич, Жұмабай → Жұмабаевич."""
    if father in _PATRONYMIC_SPECIAL:
        return _PATRONYMIC_SPECIAL[father][sex == "F"]
    if father.endswith("ий") and len(father) > 4:
        base = father[:-2] + "ьев"
    elif father.endswith(("й", "ь")):
        base = father[:-1] + "ев"
    elif father[-1] in _VOWELS:
        base = father + ("ев" if father[-1] not in "уұү" else "ов")
    elif father[-1] in "жшщчц":
        base = father + "ев"
    else:
        base = father + "ов"
    return base + ("ич" if sex == "M" else "на")


def kazakh_patronymic(father: str, sex: str) -> str:
    """Серік → Серікұлы/Серікқызы, written joined as documents write it."""
    return father + ("ұлы" if sex == "M" else "қызы")


def compound_names(rng: random.Random, count: int, suffixes: Sequence[str] = KAZAKH_SUFFIXES) -> list[str]:
    """Rare compound names (Нұрбек, Есенғали, Күнтай) for a table's tail, in a seed-fixed order."""
    made = [p + s for p in KAZAKH_PREFIXES for s in suffixes if p.lower() != s and not p.endswith(s)]
    rng.shuffle(made)
    return made[:count]


# Forefathers' compound names behind the rarer family names (Есенғалиев, Күнтаев, Нұрбаев).
STEM_SUFFIXES = ("бай", "бек", "ғали", "жан", "тай", "берген", "ғазы", "құл")
