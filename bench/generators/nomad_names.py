"""Invented-combination name corpora for ``nomad``, and how each kind of list writes a name.

Names are stored in the spelling of the community they come from (Kazakh names with Kazakh letters);
a person's documents then spell them either that way or russified. Lists re-spell: a Russian court
clerk russifies and declines the name into the case the sentence needs, a CP1251 file loses the Kazakh
letters it cannot encode, a Kazakh-language akimat writes Ахметұлы for Ахметов, and volunteers abroad
type Latin by ear. Frequencies are ranked with a heavy head, so namesakes are common at scale.
"""

from __future__ import annotations

import random

KAZAKH_MALE = ["Ерлан", "Нұрлан", "Серік", "Асқар", "Бауыржан", "Ержан", "Дәулет", "Ерболат", "Нұрсұлтан", "Жандос",
               "Ақжол", "Алмас", "Арман", "Асхат", "Бекзат", "Дастан", "Диас", "Ерасыл", "Ерғали", "Жасұлан",
               "Қайрат", "Мақсат", "Марат", "Мұрат", "Нұржан", "Олжас", "Рустем", "Санжар", "Талғат", "Тимур",
               "Әділет", "Әлібек", "Бақыт", "Ғалым", "Дархан", "Ернар", "Жеңіс", "Қуаныш", "Мейірбек", "Нұрбол",
               "Руслан", "Сәкен", "Темірлан", "Ұлан", "Ілияс", "Айдос", "Азамат", "Асылбек", "Болат", "Бекжан",
               "Дамир", "Еркебұлан", "Ерсін", "Жанболат", "Қанат", "Мирас", "Нұртас", "Самат", "Сұлтан", "Тоқтар",
               "Шыңғыс", "Ербол", "Әсет", "Абылай", "Айбек", "Бексұлтан", "Ерік", "Нұрғиса", "Исатай", "Медет",
               "Жұмабек", "Сейтқали", "Мұса", "Қали"]
KAZAKH_FEMALE = ["Айгүл", "Әсел", "Гүлнар", "Динара", "Жанар", "Айгерім", "Дана", "Сәуле", "Гүлмира", "Мадина",
                 "Назерке", "Ақмарал", "Жұлдыз", "Ботагөз", "Салтанат", "Айнұр", "Ақбота", "Гүлжан", "Мөлдір",
                 "Аружан", "Ләззат", "Перизат", "Шынар", "Сандуғаш", "Әйгерім", "Бибігүл", "Күлпаш", "Раушан",
                 "Зарина", "Данагүл"]
KAZAKH_ROOTS = ["Ахмет", "Серік", "Жұмабай", "Сәрсенбай", "Нұрғали", "Тоқтар", "Омар", "Иса", "Байжан", "Қасым",
                "Смағұл", "Есен", "Ермек", "Әбен", "Жақсылық", "Мұқан", "Оспан", "Қали", "Сейіт", "Төлеген", "Бейсен",
                "Құрман", "Әли", "Ибра", "Жанғали", "Мұрат", "Сұлтан", "Ержан", "Шәкен", "Ахметжан", "Тұрсын",
                "Қуаныш", "Дүйсен", "Әлімжан", "Баймен", "Жүніс", "Сатыбалди", "Кенжебай", "Әмір", "Бақытжан",
                "Нұрпейіс", "Темірғали", "Үсен", "Жолдасбек", "Қожахмет", "Мәмет", "Абдрахман", "Ақылбек", "Рахым",
                "Тілеубай", "Өтебай", "Мұсабек", "Бекболат", "Асан", "Иманғали", "Махан", "Жаппар", "Тастан",
                "Қойшыбай", "Әубәкір", "Жарылқасын", "Елеусіз", "Шаяхмет", "Нұрмағамбет", "Садық", "Әшім", "Жексен",
                "Кәрім", "Бөлек", "Қыдырбай", "Сыздық", "Орынбай", "Ысқақ", "Жанұзақ", "Тәжібай", "Дәулетбай"]
