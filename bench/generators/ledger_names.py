"""Who died, for the ``ledger`` generator: name corpora, places, families, twins and cousins.

Everything here is invented from common given names: family names are built from ancestors' given
names the way Kazakh, Russian and Tatar surnames actually arose, so no real victim, witness or public
figure is named on purpose, and a short blocklist keeps well-known surnames from being formed by chance.
The people are kept apart from ``ledger.py`` (the clerks who list them) so that the truth is settled
before any list is compiled, and no list's habits can leak into it.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from itertools import accumulate

from . import TruePerson


def _words(text: str) -> tuple[str, ...]:
    """Whitespace-separated names, duplicates dropped in order (the lists below are typed by hand)."""
    return tuple(dict.fromkeys(text.split()))


KAZAKH_MEN = _words("""
Ерлан Нұрлан Асқар Серік Бауыржан Ержан Қайрат Дәурен Данияр Ерболат Ермек Бақыт Мұрат Талғат Арман Азамат
Ғалым Жандос Мейрам Нұржан Олжас Руслан Самат Тимур Ұлан Ханат Шыңғыс Әділет Әлібек Бекзат Бекжан Бердібек
Болат Дамир Дархан Ерасыл Ерғали Ерқанат Ернар Есен Жақсылық Жанболат Жасұлан Жомарт Қанат Қуаныш Мадияр
Мақсат Марат Медет Мирас Нұрбек Нұрдәулет Оразбек Әлихан Рахат Рүстем Саят Сұлтан Сырым Тоқтар Төлеген
Ұлықбек Фархат Шерхан Ербол Ерік Жұмабек Кенжебек Мағжан Нұрболат Асхат Айдос Айбек Айдар Алмас Алтынбек
Аманжол Асан Үсен Ақжол Ардақ Арыстан Асылан Бағдат Бағлан Бақытжан Батыр Бейбіт Бекарыс Бексұлтан Біржан
Ғабит Ғани Дастан Дидар Досжан Думан Елдос Елжан Ельдар Еркебұлан Еркін Ерлік Ертай Есентай Жалғас Жанат
Жандар Жарас Жәнібек Жеңіс Зейнолла Ілияс Исатай Қайсар Қалдыбек Қасым Қуандық Мақсұт Мейіржан Мұхтар Нартай
Нұрғали Нұрлыбек Нұрым Орынбасар Өмірзақ Өркен Сабыр Сағат Сайын Сәкен Серғазы Серікбол Сержан Тұрсын Хамит
Шалқар Шәкен Ырысбек Ақылбек Алпамыс Амангелді Аманбек Әбдірахман Әділ Әлімжан Әнуар Әсет Ахат Ақтан
Ақылжан Алдияр Алмат Алмаз Алтай Аманғали Аманжан Аржан Арлан Арнұр Аслан Асқат Асылбек Атабек Ахмет Аян
Әмір Әмірхан Бағдаулет Байжан Бақберген Бақтияр Балғабек Балтабай Бекболат Бекмұрат Бекнұр Бектас Бисен
Болатбек Бұлан Даниал Дәулет Дәуренбек Досым Дулат Еділ Елжас Елнұр Еламан Ербақыт Ерден Ержігіт Еркебай
Еркеш Ерсін Ерсұлтан Есбол Есімхан Ескендір Есет Жазылбек Жақып Жанұзақ Жарқын Жексен Жұмағали Жұмажан
Жүніс Жігер Зәкір Ибраһим Идрис Иманғали Иса Кеңес Кемел Кенжеғали Қадыр Қайырбек Қалиасқар Қалмұрат
Қожахмет Құдайберген Құрманбек Мәди Мәлік Мейрамбек Мерей Мирболат Мұхаммед Мұратбек Мұса Мұхамбет Нариман
Нұрасыл Нұрберген Нұрдос Нұрислам Нұрхан Нұртас Оралбек Оралхан Ораз Оспан Өміртай Өмірбек Өтеген Рамазан
Рауан Рашид Ренат Рақымжан Рысбек Рыскелді Сабит Сайлау Салауат Санжар Сапар Сәрсен Сейітқали Серікжан
Сұңқар Сүлеймен Сұлтанбек Талант Тамерлан Тәңірберген Темірлан Темірбек Тілек Тұрлан Тұрсынбек Тоқтасын
Хасен Хұсайын Шамиль Ықылас Алижан Айдын Ансар Бекнар Нұрәли Әлинұр Айбар Айсұлтан Арсен Асылжан Диас
Елдар Ерназар Имран Ислам Мансұр Сабыржан Саламат Темірхан Ұлықпан Әлішер Берік Бағытжан Мағауия Мұхит
Серікболсын Сұлтанмұрат Тимурлан Ерсайын Жанайдар Қуат Ғазиз Әбілхан Бауыржансұлтан Ерхан Нұрсейіт Данабек
Жасжан Ақан Бекет Абзал Әсқат Аханбек Әбу Бердіхан Жұматай Кенжебай Мейірхан Тұрар Төлепберген Нұрмахан
""")

KAZAKH_WOMEN = _words("""
Айгүл Гүлнар Жанар Әсел Динара Айжан Мадина Ләззат Сәуле Гаухар Жібек Ақмарал Айнұр Айман Ботагөз Гүлмира
Дана Ерке Жазира Жұлдыз Зарина Индира Қарлығаш Лаура Мейрамгүл Назерке Нұргүл Нұрсұлу Әйгерім Сандуғаш
Салтанат Сымбат Толқын Ұлжан Шолпан Шынар Эльмира Алтынай Ақбота Ақерке Аружан Балжан Бибігүл Гүлжан Жансая
Жаңыл Жұпар Зәуре Қымбат Күләш Мақпал Меруерт Мөлдір Нағима Назгүл Нәзира Перизат Райхан Роза Сабина Сая
Сұлушаш Тоғжан Үміт Фариза Шырын Іңкәр Айдана Айсұлу Аяулым Баян Гүлсім Дильназ Еркежан Жанель Жанна Жаннат
Жанерке Зере Камила Қаламқас Күнсұлу Ләйла Мариям Нұрай Нұрила Раушан Сабира Сара Талшын Томирис Ұлпан Әлия
Әмина Айша Айнаш Айсана Айзада Ақжарқын Ақнұр Алма Алуа Альбина Анар Арайлым Әсем Бағила Бақытгүл Бану Бота
Гүлбану Гүлдана Гүлзада Гүлназ Гүлшат Дәмеш Дәметкен Дильда Еңлік Жадыра Жамал Жанаргүл Жәмила Жұмагүл Зейнеп
Зүлфия Кәмшат Күлән Мағрипа Майра Мәлике Меңдігүл Мира Нұржамал Рабиға Раиса Сағыныш Салима Сәния Таңшолпан
Тұрсынай Ұлбосын Фатима Хадиша Шахизада Шұғыла Әлфия Әсия Айым Әдемі Бибінұр Гүлнұр Дина Зухра Қаракөз
Қарашаш Құралай Ләтипа Мәрзия Мейіргүл Нұрбибі Сапура Ұлдана Халима Шәріпа Ясмина Асылзат Ақтоты Гүлсара
""")

# Old-fashioned roots that, with -бай, -бек or -жан, make the traditional family names (Тілеубаев, Есенбеков).
ANCESTOR_ROOTS = _words("Жақсы Тәжі Құл Есен Сейіт Әбді Тілеу Төле Жұма Қали Сары Ақ Қара Мырза Қожа Дос Ер Құдай "
                        "Ақыл Ысқақ Жолды Сыздық Бекмұхан Тұрлы Үмбет Шай Өтеп Әли Шәкір Қыдыр")
ROOT_SUFFIXES = ("бай", "бек", "жан")

RUSSIAN_MEN = _words("""
Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Игорь Николай Михаил Иван Павел Виктор Юрий Олег
Денис Максим Артём Антон Роман Вадим Вячеслав Константин Валерий Геннадий Анатолий Виталий Станислав Кирилл
Никита Егор Илья Владислав Григорий Василий Борис Леонид Пётр Фёдор Семён Тимофей Матвей Степан Георгий
""")
RUSSIAN_WOMEN = _words("""
Анна Елена Ольга Наталья Татьяна Ирина Светлана Марина Людмила Галина Юлия Ксения Алёна Дарья Екатерина Мария
Виктория Оксана Надежда Вера Валентина Лариса Тамара Евгения Анастасия Полина Кристина Яна Нина Лидия Софья
""")
RUSSIAN_FAMILIES = _words("""
Иванов Петров Сергеев Алексеев Андреев Павлов Фёдоров Никитин Михайлов Степанов Григорьев Васильев Дмитриев
Николаев Матвеев Тимофеев Антонов Денисов Максимов Борисов Егоров Семёнов Яковлев Кириллов Филиппов Захаров
Тарасов Гаврилов Данилов Макаров Осипов Фомин Кузьмин Ерёмин Ильин Лукин Игнатов Артёмов Алёшин Прохоров
Фролов Савельев Евдокимов Афанасьев Герасимов Леонтьев Тихонов Мартынов Ефимов Родионов Титов Устинов
""")

# Smaller communities: (men's names, women's names, family names in the men's form).
MINORITIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "uyghur": (_words("Алимжан Абдурахман Дильшат Ахмеджан Шухрат Ильяр Муратжан Кахарман Тахир Юсуп Анвар "
                      "Абдулла Рахман Нурахмет Пархат Адилжан Ильхам Азат Рашид Ахтам"),
               _words("Гульнур Патигуль Мадина Зульфия Гульмира Ризвангуль Аминам Гулбахар Рейхангуль Назугум "
                      "Шахида Мехригуль Гульзира"),
               _words("Алимов Абдурахманов Тахиров Юсупов Рахманов Нурахметов Исламов Хамраев Мамутов Турсунов "
                      "Аблимитов Абдулов Сабитов Мусаев Ахтамов")),
    "uzbek": (_words("Бахтиёр Шерзод Улугбек Фаррух Жасур Азиз Отабек Ботир Дилшод Санжар Рустам Шухрат Фуркат "
                     "Равшан Акмал Жамшид Бобур Алишер Хуршид"),
              _words("Дилноза Нигора Шахноза Гулнора Феруза Малика Зарина Мохира Дилфуза Севара Гулчехра Нодира"),
              _words("Рахимов Юлдашев Назаров Усманов Султанов Ташпулатов Хакимов Турсунов Абдуллаев Эргашев "
                     "Холматов Аминов Исмаилов Файзуллаев")),
    "tatar": (_words("Ринат Ильдар Рамиль Айдар Марат Рустем Ильнур Раиль Фарид Дамир Рафаэль Радик Ильшат Азат "
                     "Камиль Наиль"),
              _words("Гульнара Альфия Резеда Лейсан Эльмира Алсу Гульшат Диляра Венера Розалия Гузель Ильмира"),
              _words("Сафин Галиев Хайруллин Шарипов Закиров Валиев Гарипов Нуриев Мингазов Сабиров Хабибуллин "
                     "Ахмадуллин Фаттахов Гильманов Зарипов Мухаметшин")),
    "korean": (_words("Александр Сергей Вячеслав Эдуард Виктор Владимир Олег Игорь Денис Артур Геннадий Роман"),
               _words("Ольга Елена Ирина Светлана Марина Татьяна Анжела Виктория Наталья Алла"),
               _words("Ким Пак Ли Тен Хан Югай Нам Шин Ан Огай Когай Пай")),
    "german": (_words("Андрей Александр Виктор Вальдемар Эдуард Роберт Давид Генрих Артур Иван Владимир Яков"),
               _words("Ирина Елена Ольга Эмма Амалия Лидия Наталья Марина Ирма Фрида"),
               _words("Вернер Конрад Дитрих Альбрехт Бернгардт Гергардт Людвиг Петерс Фридрих Генрихс Вальтер")),
}

# Places of death as of January 2022 (Almaty city about 45%).
SETTLEMENTS = (  # Russian name, Kazakh name, region (Russian), region (Kazakh), weight
    ("Алматы", "Алматы", "г. Алматы", "Алматы қаласы", 45),
    ("Талдыкорган", "Талдықорған", "Алматинская область", "Алматы облысы", 5),
    ("Каскелен", "Қаскелең", "Алматинская область", "Алматы облысы", 2),
    ("Капшагай", "Қапшағай", "Алматинская область", "Алматы облысы", 2),
    ("Талгар", "Талғар", "Алматинская область", "Алматы облысы", 2),
    ("Есик", "Есік", "Алматинская область", "Алматы облысы", 1),
    ("Тараз", "Тараз", "Жамбылская область", "Жамбыл облысы", 6),
    ("Кордай", "Қордай", "Жамбылская область", "Жамбыл облысы", 2),
    ("Шымкент", "Шымкент", "г. Шымкент", "Шымкент қаласы", 4),
    ("Туркестан", "Түркістан", "Туркестанская область", "Түркістан облысы", 2),
    ("Кентау", "Кентау", "Туркестанская область", "Түркістан облысы", 1),
    ("Кызылорда", "Қызылорда", "Кызылординская область", "Қызылорда облысы", 4),
    ("Жанаозен", "Жаңаөзен", "Мангистауская область", "Маңғыстау облысы", 3),
    ("Актау", "Ақтау", "Мангистауская область", "Маңғыстау облысы", 3),
    ("Актобе", "Ақтөбе", "Актюбинская область", "Ақтөбе облысы", 4),
    ("Атырау", "Атырау", "Атырауская область", "Атырау облысы", 2),
    ("Караганда", "Қарағанды", "Карагандинская область", "Қарағанды облысы", 3),
    ("Нур-Султан", "Нұр-Сұлтан", "г. Нур-Султан", "Нұр-Сұлтан қаласы", 2),
    ("Уральск", "Орал", "Западно-Казахстанская область", "Батыс Қазақстан облысы", 2),
    ("Усть-Каменогорск", "Өскемен", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", 1),
    ("Семей", "Семей", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", 1),
)
# Burial registers of the Almaty area, by settlement.
CEMETERIES = {  # (Muslim, other) cemeteries a register covers
    "Алматы": (("Мусульманское кладбище, Алатауский р-н", "Мусульманское кладбище, Наурызбайский р-н"),
               ("Кладбище «Северное»", "Кладбище «Восточное»")),
    "other": (("Мусульманское кладбище",), ("Городское кладбище",)),
}

# Well-known surnames a random ancestor name could produce; they are never generated.
BLOCKED_FAMILIES = frozenset(_words(
    "назарбаев токаев масимов мамин сагинтаев кулибаев сатбаев сатпаев кунаев конаев ауэзов уалиханов "
    "валиханов байтурсынов кунанбаев иманов алиев ахметов смаилов абыкаев аблязов жакиянов бекетаев "
    "жумагулов тасмагамбетов кожамжаров исекешев каримов кадыров ниязов романов"))

_VOWELS = set("аәеёиоөұүуыіэюя")
_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_RU_PATRONYMIC = {"Пётр": ("Петрович", "Петровна"), "Павел": ("Павлович", "Павловна"), "Лев": ("Львович", "Львовна"),
                  "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"),
                  "Яков": ("Яковлевич", "Яковлевна")}


def russified(text: str) -> str:
    """Kazakh letters as a Russian keyboard writes them: Серік → Серик, Қайрат → Кайрат."""
    return text.translate(_RUSSIFY)


def _alphabet(pairs: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in pairs.split())


# The two official Latin alphabets for Kazakh (decrees of October 2017 and February 2018).
_LATIN_2017 = _alphabet("а:a ә:a' б:b в:v г:g ғ:g' д:d е:e ё:io ж:j з:z и:i' й:i' к:k қ:q л:l м:m н:n ң:n' о:o "
                        "ө:o' п:p р:r с:s т:t у:y' ұ:u ү:u' ф:f х:h һ:h ц:ts ч:c' ш:s' щ:s'c' ъ: ы:y і:i ь: э:e "
                        "ю:i'y' я:i'a")
_LATIN_2018 = _alphabet("а:a ә:á б:b в:v г:g ғ:ǵ д:d е:e ё:ıo ж:j з:z и:ı й:ı к:k қ:q л:l м:m н:n ң:ń о:o ө:ó "
                        "п:p р:r с:s т:t у:ý ұ:u ү:ú ф:f х:h һ:h ц:ts ч:ch ш:sh щ:shch ъ: ы:y і:i ь: э:e ю:ıý я:ıa")
LATIN = {"2017": _LATIN_2017, "2018": _LATIN_2018}


def latin(text: str, scheme: str) -> str:
    """Cyrillic → one of the Kazakh Latin alphabets, keeping capitals: Шынар → S'ynar or Shynar."""
    table = LATIN[scheme]
    out = []
    for char in text:
        low = char.lower()
        if low not in table:
            out.append(char)
            continue
        piece = table[low]
        out.append(piece[:1].upper() + piece[1:] if char != low else piece)
    return "".join(out)


