"""How each kind of list writes the same person: script, name order, patronymic form, date style, noise.

Each renderer takes a person and a random generator and returns one row. The variation is the point:
the official list types Kazakh names on a Russian keyboard, the NGO writes them in Kazakh with
Kazakh patronymics, the media romanise them four different ways, and the morgue keeps only a surname
and initials. Linkage has to see through all of it.
"""

from __future__ import annotations

import datetime as dt
import random

from tergeu.demo.naming import kazakh_patronymic, russian_patronymic
from tergeu.demo.places import PLACE_BY_RU
from tergeu.demo.population import SyntheticPerson
from tergeu.demo.translit import romanize, russianize

OFFICIAL_HEADERS = ("№", "Фамилия Имя Отчество", "Дата рождения", "ИИН", "Место гибели", "Дата гибели")
NGO_HEADERS = ("Р/с", "Аты-жөні", "Жасы", "Қаза тапқан жері", "Қаза тапқан күні", "Жағдайы")
MEDIA_KEYS = ("name", "age", "city", "date_of_death", "circumstances", "source_url")
MORGUE_HEADERS = ("№ п/п", "ФИО", "Пол", "Дата смерти", "Примечание")

_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
              "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан")
_NGO_CIRCUMSTANCES = {
    "gunshot": ("оқ тиіп қаза тапты", "атып өлтірілді", "оқ жарақатынан қайтыс болды"),
    "crossfire": ("атыс кезінде адасқан оқтан қаза тапты", "бейбіт тұрғын, атыс кезінде оқ тиген"),
    "custody": ("қамауда азаптаудан қайтыс болды", "уақытша ұстау изоляторында қайтыс болды"),
    "security_personnel": ("құқық қорғау органының қызметкері", "әскери қызметші"),
    "unknown": ("мән-жайы белгісіз", "белгісіз", ""),
}
_MEDIA_CIRCUMSTANCES = {
    "gunshot": ("shot dead during the unrest", "killed by gunfire", "died of gunshot wounds"),
    "crossfire": ("bystander killed in crossfire", "hit by a stray bullet"),
    "custody": ("died in police custody", "died after detention; relatives allege torture"),
    "security_personnel": ("law-enforcement officer killed", "serviceman killed on duty"),
    "unknown": ("circumstances unclear", ""),
}
_GUNSHOT_NOTES = ("огнестрельное ранение", "огнестрельное ранение головы",
                  "огнестрельное ранение грудной клетки", "множественные огнестрельные ранения")
