"""The volunteers' spreadsheet of ``irtysh``: a shared Google Sheet filled in by six people, each in a habit.

Volunteers took calls and messages from relatives and typed them into one sheet, exported as XLSX.
Each clerk has habits that hold across all of their rows (name order, Kazakh letters or not, the -ұлы
or -ович patronymic or none, how a date and an age are written), so the file mixes them row by row
the way a real shared sheet does. A typed date becomes a date cell; "5 қаңтар 2022" stays text.
Relatives round ages and sometimes give the day of the injury for someone who died later in
hospital; when nobody knows the day ("5-6 января") the date cell is left empty and the note says so,
because Tergeu refuses a two-day range in a date column; an age range ("30-35") goes to the note for
the same reason. Some people were reported twice, by two relatives to two clerks.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import GeneratedList
from generators.irtysh_forms import PLACE_KK, kazakhise, patronymic
from generators.irtysh_names import russify
from generators.irtysh_people import Victim
from generators.irtysh_script import short_form, typing_slip
from generators.irtysh_xlsx import write_xlsx

RU_MONTH_GENITIVE = "января"
KK_MONTH = "қаңтар"


@dataclass(frozen=True)
class Clerk:
    name: str
    share: float
    given_first: bool
    kazakh: bool  # writes Kazakh letters
    patronymic: str  # "kk", "ru" or "none"
    dates: str  # typed | kk_words | ru_words | short | slash | dotted
    ages: str  # int | лет | жас | approx
    sexes: tuple[str, str]  # how M and F are written


CLERKS = (
    Clerk("Айгерим", 0.24, False, True, "kk", "typed", "int", ("ер", "әйел")),
    Clerk("Данияр", 0.18, True, True, "none", "kk_words", "жас", ("ер", "әйел")),
    Clerk("Оля", 0.16, False, False, "ru", "short", "лет", ("м", "ж")),
    Clerk("Мадина", 0.16, True, True, "kk", "slash", "int", ("М", "Ж")),
    Clerk("Саят", 0.14, False, False, "none", "ru_words", "approx", ("муж", "жен")),
    Clerk("Тимур", 0.12, True, False, "ru", "dotted", "int", ("М", "Ж")),
)
UNSURE_DAY = ("5-6 января", "в ночь с 5 на 6 января", "5-6 қаңтар", "6 немесе 7 қаңтар", "числа 6-7")


@dataclass
class Report:
    """One row as a clerk typed it, kept so the journalists can copy it."""

    victim: Victim
    clerk: Clerk
    name: str
    age: object
    died: object  # the cell as typed
    day: dt.date | None  # the day the relative gave, if any
    note: str


def _name(rng: random.Random, victim: Victim, clerk: Clerk) -> str:
    person = victim.person
    family, given = person.family, person.given
    if victim.community == "kazakh":
        family, given = (kazakhise(family), kazakhise(given)) if clerk.kazakh else (russify(family), russify(given))
    if rng.random() < 0.03:
        given = short_form(given)
    father = patronymic(victim, clerk.patronymic) if clerk.patronymic != "none" else ""
    father = kazakhise(father) if clerk.kazakh else russify(father)
    if father and rng.random() < 0.02:
        family = ""  # the caller gave the name and the father's name only
    parts = (given, father, family) if clerk.given_first else (family, given, father)
    name = " ".join(part for part in parts if part)
    return typing_slip(rng, name) if rng.random() < 0.025 else name


def _age(rng: random.Random, victim: Victim, clerk: Clerk) -> object:
    if rng.random() < 0.15:
        return ""
    person = victim.person
    years = person.date_of_death.year - person.date_of_birth.year - (
        (person.date_of_death.month, person.date_of_death.day) < (person.date_of_birth.month, person.date_of_birth.day))
    if rng.random() < 0.1:
        years += rng.choice((-1, 1))
    if clerk.ages == "int":
        return years
    if clerk.ages == "approx":
        rounded = max(5, 5 * round(years / 5))
        return f"~{rounded}" if rng.random() < 0.5 else f"около {rounded}"
    return f"{years} {clerk.ages}"


def _date(rng: random.Random, day: dt.date, clerk: Clerk) -> object:
    if clerk.dates == "typed":
        return day
    if clerk.dates == "kk_words":
        return f"{day.day} {KK_MONTH} {day.year}" if day.month == 1 else f"{day:%d.%m.%Y}"
    if clerk.dates == "ru_words":
        return f"{day.day} {RU_MONTH_GENITIVE} {day.year}" if day.month == 1 else f"{day:%d.%m.%Y}"
    if clerk.dates == "short":
        return f"{day:%d.%m.%y}"
    if clerk.dates == "slash":
        if day.day <= 12 and rng.random() < 0.1:  # a phone set to US English (1/13/2022 would be refused)
            return f"{day.month}/{day.day}/{day.year}"
        return f"{day.day}/{day.month}/{day.year}"
    return f"{day:%d.%m.%Y}"


def _report(rng: random.Random, victim: Victim, clerk: Clerk) -> Report:
    person = victim.person
    note = ""
    day = person.date_of_death
    if victim.hospital and day != victim.injured and rng.random() < 0.5:
        day = victim.injured  # the relative gave the day he was shot
        note = "ауруханада қайтыс болды" if clerk.kazakh else "скончался в больнице"
    elif rng.random() < 0.02:
        day = day + dt.timedelta(days=rng.choice((-1, 1)))
    died: object = _date(rng, day, clerk)
    known: dt.date | None = day
    if rng.random() < 0.05:
        died, known, note = "", None, rng.choice(UNSURE_DAY)
    age = _age(rng, victim, clerk)
    if clerk.ages == "approx" and age and not note and rng.random() < 0.2:
        low = int(str(age).split()[-1].lstrip("~")) - 5
        age, note = "", f"возраст {low}-{low + 5} лет"  # a range is refused in an age column
    return Report(victim, clerk, _name(rng, victim, clerk), age, died, known, note)


def _sex(rng: random.Random, victim: Victim, clerk: Clerk) -> str:
    if rng.random() < 0.2:
        return ""
    sex = victim.person.sex if rng.random() > 0.01 else {"M": "F", "F": "M"}[victim.person.sex]
    return clerk.sexes[sex == "F"]


def volunteers(known: list[Victim], rng: random.Random) -> tuple[GeneratedList, list[Report]]:
    """The volunteers' XLSX and the reports behind it (the journalists copy some of them)."""
    shares = [clerk.share for clerk in CLERKS]
    reports: list[tuple[float, Report, str, str]] = []
    for victim in known:
        for copy in range(2 if rng.random() < 0.07 else 1):
            clerk = rng.choices(CLERKS, shares)[0]
            report = _report(rng, victim, clerk)
            place = PLACE_KK[victim.person.place] if clerk.kazakh else russify(PLACE_KK[victim.person.place])
            when = victim.person.date_of_death.toordinal() + rng.expovariate(1 / 3) + 2 * copy
            reports.append((when, report, _sex(rng, victim, clerk), place))
    reports.sort(key=lambda item: (item[0], item[1].victim.person.person_id))
    headers = ["№", "Аты-жөні / ФИО", "Жасы / Возраст", "Жынысы / Пол", "Қаза болған күні / Дата гибели",
               "Қала / Город", "Ескерту / Примечание", "Енгізген (кто внёс)"]
    rows, truth = [], {}
    for number, (_when, report, sex, place) in enumerate(reports, start=1):
        rows.append([number, report.name, report.age, sex, report.died, place, report.note, report.clerk.name])
        truth[number] = report.victim.person.person_id
    listed = GeneratedList("volunteers", "volunteers.xlsx", write_xlsx("Қаза тапқандар", headers, rows), truth)
    return listed, [report for _when, report, _sex, _place in reports]