def plain_latin(text: str) -> str:
    """What a Latin name looks like typed on a plain keyboard: S'ynar → Synar, Ǵalym → Galym."""
    return text.translate(str.maketrans("áǵńóúýıÁǴŃÓÚÝ", "agnouyiAGNOUY")).replace("'", "")


def is_blocked(family: str) -> bool:
    """Compared Russified and without the feminine -а, so Сәтбаева is caught as well as Сатпаев."""
    key = russified(family).lower().replace("ё", "е")
    return key in BLOCKED_FAMILIES or key.removesuffix("а") in BLOCKED_FAMILIES


def family_from_ancestor(name: str) -> str:
    """Ерлан → Ерланов, Мұса → Мұсаев, Серікбай → Серікбаев: the -ов/-ев family names of Soviet registration."""
    if name[-1] == "й":
        return name[:-1] + "ев"
    return name + ("ев" if name[-1] in _VOWELS else "ов")


def feminine(family: str) -> str:
    """Иванов → Иванова, Ильин → Ильина; Ким, Вернер and glued -ұлы forms do not change."""
    return family + "а" if family.endswith(("ов", "ев", "ин", "ёв")) else family


def patronymic(father: str, female: bool, kazakh_style: bool = False) -> str:
    """Нұрлан → Нұрланович / Нұрлановна, or the Kazakh Нұрланұлы / Нұрланқызы; Сергей → Сергеевич."""
    if kazakh_style:
        return father + ("қызы" if female else "ұлы")
    if father in _RU_PATRONYMIC:
        return _RU_PATRONYMIC[father][female]
    if father.endswith("ий"):
        stem = father[:-2]
        joint = "и" if len(stem) > 1 and stem[-2].lower() not in _VOWELS else "ь"
        return stem + joint + ("евна" if female else "евич")
    if father[-1] in "йь":
        return father[:-1] + ("евна" if female else "евич")
    if father[-1] in _VOWELS:
        return father + ("евна" if female else "евич")
    return father + ("овна" if female else "ович")


