"""Corpora and writing habits for the "bazaar" generator (``bazaar.py``): what people are called and
how each list's clerks write them down.

The pools are deliberately narrow (about 120 men's and 60 women's given names, Zipf-weighted, and
family names built from about 150 given names) so that namesakes are commoner than in life and a
matcher cannot lean on rare names. Every family name is formed from an ordinary given name; roots that
would rebuild a famous surname are left out, and ``FAMOUS`` lets the generator assert none slipped in.
The functions model how the same person is written differently: Russian keyboards without Kazakh
letters, OCR swapping Cyrillic for look-alike Latin letters, a press transliteration of our own,
nicknames, typos, ages from relatives, dates typed three ways, and an IIN with its real check digit.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Ordered most common first; weights come from rank (Zipf), so order matters.
KAZAKH_MEN = _words(
    "Ерлан Нұрлан Асқар Дәурен Ержан Бауыржан Серік Қайрат Ерболат Дархан Жандос Айбек Ерасыл Нұржан Дастан "
    "Арман Бекзат Еркебұлан Ақжол Жәнібек Мақсат Бейбіт Ғалым Алмас Азамат Талғат Берік Болат Марат Руслан "
    "Тимур Әлібек Санжар Нұрбол Ерқанат Қуаныш Ринат Абылай Бақытжан Ербол Жасұлан Мейрам Олжас Ержігіт Рауан "
    "Шыңғыс Елдос Данияр Ислам Мирас Әділет Айдос Жарқын Асылбек Сұлтан Темірлан Бекжан Төлеген Ерсін Нұрым "
    "Қанат Сәкен Аслан Медет Бағдат Ақан Ерік Жұмабек Тілек Ербақыт Досжан Әсет Мұрат Абзал Дидар Байжан "
    "Нұрдәулет Ақылбек"
)
RUSSIAN_MEN = _words(
    "Александр Сергей Дмитрий Андрей Алексей Евгений Владимир Николай Иван Максим Павел Виктор Артём Денис "
    "Олег Игорь Юрий Роман Михаил Антон Вадим Константин Виталий Станислав Илья"
)
# Uzbek, Uyghur and Dungan names, as Kazakhstani documents write them.
OTHER_MEN = _words(
    "Рустам Фаррух Шерзод Бахтиёр Ильхам Абдурахман Нурмамат Дильшат Азиз Шухрат Махмуд Ильяс Юсуп Хасан Равшан"
)
KAZAKH_WOMEN = _words(
    "Айгерім Әсем Жансая Гүлнар Айжан Динара Ақмарал Мөлдір Назерке Аружан Жанар Сәуле Гүлмира Айнұр Жұлдыз "
    "Ботагөз Мәдина Салтанат Ләззат Айдана Балжан Гүлжан Ақбота Қарлығаш Перизат Томирис Аяулым Жадыра Шынар "
    "Меруерт Әлия Раушан Данагүл Бибігүл Нұргүл Құралай Гаухар Ару"
)
RUSSIAN_WOMEN = _words(
    "Елена Ольга Татьяна Наталья Анастасия Екатерина Ирина Светлана Марина Юлия Анна Людмила Оксана Галина"
)
OTHER_WOMEN = _words("Дильноза Гульнара Зухра Малика Нигора Рузигуль Шахноза Патигуль")

# Given names that family names are formed from (often older names than today's given names).
KAZAKH_ROOTS = _words(
    "Ахмет Әбіл Сейіт Омар Ерғали Жақып Тұрсын Сапар Ыбырай Мұса Иса Қали Сәрсен Жұмабай Оспан Ораз Бейсен "
    "Нұрғали Қожабай Тоқтар Ермек Есен Байжан Дүйсен Әмір Ысқақ Сұлтан Шәріп Әбдірахман Қабыл Кенже Төле "
    "Сатыбалды Жолдас Мырзахмет Бекмұрат Нұрпейіс Сәду Әліп Тәжі Құдайберген Рахым Смағұл Мамыр Түгел "
    "Бейсеке Ақыш Досым Елеу Жүніс Қожахмет Қуан Медеу Сейфолла Асан Үсен Жүсіп Сыздық Әбдіқадыр Дәулет "
    "Кәкім Өтеп Орынбай Серғазы Тәңірберген Бөкей Әділ Бердібек Көшер Шалқар Құлжан Әубәкір Тоқаш Жаңабай "
    "Төлеу Хамит Шәкен Ізбасар Бақыт Ерубай Сейдахмет Әбіш Мұқан Рысқұл Жанқожа Есім Қыдыр Ерден Байбол "
    "Сыбан Ілияс Қасен Серік Ерлан Нұрлан Асқар Қайрат Болат Марат Берік Талғат Мұрат Қанат Бауыржан"
)
RUSSIAN_FAMILIES = _words(
    "Иванов Петров Сидоров Павлов Федоров Николаев Алексеев Андреев Степанов Семенов Григорьев Тимофеев "
    "Кузьмин Фомин Ильин Макаров Борисов Захаров Тихонов Прохоров Денисов Ефимов Филиппов Матвеев Яковлев "
    "Лукьянов Романов Архипов Дмитриев Егоров"
)  # each formed from a Russian given name (Иван, Пётр, Сидор, ... Егор)
OTHER_ROOTS = _words("Рахим Юсуп Хасан Усман Турсун Абдулла Назар Мамат Исмаил Сабир Ахмад Халил Мансур Сулейман Юнус")

# Surnames of public figures that a root list like ours could rebuild; the generator asserts none appear.
FAMOUS = frozenset(_words(
    "Назарбаев Токаев Тоқаев Масимов Мәсімов Мамин Смаилов Ашимов Әшімов Сагинтаев Сағынтаев Кулибаев "
    "Құлыбаев Абыкаев Ертысбаев Бекетаев Имангалиев Иманғалиев Байтурсынов Байтұрсынов Кунаев Қонаев "
    "Кунанбаев Құнанбаев Каримов Ниязов Путин Медведев Лавров Касымов Қасымов"
))

DIMINUTIVES = {
    "Александр": ("Саша", "Саня"), "Дмитрий": ("Дима",), "Сергей": ("Серёжа",), "Алексей": ("Лёша",),
    "Владимир": ("Вова",), "Евгений": ("Женя",), "Николай": ("Коля",), "Михаил": ("Миша",),
    "Ерболат": ("Ербол", "Ерболат"), "Ербол": ("Ерболат",), "Айгерім": ("Айка",), "Бауыржан": ("Бауке", "Бауржан"),
    "Асылбек": ("Асыл",), "Нұрдәулет": ("Нұрдаулет", "Нурдаулет"), "Гүлнар": ("Гуля",), "Гүлмира": ("Гуля",),
    "Анастасия": ("Настя",), "Екатерина": ("Катя",), "Ольга": ("Оля",), "Татьяна": ("Таня",),
    "Наталья": ("Наташа", "Наталия"), "Темірлан": ("Тимур",), "Мұхаммед": ("Мухамед",), "Ержігіт": ("Ержигит",),
    "Жасұлан": ("Жасулан",), "Абдурахман": ("Абдурахмон",), "Юсуп": ("Юсуф",), "Ильяс": ("Ильяз",),
}

# (Russian name, region, Kazakh name, English name, weight): Almaty dominates, as it did.
SETTLEMENTS = (
    ("Алматы", "г. Алматы", "Алматы", "Almaty", 55), ("Талдыкорган", "Алматинская область", "Талдықорған",
                                                      "Taldykorgan", 6),
    ("Каскелен", "Алматинская область", "Қаскелең", "Kaskelen", 4), ("Есик", "Алматинская область", "Есік", "Esik", 2),
    ("Тараз", "Жамбылская область", "Тараз", "Taraz", 8), ("Шу", "Жамбылская область", "Шу", "Shu", 2),
    ("Жанаозен", "Мангистауская область", "Жаңаөзен", "Zhanaozen", 3),
    ("Актау", "Мангистауская область", "Ақтау", "Aktau", 3), ("Шымкент", "г. Шымкент", "Шымкент", "Shymkent", 4),
    ("Кызылорда", "Кызылординская область", "Қызылорда", "Kyzylorda", 3),
    ("Актобе", "Актюбинская область", "Ақтөбе", "Aktobe", 3),
    ("Уральск", "Западно-Казахстанская область", "Орал", "Uralsk", 1),
    ("Нур-Султан", "г. Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", 2),
    ("Туркестан", "Туркестанская область", "Түркістан", "Turkistan", 2),
    ("Караганда", "Карагандинская область", "Қарағанды", "Karaganda", 2),
)
FAR_REGIONS = {"Мангистауская область", "Актюбинская область", "Западно-Казахстанская область",
               "Кызылординская область", "Карагандинская область", "г. Нур-Султан"}
PROSECUTOR_WORDS = {
    "shot": ("огнестрельное ранение", "огнестрельное ранение, скончался на месте", "огнестрельное ранение груди"),
    "injuries": ("травмы, несовместимые с жизнью", "тупая травма головы", "множественные травмы"),
    "unknown": ("устанавливаются", "неизвестно", "проводится экспертиза"),
    "custody": ("в местах содержания под стражей", "скончался в ИВС", "в период задержания"),
}
DIAGNOSES = {"shot": ("огнестрельное ранение", "огнестр. ранение бедра", "ОГР грудной клетки"),
             "injuries": ("ЧМТ", "сочетанная травма"), "unknown": ("не установлен",), "custody": ("ЧМТ",)}
_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}
_HOMOGLYPHS = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "А": "A", "В": "B",
               "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X"}
_VOWELS = "аеиоуыэяюәөұүі"
_PATRONYMIC_OVERRIDES = {"Дмитрий": "Дмитриев", "Евгений": "Евгеньев", "Юрий": "Юрьев", "Виталий": "Витальев",
                         "Павел": "Павлов", "Илья": "Иль", "Артём": "Артёмов"}


def zipf_cumulative(count: int, exponent: float) -> list[float]:
    """Cumulative rank weights 1/r^s for ``random.choices``: a few names carry most people, as in a small town."""
    return list(itertools.accumulate(1.0 / rank ** exponent for rank in range(1, count + 1)))


def russify(text: str) -> str:
    """Kazakh letters as a Russian keyboard writes them: Нұрлан → Нурлан, Жәнібек → Жанибек."""
    return text.translate(_RUSSIFY)


def family_from_root(root: str) -> str:
    """A masculine family name from a given name, the Russian way: Ахмет → Ахметов, Мұса → Мұсин."""
    last = root[-1]
    if last in "ая":
        return root[:-1] + "ин"
    if last in "йь":
        return root[:-1] + "ев"
    if last in _VOWELS or last in "жшщцч":
        return root + "ев"
    return root + "ов"


def feminine(family: str) -> str:
    """Feminine form of an -ов/-ев/-ин family name; other forms (e.g. -ұлы is handled by callers) unchanged."""
    return family + "а" if family.endswith(("ов", "ев", "ин", "ёв")) else family


def kazakh_form(root: str, sex: str) -> str:
    """The Kazakh patronymic-style family name: Ахмет → Ахметұлы (son), Ахметқызы (daughter)."""
    return root + ("ұлы" if sex == "M" else "қызы")


def russian_patronymic(father: str, sex: str) -> str:
    """Father's name → Russian patronymic: Серік → Серікович/Серіковна, Мұса → Мұсаевич, Илья → Ильич."""
    if father == "Илья":
        return "Ильич" if sex == "M" else "Ильинична"
    stem = _PATRONYMIC_OVERRIDES.get(father)
    if stem is None:
        last = father[-1]
        if last in "йь":
            stem = father[:-1] + "ев"
        elif last in _VOWELS or last in "жшщцч":
            stem = father + "ев"
        else:
            stem = father + "ов"
    return stem + ("ич" if sex == "M" else "на")


