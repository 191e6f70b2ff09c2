"""How ``altai``'s lists write things: places in three languages, dates in each list's habit, Latin
spellings of Cyrillic names, and the slips of people typing fast.

The English report transliterates as reporters do: mostly passport style (Ж ZH, Х KH, Ш SH, Kazakh
letters dropped to their Russian neighbours), sometimes newspaper English (Yerlan, Kayrat, Sergey), and
now and then with diacritics for the Kazakh letters (Nūrlan, Äliev, Qairat).
"""

from __future__ import annotations

import datetime as dt
import random

from generators.altai_names import russify

# (settlement in Russian, in Kazakh, in English, region key, weight of the event there)
PLACES = (
    ("Алматы", "Алматы", "Almaty", "almaty_city", 100.0),
    ("Талдыкорган", "Талдықорған", "Taldykorgan", "almaty_obl", 9.0),
    ("Капшагай", "Қапшағай", "Kapshagay", "almaty_obl", 1.5),
    ("Каскелен", "Қаскелең", "Kaskelen", "almaty_obl", 2.0),
    ("Талгар", "Талғар", "Talgar", "almaty_obl", 1.5),
    ("Есик", "Есік", "Yesik", "almaty_obl", 0.8),
    ("Узынагаш", "Ұзынағаш", "Uzynagash", "almaty_obl", 0.6),
    ("Тараз", "Тараз", "Taraz", "zhambyl", 7.0),
    ("Кордай", "Қордай", "Korday", "zhambyl", 0.8),
    ("Шымкент", "Шымкент", "Shymkent", "shymkent", 4.0),
    ("Туркестан", "Түркістан", "Turkestan", "turkestan", 1.0),
    ("Кызылорда", "Қызылорда", "Kyzylorda", "kyzylorda", 2.0),
    ("Актобе", "Ақтөбе", "Aktobe", "aktobe", 1.5),
    ("Жанаозен", "Жаңаөзен", "Zhanaozen", "mangystau", 0.6),
    ("Актау", "Ақтау", "Aktau", "mangystau", 0.6),
    ("Караганда", "Қарағанды", "Karaganda", "karaganda", 0.8),
    ("Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", "capital", 0.5),
    ("Атырау", "Атырау", "Atyrau", "atyrau", 0.3),
    ("Усть-Каменогорск", "Өскемен", "Ust-Kamenogorsk", "east", 0.3),
)
# region key -> (Russian as lists write it, abbreviated, Kazakh, English)
REGIONS = {
    "almaty_city": ("г. Алматы", "г.Алматы", "Алматы қаласы", "Almaty city"),
    "almaty_obl": ("Алматинская область", "Алматинская обл.", "Алматы облысы", "Almaty region"),
    "zhambyl": ("Жамбылская область", "Жамбылская обл.", "Жамбыл облысы", "Zhambyl region"),
    "shymkent": ("г. Шымкент", "г.Шымкент", "Шымкент қаласы", "Shymkent city"),
    "turkestan": ("Туркестанская область", "Туркестанская обл.", "Түркістан облысы", "Turkestan region"),
    "kyzylorda": ("Кызылординская область", "Кызылординская обл.", "Қызылорда облысы", "Kyzylorda region"),
    "aktobe": ("Актюбинская область", "Актюбинская обл.", "Ақтөбе облысы", "Aktobe region"),
    "mangystau": ("Мангистауская область", "Мангистауская обл.", "Маңғыстау облысы", "Mangystau region"),
    "karaganda": ("Карагандинская область", "Карагандинская обл.", "Қарағанды облысы", "Karaganda region"),
    "capital": ("г. Нур-Султан", "г.Нур-Султан", "Нұр-Сұлтан қаласы", "Nur-Sultan city"),
    "atyrau": ("Атырауская область", "Атырауская обл.", "Атырау облысы", "Atyrau region"),
    "east": ("Восточно-Казахстанская область", "ВКО", "Шығыс Қазақстан облысы", "East Kazakhstan region"),
}
SOUTH = ("almaty_obl", "zhambyl", "shymkent", "turkestan", "kyzylorda")

# "фев." rather than the typographers' "февр.", which Tergeu's date reader refuses (see the final report).
RU_MONTHS_SHORT = ("янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сен.", "окт.", "ноя.", "дек.")
RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")
KZ_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
EN_SHORT = tuple(month[:3] for month in EN_MONTHS)