SETTLEMENT_CUM = list(accumulate(s[4] for s in SETTLEMENTS))
DEATH_DAYS = (4, 5, 6, 7, 8, 9, 10, 11)
DEATH_DAY_CUM = list(accumulate((3, 30, 31, 14, 8, 6, 4, 4)))
PEOPLES = ("kazakh", "russian", "uyghur", "uzbek", "tatar", "korean", "german")
PEOPLE_CUM = list(accumulate((80, 12, 2.5, 2.3, 1.5, 0.9, 0.8)))


class _Pick:
    """Weighted draws with a modest skew: the commonest name is a few per cent of people, not a quarter."""

    def __init__(self, items: tuple[str, ...], head: float = 12.0, skew: float = 0.8) -> None:
        self.items = items
        self.cum = list(accumulate(1.0 / (i + head) ** skew for i in range(len(items))))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]


GIVEN = {("kazakh", "M"): _Pick(KAZAKH_MEN), ("kazakh", "F"): _Pick(KAZAKH_WOMEN),
         ("russian", "M"): _Pick(RUSSIAN_MEN), ("russian", "F"): _Pick(RUSSIAN_WOMEN)}
GIVEN |= {(p, s): _Pick(pools[i], head=4) for p, pools in MINORITIES.items() for i, s in enumerate("MF")}
ANCESTOR = _Pick(KAZAKH_MEN, head=60, skew=0.6)
FAMILIES = {"russian": _Pick(RUSSIAN_FAMILIES, head=8)} | {
    p: _Pick(pools[2], head=4) for p, pools in MINORITIES.items()}