def suffixed(root: str) -> str:
    """Ахмет → Ахметов, Жұмабай → Жұмабаев, Қали → Қалиев: the Soviet-era family name made from a root."""
    if root.endswith("й"):
        return root[:-1] + "ев"
    if root[-1] in "аеиіы":
        return root + "ев"
    return root + "ов"


_MALE_PARTS = (["Нұр", "Ер", "Бек", "Жан", "Асыл", "Ақ", "Әлі", "Мұрат", "Сұлтан"],
               ["бек", "жан", "болат", "хан", "ғали", "бай", "бол", "тас", "тай"])
_FEMALE_PARTS = (["Ай", "Гүл", "Нұр", "Ақ", "Жан", "Бал", "Күн"], ["гүл", "ерке", "сұлу", "жан", "нұр", "ару", "дана"])


def _compounds(parts: tuple[list[str], list[str]], known: list[str]) -> list[str]:
    """Rarer Kazakh compound names (Нұрбек, Жанерке): the long tail after the common names."""
    made = [first + second for first in parts[0] for second in parts[1] if first.lower() != second]
    return [name for name in made if name not in known]


KAZAKH_MALE_TAIL = _compounds(_MALE_PARTS, KAZAKH_MALE + KAZAKH_FEMALE)
KAZAKH_FEMALE_TAIL = [name for name in _compounds(_FEMALE_PARTS, KAZAKH_MALE + KAZAKH_FEMALE)
                      if name not in KAZAKH_MALE_TAIL]
RUSSIAN_MALE = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Владимир", "Евгений", "Виктор", "Николай",
                "Игорь", "Павел", "Максим", "Денис", "Артём", "Юрий", "Олег", "Вадим", "Роман", "Константин", "Илья"]
RUSSIAN_MALE_TAIL = ["Геннадий", "Анатолий", "Валерий", "Станислав", "Григорий", "Тимофей", "Леонид", "Богдан",
                     "Глеб", "Аркадий", "Эдуард"]
RUSSIAN_FEMALE = ["Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Анна", "Юлия", "Екатерина", "Людмила"]
RUSSIAN_FEMALE_TAIL = ["Валентина", "Галина", "Оксана", "Вероника", "Алина", "Кристина", "Полина", "Надежда", "Лариса"]
RUSSIAN_FAMILY = ["Иванов", "Кузнецов", "Смирнов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
                  "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
                  "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Борисов",
                  "Яковлев", "Григорьев", "Сергеев", "Бондаренко", "Шевченко", "Ткаченко", "Ковалёв", "Гусев",
                  "Белоусов", "Ковальский"]
RUSSIAN_FAMILY_TAIL = ["Мельников", "Щербаков", "Блинов", "Колесников", "Карпов", "Афанасьев", "Власов", "Маслов",
                       "Исаков", "Тихонов", "Аксёнов", "Гаврилов", "Родионов", "Котов", "Горбунов", "Кудрявцев",
                       "Быков", "Зуев", "Третьяков", "Савельев", "Панов", "Рыбаков", "Суворов", "Абрамов", "Воронов",
                       "Мухин", "Архипов", "Трофимов", "Мартыненко", "Кравченко", "Литвиненко", "Ермаков", "Носков",
                       "Шилов", "Осипов", "Дорофеев", "Гордеев", "Ефремов", "Соболев", "Крылов", "Одинцов",
                       "Коновалов", "Лукин", "Потапов", "Лаптев", "Данилов", "Жуков", "Фомин", "Давыдов", "Пономарёв",
                       "Калинин", "Баранов", "Комаров"]
_MUSLIM_MALE = ["Рахим", "Карим", "Анвар", "Салим", "Рашид", "Ильхам", "Фарид", "Нодир", "Алишер", "Жамшид", "Акмал",
                "Бахром", "Мансур", "Шахзод", "Равшан", "Хуршид", "Абдурахим", "Ислам", "Музаффар", "Ойбек", "Тахир",
                "Нурали", "Шамиль", "Ибрагим", "Юсуп", "Хасан", "Усман"]
