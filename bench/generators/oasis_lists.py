"""The five ``oasis`` lists: who each one captures and how it writes them (rows of cells, no files yet).

Each list function returns ``Sheet``: headers, rows of cells (text, or dates for the workbook) and the
person id of each row, in the list's own order. ``oasis.py`` turns a sheet into a file.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from generators.oasis_names import patronymic_kazakh, patronymic_russian, russified
from generators.oasis_people import PLACES, REGION_KK, Person, make_iin
from generators.oasis_script import Typist, latin

_KK_MONTH = "қаңтар"
_EN_MONTHS = ("January", "Jan", "Jan.")
_CEMETERIES = ("Кенсай", "Северное кладбище", "Жана Аулие-Ата", "Боралдай", "Кокозек")
_KAZAKH_OF = {p[0]: p[2] for p in PLACES}
_ENGLISH_OF = {p[0]: p[3] for p in PLACES}


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    keys: list[tuple] = field(default_factory=list)  # sort key of each row (the list's own order)

    def add(self, key: tuple, cells: list[object], person_id: str) -> None:
        self.keys.append(key)
        self.rows.append(cells)
        self.person_ids.append(person_id)

    def ordered(self) -> Sheet:
        order = sorted(range(len(self.rows)), key=lambda i: self.keys[i])
        return Sheet(self.headers, [self.rows[i] for i in order], [self.person_ids[i] for i in order])


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _ddmmyyyy(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def _swapped(day: dt.date) -> dt.date:
    """The day and month swapped (a clerk reading 06.01 as 01.06), or the day itself when impossible."""
    if day.day <= 12 and day.day != day.month:
        return dt.date(day.year, day.day, day.month)
    return day


def _age_at(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _spelled(person: Person, kazakh: bool) -> tuple[str, str, str]:
    """Family, given and father's name: the Kazakh spelling, or the russified one."""
    family, given, father = person.kazakh
    if kazakh:
        return family, given, father
    return russified(family), russified(given), russified(father)


def _patronymic(person: Person, rng: random.Random, kazakh_share: float) -> str:
    sex, father = person.truth.sex, person.kazakh[2]
    if person.community == "kazakh" and rng.random() < kazakh_share:
        form = patronymic_kazakh(father, sex)
        return form if person.kazakh_documents else russified(form)
    return patronymic_russian(father, sex)


def prosecutor(people: list[Person], rng: random.Random) -> Sheet:
    """The Prosecutor General's register: high coverage, separate name columns, IINs, typed dates."""
    typist = Typist(rng, 0.025)
    sheet = Sheet(["№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "ИИН", "Дата смерти", "Область",
                   "Место гибели"])
    for person in people:
        if rng.random() >= sigmoid(1.5 + 0.7 * person.visibility):
            continue
        truth = person.truth
        kazakh = person.kazakh_documents and rng.random() < 0.4
        family, given, _father = _spelled(person, kazakh)
        patronymic = "" if rng.random() < 0.04 else _patronymic(person, rng, 0.35 if kazakh else 0.1)
        born: object = truth.date_of_birth
        if rng.random() < 0.015:
            born = _swapped(truth.date_of_birth)
        if rng.random() < 0.3:
            born = _ddmmyyyy(born)  # typed as text, not as a date cell
        iin = person.iin if rng.random() < 0.88 else ""
        if iin and rng.random() < 0.01:
            at = rng.randrange(11)
            iin = iin[:at] + iin[at + 1] + iin[at] + iin[at + 2:]
        died = truth.date_of_death
        if rng.random() < 0.02:
            died += dt.timedelta(days=rng.choice((-1, 1)))
        place = f"г. {truth.place}"
        if person.district and rng.random() < 0.7:
            place = f"г. Алматы, {person.district} р-н"
        sheet.add((russified(family), given), [0, typist.word(family), typist.word(given), patronymic, born, iin,
                                               died, truth.region, place], truth.person_id)
    sheet = sheet.ordered()
    for number, row in enumerate(sheet.rows, 1):
        row[0] = number
    return sheet