MORGUE_PAPER = 0.6  # share of deaths whose morgue paperwork reached the prosecutor
TALKATIVE = 0.3  # share of families who talk to human-rights groups anyway
UNACKNOWLEDGED_TALK = 0.9  # of the rest, those who do once no official paper names their dead
POSTS = 0.9  # social-media posts about an ordinarily visible death


@dataclass(frozen=True)
class Lineage:
    """What relatives share: family name, father, place, and whether the family talks to NGOs."""

    people: str
    family: str  # the men's form; for the -ұлы and bare styles, the father's name
    style: str  # "ov" (inflects for women) | "uly" (Нұрланұлы / Нұрланқызы) | "bare" | "plain"
    father: str
    patronymic: str  # "ru" (Нұрланович), "kk" (Нұрланұлы) or "" (none in the documents)
    settlement: tuple
    talks: bool


@dataclass
class Victim:
    truth: TruePerson
    lineage: Lineage
    patronymic: str  # as the documents write it, "" when they have none
    posts: int  # social-media posts about the death
    morgue_paper: bool  # the death reached the prosecutor through a morgue
    talks: bool  # the family talks to human-rights groups (more often when no official paper names the death)

    @property
    def age(self) -> int:
        born, died = self.truth.date_of_birth, self.truth.date_of_death
        return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def _kazakh_family(rng: random.Random, style: str) -> str:
    while True:
        if style == "trad":
            family = family_from_ancestor(rng.choice(ANCESTOR_ROOTS) + rng.choice(ROOT_SUFFIXES))
        else:
            family = family_from_ancestor(ANCESTOR(rng))
        if not is_blocked(family):
            return family