_MUSLIM_FEMALE = ["Малика", "Зухра", "Шахноза", "Камила", "Дилбар", "Севара", "Мохира", "Зиёда", "Гульчехра", "Лола",
                  "Нодира", "Айша"]


def _from_names(names: list[str]) -> list[str]:
    return [suffixed(name) for name in names]


COMMUNITIES: dict[str, tuple[tuple[list[str], list[str]], ...]] = {
    # community: ((male head, tail), (female head, tail), (family head, tail)); Kazakh family roots are separate
    "kazakh": ((KAZAKH_MALE, KAZAKH_MALE_TAIL), (KAZAKH_FEMALE, KAZAKH_FEMALE_TAIL), ([], [])),
    "russian": ((RUSSIAN_MALE, RUSSIAN_MALE_TAIL), (RUSSIAN_FEMALE, RUSSIAN_FEMALE_TAIL),
                (RUSSIAN_FAMILY, RUSSIAN_FAMILY_TAIL)),
    "uzbek": ((["Азиз", "Бахтиёр", "Дилшод", "Шерзод", "Улугбек", "Жасур", "Фаррух", "Рустам", "Отабек",
                "Бобур"], _MUSLIM_MALE),
              (["Дилноза", "Гулнора", "Нигора", "Феруза"], _MUSLIM_FEMALE),
              (["Юсупов", "Каримов", "Рахимов", "Турсунов", "Абдуллаев", "Хакимов", "Мирзаев", "Холматов", "Эргашев",
                "Усмонов"],
               _from_names(_MUSLIM_MALE))),
    "uyghur": ((["Ильяр", "Дилмурат", "Алим", "Мурат", "Шавкат", "Адил", "Рахман", "Абдулла"], _MUSLIM_MALE),
               (["Гульнара", "Мадина", "Рабия"], _MUSLIM_FEMALE),
               (["Исмаилов", "Турдиев", "Розиев", "Абдурахманов", "Хамраев", "Мамутов", "Садыров", "Насыров"],
                _from_names(_MUSLIM_MALE))),
    "tatar": ((["Рустем", "Ринат", "Ильдар", "Марат", "Айдар", "Рафаэль"], _MUSLIM_MALE[::2] + RUSSIAN_MALE[:6]),
              (["Гульнара", "Альфия", "Розалия", "Лейсан"], _MUSLIM_FEMALE[::2]),
              (["Гарифуллин", "Хайруллин", "Сабиров", "Галиев", "Ахмадуллин", "Зарипов", "Валиев"],
               ["Нигматуллин", "Шарафутдинов", "Гайнуллин", "Мингазов", "Файзуллин", "Хабибуллин", "Закиров",
                "Латыпов"])),
    "korean": ((RUSSIAN_MALE[:12], RUSSIAN_MALE_TAIL), (RUSSIAN_FEMALE[:7], RUSSIAN_FEMALE_TAIL),
               (["Ким", "Пак", "Ли", "Цой", "Тен", "Хван", "Шин"],
                ["Югай", "Хегай", "Огай", "Тян", "Нам", "Пан", "Ан", "Мун"])),
    "azeri": ((["Эльчин", "Рашад", "Эльдар", "Самир", "Руфат"], _MUSLIM_MALE[1::2]),
              (["Севинж", "Лейла"], _MUSLIM_FEMALE[1::2]),
              (["Алиев", "Гусейнов", "Мамедов", "Гасанов", "Исмайлов"],
               ["Рзаев", "Керимов", "Велиев", "Джафаров", "Нагиев", "Бабаев", "Сулейманов", "Аббасов"])),
}

