"""The four lists of ``taiga``, each built on its own from the victims it knows of.

official — the prosecutor's register in Russian (XLSX): separate name columns, typed dates, IINs.
ngo      — a Kazakh volunteers' list (JSON): given name first, Kazakh letters, ages, Kazakh month names;
           the only one needing a column map (its town header is not guessed, and its names run given-first).
media    — reporters' compilation (CSV, UTF-8 with BOM): three Latin habits mixed, English dates.
morgue   — forensic morgues' admissions (tab-separated, CP1251): surname and initials, admission date.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.taiga_files import csv_bytes, json_bytes, xlsx_bytes
from generators.taiga_names import kazakh_patronymic, kazakh_patronymic_family, russian_patronymic, russify
from generators.taiga_people import REGIONS, Victim
from generators.taiga_script import (
    cyrillic_typo,
    english_date,
    kazakh_date,
    latin,
    latin_typo,
    numeric_date,
    ocr_slip,
)

MORGUE_REGIONS = frozenset({0, 1, 2, 3})  # Almaty city and oblast, Zhambyl, Shymkent


def iin_slip(rng: random.Random, iin: str) -> str:
    """One digit copied wrong (the check digit then usually fails, which import reports as a warning)."""
    i = rng.randrange(12)
    return iin[:i] + str((int(iin[i]) + rng.randint(1, 9)) % 10) + iin[i + 1:]


def _listed(rows: list[tuple[object, list, str]]) -> tuple[list[list], dict[int, str]]:
    rows.sort(key=lambda row: row[0])  # type: ignore[arg-type, return-value]
    return [row[1] for row in rows], {number: row[2] for number, row in enumerate(rows, start=1)}


def official(rng: random.Random, victims: list[Victim]) -> GeneratedList:
    """One row per person, sorted by region and surname as a register is kept."""
    rows = []
    for v in victims:
        keep_kazakh = v.doc_kazakh and rng.random() < 0.5
        spell = (lambda word: word) if keep_kazakh else russify
        family, given = spell(v.family), spell(v.given)
        if rng.random() < 0.02:
            family = cyrillic_typo(rng, family)
        roll = rng.random()
        if v.community == "kazakh" and roll < 0.15:
            patronymic = spell(kazakh_patronymic(v.father, v.sex))
        elif roll < 0.95:
            patronymic = russian_patronymic(v.father, v.sex)
        else:
            patronymic = ""
        born: object = v.born if rng.random() < 0.85 else (numeric_date(v.born) if rng.random() < 0.4 else None)
        iin = "" if rng.random() < 0.13 else (iin_slip(rng, v.iin) if rng.random() < 0.015 else v.iin)
        region = REGIONS[v.region]
        place = region[2][v.place][0]
        place_cell = "" if region[0] == "г. Алматы" and rng.random() < 0.7 else place
        cells = [0, family, given, patronymic, born, iin, v.died, region[0], place_cell]
        rows.append(((region[0], russify(family), given, v.pid), cells, v.pid))
    table, truth = _listed(rows)
    for number, cells in enumerate(table, start=1):
        cells[0] = number
    headers = ["№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "ИИН", "Дата смерти", "Область (город)",
               "Населенный пункт"]
    content = xlsx_bytes("Список", headers, table)  # headers guessed right: no map needed
    return GeneratedList("official", "official.xlsx", content, truth, None, one_per_person=True)


def _ngo_name(rng: random.Random, v: Victim) -> str:
    family = v.family
    if v.other_family and rng.random() < 0.35:
        family = v.other_family
    if v.community == "kazakh" and rng.random() < 0.2:
        family = kazakh_patronymic_family(family, v.sex)
    if v.community != "kazakh":
        family = russify(family)
    return f"{v.given} {family}"


def _ngo_age(rng: random.Random, v: Victim) -> str:
    age = v.age()
    roll = rng.random()
    if roll < 0.12:
        age = v.died.year - v.born.year  # counted from the birth year
    elif roll < 0.16:
        return f"~{max(5, 5 * round(age / 5))}"
    elif roll < 0.21:
        return ""
    return f"{age} жас" if rng.random() < 0.3 else str(age)


def ngo_row(rng: random.Random, v: Victim) -> dict[str, object]:
    """What a volunteer writes from a relative's call: a name, an age, the day, the town."""
    died, note = v.died, ""
    if v.in_hospital:
        note = "ауруханада қайтыс болды"
        if rng.random() < 0.3:
            died, note = dt.date(2022, 1, 5), "5 қаңтарда жараланған, ауруханада қайтыс болды"
    date = "" if rng.random() < 0.05 else kazakh_date(died, rng)
    town = REGIONS[v.region][2][v.place][1]
    return {"Аты-жөні": _ngo_name(rng, v), "Жасы": _ngo_age(rng, v), "Қайтыс болған күні": date,
            "Қаласы": town if rng.random() < 0.92 else "", "Ескерту": note}