def _lineage(rng: random.Random, settlement: tuple | None = None, style: str | None = None) -> Lineage:
    """A family as the registry knows it: Kazakh names in four family-name styles, the others inherited."""
    people = rng.choices(PEOPLES, cum_weights=PEOPLE_CUM)[0]
    settlement = settlement or rng.choices(SETTLEMENTS, cum_weights=SETTLEMENT_CUM)[0]
    talks = rng.random() < TALKATIVE
    if people == "kazakh":
        father = GIVEN["kazakh", "M"](rng)
        style = style or rng.choices(("ov", "trad", "uly", "bare"), (62, 14, 12, 12))[0]
        family = _kazakh_family(rng, style) if style in ("ov", "trad") else father
        if style in ("ov", "trad"):
            kind = rng.choices(("ru", "kk", ""), (57, 31, 12))[0]
        else:
            kind = "kk" if style == "bare" and rng.random() < 0.15 else ""
        return Lineage(people, family, "ov" if style == "trad" else style, father, kind, settlement, talks)
    father = GIVEN[people, "M"](rng)
    keeps = {"russian": 0.97, "korean": 0.85, "german": 0.7}.get(people, 0.9)
    style = "plain" if people in ("korean", "german") else "ov"
    return Lineage(people, FAMILIES[people](rng), style, father, "ru" if rng.random() < keeps else "", settlement,
                   talks)