def akimat(people: list[Person], rng: random.Random) -> Sheet:
    """Almaty akimat's burial payments: one name column, year of birth, burial date, repeated claims."""
    typist = Typist(rng, 0.06)
    sheet = Sheet(["№", "ФИО умершего", "Год рождения", "ИИН умершего", "Дата захоронения", "Кладбище",
                   "ФИО заявителя", "ИИН заявителя", "Сумма выплаты, тг", "Примечание"])
    for person in people:
        truth = person.truth
        if truth.place != "Алматы" or rng.random() >= sigmoid(0.3 + 0.5 * person.visibility):
            continue
        delay = 1 + min(int(rng.expovariate(1.0)), 6) + (3 if truth.date_of_death.day in (5, 6, 7)
                                                          and rng.random() < 0.4 else 0)
        buried = truth.date_of_death + dt.timedelta(days=delay)
        claims = 2 if rng.random() < 0.05 else 1
        for claim in range(claims):
            upper = rng.random() < 0.35  # the second clerk writes in capitals
            family, given, _father = _spelled(person, False)
            if truth.sex == "F" and family.endswith(("ова", "ева")) and rng.random() < 0.03:
                family = family[:-1]  # a woman written under the masculine form
            parts = [typist.word(family), typist.word(given)]
            if rng.random() < 0.85:
                parts.append(typist.word(russified(_patronymic(person, rng, 0.05))))
            name = " ".join(parts)
            year = str(truth.date_of_birth.year) + (" г.р." if rng.random() < 0.2 else "")
            written = _swapped(buried) if rng.random() < 0.02 else buried
            applicant = f"{family if truth.sex == 'M' else russified(person.kazakh[0])} {rng.choice('АБГДЕЖКМНС')}."
            sheet.add((buried, rng.random()), [
                0, name.upper() if upper else name, year if rng.random() < 0.95 else "",
                person.iin if rng.random() < 0.55 else "", _ddmmyyyy(written), rng.choice(_CEMETERIES),
                applicant, make_iin(dt.date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28)),
                                    rng.choice("MF"), rng),
                "100000", "повторное обращение" if claim else ""], truth.person_id)
    sheet = sheet.ordered()
    for number, row in enumerate(sheet.rows, 1):
        row[0] = str(number)
    return sheet


def _kazakh_place(person: Person, rng: random.Random) -> str:
    truth = person.truth
    town = _KAZAKH_OF[truth.place]
    if truth.region.startswith("г. "):
        return f"{town} қ."
    return f"{REGION_KK[truth.region]}, {town} қ." if rng.random() < 0.5 else f"{town} қ."


_TOGETHER = {"brother": "бауырымен бірге қаза тапты", "son": "әкесімен бірге қаза тапты",
             "father": "ұлымен бірге қаза тапты", "wife": "жұбайымен бірге қаза тапты"}


def ngo(people: list[Person], rng: random.Random) -> Sheet:
    """A Kazakh-language NGO's list: given name first, Kazakh spelling, ages by birth year, re-added names."""
    typist = Typist(rng, 0.08)
    sheet = Sheet(["Реттік нөмір", "Аты-жөні", "Жынысы", "Жасы", "Қаза тапқан күні", "Қаза тапқан жері",
                   "Ескерту"])
    for person in people:
        truth = person.truth
        boost = 0.4 if person.community == "kazakh" else -0.3
        if rng.random() >= sigmoid(-0.3 + 1.1 * person.visibility + boost):
            continue
        for copy in range(2 if rng.random() < 0.035 else 1):
            in_kazakh = rng.random() < (0.9 if copy == 0 else 0.4)
            family, given, _father = _spelled(person, in_kazakh)
            if person.community == "kazakh" and family.endswith(("ов", "ев", "ова", "ева")) and rng.random() < 0.06:
                root = family.removesuffix("а")[:-2]
                family = root + ("ұлы" if truth.sex == "M" else "қызы")  # Ахметұлы for Ахметов
            words = [typist.word(given)]
            if person.community == "kazakh" and rng.random() < 0.25:
                form = patronymic_kazakh(person.kazakh[2], truth.sex)
                words.append(form if in_kazakh else russified(form))
            words.append(typist.word(family))
            roll = rng.random()
            age = (_age_at(truth.date_of_birth, truth.date_of_death) if roll < 0.45
                   else 2022 - truth.date_of_birth.year if roll < 0.85 else None)
            age_text = "" if age is None else f"{age} жас" if rng.random() < 0.3 else str(age)
            if roll >= 0.85 and rng.random() < 0.65:
                age_text = f"шамамен {5 * round(_age_at(truth.date_of_birth, truth.date_of_death) / 5)}"
            died = truth.date_of_death + dt.timedelta(days=rng.choice((-1, 1)) if rng.random() < 0.05 else 0)
            died_text = (f"{died.day} {_KK_MONTH} {died.year}" if rng.random() < 0.7
                         else f"{died.year} жылғы {died.day} {_KK_MONTH}")
            note = _TOGETHER.get(person.role, "") if rng.random() < 0.6 else ""
            if person.in_hospital and rng.random() < 0.5:
                note = (note + "; " if note else "") + "ауруханада қайтыс болды"
            sex = ("ер" if truth.sex == "M" else "әйел") if rng.random() < 0.85 else ""
            sheet.add((rng.random(),), [0, " ".join(words), sex, age_text,
                                        died_text if rng.random() < 0.8 else "",
                                        _kazakh_place(person, rng) if rng.random() < 0.9 else "", note],
                      truth.person_id)
    sheet = sheet.ordered()
    for number, row in enumerate(sheet.rows, 1):
        row[0] = number
    return sheet


