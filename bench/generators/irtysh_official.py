"""The two official lists of ``irtysh``: the General Prosecutor's published list and the forensic register.

The prosecutor published a PDF: number, "Фамилия Имя Отчество" in one column, the year of birth and
the place of death, alphabetical. What a user imports is the PDF run through text recognition and
saved from Excel as "CSV UTF-8" (BOM, ``;``), so it carries recognition slips (Б0латов, Latin look-alike
letters) besides the office's own (a year of birth off by one or ten, a patronymic left out).

The forensic bureau's register is an export of its information system: pipe-separated UTF-8, ISO
dates, the admission of the body with its time as ``date_recorded``, the IIN of identified bodies.
Bodies admitted unidentified are registered as «Неизвестный мужчина» with an apparent age; when relatives
identify one, a new row is entered with the name and a reference to the first, so such a person is
in the register twice. Rows are in the order they were entered.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.irtysh_forms import ALMATY_DISTRICTS, PLACE_RU, REGION_SHORT, patronymic, spelled
from generators.irtysh_names import russify
from generators.irtysh_people import Victim
from generators.irtysh_script import ocr_slip, typing_slip, year_slip

HOSPITALS = ("ГКБ №4", "ГКБ №7", "ЦГКБ", "БСНП", "ГКБ №1")


def _prosecutor_name(rng: random.Random, victim: Victim) -> tuple[str, str]:
    """Family, given, patronymic in one cell, as typed and as text recognition read it back.

    Most of the office's clerks wrote Russian-language letters."""
    person = victim.person
    letters = victim.kazakh_letters and rng.random() < 0.15
    family, given = spelled(person.family, letters), spelled(person.given, letters)
    father = spelled(patronymic(victim), letters)
    if rng.random() < 0.07:
        father = ""
    if rng.random() < 0.01:
        given = ""
    name = " ".join(part for part in (family, given, father) if part)
    slip = rng.random()
    if slip < 0.025:
        return name, ocr_slip(rng, name)
    if slip < 0.04:
        return name, typing_slip(rng, name)
    return name, name


def _prosecutor_place(rng: random.Random, victim: Victim) -> str:
    place = PLACE_RU[victim.person.place]
    if victim.person.place == "Алматы" and rng.random() < 0.3:
        return f"{place}, {rng.choice(ALMATY_DISTRICTS)} р-н"
    return place


def prosecutor(known: list[Victim], rng: random.Random) -> GeneratedList:
    """The General Prosecutor's list: one row per person, alphabetical, year of birth only."""
    rows = []
    for victim in known:
        typed, name = _prosecutor_name(rng, victim)
        year = victim.person.date_of_birth.year
        if rng.random() < 0.03:
            year = year_slip(rng, year)
        born = "" if rng.random() < 0.015 else str(year)
        key = russify(typed).lower().replace("ё", "е")  # the office sorted what it typed
        rows.append((key, victim.person.person_id, name, born, _prosecutor_place(rng, victim)))
    rows.sort()
    lines = ["№;ФИО;Год рождения;Место гибели"]
    truth = {}
    for number, (_key, person_id, name, born, place) in enumerate(rows, start=1):
        lines.append(f"{number};{name};{born};{place}")
        truth[number] = person_id
    content = ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
    return GeneratedList("prosecutor", "prosecutor.csv", content, truth, one_per_person=True)


def _admission(rng: random.Random, victim: Victim, latent: str) -> dt.datetime:
    """When the body reached the bureau: usually the day of death or the next, later for bodies that lay
    where they fell or were moved by the security forces first."""
    died = victim.person.date_of_death
    if victim.hospital:
        days = 0 if rng.random() < 0.7 else 1
    else:
        days = rng.choices((0, 1, 2, 3, 4, 5, 6, 8, 10), (45, 28, 11, 6, 3, 2, 2, 2, 1))[0]
        if latent == "unclaimed" and rng.random() < 0.3:
            days += rng.randint(1, 6)
    return dt.datetime(died.year, died.month, died.day, rng.randrange(24), rng.randrange(60)) + dt.timedelta(days=days)