def _member(rng: random.Random, line: Lineage, number: int, given: str = "", sex: str = "",
            born: dt.date | None = None, died: dt.date | None = None) -> Victim:
    """One dead member of a lineage; relatives pass a shared birth or death date."""
    sex = sex or ("M" if rng.random() < 0.87 else "F")
    given = given or GIVEN[line.people, sex](rng)
    female = sex == "F"
    family = {"ov": feminine(line.family) if female else line.family, "bare": line.family, "plain": line.family,
              "uly": line.father + ("қызы" if female else "ұлы")}[line.style]
    died = died or dt.date(2022, 1, rng.choices(DEATH_DAYS, cum_weights=DEATH_DAY_CUM)[0])
    if born is None:
        years = rng.randint(3, 15) if rng.random() < 0.015 else min(80, 17 + int(rng.gammavariate(2.0, 7.5)))
        born = died - dt.timedelta(days=int(years * 365.25) + rng.randrange(365))
    place = line.settlement
    truth = TruePerson(f"L{number:06d}", family, given, line.father, sex, born, died, place[0], place[2])
    visibility = rng.lognormvariate(0.0, 0.8) * (1.6 if female or died.year - born.year < 18 else 1.0)
    kind = line.patronymic
    written = patronymic(line.father, female, kind == "kk") if kind else ""
    paper = rng.random() < MORGUE_PAPER
    talks = line.talks or (not paper and rng.random() < UNACKNOWLEDGED_TALK)
    return Victim(truth, line, written, _poisson(POSTS * visibility, rng), paper, talks)