_KAZAKH_LETTERS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_CP1251_LOSS = str.maketrans("әғқңөұүһӘҒҚҢӨҰҮҺ", "агкноууhАГКНОУУH")  # і survives: CP1251 has it
SHORT_FORMS = {"Александр": "Саша", "Дмитрий": "Дима", "Сергей": "Серёжа", "Алексей": "Лёша", "Евгений": "Женя",
               "Нұрсұлтан": "Нұрик", "Бауыржан": "Бауке", "Ерболат": "Ербол", "Асылбек": "Асыл", "Айгерім": "Айка",
               "Еркебұлан": "Еркош", "Темірлан": "Тимур", "Жанболат": "Жанбо", "Нұрлан": "Нурик", "Ерлан": "Ерик",
               "Владимир": "Вова", "Екатерина": "Катя", "Ильяр": "Илья", "Бахтиёр": "Бахти", "Мадина": "Мади"}


def ranked(names: tuple[list[str], list[str]], rng: random.Random, offset: float = 6.0
           ) -> tuple[list[str], list[float]]:
    """The names (common ones, then rarer ones) in a seed-dependent order with weights 1/(rank + offset).

    A small offset gives a heavy head (the commonest Kazakh family name is then a few per cent of the
    dead, so hundreds share it at 40,000); the rarer names make a long tail of people no one shares
    a name with.
    """
    head, tail = list(dict.fromkeys(names[0])), [n for n in dict.fromkeys(names[1]) if n not in names[0]]
    rng.shuffle(head)
    rng.shuffle(tail)
    order = head + tail
    return order, [1.0 / (rank + offset) for rank in range(len(order))]


def kazakh_form(root: str, sex: str) -> str:
    return root + ("ұлы" if sex == "M" else "қызы")


def feminine(family: str) -> str:
    """The family name a woman of this family carries."""
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + "а"
    if family.endswith("ский"):
        return family[:-2] + "ая"
    return family  # Ким, Бондаренко, a bare Kazakh root: the same for women


def russify(name: str) -> str:
    """Kazakh letters to Russian ones, as Soviet-era documents spell: Айгүл → Айгуль, Серік → Серик."""
    vowels = [ch for ch in name.lower() if ch in "аәеиоөұүыіуэ"]
    plain = name.translate(_KAZAKH_LETTERS)
    front = any(ch in name.lower() for ch in "әөүі") and vowels[-1:] in (["ә"], ["ө"], ["ү"], ["і"], ["е"])
    if front and plain.endswith("л") and len(plain) > 3:
        plain += "ь"  # the final л of a front-vowel word is soft: Айгүл → Айгуль, Әсел → Асель
    return plain


def cp1251_safe(name: str) -> str:
    return name.translate(_CP1251_LOSS)


def patronymic(father: str, sex: str) -> str:
    """Russian patronymic from the father's given name: Серік → Серикович / Сериковна."""
    base = russify(father)
    if base.endswith(("й", "ь")):
        stem, male, female = base[:-1], "евич", "евна"
    elif base[-1] in "аеиы":
        stem, male, female = base, "евич", "евна"
    else:
        stem, male, female = base, "ович", "овна"
    if base.endswith("я"):  # Илья → Ильич, Ильинична
        stem, male, female = base[:-1], "ич", "инична"
    return stem + (male if sex == "M" else female)


_SIBILANT = "жшчщц"
_VELAR = "гкхжшчщ"
CASES = ("gen", "dat", "ins")


def _decline_male_noun(word: str, case: str, ins_ending: str = "ом") -> str:
    if word.endswith(("й", "ь")):
        return word[:-1] + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    if word[-1] in "ая":
        return _decline_a(word, case)
    if not word[-1].isalpha() or word[-1] in "еиоуыэюіё":
        return word
    ending = "ем" if word[-1] in _SIBILANT else ins_ending
    return word + {"gen": "а", "dat": "у", "ins": ending}[case]


