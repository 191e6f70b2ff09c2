"""``hospital``: deaths in the hospitals of Almaty, Taldykorgan and Shymkent, from the health departments.

An XLSX consolidated from each hospital's report: «№», «ФИО пациента» (the information system's upper
case full name as the state database spells it, Kazakh letters kept; or the admission journal's
"Сериков Е.С."; or a clerk's mixed case), «Пол», «Возраст» (years at admission), «Дата рождения» as
the system exports it ("14.02.87", text), «ИИН» for most (a digit slip now and then), «Дата
поступления» (admitted alive: days before the death for the wounded), «Дата смерти» (a typed date
cell, missing for a few), the hospital and the diagnosis. The admission date is not a recorded
death (docs/import.md), so the map leaves it unmapped. Sorted by hospital and admission; one row per
person.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators import aral_slips as slips
from generators.aral_forms import doc_parts, initials, ru_parts
from generators.aral_people import Person
from generators.aral_xlsx import Cell, workbook

_HOSPITALS = {
    "almaty": ("ГКБ №4", "ГКБ №7", "ГКБ №1", "ЦГКБ", "БСНП", "ГКБ №5", "ГКБ №12"),
    "talgar": ("Талгарская ЦРБ", "ГКБ №7", "БСНП"),
    "kaskelen": ("Карасайская ЦРБ", "ГКБ №7", "ГКБ №4"),
    "esik": ("Енбекшиказахская ЦРБ", "БСНП"),
    "taldykorgan": ("Областная многопрофильная больница", "Городская больница Талдыкоргана"),
    "shymkent": ("ГКБ №1", "Городская больница скорой помощи"),
}
_CHILDREN = {"almaty": "ГДБ №2", "shymkent": "Областная детская больница"}
_WHERE = {"almaty": "г. Алматы", "talgar": "г. Талгар", "kaskelen": "г. Каскелен", "esik": "г. Есик",
          "taldykorgan": "г. Талдыкорган", "shymkent": "г. Шымкент"}
_DIAGNOSES = ("Огнестрельное ранение грудной клетки", "Огнестрельное проникающее ранение брюшной полости",
              "Огнестрельное ранение головы", "Множественные огнестрельные ранения",
              "Огнестрельное ранение бедра. Геморрагический шок", "Огнестрельное ранение шеи")
HEADERS = ["№", "ФИО пациента", "Пол", "Возраст", "Дата рождения", "ИИН", "Дата поступления", "Дата смерти",
           "Медицинская организация", "Диагноз"]
HOSPITAL_MAP = """[columns]
source_record_id = "№"
full_name = "ФИО пациента"
sex = "Пол"
age = "Возраст"
date_of_birth = "Дата рождения"
national_id = "ИИН"
date_of_death = "Дата смерти"
place_of_death = "Медицинская организация"
circumstances = "Диагноз"
"""


def _hospital(rng: random.Random, person: Person) -> str:
    city = person.city
    named = _CHILDREN.get(city) if person.age < 15 else None
    name = named or rng.choice(_HOSPITALS[city])
    where = "г. Алматы" if name.startswith(("ГКБ", "ЦГКБ", "БСНП", "ГДБ")) and city != "shymkent" else _WHERE[city]
    return f"{name}, {where}"


def _patient(rng: random.Random, person: Person) -> str:
    kind = rng.random()
    if kind < 0.5:
        return " ".join(part for part in doc_parts(person) if part).upper()
    family, given, patronymic = ru_parts(person)
    if kind < 0.8:
        return f"{family} {initials(given, patronymic)}"
    text = " ".join(part for part in (family, given, patronymic) if part)
    return slips.typo(rng, text) if rng.random() < 0.05 else text


def _iin(rng: random.Random, person: Person) -> str | None:
    if rng.random() > 0.6:
        return None
    if rng.random() < 0.02:
        place = rng.randrange(12)
        return person.iin[:place] + str((int(person.iin[place]) + rng.randint(1, 9)) % 10) + person.iin[place + 1:]
    return person.iin


def _admitted(rng: random.Random, person: Person) -> dt.date:
    """Admitted alive: the day of the wound for the wounded, the day before death for some detainees."""
    if person.kind == "wounds":
        return person.injured
    if person.kind == "custody":
        return person.died - dt.timedelta(days=rng.randint(0, 1))
    return person.died


def _sex(rng: random.Random, person: Person) -> str:
    male, female = ("муж", "жен") if rng.random() < 0.7 else ("М", "Ж")
    return male if person.sex == "M" else female


def _row(rng: random.Random, number: int, person: Person, hospital: str) -> list[Cell]:
    admitted = _admitted(rng, person)
    age = person.age_on(admitted)
    if rng.random() < 0.03:
        age += rng.choice((-1, 1))
    born = slips.dmy(person.born, short_year=True) if rng.random() < 0.45 else None
    died = person.died if rng.random() > 0.04 else None
    return [number, _patient(rng, person), _sex(rng, person), max(age, 0), born, _iin(rng, person), admitted, died,
            hospital, rng.choice(_DIAGNOSES) if person.kind != "custody" else "ЗЧМТ. Множественные ушибы"]


def hospital_list(people: list[Person], rng: random.Random) -> GeneratedList:
    placed = [(_hospital(rng, person), person) for person in people]
    placed.sort(key=lambda entry: (entry[0], entry[1].injured, entry[1].pid))
    rows: list[list[Cell]] = [list(HEADERS)]
    truth: dict[int, str] = {}
    for number, (hospital, person) in enumerate(placed, start=1):
        rows.append(_row(rng, number, person, hospital))
        truth[number] = person.pid
    return GeneratedList("hospital", "hospital.xlsx", workbook(rows, "Умершие"), truth, map_toml=HOSPITAL_MAP,
                         one_per_person=True)