def _poisson(mean: float, rng: random.Random) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _cousins(rng: random.Random, number: int) -> list[Victim]:
    """Grandsons of one man: the same -ов family name and place, two or three fathers (so patronymics differ)."""
    line = _lineage(rng, style="ov")
    while line.people != "kazakh":
        line = _lineage(rng, style="ov")
    brothers = (line.father, GIVEN["kazakh", "M"](rng), GIVEN["kazakh", "M"](rng))
    died = dt.date(2022, 1, rng.choice((5, 6)))
    cousins = []
    for _ in range(rng.randint(3, 6)):
        branch = Lineage(line.people, line.family, "ov", rng.choice(brothers), line.patronymic, line.settlement,
                         line.talks)
        day = died + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
        cousins.append(_member(rng, branch, number + len(cousins), sex="M", died=day))
    return cousins


def _twins(rng: random.Random, number: int) -> list[Victim]:
    """Two children of one father born the same day; Kazakh twin boys are often Асан and Үсен."""
    line = _lineage(rng)
    sex_a = "M" if rng.random() < 0.8 else "F"
    sex_b = sex_a if rng.random() < 0.6 else "MF"[sex_a == "M"]
    pair = ("Асан", "Үсен") if line.people == "kazakh" and sex_a == sex_b == "M" and rng.random() < 0.3 else ("", "")
    first = _member(rng, line, number, pair[0], sex_a)
    given = pair[1]
    while not given or given == first.truth.given:
        given = GIVEN[line.people, sex_b](rng)
    died = first.truth.date_of_death + dt.timedelta(days=0 if rng.random() < 0.7 else 1)
    return [first, _member(rng, line, number + 1, given, sex_b, first.truth.date_of_birth, died)]


def the_dead(count: int, rng: random.Random) -> list[Victim]:
    """Singles, 1% twins, and one extended family of cousins per 2,500 people (at least one)."""
    victims: list[Victim] = []
    for _ in range(max(1, count // 2500)):
        victims += _cousins(rng, len(victims) + 1)
    for _ in range(round(count * 0.005)):
        victims += _twins(rng, len(victims) + 1)
    while len(victims) < count:
        victims.append(_member(rng, _lineage(rng), len(victims) + 1))
    return victims[:count]