def _decline_a(word: str, case: str) -> str:
    stem, last = word[:-1], word[-1]
    if last == "я":
        if word.endswith("ия"):
            return stem + {"gen": "и", "dat": "и", "ins": "ей"}[case]
        return stem + {"gen": "и", "dat": "е", "ins": "ей"}[case]
    soft = stem[-1:] in _VELAR
    return stem + {"gen": "и" if soft else "ы", "dat": "е", "ins": "ей" if stem[-1:] in _SIBILANT else "ой"}[case]


def decline_family(family: str, sex: str, case: str) -> str:
    if family.endswith(("ұлы", "қызы", "улы", "кызы", "ко")):
        return family
    if sex == "F":
        if family.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return family[:-1] + "ой"
        if family.endswith("ая"):
            return family[:-2] + "ой"
        return family
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + {"gen": "а", "dat": "у", "ins": "ым"}[case]
    if family.endswith("ий"):
        return family[:-2] + {"gen": "ого", "dat": "ому", "ins": "им"}[case]
    return _decline_male_noun(family, case)


def decline_given(given: str, sex: str, case: str, rng: random.Random) -> str:
    if sex == "M":
        return _decline_male_noun(given, case)
    if given[-1] in "ая":
        return _decline_a(given, case)
    if given.endswith("ь") and rng.random() < 0.5:  # Асель → Асели; half the clerks leave it as is
        return given[:-1] + {"gen": "и", "dat": "и", "ins": "ью"}[case]
    return given


def decline_patronymic(patr: str, case: str) -> str:
    if patr.endswith("вич"):
        return patr + {"gen": "а", "dat": "у", "ins": "ем"}[case]
    if patr.endswith("вна"):
        return patr[:-1] + {"gen": "ы", "dat": "е", "ins": "ой"}[case]
    return patr


LATIN_SCHEMES: dict[str, dict[str, str]] = {
    # as in a passport before 2021: zh, kh, Kazakh letters lose their marks
    "passport": {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
                 "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
                 "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
                 "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "k",
                 "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"},
    # typed by ear by a volunteer: j, h, yo, ya, q for қ
    "by_ear": {"ж": "j", "х": "h", "ё": "yo", "й": "y", "ю": "yu", "я": "ya", "ы": "i", "қ": "q", "ң": "ng",
               "ә": "ae", "ө": "o", "ү": "u", "ұ": "u", "ц": "c", "щ": "sch", "ғ": "gh"},
    # the Kazakh Latin alphabet of 2021
    "latin2021": {"ж": "j", "ш": "ş", "ч": "ç", "х": "h", "ы": "y", "і": "ı", "и": "i", "й": "i", "ә": "ä",
                  "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h", "ю": "iu", "я": "ia",
                  "ё": "io", "ц": "ts", "щ": "şş", "э": "e"},
}
for _scheme in ("by_ear", "latin2021"):
    LATIN_SCHEMES[_scheme] = {**LATIN_SCHEMES["passport"], **LATIN_SCHEMES[_scheme]}


def to_latin(name: str, scheme: str) -> str:
    table = LATIN_SCHEMES[scheme]
    out = []
    for index, ch in enumerate(name):
        low = ch.lower()
        latin = table.get(low, ch)
        if scheme == "by_ear" and low == "е" and index == 0:
            latin = "ye"  # Ерлан → Yerlan
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


_LATIN_NEAR = {"a": "s", "e": "r", "i": "o", "n": "m", "r": "t", "s": "a", "t": "y", "u": "y", "l": "k", "k": "l"}
_CYR_NEAR = {"а": "о", "о": "а", "е": "и", "и": "е", "н": "т", "т": "н", "л": "д", "с": "м", "р": "п", "й": "и"}


def typo(word: str, rng: random.Random) -> str:
    """One slip of a hurried hand: a dropped, doubled, swapped or neighbouring letter."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.3:
        return word[:i] + word[i + 1:]
    if kind < 0.5:
        return word[:i] + word[i] + word[i:]
    if kind < 0.75:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    near = {**_LATIN_NEAR, **_CYR_NEAR}.get(word[i])
    return word[:i] + near + word[i + 1:] if near else word[:i] + word[i + 1:]