_PASSPORT = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia", "-": "-", " ": " ",
}
_DIACRITIC = {"ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü"}
_ENGLISH = {"й": "y", "ю": "yu", "я": "ya", "х": "kh", "ж": "zh", "ё": "yo"}
_ENGLISH_GIVEN = {"Александр": "Alexander", "Сергей": "Sergei", "Дмитрий": "Dmitry", "Евгений": "Yevgeny",
                  "Юрий": "Yuri", "Андрей": "Andrei", "Алексей": "Alexei", "Михаил": "Mikhail"}
_RU_NEIGHBOURS = "йцукенгшщзхфывапролджэячсмитьбю"


def latin(word: str, style: str) -> str:
    """One Cyrillic word in Latin letters, as ``style`` writes it: passport, english or diacritic."""
    if style == "english" and word in _ENGLISH_GIVEN:
        return _ENGLISH_GIVEN[word]
    out = []
    lower = word.lower()
    for index, ch in enumerate(lower):
        if style == "diacritic" and ch in _DIACRITIC:
            piece = _DIACRITIC[ch]
        elif style == "english" and ch in _ENGLISH:
            piece = _ENGLISH[ch]
        elif style == "english" and ch == "е" and (index == 0 or lower[index - 1] in "аеиоуыэюяәөұүі"):
            piece = "ye"
        else:
            piece = _PASSPORT.get(ch, ch)
        out.append(piece)
    text = "".join(out)
    if style == "english" and text.endswith("iy"):
        text = text[:-2] + "y"
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def typo(rng: random.Random, word: str) -> str:
    """One slip of a fast typist: a letter dropped, doubled, swapped with the next, or a neighbour key."""
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + word[at + 1:]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    if kind == 2:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    if word[at] in _RU_NEIGHBOURS:
        pos = _RU_NEIGHBOURS.index(word[at])
        return word[:at] + _RU_NEIGHBOURS[max(0, pos - 1)] + word[at + 1:]
    return word[:at] + word[at] * 2 + word[at + 1:]


def ru_date(rng: random.Random, day: dt.date) -> str:
    """A human-rights worker's date: 06.01.2022, 06.01.22, 6 янв. 2022 or 6 января 2022 г."""
    pick = rng.random()
    if pick < 0.45:
        return day.strftime("%d.%m.%Y")
    if pick < 0.6:
        return day.strftime("%d.%m.%y")
    if pick < 0.85:
        return f"{day.day} {RU_MONTHS_SHORT[day.month - 1]} {day.year}"
    return f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year} г."


def kz_date(rng: random.Random, day: dt.date) -> str:
    """A Kazakh writer's date: 5 қаңтар 2022, 2022 жылғы 5 қаңтар, 5-қаңтар 2022 or 05.01.2022 ж."""
    month = KZ_MONTHS[day.month - 1]
    pick = rng.random()
    if pick < 0.45:
        return f"{day.day} {month} {day.year}"
    if pick < 0.7:
        return f"{day.year} жылғы {day.day} {month}"
    if pick < 0.85:
        return f"{day.day}-{month} {day.year}"
    return day.strftime("%d.%m.%Y") + " ж."


def en_date(rng: random.Random, day: dt.date) -> str:
    """A report's date: January 6, 2022, 6 Jan 2022 or 6 January 2022."""
    pick = rng.random()
    if pick < 0.5:
        return f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if pick < 0.8:
        return f"{day.day} {EN_SHORT[day.month - 1]} {day.year}"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def swapped(day: dt.date) -> dt.date:
    """The day and month exchanged (a date typed month first), when that is still a date."""
    if day.day <= 12 and day.day != day.month:
        return dt.date(day.year, day.day, day.month)
    return day


def transposed_year(day: dt.date) -> dt.date:
    """A birth year with its last two digits transposed (1987 -> 1978), kept when the result is plausible."""
    year = day.year
    flipped = year - year % 100 + (year % 10) * 10 + (year // 10) % 10
    if flipped == year or not 1935 <= flipped <= 2018:
        flipped = year + (1 if day.day % 2 else -1)
    return day.replace(year=flipped, day=min(day.day, 28))


def kz_spelling(word: str, keep: bool) -> str:
    """A Kazakh word as written: with its Kazakh letters, or russified."""
    return word if keep else russify(word)
