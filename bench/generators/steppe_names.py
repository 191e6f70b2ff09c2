"""Name corpora, places, transliteration tables and spelling habits for the ``steppe`` generator.

Why a separate module: the data are long and change for different reasons than the generator's logic;
with them live the small functions that write names, dates and numbers as each kind of clerk does.
Every name here is a common given name (or a common Russian family name); the generator forms Kazakh,
Uzbek, Uyghur and Tatar family names from given names, as most such family names were formed, so no
real person's full name is copied. Lists are ordered roughly from most to least common, because the
generator weights them by rank (Zipf-like), which is what makes namesakes occur at realistic rates.
"""

from __future__ import annotations

import datetime as dt
import random


def _words(text: str) -> tuple[str, ...]:
    """Split a block of names, dropping repeats but keeping the first (most common) position."""
    return tuple(dict.fromkeys(text.split()))


# Kazakh men's given names of the generations born 1980-2005, in Kazakh spelling.
KZ_MALE = _words("""
Ерлан Нұрлан Асқар Дәурен Ержан Серік Бауыржан Арман Қайрат Мұрат Талғат Ерболат Жандос Дархан Азамат
Айдос Бекзат Нұрсұлтан Жәнібек Әсет Ернар Ерасыл Ербол Берік Болат Марат Мақсат Руслан Санжар Темірлан
Олжас Ілияс Мейрам Данияр Алмас Нұржан Асхат Жасұлан Абылай Айбек Бақыт Бақытжан Ғалым Дамир Дулат Думан
Елдос Елнұр Еркін Еркебұлан Жақсылық Жарас Жомарт Қанат Қасым Қуаныш Мағжан Мади Мейіржан Мирас Мұхтар
Нұрболат Нұрбек Нұрдәулет Ораз Рамазан Рүстем Сайран Самат Сәкен Сұлтан Сырым Тимур Тұрар Шыңғыс Ықылас
Әділ Әлібек Әділет Бекарыс Бекжан Біржан Дәулет Ертай Есен Ерқанат Ерғали Ерсін Ержігіт Жанболат Жалғас
Жеңіс Жұмабек Досым Досжан Дидар Диас Ерік Ернұр Есет Ислам Кенжебек Қалдыбек Қуандық Құдайберген Мадияр
Мақсұт Медет Нұрасыл Нұрислам Нұркен Нұрмұхамед Оспан Өркен Рахат Ринат Ризабек Сабыр Сағат Саят Серікжан
Талант Тілек Төрехан Ұлан Ұлықбек Хамит Шалқар Шерхан Ақылбек Алибек Алтай Амангелді Асылбек Атабек Айдар
Әбілқайыр Әлихан Әмір Бағдат Бағлан Бақберген Бейбіт Бекболат Бекнұр Болатбек Бүркіт Ғани Ғабит Дастан
Дінмұхамед Ерхан Ерұлан Есболат Жасталап Жақып Жүсіп Зейнолла Исатай Кемел Қазбек Қайыржан Қайсар Қанатбек
Қарасай Қожахмет Мақсатбек Мейрамбек Мұратбек Мұхамедәли Нұрлыбек Нұртас Нысанбек Оралбек Айдын Ақжол
Өмірбек Пернебек Рауан Сақтаған Сапар Сейітжан Сейіт Серікбай Сұңқар Талғатбек Темір Төлеген Тоқтар Хасен
Ғазиз Ерғазы Жанат Жанұзақ Жарқын Жұмағали Қадыржан Қалижан Манас Мұхит Нұржігіт Рашид Сәбит Талап Шәкен
Алпамыс Арыстан Асан Байжан Бекасыл Ербақыт Есжан Жанарыс Әлішер Бексұлтан Ерназар Жансерік Қуат Мейірлан
Нұрғиса Саламат Серікқали Тәуекел Ұланғасыр Аманжол Асқарбек Бақдәулет Бекмырза Дәурендік Ержан Жандарбек
Кеңес Мұратхан Нұрмұхан Оңдасын Рахымжан Сағынтай Сәкенжан Темірхан Уәлихан Шынболат Ақан Ерсұлтан Жеңісбек
""")

