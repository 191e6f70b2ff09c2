"""Suffix tables and small word lists that the name parser reasons with.

Kept apart from the parsing logic so that a reviewer who knows the naming customs can check and
extend them without reading code.  Every table lists lowercase spellings in all the scripts we
meet; longer suffixes are tried before shorter ones.  The given-name list is only a weak cue for
ordering ambiguous two-word names, never a gate: unknown names parse fine.
"""

from __future__ import annotations

from .keys import matching_key

__all__ = [
    "FAMILY_ENDINGS",
    "FAMILY_FEMININE_TO_MASCULINE",
    "DIMINUTIVE_KEYS",
    "FAMILY_KEYS",
    "GIVEN_KEYS",
    "GIVEN_KEY_SUFFIXES",
    "INITIAL_DIGRAPHS",
    "KZ_FEMININE_TO_MASCULINE",
    "KZ_PATRONYMIC_SUFFIXES",
    "NAME_PARTICLE_KEYS",
    "RU_PATRONYMIC_SUFFIXES",
    "SEPARATE_PATRONYMIC_KEYS",
]

# fmt: off
# Kazakh (and neighbouring Turkic) patronymic suffixes written together with the father's name:
# suffix -> implied sex.  "Серікұлы" = son of Серік, "Серікқызы" = daughter of Серік.
KZ_PATRONYMIC_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ұлы", "M"), ("улы", "M"), ("уулу", "M"), ("оглы", "M"), ("оглу", "M"), ("угли", "M"),
    ("ўғли", "M"), ("uly", "M"), ("ulı", "M"), ("uli", "M"), ("ūly", "M"), ("ugly", "M"),
    ("ogly", "M"), ("oglu", "M"), ("oğlu", "M"), ("ugli", "M"), ("ogli", "M"), ("uulu", "M"), ("ulu", "M"),
    ("қызы", "F"), ("кызы", "F"), ("гызы", "F"), ("қизи", "F"), ("кизи", "F"), ("kyzy", "F"),
    ("qyzy", "F"), ("kizi", "F"), ("qızı", "F"), ("qizi", "F"), ("kyzi", "F"), ("gyzy", "F"),
)

# The same words written separately ("Серік ұлы", "Serik kyzy"), compared by matching key.
SEPARATE_PATRONYMIC_KEYS: dict[str, str] = {
    "uli": "M", "ulu": "M", "ugli": "M", "ogli": "M", "oglu": "M",
    "kizi": "F", "gizi": "F",
}

# Russian-style patronymics: suffix -> (sex, how to rebuild the father's name, strength).
# Rebuild codes: "strip" = drop the suffix; "ev" = -евич family (Сергеевич -> Сергей,
# Игоревич -> Игорь, Юрьевич -> Юрий); "ich" = bare -ич/-ична (Ильич -> Илья, Никитична -> Никита).
# Bare -ич is weak evidence because many surnames end in it (Бабич, Petrovich as a surname).
RU_PATRONYMIC_SUFFIXES: tuple[tuple[str, str, str, str], ...] = (
    ("ович", "M", "strip", "strong"), ("овна", "F", "strip", "strong"),
    ("евич", "M", "ev", "strong"), ("ёвич", "M", "ev", "strong"),
    ("евна", "F", "ev", "strong"), ("ёвна", "F", "ev", "strong"),
    ("инична", "F", "ich", "strong"), ("ична", "F", "ich", "strong"), ("ич", "M", "ich", "weak"),
    ("ovitch", "M", "strip", "strong"), ("evitch", "M", "ev", "strong"),
    ("ovich", "M", "strip", "strong"), ("ovna", "F", "strip", "strong"),
    ("evich", "M", "ev", "strong"), ("evna", "F", "ev", "strong"),
    ("inichna", "F", "ich", "strong"), ("ichna", "F", "ich", "strong"), ("ich", "M", "ich", "weak"),
)

# Surname endings: suffix -> (implied sex or None, strength).  Strength 1 marks endings shared
# with common given names (Мадина, Марина, Amin), which the given-name list then overrides.
FAMILY_ENDINGS: tuple[tuple[str, str | None, int], ...] = (
    ("ова", "F", 2), ("ева", "F", 2), ("ёва", "F", 2), ("ина", "F", 1), ("ына", "F", 1),
    ("ская", "F", 2), ("цкая", "F", 2), ("ов", "M", 2), ("ев", "M", 2), ("ёв", "M", 2),
    ("ин", "M", 1), ("ын", "M", 1), ("ский", "M", 2), ("цкий", "M", 2), ("енко", None, 2),
    ("ук", None, 1), ("юк", None, 1), ("ян", None, 1), ("янц", None, 2), ("дзе", None, 2),
    ("швили", None, 2), ("ых", None, 1), ("их", None, 1),
    ("ova", "F", 2), ("eva", "F", 2), ("owa", "F", 2), ("ina", "F", 1), ("yna", "F", 1),
    ("skaya", "F", 2), ("skaia", "F", 2), ("ov", "M", 2), ("ev", "M", 2), ("ow", "M", 2),
    ("in", "M", 1), ("yn", "M", 1), ("skiy", "M", 2), ("skii", "M", 2), ("sky", "M", 2),
    ("enko", None, 2), ("uk", None, 1), ("yuk", None, 1), ("yan", None, 1), ("dze", None, 2),
    ("shvili", None, 2), ("ykh", None, 1), ("ikh", None, 1),
)

# Feminine surname ending -> masculine ending, used for the sex-neutral family stem.
FAMILY_FEMININE_TO_MASCULINE: tuple[tuple[str, str], ...] = (
    ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
    ("ская", "ский"), ("цкая", "цкий"),
    ("ova", "ov"), ("eva", "ev"), ("owa", "ow"), ("ina", "in"), ("yna", "yn"),
    ("skaya", "skiy"), ("skaia", "skii"),
)

