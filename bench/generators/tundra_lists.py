"""The official lists of the ``tundra`` set: the prosecutor's register, the morgues' journal, and the
families' appeal (the list of choice: relatives signing for their dead, in their own words).

Each list decides from the person's latent visibility, region and a coin whether it knows the death,
then writes what its clerks would: Russian document spellings, initials, admission dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import zipfile

from generators import GeneratedList
from generators.tundra_names import kazakh_letters_lost, patronymic, russify, typo
from generators.tundra_people import Person

MORGUE_CITIES = {"Алматы", "Талдыкорган", "Каскелен", "Тараз", "Шымкент", "Кызылорда", "Жанаозен", "Актау"}
# The families' appeal came from Almaty and its oblast only, where the relatives organised.
APPEAL_REGIONS = {"г. Алматы", "Алматинская область"}
SHORT_FORMS = {"Александр": "Саша", "Сергей": "Серёжа", "Дмитрий": "Дима", "Алексей": "Лёша", "Евгений": "Женя",
               "Владимир": "Вова", "Нұрсұлтан": "Нұрсұлу", "Бауыржан": "Бауыржан", "Темірлан": "Темір"}


def age_at(person: Person) -> int:
    t = person.truth
    years = t.date_of_death.year - t.date_of_birth.year
    return years - ((t.date_of_death.month, t.date_of_death.day) < (t.date_of_birth.month, t.date_of_birth.day))


def russian_parts(person: Person) -> tuple[str, str, str]:
    """(family, given, patronymic) as a Russian-language document writes them."""
    t = person.truth
    family = russify(t.family) if person.community == "kaz" else t.family
    given = russify(t.given) if person.community == "kaz" else t.given
    middle = patronymic(t.father_given, t.sex) if t.father_given else ""
    return family, given, middle


def csv_bytes(headers: list[str], rows: list[list[str]], encoding: str, delimiter: str, newline: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def slip_digit(text: str, rng: random.Random) -> str:
    """A clerk's slip in a long number: one digit changed."""
    at = rng.randrange(len(text))
    return text[:at] + str((int(text[at]) + rng.randint(1, 9)) % 10) + text[at + 1:]


def _shifted(day: dt.date, rng: random.Random, chance: float) -> dt.date:
    return day + dt.timedelta(days=rng.choice((-1, 1))) if rng.random() < chance else day


def official(people: list[Person], rng: random.Random) -> GeneratedList:
    """The Prosecutor General's register: CP1251 ``;``, one row per person, full Russian names."""
    chosen = [p for p in people if rng.random() < 0.3 + 0.62 * p.visibility]
    rows, truth = [], {}
    for person in sorted(chosen, key=lambda p: russian_parts(p)):
        t = person.truth
        family, given, middle = russian_parts(person)
        if rng.random() < 0.07:
            middle = ""
        name = " ".join(part for part in (family, given, middle) if part)
        if rng.random() < 0.025:
            name = typo(name, rng)
        roll = rng.random()
        born = t.date_of_birth.strftime("%d.%m.%Y") if roll < 0.86 else str(t.date_of_birth.year) if roll < 0.93 else ""
        iin = person.iin if rng.random() < 0.78 else ""
        if iin and rng.random() < 0.025:
            iin = slip_digit(iin, rng)
        roll = rng.random()
        died = "" if roll < 0.04 else _shifted(t.date_of_death, rng, 0.1).strftime("%d.%m.%Y")
        rows.append([str(len(rows) + 1), name, born, iin, died, t.place, t.region])
        truth[len(rows)] = t.person_id
    headers = ["№ п/п", "Фамилия, имя, отчество", "Дата рождения", "ИИН", "Дата гибели", "Место гибели", "Область"]
    content = csv_bytes(headers, rows, "cp1251", ";", "\r\n")
    return GeneratedList("official", "gp_spisok.csv", content, truth, one_per_person=True)


def _initials(person: Person, rng: random.Random) -> str:
    family, given, middle = russian_parts(person)
    if rng.random() < 0.2:
        family = family.upper()
    dots = given[0] + "." + (middle[0] + "." if middle and rng.random() < 0.9 else "")
    text = f"{family} {dots}" if rng.random() < 0.8 else f"{family} {dots.replace('.', '. ').strip()}"
    return typo(text, rng) if rng.random() < 0.04 else text


def _admitted(died: dt.date, rng: random.Random) -> dt.date:
    lag = rng.choices((0, 1, 2, 3, 5, 9), weights=(48, 30, 12, 5, 3, 2))[0]
    return died + dt.timedelta(days=lag)