# Women's given names (Kazakh spelling), same generations.
KZ_FEMALE = _words("""
Айгерім Гүлнар Жанар Әсел Динара Айнұр Мадина Ақмарал Гүлмира Салтанат Жанна Айжан Назерке Аружан Дана
Ботагөз Гүлжан Ләззат Мөлдір Сәуле Нұргүл Айдана Жансая Ардақ Ақбота Анар Балжан Баян Бибігүл Гауһар Гүлназ
Гүлсара Гүлшат Дариға Жазира Жұлдыз Зарина Зере Индира Қарлығаш Қымбат Күләш Ләйлә Маржан Меруерт Мейрамгүл
Назгүл Нұрсұлу Перизат Раушан Сабина Самал Сандуғаш Сымбат Толқын Томирис Ұлжан Ұлпан Шолпан Шынар Айсұлу
Айым Ақерке Алия Аягөз Бағила Ғалия Дильназ Жібек Зәуре Камила Кәмшат Мақпал Нағима Нәзира Нұрай Роза Сара
Тоғжан Фариза Хадиша Әйгерім Әлия Әсем Ерке Жадыра Жаңыл Күнсұлу Ақнұр Аида Дәмеш Гүлнұр Жаннат Ләйлім
Мереке Сәния Айкерім Балнұр Бақытгүл Еркеназ
""")

# Grandfathers' and older fathers' given names (born 1910-1960): the source of most family names.
KZ_ELDER = _words("""
Жұмабай Төлеу Мұқан Сәрсен Омар Әбдірахман Сапар Тұрсын Қожа Нұрмақан Сейітқали Жақып Ыбырай Есім Әбділда
Тоқтар Балтабай Ермек Дүйсен Кенжебай Шәріп Оспан Мұсабек Әбен Садық Сейітжан Тілеуберді Әлімжан Байжұма
Жолдас Жұмаділ Жүсіп Қали Қасен Құрман Мақаш Мұхаметжан Нұрмұхан Оразбай Рахым Сағындық Сәдуақас Смағұл
Сұлтанбек Тәжібай Төлеген Үсен Хамза Шаймерден Ыдырыс Әбілқасым Әкім Бейсен Бекен Ғабдулла Ерназар Есенжол
Жақсыбай Жанұзақ Жетпісбай Жұмаш Ибрай Иманбай Қабдолла Қайырбек Қалдыбай Қоңырбай Қуанбай Құлмұхамед
Мамыр Мейірбек Мұқаш Мырзабек Нұрлыбай Оңғар Өтеген Рақымжан Сағынбай Сәрсенбай Сейілбек Сыздық Тасболат
Тұрсынбай Түсіп Шалабай Шәкір Ысқақ Әбдікәрім Әбеу Жақан Жұмахан Бекбол Қойшыбай Есенгелді Нұрғали Әбжан
Байділда Көшербай Мақсұт Досмұхамед Базарбай Ғазиз Жарылқасын Иса Мұса Омархан Сейфолла Тоқтасын Ұзақ
Хасен Әміртай Бекмағамбет Дәуренбек Ережеп Жаманбай Ибрагим Қалиакбар Құсайын Мұстафа Нәбиолла Рысбек
Сүлеймен Тайыр Уәли Шәйкен Әбдіғали Бөкей Жексенбай Кәрібай Мәлік Сатыбек Шоқай
""")