def ngo(rng: random.Random, victims: list[Victim]) -> GeneratedList:
    """In the order relatives reported; about one person in twenty reported twice by two relatives."""
    rows = []
    for v in victims:
        rows.append((rng.random(), ngo_row(rng, v), v.pid))
        if rng.random() < 0.05:
            rows.append((rng.random(), ngo_row(rng, v), v.pid))
    records, truth = _listed(rows)
    for number, record in enumerate(records, start=1):
        record["№"] = number
    records = [{"№": r["№"], **{k: val for k, val in r.items() if k != "№"}} for r in records]
    mapping = """name_order = "given_first"
[columns]
full_name = "Аты-жөні"
age = "Жасы"
date_of_death = "Қайтыс болған күні"
place_of_death = "Қаласы"
notes = "Ескерту"
"""
    return GeneratedList("ngo", "ngo.json", json_bytes(records), truth, mapping)


def _media_name(rng: random.Random, v: Victim) -> str:
    scheme = rng.choices(("passport", "kazlat", "english"), weights=(0.35, 0.2, 0.45))[0]
    family = v.other_family if v.other_family and rng.random() < 0.15 else v.family
    if v.community == "kazakh" and rng.random() < 0.05:
        family = kazakh_patronymic_family(family, v.sex)
    given_latin, family_latin = latin(v.given, scheme), latin(family, scheme)
    if rng.random() < 0.12:
        if rng.random() < 0.5:
            given_latin = latin_typo(rng, given_latin)
        else:
            family_latin = latin_typo(rng, family_latin)
    if rng.random() < 0.05:
        return f"{family_latin.upper()} {given_latin}"
    return f"{given_latin} {family_latin}"


def media_row(rng: random.Random, v: Victim) -> list[str]:
    age = str(v.age()) if rng.random() < 0.55 else ""
    born = str(v.born.year) if not age and rng.random() < 0.12 else ""
    date = english_date(v.died, rng) if rng.random() < 0.85 else ""
    city = REGIONS[v.region][2][v.place][2] if rng.random() < 0.8 else ""
    source = rng.choice(("news site", "Telegram channel", "relatives on Instagram", "TV report", "press briefing"))
    return [_media_name(rng, v), age, born, date, city, source]


def media(rng: random.Random, victims: list[Victim]) -> GeneratedList:
    """Grouped loosely by the day reported; a few people appear twice from two outlets."""
    rows = []
    for v in victims:
        rows.append(((v.died, rng.random()), media_row(rng, v), v.pid))
        if rng.random() < 0.03:
            rows.append(((v.died + dt.timedelta(days=rng.randint(0, 4)), rng.random()), media_row(rng, v), v.pid))
    table, truth = _listed(rows)
    headers = ["Name", "Age", "Year of birth", "Date of death", "City", "Source"]  # guessed; Source stays raw
    return GeneratedList("media", "media.csv", csv_bytes(headers, table, ",", "utf-8-sig"), truth)


def _admitted(rng: random.Random, v: Victim) -> dt.date:
    """The body reached the morgue on the day of death or a few days later; now and then much later."""
    if v.in_hospital:
        return v.died + dt.timedelta(days=rng.choice((0, 0, 1)))
    delay = rng.choices((0, 1, 2, 3, 4, 6, 9), weights=(44, 30, 12, 6, 4, 3, 1))[0]
    return v.died + dt.timedelta(days=delay)


def morgue_row(rng: random.Random, v: Victim) -> list[str]:
    family, given = russify(v.family), russify(v.given)
    name = f"{family} {given[0]}.{russify(v.father)[0]}." if rng.random() < 0.9 else \
        f"{family} {given} {russify(v.father)[0]}."
    if rng.random() < 0.08:
        name = ocr_slip(rng, name)
    roll = rng.random()
    born = numeric_date(v.born) if roll < 0.8 else (str(v.born.year) if roll < 0.86 else "")
    iin = ""
    if rng.random() < 0.35:
        iin = iin_slip(rng, v.iin) if rng.random() < 0.03 else v.iin
    city = REGIONS[v.region][2][v.place][0]
    return [name, "м" if v.sex == "M" else "ж", born, iin, numeric_date(_admitted(rng, v)), city]


def morgue(rng: random.Random, victims: list[Victim]) -> GeneratedList:
    """Bodies admitted to the morgues of Almaty city and oblast, Zhambyl and Shymkent, in admission order."""
    rows = []
    for v in victims:
        cells = morgue_row(rng, v)
        admitted = dt.date(int(cells[4][6:]), int(cells[4][3:5]), int(cells[4][:2]))
        rows.append(((admitted, rng.random()), cells, v.pid))
    table, truth = _listed(rows)
    table = [[str(number), *cells] for number, cells in enumerate(table, start=1)]
    headers = ["№", "ФИО", "Пол", "Дата рождения", "ИИН", "Дата поступления", "Город"]  # all guessed
    return GeneratedList("morgue", "morgue.tsv", csv_bytes(headers, table, "\t", "cp1251"), truth,
                         one_per_person=True)