# Patronymic-form surnames: the daughter's form maps to the son's form (Серікқызы -> Серікұлы).
KZ_FEMININE_TO_MASCULINE: tuple[tuple[str, str], ...] = (
    ("қызы", "ұлы"), ("кызы", "улы"), ("kyzy", "uly"), ("qyzy", "uly"), ("qızı", "ulı"),
    ("kizi", "uli"), ("qizi", "uli"), ("kyzi", "uly"),
)

# fmt: on

# Latin two/three-letter spellings of one Cyrillic letter that are written as a single initial.
INITIAL_DIGRAPHS = frozenset({"zh", "kh", "ch", "sh", "ts", "ye", "yu", "ya", "yo", "dzh", "дж"})

# Words that belong to a name but are neither given nor family names.
NAME_PARTICLE_KEYS = frozenset({"fon", "von", "van", "der", "ibn", "bin", "al"})

_GIVEN_NAMES = """
Ерлан Нұрлан Жанболат Қайрат Марат Серік Ержан Бауыржан Асхат Мұхтар Нұрсұлтан Дәулет Ерболат
Бекжан Арман Асқар Болат Ғалым Дархан Ерасыл Жандос Қанат Мейрам Нұржан Олжас Руслан Санжар
Талғат Тимур Азамат Алмас Айбек Бекзат Диас Ернар Ерік Жасұлан Қуаныш Мақсат Мирас Нұрбек Рахат
Саят Темірлан Шыңғыс Ілияс Әлихан Абай Ахмет Бақыт Бахыт Ербол Есен Жомарт Мұрат Нұрым Самат
Ислам Айдос Ақылбек Бейбіт Ғани Дамир Еламан Жеңіс Мағжан Нұрлыбек Рустам Шамиль Хасан Ахмед
Амин Ясин Фарид Тимурлан Әли Айгүл Әсел Айгерім Гүлнар Динара Жанар Жансая Зарина Қарлығаш
Мадина Мөлдір Назерке Сәуле Сабина Салтанат Ұлжан Айжан Ақмарал Аружан Балжан Гүлмира Дана
Жұлдыз Камила Ләззат Меруерт Назым Перизат Роза Томирис Алия Амина Алтын Гаухар Дильназ Жазира
Индира Лаура Малика Нургуль Сания Эльмира Иван Сергей Алексей Андрей Дмитрий Александр Михаил
Николай Владимир Павел Евгений Игорь Олег Виктор Юрий Максим Артём Денис Роман Пётр Фёдор Илья
Константин Вадим Антон Лев Яков Кирилл Никита Василий Геннадий Мария Анна Елена Ольга Наталья
Татьяна Ирина Светлана Екатерина Юлия Марина Галина Алина Карина Полина Валентина Кристина Нина
Людмила Оксана Дарья Анастасия Регина Ангелина Альбина Арина Дарина Вера Надежда Любовь Martin
Kevin
"""

# Surnames common in Kazakhstan that carry no recognisable ending (Korean, German).
_FAMILY_NAMES = "Ким Пак Ли Цой Тен Шин Ни Нам Огай Югай Тигай Хегай Пай Шмидт Мюллер Вебер Шульц Вагнер"

GIVEN_KEYS = frozenset(matching_key(name) for name in _GIVEN_NAMES.split())
FAMILY_KEYS = frozenset(matching_key(name) for name in _FAMILY_NAMES.split())

# Kazakh given-name elements (-бек, -жан, -гүл) that are a weak hint of a given name.
GIVEN_KEY_SUFFIXES = ("bek", "jan", "gul")


# Everyday short forms of Russian given names, as volunteers and relatives write them ("Саша" for
# Александр), by matching key -> the full name's matching key. Only forms that stand for one full name:
# Саша, Женя (men and women), Слава (Вячеслав, Владислав, Ярослав) and Гоша (Георгий, Игорь) are left out.
_DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "Александр": ("Саня",), "Алексей": ("Лёша", "Алёша", "Лёха"), "Дмитрий": ("Дима", "Митя"),
    "Сергей": ("Серёжа", "Серега"), "Владимир": ("Вова", "Володя"), "Николай": ("Коля",),
    "Михаил": ("Миша",), "Павел": ("Паша",), "Пётр": ("Петя",), "Иван": ("Ваня",),
    "Андрей": ("Андрюша",), "Виктор": ("Витя",), "Константин": ("Костя",),
    "Анатолий": ("Толя",), "Юрий": ("Юра",), "Геннадий": ("Гена",), "Максим": ("Макс",), "Роман": ("Рома",),
    "Артём": ("Тёма",), "Станислав": ("Стас",), "Фёдор": ("Федя",), "Эдуард": ("Эдик",),
    "Валерий": ("Валера",), "Борис": ("Боря",), "Григорий": ("Гриша",), "Леонид": ("Лёня",),
    "Василий": ("Вася",), "Екатерина": ("Катя",), "Елена": ("Лена",), "Татьяна": ("Таня",),
    "Наталья": ("Наташа",), "Ольга": ("Оля",), "Мария": ("Маша",), "Светлана": ("Света",),
    "Галина": ("Галя",), "Людмила": ("Люда",), "Ирина": ("Ира",), "Анастасия": ("Настя",), "Юлия": ("Юля",),
}
DIMINUTIVE_KEYS: dict[str, str] = {
    matching_key(short): matching_key(full) for full, shorts in _DIMINUTIVES.items() for short in shorts
}