RU_MALE = _words("""
Александр Сергей Андрей Дмитрий Алексей Владимир Евгений Николай Игорь Максим Денис Павел Виталий Роман
Артём Иван Михаил Олег Вячеслав Антон Виктор Юрий Константин Вадим Станислав Геннадий Валерий Василий
Анатолий Кирилл Никита Даниил Егор Илья Эдуард Григорий Степан Борис Леонид Аркадий
""")
RU_FEMALE = _words("""
Елена Ольга Наталья Татьяна Ирина Светлана Анна Екатерина Юлия Марина Валентина Людмила Галина Оксана
Анастасия Виктория Кристина Дарья Надежда Вера
""")
# Common Russian family names (masculine form), most common first.
RU_FAMILY = _words("""
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков Алексеев
Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев
Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Кузьмин Фролов Александров Дмитриев Гусев
Киселев Ильин Максимов Поляков Сорокин Виноградов Ковалев Белов Антонов Тарасов Баранов Филиппов Комаров
Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов
Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов
Мартынов Ефимов Федотов Щербаков Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Голубев
Прохоров Наумов Потапов Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Котов
Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Акимов Бирюков Горбунов Галкин Юдин Белоусов
""")

# Uzbek, Uyghur and Tatar given names (Russian-style Cyrillic, as their documents in Kazakhstan have them).
OTHER_MALE = _words("""
Рустам Ильдар Шухрат Бахтияр Дилшод Фарход Азиз Улугбек Шерзод Анвар Рашид Ильшат Марсель Айрат Ойбек
Абдулла Юсуп Махмуд Акбар Шавкат Равшан Зафар Илхом Нодир Тохир Жамшид Алим Ахмаджан Муратжан Дильмурат
Эркин Рамиль Ильнур Рустем Фарит Радик Зуфар Наиль Шамиль Абдурешит
""")
OTHER_FEMALE = _words("""
Дилноза Гулноза Малика Нилуфар Шахноза Зульфия Гульнара Лейла Эльмира Альфия Гузель Лилия Райхан Патигул
Мухаббат
""")
OTHER_ELDER = _words("""
Рахим Юсуп Махмуд Абдулла Турсун Ахмад Хасан Усман Хамид Саид Абдурахман Мансур Нурулла Гафур Закир
Шакир Фарид Габдулла Ильяс Валий Латып Сабир Мамут Тохтахун Исмаил Зиннат Хайрулла
""")

# Family names (Russianised, lower case, without a feminine -а) that belong to public figures; a
# generated family name that lands on one of these is drawn again, so nobody famous is impersonated.
FAMOUS_FAMILIES = frozenset({
    "назарбаев", "токаев", "масимов", "кулибаев", "кадыров", "каримов", "алиев", "ахметов", "сагинтаев",
    "мамин", "смаилов", "смайылов", "тасмагамбетов", "ашимбаев", "кошанов", "досаев", "абишев", "сатыбалдиев",
    "мирзиеев", "аблязов", "жакиянов", "мамаев", "атамкулов", "байтурсынов", "шокаев", "букеев", "уалиев",
})

# Settlements: Russian, Kazakh, English spellings (first is usual), region in Russian, weight, whether
# the Almaty morgue serves it. Weights follow where people died in January 2022: mostly Almaty.
PLACES: tuple[tuple[str, str, tuple[str, ...], str, float, bool], ...] = (
    ("Алматы", "Алматы", ("Almaty", "Alma-Ata", "Almaty city"), "г. Алматы", 0.60, True),
    ("Талдыкорган", "Талдықорған", ("Taldykorgan", "Taldyqorgan"), "Алматинская область", 0.085, True),
    ("Каскелен", "Қаскелең", ("Kaskelen", "Qaskeleñ"), "Алматинская область", 0.02, True),
    ("Талгар", "Талғар", ("Talgar",), "Алматинская область", 0.012, True),
    ("Есик", "Есік", ("Esik", "Issyk"), "Алматинская область", 0.008, True),
    ("Шымкент", "Шымкент", ("Shymkent", "Chimkent"), "г. Шымкент", 0.06, False),
    ("Тараз", "Тараз", ("Taraz",), "Жамбылская область", 0.06, False),
    ("Кызылорда", "Қызылорда", ("Kyzylorda", "Qyzylorda"), "Кызылординская область", 0.035, False),
    ("Актобе", "Ақтөбе", ("Aktobe", "Aqtobe"), "Актюбинская область", 0.025, False),
    ("Жанаозен", "Жаңаөзен", ("Zhanaozen", "Janaozen"), "Мангистауская область", 0.012, False),
    ("Актау", "Ақтау", ("Aktau", "Aqtau"), "Мангистауская область", 0.01, False),
    ("Туркестан", "Түркістан", ("Turkestan", "Turkistan"), "Туркестанская область", 0.01, False),
    ("Нур-Султан", "Нұр-Сұлтан", ("Nur-Sultan",), "г. Нур-Султан", 0.006, False),
    ("Уральск", "Орал", ("Uralsk", "Oral"), "Западно-Казахстанская область", 0.005, False),
    ("Караганда", "Қарағанды", ("Karaganda", "Qaragandy"), "Карагандинская область", 0.004, False),
)