def press_latin(text: str) -> str:
    """Our own newsroom transliteration (Ж→J, Х→H, Ы→Y, Қ→K, Ұ/Ү→U, Ә→A, Й→I), word-capitalised."""
    words = []
    for word in text.split():
        latin = "".join(_LATIN.get(ch, ch) for ch in word.lower())
        words.append("-".join(part.capitalize() for part in latin.split("-")))
    return " ".join(words)


def homoglyphs(text: str, rng: random.Random, rate: float) -> str:
    """OCR or a mixed keyboard layout: some Cyrillic letters become identical-looking Latin ones."""
    return "".join(_HOMOGLYPHS[ch] if ch in _HOMOGLYPHS and rng.random() < rate else ch for ch in text)


def ocr_noise(text: str, rng: random.Random) -> str:
    """A scanned admissions log: capitals in 30% of rows, Latin look-alikes in 35%, a doubled space in 15%."""
    if rng.random() < 0.3:
        text = text.upper()
    if rng.random() < 0.35:
        text = homoglyphs(text, rng, 0.3)
    return text.replace(" ", "  ", 1) if rng.random() < 0.15 else text


def typo(word: str, rng: random.Random) -> str:
    """One keying slip: a dropped, doubled, swapped or misheard letter (never on names of one or two letters)."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    swap = {"a": "e", "e": "i", "i": "y", "o": "u", "u": "o", "y": "i", "а": "о", "о": "а", "е": "и", "и": "е",
            "ы": "и", "у": "ю", "ю": "у"}
    return word[:i] + swap.get(word[i], word[i]) + word[i + 1:]


def volunteer_spelling(family: str, given: str, kazakh_family: str, kazakh_patronymic: str,
                       rng: random.Random) -> str:
    """A volunteer's spelling: either name order, Russified or not, nicknames, -ұлы/-қызы family names.

    ``kazakh_family`` and ``kazakh_patronymic`` are the -ұлы/-қызы forms, or "" where none applies.
    """
    if given in DIMINUTIVES and rng.random() < 0.4:
        given = rng.choice(DIMINUTIVES[given])
    if kazakh_family and rng.random() < 0.12:
        family = kazakh_family
    if rng.random() < 0.04:
        family = typo(family, rng)
    words = [given, family] if rng.random() < 0.5 else [family, given]
    if words[0] == family and kazakh_patronymic and rng.random() < 0.35:
        words.append(kazakh_patronymic)
    text = " ".join(words)
    return russify(text) if rng.random() < 0.45 else text


def press_name(family: str, given: str, rng: random.Random) -> str:
    """A newsroom's version: our transliteration, the family name dropped in 12%, a typo in 10%."""
    words = [press_latin(given)] + ([] if rng.random() < 0.12 else [press_latin(family)])
    if rng.random() < 0.10:
        slot = rng.randrange(len(words))
        words[slot] = typo(words[slot], rng)
    return " ".join(words)