def _found_at(rng: random.Random, victim: Victim) -> str:
    place = victim.person.place
    if victim.hospital:
        return f"{PLACE_RU[place]}, {rng.choice(HOSPITALS) if place == 'Алматы' else 'ОКБ'}"
    if place == "Алматы":
        return f"г. Алматы, {rng.choice(ALMATY_DISTRICTS)} р-н"
    return PLACE_RU[place]


def _iin_cell(rng: random.Random, victim: Victim) -> str:
    if rng.random() < 0.08:
        return ""
    iin = victim.iin
    if rng.random() < 0.015:
        i = rng.randrange(12)
        iin = iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:]
    return iin


def _birth_cell(rng: random.Random, born: dt.date) -> str:
    if rng.random() < 0.01 and born.day <= 12:
        return dt.date(born.year, born.day, born.month).isoformat()  # day and month swapped on entry
    return born.isoformat()


def _forensic_row(rng: random.Random, victim: Victim, admitted: dt.datetime, note: str, named: bool) -> list[str]:
    person = victim.person
    sex = person.sex if rng.random() > 0.005 else {"M": "F", "F": "M"}[person.sex]
    died = ""
    if victim.hospital and rng.random() < 0.95 or not victim.hospital and rng.random() < 0.15:
        died = person.date_of_death.isoformat()
    cells = [{"M": "М", "F": "Ж"}[sex], "", "", f"{admitted:%Y-%m-%d %H:%M}", died, _found_at(rng, victim),
             REGION_SHORT[person.region], note]
    if not named:
        unknown = ["Неизвестный", "мужчина"] if person.sex == "M" else ["Неизвестная", "женщина"]
        return [*unknown, ""] + cells
    family, given = person.family, person.given
    if rng.random() < 0.01:
        family = typing_slip(rng, family)
    cells[1], cells[2] = _birth_cell(rng, person.date_of_birth), _iin_cell(rng, victim)
    return [family, given, patronymic(victim)] + cells


def _apparent_age(rng: random.Random, victim: Victim) -> str:
    years = (victim.person.date_of_death - victim.person.date_of_birth).days // 365
    low = max(1, 5 * round((years + rng.randint(-6, 6)) / 5))
    return f"неопознанный труп, на вид {low}-{low + 5} лет"


def forensic(known: list[Victim], classes: dict[str, str], rng: random.Random) -> GeneratedList:
    """The forensic register: identified bodies, unidentified ones, and the re-entries of those identified."""
    entries: list[tuple[dt.datetime, str, str, Victim, dt.datetime]] = []
    for victim in known:
        latent = classes[victim.person.person_id]
        admitted = _admission(rng, victim, latent)
        if rng.random() < (0.7 if latent == "unclaimed" else 0.05):
            entries.append((admitted, victim.person.person_id, "unknown", victim, admitted))
            if rng.random() < 0.8:
                identified = admitted + dt.timedelta(days=rng.randint(1, 14), hours=rng.randint(1, 10))
                entries.append((identified, victim.person.person_id, "identified", victim, admitted))
        else:
            entries.append((admitted, victim.person.person_id, "named", victim, admitted))
    entries.sort(key=lambda entry: (entry[0], entry[1], entry[2]))
    header = ("Рег. номер|Фамилия|Имя|Отчество|Пол|Дата рождения|ИИН|Дата поступления тела|"
              "Дата смерти (по направлению)|Место обнаружения тела|Филиал (регион)|Примечание")
    lines, truth, first_number = [header], {}, {}
    for number, (entered, person_id, kind, victim, admitted) in enumerate(entries, start=1):
        reference = f"СМЭ-22/{number:05d}"
        note = ""
        if kind == "unknown":
            first_number[person_id] = reference
            note = _apparent_age(rng, victim)
        elif kind == "identified":
            note = f"опознан {entered:%d.%m.%Y}, ранее зарег. как неизвестный № {first_number[person_id]}"
        cells = _forensic_row(rng, victim, admitted, note, kind != "unknown")
        lines.append("|".join([reference, *cells]))
        truth[number] = person_id
    return GeneratedList("forensic", "forensic.txt", ("\n".join(lines) + "\n").encode("utf-8"), truth)