# Kazakh letters to the Russian letters Russian-language documents use for them.
KZ_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")

# Latin schemes, each a letter table applied to lower-case Cyrillic. "passport" reads Russian spelling,
# "kz2021" and "kz2017" read Kazakh spelling, "press" either (journalists mix both).
_COMMON = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "к": "k", "л": "l", "м": "m",
           "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "ъ": "", "ь": "", "э": "e"}
LATIN: dict[str, dict[str, str]] = {
    "passport": {**_COMMON, "ё": "e", "ж": "zh", "и": "i", "й": "y", "у": "u", "х": "kh", "ц": "ts", "ч": "ch",
                 "ш": "sh", "щ": "shch", "ы": "y", "ю": "yu", "я": "ya"},
    "press": {**_COMMON, "ё": "yo", "ж": "zh", "и": "i", "й": "y", "у": "u", "х": "kh", "ц": "ts", "ч": "ch",
              "ш": "sh", "щ": "shch", "ы": "y", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n",
              "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"},
    "kz2021": {**_COMMON, "ё": "io", "ж": "j", "и": "i", "й": "i", "у": "u", "х": "h", "ц": "ts", "ч": "ch",
               "ш": "ş", "щ": "şş", "ы": "y", "ю": "iu", "я": "ia", "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ",
               "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h", "і": "ı"},
    "kz2017": {**_COMMON, "ё": "io", "ж": "j", "и": "i'", "й": "i'", "у": "y'", "х": "h", "ц": "c", "ч": "c'",
               "ш": "s'", "щ": "s'", "ы": "y", "ю": "iy'", "я": "ia", "ә": "a'", "ғ": "g'", "қ": "q", "ң": "n'",
               "ө": "o'", "ұ": "u", "ү": "u'", "һ": "h", "і": "i"},
}

KZ_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MEDIA_SOURCES = ("Telegram", "Telegram channel", "local news", "relatives", "social media", "eyewitness", "")
NGO_NOTES = ("", "", "", "ауруханада қайтыс болды", "оқ тиген", "туыстарының айтуынша", "тексерілуде")
# Districts of Almaty city, which an official register sometimes adds after the city.
ALMATY_DISTRICTS = ("Алмалинский", "Ауэзовский", "Бостандыкский", "Жетысуский", "Медеуский", "Турксибский",
                    "Алатауский", "Наурызбайский")


def russian(text: str) -> str:
    """Kazakh letters as Russian-language documents write them: Нұрлан → Нурлан, Әсет → Асет."""
    return text.translate(KZ_TO_RU)


def with_suffix(name: str, hard: str) -> str:
    """Жұмабай → Жұмабаев, Мұса → Мұсаев, Қуаныш → Қуанышев, Серік → Серіков (``hard`` is "ов")."""
    if name.endswith("ий"):
        return name[:-2] + "ьев"  # Василий → Васильев(ич)
    if name[-1] in "йь":
        return name[:-1] + "ев"
    if name[-1] in "аяиіжшщчц":
        return name + "ев"
    return name + hard


def feminine(family: str) -> str:
    """Нұрланов → Нұрланова, Серікұлы → Серікқызы."""
    return family[:-3] + "қызы" if family.endswith("ұлы") else family + "а"