def morgue(people: list[Person], rng: random.Random) -> GeneratedList:
    """The forensic morgues' journal: XLSX, surname and initials, sex, admission date, the city."""
    from openpyxl import Workbook

    chosen = [p for p in people if p.truth.place in MORGUE_CITIES and rng.random() < 0.55 + 0.35 * p.visibility]
    entries = sorted(((_admitted(p.truth.date_of_death, rng), rng.random(), p) for p in chosen),
                     key=lambda e: (e[0], e[1]))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Журнал")
    sheet.append(["Рег. №", "Фамилия И.О.", "Пол", "Дата рождения", "ИИН", "Дата поступления тела", "Город"])
    truth = {}
    for number, (admitted, _, person) in enumerate(entries, start=1):
        t = person.truth
        roll = rng.random()
        born: object = t.date_of_birth if roll < 0.78 else str(t.date_of_birth.year) if roll < 0.86 else ""
        iin = person.iin if rng.random() < 0.3 else ""
        sex = ("М" if t.sex == "M" else "Ж") if rng.random() < 0.97 else ""
        city = t.place if rng.random() < 0.95 else ""
        name = _initials(person, rng)
        if rng.random() < 0.025:  # a body admitted unidentified: nothing but sex, date and city
            name, born, iin = ("Неизвестный мужчина" if t.sex == "M" else "Неизвестная женщина"), "", ""
        sheet.append([f"{admitted.day:02d}-{number}", name, sex, born, iin, admitted, city])
        truth[number] = t.person_id
    book.properties.created = dt.datetime(2022, 1, 28, 9, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    map_toml = ('name_order = "family_first"\n[columns]\nsource_record_id = "Рег. №"\nfull_name = "Фамилия И.О."\n'
                'sex = "Пол"\ndate_of_birth = "Дата рождения"\nnational_id = "ИИН"\n'
                'date_recorded = "Дата поступления тела"\nplace_of_death = "Город"\n')
    return GeneratedList("morgue", "morg_zhurnal.xlsx", _fixed_times(buffer.getvalue()), truth, map_toml,
                         one_per_person=True)


def _fixed_times(workbook: bytes) -> bytes:
    """The workbook with every zip entry dated alike, so the same seed gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(2022, 1, 28, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":  # openpyxl stamps the time of saving here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2022-01-28T09:00:00Z", data)
            target.writestr(info, data)
    return out.getvalue()


_SIGNERS = {"M": ("мать", "жена", "брат", "сестра", "отец", "дядя"), "F": ("мать", "муж", "сестра", "дочь", "брат")}


def _appeal_name(person: Person, rng: random.Random) -> str:
    """How a relative writes the name: Russian or Kazakh spelling, a short form, patronymic or not."""
    t = person.truth
    family, given, middle = russian_parts(person)
    if person.community == "kaz" and rng.random() < 0.45:
        family, given = t.family, t.given
        if rng.random() < 0.4:
            family, given = kazakh_letters_lost(family), kazakh_letters_lost(given)
    if person.community != "kaz" and rng.random() < 0.15:
        given = SHORT_FORMS.get(t.given, given)
    if rng.random() < 0.45:
        middle = ""
    name = " ".join(part for part in (family, given, middle) if part)
    return typo(name, rng) if rng.random() < 0.05 else name


def _signer(person: Person, rng: random.Random) -> tuple[str, str]:
    relation = rng.choice(_SIGNERS[person.truth.sex])
    family, _, _ = russian_parts(person)
    letter = rng.choice("АБГДЕЖЗКЛМНРСТ")
    return f"{family.removesuffix('а') if relation in ('отец', 'брат', 'муж', 'дядя') else family} {letter}.", relation


def appeal(people: list[Person], rng: random.Random) -> GeneratedList:
    """Families' appeal for an investigation: UTF-8 with BOM, ``,``, one signature per row.

    Households sign once and list their dead together; a few families sign twice (two relatives).
    """
    rows, truth = [], {}
    households: dict[int, list[Person]] = {}
    for person in people:
        if person.truth.region in APPEAL_REGIONS:
            households.setdefault(person.household, []).append(person)
    order = [h for h in households.values() if rng.random() < 0.22 + 0.25 * (1 - h[0].visibility)]
    rng.shuffle(order)
    for household in order:
        signer, relation = _signer(household[0], rng)
        times = 2 if rng.random() < 0.04 else 1
        for _ in range(times):
            for person in household:
                t = person.truth
                age = age_at(person)
                age_text = "" if rng.random() < 0.2 else rng.choice((f"{age}", f"{age} лет" if age % 10 not in (2, 3, 4)
                                                                    else f"{age} года", f"{age} жаста"))
                died = "" if rng.random() < 0.3 else f"{t.date_of_death.day} января 2022 г."
                rows.append([signer, relation, _appeal_name(person, rng), age_text, t.place, died])
                truth[len(rows)] = t.person_id
    headers = ["Подписант", "Кем приходится", "ФИО погибшего", "Возраст", "Город", "Дата гибели"]
    return GeneratedList("appeal", "obrashchenie_semei.csv", b"\xef\xbb\xbf" + csv_bytes(headers, rows, "utf-8", ",",
                                                                                         "\n"), truth)