def noted_age(age: int, rng: random.Random) -> str:
    """An age as an admissions clerk notes it: mostly right, sometimes guessed ("около 35") or a year or two off."""
    r = rng.random()
    if r < 0.05:
        return f"около {max(5, round(age / 5) * 5)}"
    return str(max(1, age + rng.choice((-2, -1, 1, 2)))) if r < 0.10 else str(age)


def hospital_name(family: str, given: str, patronymic: str, rng: random.Random) -> str:
    words = [typo(family, rng) if rng.random() < 0.05 else family, given]
    return ocr_noise(" ".join(words + ([patronymic] if rng.random() < 0.8 else [])), rng)


def volunteer_cells(name: str, age: int, died: dt.date, city: str, rng: random.Random) -> list:
    """A volunteer's row: ages from relatives (a year off, "23 жас", or missing), dates typed three ways
    (and a day off in 8%), and now and then a real Excel date cell."""
    r = rng.random()
    noted = age + rng.choice((-1, 1)) if r < 0.15 else age
    age_cell = "" if r > 0.9 else f"{noted} жас" if r > 0.8 else noted
    died = died + dt.timedelta(days=rng.choice((-1, 1))) if rng.random() < 0.08 else died
    r = rng.random()
    died_cell = dt.datetime(died.year, died.month, died.day) if r < 0.1 else \
        f"{died.day}.{died.month}.{died.year}" if r < 0.2 else died.strftime("%d.%m.%Y")
    note = rng.choice(("туыстары растады", "әлеуметтік желіден", "тексерілмеген", "", "", ""))
    return [name, age_cell, died_cell, city if rng.random() < 0.95 else "", note]