# invented outlets, each with its own way of writing names in Latin letters
_OUTLETS = (("Steppe Wire", "english", 0.45), ("KZ Daily", "icao", 0.25), ("Qazaq Ünı", "kz2021", 0.18),
            ("Dala Habar", "kz2017", 0.12))


def media(people: list[Person], rng: random.Random, on_ngo: set[str]) -> Sheet:
    """Journalists' list in English: given name first in several Latin spellings, copied from the NGO."""
    typist = Typist(rng, 0.08, ocr=0.1)
    sheet = Sheet(["No.", "Name", "Age", "City", "Date of death", "Source"])
    for person in people:
        truth = person.truth
        seen = 1.6 if truth.person_id in on_ngo else 0.0
        if rng.random() >= sigmoid(-1.9 + 1.0 * person.visibility + seen):
            continue
        outlets = rng.sample(_OUTLETS, 2) if rng.random() < 0.06 else [
            rng.choices(_OUTLETS, weights=[o[2] for o in _OUTLETS])[0]]
        for outlet, scheme, _weight in outlets:
            kazakh = scheme.startswith("kz") or rng.random() < 0.3
            family, given, _father = _spelled(person, kazakh)
            if rng.random() < 0.03:
                name = f"{latin(given, scheme, rng)} {latin(family, scheme, rng)[0]}."
            else:
                name = f"{typist.word(latin(given, scheme, rng))} {typist.word(latin(family, scheme, rng))}"
            age = _age_at(truth.date_of_birth, truth.date_of_death) + (1 if rng.random() < 0.1 else 0)
            died = truth.date_of_death
            roll = rng.random()
            if roll < 0.5:
                died_text = f"January {died.day}, {died.year}"
            elif roll < 0.78:
                died_text = f"{died.day} {rng.choice(_EN_MONTHS)} {died.year}"
            elif roll < 0.86 and died.day <= 12:  # a later day would not import: the writer saw it
                died_text = f"{died.month:02d}/{died.day:02d}/{died.year}"  # US order in a day-first file
            elif roll < 0.94:
                died_text = _ddmmyyyy(died)
            else:
                died_text = ""
            city = _ENGLISH_OF[truth.place] if rng.random() < 0.92 else ""
            sheet.add((died, rng.random()), [0, name, str(age) if rng.random() < 0.7 else "", city, died_text,
                                             outlet], truth.person_id)
    sheet = sheet.ordered()
    for number, row in enumerate(sheet.rows, 1):
        row[0] = str(number)
    return sheet


_MORGUE_TOWNS = ("Алматы", "Талгар", "Каскелен", "Есик")


def morgue(people: list[Person], rng: random.Random) -> Sheet:
    """Almaty's forensic morgue journal: surname and initials, admission date, ages often off by a year."""
    typist = Typist(rng, 0.10, ocr=0.5)
    sheet = Sheet(["№ журнала", "Фамилия И.О.", "Пол", "Возраст", "Дата поступления", "Откуда доставлен",
                   "Примечание"])
    for person in people:
        truth = person.truth
        if truth.place not in _MORGUE_TOWNS or rng.random() >= 0.9:
            continue
        family, given, father = _spelled(person, False)
        patronymic = patronymic_russian(person.kazakh[2], truth.sex)
        roll = rng.random()
        if roll < 0.7:
            name = f"{typist.word(family)} {given[0]}.{patronymic[0]}."
        elif roll < 0.9:
            name = f"{typist.word(family)} {typist.word(given)} {patronymic[0]}."
        else:
            name = f"{typist.word(family)} {typist.word(given)} {typist.word(patronymic)}"
        roll = rng.random()
        delay = 0 if roll < 0.45 else 1 if roll < 0.8 else 2 if roll < 0.9 else rng.randint(3, 5) if roll < 0.97 \
            else rng.randint(6, 20)  # a body found or identified late
        if person.in_hospital:
            delay = min(delay, 1)
        admitted = truth.date_of_death + dt.timedelta(days=delay)
        roll = rng.random()
        age = (str(_age_at(truth.date_of_birth, admitted)) if roll < 0.75
               else str(2021 - truth.date_of_birth.year) if roll < 0.9 else "")
        if person.in_hospital and rng.random() < 0.7:
            place = f"ГКБ №{rng.choice((1, 4, 7, 12))}"
        elif person.district:
            place = f"{person.district} р-н" if rng.random() < 0.6 else f"г. Алматы, {person.district} р-н"
        else:
            place = f"г. {truth.place}"
        note = "опознан родственниками" if delay >= 6 else ""
        sex = ("м" if truth.sex == "M" else "ж") if rng.random() < 0.97 else ""
        sheet.add((admitted, rng.random()), [0, name, sex, age, _ddmmyyyy(admitted), place, note],
                  truth.person_id)
    sheet = sheet.ordered()
    for number, row in enumerate(sheet.rows, 1):
        row[0] = f"{number}/22"
    return sheet
