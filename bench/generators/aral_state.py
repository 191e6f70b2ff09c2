"""The two state lists of ``aral``: the Prosecutor General's civilians and the ministry's "liquidated".

``official``: the Prosecutor General's Office published its list of civilian dead as a table in a
PDF. Volunteers retyped it page by page into a shared sheet and exported it as CSV (UTF-8, comma,
Google Sheets' quoting): «№ п/п», «Ф.И.О.», «Дата рождения», «Дата смерти». The PDF itself has a few
errors (a russified spelling variant, a slip in a date); each page's volunteer adds their own: one
types fast (dropped letters, a Latin letter from the wrong layout, swapped day and month, 19.. for a
child born in 2003), one writes two-digit years, one ran text recognition over the scan and corrected
it badly, one keeps the PDF's capitals. Alphabetical, one row per person.

``mvd``: the interior ministry's list of persons "liquidated" while "resisting", surname and initials
only, with the date of the incident (for the wounded: the day of the wound, not of the death), the
place and a category; its own fallen listed separately below, numbered again from 1, with rank and
unit. A CP1251 ``;`` file, so every Kazakh letter is russified. One row per person.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass

from generators import GeneratedList
from generators import aral_slips as slips
from generators.aral_forms import doc_parts, initials, ministry_place, ru_parts, sloppy_given
from generators.aral_people import Person

_HABITS = ("careful", "fast", "short_year", "ocr", "capitals")


@dataclass
class OfficialRow:
    """What the retyped official list says of one person (the channel copies it, slips and all)."""

    person: Person
    name: str
    born: dt.date | None
    born_text: str
    died: dt.date | None
    died_text: str


def _pdf_name(rng: random.Random, person: Person) -> tuple[str, str, str]:
    """The name as the prosecutor's PDF prints it: russified, sometimes the passport's Kazakh letters."""
    family, given, patronymic = doc_parts(person) if rng.random() < 0.25 else ru_parts(person)
    if rng.random() < 0.06:
        given = sloppy_given(rng, given, 1.0)
    if rng.random() < 0.7:
        family, given, patronymic = slips.no_yo(family), slips.no_yo(given), slips.no_yo(patronymic)
    return family, given, patronymic


def _retyped_name(rng: random.Random, habit: str, parts: tuple[str, str, str]) -> str:
    family, given, patronymic = parts
    if habit == "capitals":
        family = family.upper()
    text = " ".join(part for part in (family, given, patronymic) if part)
    rates = {"careful": (0.01, 0.01, 0.03), "fast": (0.07, 0.05, 0.10), "short_year": (0.02, 0.02, 0.05),
             "ocr": (0.01, 0.0, 0.08), "capitals": (0.02, 0.01, 0.03)}[habit]
    if rng.random() < rates[0]:
        text = slips.typo(rng, text)
    if rng.random() < rates[1]:
        text = slips.homoglyph(rng, text)
    if habit == "ocr" and rng.random() < 0.12:
        text = slips.ocr(rng, text)
    if rng.random() < rates[2]:
        text = slips.spacing(rng, text)
    return text


def _retyped_date(rng: random.Random, habit: str, day: dt.date, birth: bool) -> dt.date:
    if habit in ("fast", "ocr") and rng.random() < 0.03:
        day = slips.swapped(day) or day
    if rng.random() < (0.03 if habit == "fast" else 0.006):
        day = slips.digit_slip(rng, day)
    if birth and habit == "fast" and (day.year >= 2000 or rng.random() < 0.02) and rng.random() < 0.3:
        day = slips.wrong_century(day)
    return day


def official_rows(people: list[Person], rng: random.Random) -> list[OfficialRow]:
    """The retyped official list, alphabetical as the PDF was, with each page's volunteer's habits."""
    printed = []
    for person in people:
        parts = _pdf_name(rng, person)
        born = slips.digit_slip(rng, person.born) if rng.random() < 0.01 else person.born
        died = slips.digit_slip(rng, person.died) if rng.random() < 0.01 else person.died
        printed.append((parts, person, born if rng.random() > 0.03 else None, died))
    printed.sort(key=lambda entry: (slips.no_yo(entry[0][0].upper()), entry[0][1], entry[1].pid))
    rows = []
    for page in range(0, len(printed), 40):
        habit = rng.choice(_HABITS)
        for parts, person, born, died in printed[page:page + 40]:
            name = _retyped_name(rng, habit, parts)
            born = _retyped_date(rng, habit, born, True) if born else None
            died = _retyped_date(rng, habit, died, False)
            short = habit == "short_year"
            born_text = slips.dmy(born, short_year=short) if born else rng.choice(("", "н/д"))
            rows.append(OfficialRow(person, name, born, born_text, died, slips.dmy(died, short_year=short)))
    return rows


def official_list(rows: list[OfficialRow]) -> GeneratedList:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["№ п/п", "Ф.И.О.", "Дата рождения", "Дата смерти"])
    for number, row in enumerate(rows, start=1):
        writer.writerow([number, row.name, row.born_text, row.died_text])
    truth = {number: row.person.pid for number, row in enumerate(rows, start=1)}
    return GeneratedList("official", "official.csv", buffer.getvalue().encode("utf-8"), truth, one_per_person=True)


_RANKS = ("рядовой", "рядовой", "ефрейтор", "мл. сержант", "сержант", "ст. сержант полиции",
          "лейтенант полиции", "ст. лейтенант полиции", "капитан полиции", "майор полиции")
_UNITS = ("ДП г. Алматы", "в/ч 5513 НГ РК", "в/ч 6674 НГ РК", "ДП Алматинской области", "ДП Жамбылской области",
          "ДП г. Шымкент", "в/ч 3128 НГ РК", "ДП Кызылординской области", "ДП Актюбинской области")
_CATEGORIES = {"street": "ликвидирован при вооруженном сопротивлении", "bystander": "погиб в ходе столкновений",
               "wounds": "скончался в медучреждении", "custody": "скончался в ИВС",
               "forces": "погиб при исполнении служебных обязанностей"}
MVD_MAP = """name_order = "family_first"
[columns]
source_record_id = "№"
full_name = "Ф.И.О."
date_of_death = "Дата"
place_of_death = "Место"
circumstances = "Категория"
"""


def _ministry_name(rng: random.Random, person: Person) -> str:
    """Сериков Е.С.: surname, initials; the initial from a variant spelling now and then (Э. for Е.)."""
    family, given, patronymic = ru_parts(person)
    given = sloppy_given(rng, given, 0.1)
    if rng.random() < 0.04:
        family = slips.typo(rng, family)
    if rng.random() < 0.05:
        patronymic = ""
    return f"{family} {initials(given, patronymic, spaced=rng.random() < 0.2)}"


def _ministry_date(rng: random.Random, person: Person) -> str:
    day = person.injured if person.kind == "wounds" and rng.random() < 0.6 else person.died
    if rng.random() < 0.01:
        day = slips.swapped(day) or day
    return slips.dmy(day) + ("г." if rng.random() < 0.4 else "")


def mvd_list(people: list[Person], rng: random.Random) -> GeneratedList:
    liquidated = sorted((p for p in people if p.kind != "forces"), key=lambda p: (p.injured, p.city, p.pid))
    fallen = sorted((p for p in people if p.kind == "forces"), key=lambda p: (p.died, p.pid))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№", "Ф.И.О.", "Дата", "Место", "Категория", "Звание", "Подразделение"])
    truth: dict[int, str] = {}
    for section in (liquidated, fallen):
        for number, person in enumerate(section, start=1):
            rank, unit = ("", "") if person.kind != "forces" else (rng.choice(_RANKS), rng.choice(_UNITS))
            writer.writerow([number, _ministry_name(rng, person), _ministry_date(rng, person),
                             ministry_place(person), _CATEGORIES[person.kind], rank, unit])
            truth[len(truth) + 1] = person.pid
    content = buffer.getvalue().encode("cp1251")
    return GeneratedList("mvd", "mvd.csv", content, truth, map_toml=MVD_MAP, one_per_person=True)