def press_cells(name: str, age: int, died: dt.date, city: str, rng: random.Random) -> list[str]:
    """A press row: age often missing or a year off, the day a report appeared for 8%, US dates."""
    r = rng.random()
    age_text = "" if r < 0.15 else str(age + rng.choice((-1, 1))) if r < 0.25 else str(age)
    died = died + dt.timedelta(days=1) if rng.random() < 0.08 else died
    died_text = f"{died:%m/%d/%Y}" if rng.random() < 0.85 else f"{died:%B} {died.day}, {died.year}"
    source = rng.choice(("wire service", "local reporter", "rights monitor", "family interview"))
    return [name, age_text, city, died_text, source]


def mistyped_digit(digits: str, rng: random.Random) -> str:
    slot = rng.randrange(len(digits))
    return digits[:slot] + str((int(digits[slot]) + rng.randint(1, 9)) % 10) + digits[slot + 1:]


def iin(born: dt.date, sex: str, serial: int, issued: set[str]) -> str:
    """A new Kazakh IIN: yymmdd, century/sex digit, serial, two-pass mod-11 check digit. Serials with no
    valid check digit are skipped, as the issuing authority does, and so are numbers already ``issued``."""
    century = (3 if sex == "M" else 4) if born.year < 2000 else (5 if sex == "M" else 6)
    while True:
        digits = [int(c) for c in f"{born:%y%m%d}{century}{serial % 10000:04d}"]
        check = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
        if check == 10:
            check = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
        number = "".join(map(str, digits)) + str(check)
        if check != 10 and number not in issued:
            issued.add(number)
            return number
        serial += 1