def typo(rng: random.Random, text: str) -> str:
    """One slip of a typist: a dropped, doubled or swapped letter, never the first letter of a word."""
    letters = [i for i, c in enumerate(text) if c.isalpha() and i > 0 and text[i - 1].isalpha()]
    if len(letters) < 3:
        return text
    i, roll = rng.choice(letters), rng.random()
    if roll < 0.35:
        return text[:i] + text[i + 1:]
    if roll < 0.65 or i + 1 >= len(text) or not text[i + 1].isalpha():
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def kazakh_date(rng: random.Random, day: dt.date) -> str:
    """Forms Kazakh-language lists use, all of which Tergeu's date parser reads."""
    month = KZ_MONTHS[day.month - 1]
    forms = (f"{day.day} {month} {day.year}", f"{day.year} жылғы {day.day} {month}", f"{day:%d.%m.%Y}",
             f"{day.year} ж. {day.day} {month}", f"{day.day} {month} {day.year} ж.")
    return rng.choices(forms, weights=(5, 3, 2, 1, 1))[0]


def english_date(rng: random.Random, day: dt.date) -> str:
    """Journalists' forms; always with the year, since a bare "Jan. 7" is not a date Tergeu accepts."""
    month = EN_MONTHS[day.month - 1]
    forms = (f"{month} {day.day}, {day.year}", f"{day.day} {month[:3]} {day.year}",
             f"{month[:3]}. {day.day}, {day.year}", f"{day.day} {month} {day.year}", f"{day:%Y-%m-%d}")
    return rng.choices(forms, weights=(4, 3, 2, 2, 1))[0]


def latin(rng: random.Random, text: str, scheme: str) -> str:
    """Cyrillic to one Latin scheme of ``LATIN``, each word capitalised; Е- sometimes Ye- as in passports."""
    table = LATIN[scheme]
    ye = scheme in ("passport", "press") and rng.random() < (0.7 if scheme == "passport" else 0.4)
    words = []
    for word in text.lower().split():
        word = "й" + word if ye and word[0] == "е" else word  # Ерлан → Yerlan
        spelled = "".join(table.get(c, c) for c in word).replace("yy", "y")
        words.append(spelled[:1].upper() + spelled[1:])
    return " ".join(words)


def wrong_digit(rng: random.Random, digits: str) -> str:
    """One digit mistyped, as in an IIN copied by hand."""
    i = rng.randrange(len(digits))
    return digits[:i] + rng.choice([d for d in "0123456789" if d != digits[i]]) + digits[i + 1:]


def slip_date(rng: random.Random, day: dt.date) -> dt.date:
    """A mistyped date of birth: the year or the day off by a digit or a key."""
    if rng.random() < 0.5:
        year = day.year + rng.choice((-10, -1, 1, 10))
        return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)
    return day.replace(day=rng.choice([d for d in range(1, 29) if d != day.day]))


def near(rng: random.Random, day: dt.date, chance: float) -> dt.date:
    """A day off by one with the given chance: a death reported at the date it became known."""
    return day + dt.timedelta(days=rng.choice((-1, 1))) if rng.random() < chance else day


def dmy(rng: random.Random, day: dt.date, swap_chance: float = 0.0) -> str:
    """dd.mm.yyyy, with day and month swapped (only where that still makes a date) at ``swap_chance``."""
    if day.day <= 12 and rng.random() < swap_chance:
        return f"{day:%m.%d.%Y}"  # day and month swapped by a clerk
    return f"{day:%d.%m.%Y}"


def iin(rng: random.Random, born: dt.date, sex: str) -> str:
    """A valid Kazakh IIN: yymmdd, century/sex digit, four serial digits, check digit (two weight passes)."""
    code = (3 if born.year < 2000 else 5) + (sex == "F")
    while True:
        first = f"{born:%y%m%d}{code}{rng.randrange(10000):04d}"
        digits = [int(c) for c in first]
        for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
            check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
            if check != 10:
                return first + str(check)