_MORGUE_NOTES = {
    "gunshot": _GUNSHOT_NOTES,
    "crossfire": _GUNSHOT_NOTES,
    "custody": ("доставлен из ИВС", "множественные телесные повреждения", "ЗЧМТ"),
    "security_personnel": ("сотрудник ОВД, огнестрельное ранение", "военнослужащий"),
    "unknown": ("", "причина смерти устанавливается", "ЗЧМТ", "колото-резаное ранение"),
}
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
# Media romanisation systems and how often an outlet uses each.
_MEDIA_SYSTEMS = (("bgn", 0.35), ("informal", 0.30), ("icao", 0.20), ("kz2021", 0.15))


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: two neighbouring letters swapped or one dropped, never the first."""
    if len(word) < 4:
        return word
    i = rng.randint(1, len(word) - 2)
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if rng.random() < 0.5 and swapped != word:
        return swapped
    return word[:i] + word[i + 1:]


def _maybe_typo(word: str, rng: random.Random, rate: float) -> str:
    return typo(word, rng) if rng.random() < rate else word


def _dmy(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _office_spelling(text: str) -> str:
    """Russian-keyboard spelling: Kazakh letters replaced, and ё typed as е, as offices usually do."""
    return russianize(text).replace("ё", "е").replace("Ё", "Е")


def official_row(person: SyntheticPerson, rng: random.Random, iin_share: float = 0.6) -> list[str]:
    """`Фамилия Имя Отчество` in Russian form (also "Серикович" for Kazakhs), dd.mm.yyyy, IIN often."""
    parts = [_maybe_typo(_office_spelling(person.family), rng, 0.03), _office_spelling(person.given)]
    if person.patronymic_style != "none" and rng.random() > 0.08:
        parts.append(_office_spelling(russian_patronymic(person.father_given, person.sex)))
    birth = "" if rng.random() < 0.05 else _dmy(person.date_of_birth)
    iin = person.iin if rng.random() < iin_share else ""
    place = PLACE_BY_RU[person.place_of_death].official_label()
    return ["", " ".join(parts), birth, iin, place, _dmy(person.date_of_death)]


def iin_typo(iin: str, rng: random.Random) -> str:
    """The same IIN with one digit mistyped, as happens when a clerk copies twelve digits by hand."""
    i = rng.randrange(len(iin))
    digit = rng.choice([d for d in "0123456789" if d != iin[i]])
    return iin[:i] + digit + iin[i + 1:]


def ngo_name(person: SyntheticPerson, rng: random.Random, family_first: bool | None = None) -> str:
    """"Тегі Аты [Әкесінің аты]" in Kazakh letters, sometimes "Аты Тегі"; Kazakhs get "Серікұлы"."""
    family = _maybe_typo(person.family, rng, 0.03)
    given = person.given
    if family_first is None:
        family_first = rng.random() < 0.8
    if not family_first:
        return f"{given} {family}"
    parts = [family, given]
    if person.patronymic_style != "none":
        if person.ethnicity == "kazakh" and rng.random() < 0.35:
            parts.append(kazakh_patronymic(person.father_given, person.sex))
        elif person.ethnicity != "kazakh" and rng.random() < 0.25:
            parts.append(russian_patronymic(person.father_given, person.sex))
    return " ".join(parts)


def ngo_duplicate_name(person: SyntheticPerson, rng: random.Random) -> str:
    """A second, slightly different entry for the same person, as merged NGO spreadsheets contain."""
    variant = rng.choice(("russian_keyboard", "reversed", "typo"))
    russian_keyboard = f"{russianize(person.family)} {russianize(person.given)}"
    if variant == "russian_keyboard" and russian_keyboard != f"{person.family} {person.given}":
        return russian_keyboard
    if variant == "reversed":
        return ngo_name(person, rng, family_first=False)
    return f"{typo(person.family, rng)} {person.given}"


def _ngo_age(age: int, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.18:
        return f"~{max(5, 5 * round(age / 5))}"
    return str(age)


def ngo_row(person: SyntheticPerson, rng: random.Random, name: str | None = None) -> list[str]:
    """Kazakh-language NGO row: age at death, "5 қаңтар 2022", a short Kazakh phrase."""
    day = person.date_of_death
    date = "" if rng.random() < 0.03 else f"{day.day} {_KK_MONTHS[day.month - 1]} {day.year}"
    circumstances = "" if rng.random() < 0.05 else rng.choice(_NGO_CIRCUMSTANCES[person.circumstances])
    return ["", name or ngo_name(person, rng), _ngo_age(person.age_at_death, rng),
            PLACE_BY_RU[person.place_of_death].kk, date, circumstances]


def media_entry(person: SyntheticPerson, rng: random.Random, story: int) -> dict[str, object]:
    """An English-language entry: given name first, one romanisation system per entry, no patronymic."""
    systems, weights = zip(*_MEDIA_SYSTEMS, strict=True)
    system = rng.choices(systems, weights=weights)[0]
    family = _maybe_typo(romanize(person.family, system), rng, 0.03)
    day = person.date_of_death
    month = _EN_MONTHS[day.month - 1]  # not strftime: %B follows the process locale
    date = f"{month} {day.day}, {day.year}" if rng.random() < 0.6 else f"{day.day:02d} {month[:3]} {day.year}"
    return {
        "name": f"{romanize(person.given, system)} {family}",
        "age": None if rng.random() < 0.2 else person.age_at_death,
        "city": PLACE_BY_RU[person.place_of_death].en,
        "date_of_death": date,
        "circumstances": rng.choice(_MEDIA_CIRCUMSTANCES[person.circumstances]),
        "source_url": f"https://example.org/news/{story}",
    }


def morgue_row(person: SyntheticPerson, rng: random.Random) -> list[str]:
    """"Нурланов Ж.С.": surname and initials, м/ж, dd.mm.yyyy (sometimes the day the body came in)."""
    initials = _office_spelling(person.given)[0] + "."
    if person.patronymic_style != "none" and rng.random() > 0.15:
        initials += _office_spelling(person.father_given)[0] + "."
    sex = "" if rng.random() < 0.02 else {"M": "м", "F": "ж"}[person.sex]
    day = person.date_of_death
    if rng.random() < 0.06:
        day = day.replace(day=day.day + 1)
    note = rng.choice(_MORGUE_NOTES[person.circumstances])
    return ["", f"{_maybe_typo(_office_spelling(person.family), rng, 0.03)} {initials}", sex, _dmy(day), note]
