"""Held-out generator "caravan": five lists of one event's dead, each made the way its organisation works.

The dead are settled first, in ``caravan_people``. Each list then walks them with its own random
stream, decides whom it heard of, and writes them in its own language, script, name order and habits:

- ``official.xlsx`` — a prosecutor's register in Russian: family, given and patronymic in separate
  columns or in one, mostly Russified spelling, date of birth, IIN (valid check digit, encoding the
  birth date and sex), date of death, oblast. Names each person once.
- ``ngo.csv`` — a human-rights group's list in Kazakh, given name first: age, date of death with
  Kazakh month names, city, a note. Families give maiden names, the patronymic form of the family name
  (Ахметұлы for Ахметов), nicknames; hospital deaths often carry the day of the shooting.
- ``media.csv`` — journalists' list in Latin letters, each row in one of three spellings (Russian
  style, Kazakh Latin of 2021, ad-hoc English), English dates, age, city; some rows give only a name.
- ``morgue.csv`` — the Almaty morgue's book (CP1251, ';'): surname and initials, sex, date of birth,
  some IINs, the day the body came in (``date_recorded``), retyped from scans with Latin look-alikes.
- ``hospital.xlsx`` — one Almaty hospital's deaths: full name, age, the day of admission (alive; left
  unmapped, as docs/import.md tells users) and the date of death.

Written without reading Tergeu's linkage code or the other generators, so it is a fair held-out test:
never tune linkage on it. Self-check: ``PYTHONPATH=src:bench python -m generators.caravan [people] [seed]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable

from openpyxl import Workbook

from . import GeneratedList, GeneratedSet
from . import caravan_names as cn
from . import caravan_people as cp
from .caravan_people import Dead

_ALMATY_AREA = ("г. Алматы", "Алматинская область")
_STAMP = dt.datetime(2022, 2, 1, 9, 0, 0)  # when the compilers saved their workbooks


# ---- how lists write things -----------------------------------------------------------------------

def _ru_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _kz_date(day: dt.date) -> str:
    return f"{day.day} {cn.KZ_MONTHS[day.month - 1]} {day.year}"


def _en_date(day: dt.date, rng: random.Random) -> str:
    month = cn.EN_MONTHS[day.month - 1]
    return rng.choice((f"{month[:3]} {day.day}, {day.year}", f"{month} {day.day}, {day.year}",
                       f"{day.day} {month} {day.year}", f"{day.day:02d} {month[:3]} {day.year}"))


def _shifted(day: dt.date, rng: random.Random, chance: float) -> dt.date:
    """The day of death as a list remembers it: off by one (mostly a day late) with ``chance``."""
    if rng.random() >= chance:
        return day
    return day + dt.timedelta(days=1 if rng.random() < 0.7 else -1)


def _slip(text: str, rng: random.Random, chance: float) -> str:
    """A retyping slip in one word of ``text`` with ``chance``."""
    if rng.random() >= chance:
        return text
    words = text.split(" ")
    at = rng.randrange(len(words))
    words[at] = cn.retype(words[at], rng)
    return " ".join(words)


def _kazakh_patronymic_name(dead: Dead) -> bool:
    return dead.people in ("kz", "ug", "uz")


def _csv(headers: list[str], rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def _xlsx(headers: list[str], rows: list[list[str]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.properties.created = _STAMP
    saved = io.BytesIO()
    book.save(saved)
    return _fixed_stamps(saved.getvalue())


def _fixed_stamps(workbook: bytes) -> bytes:
    """The workbook with every clock reading openpyxl put in it (zip entry times, the "modified"
    property) replaced by one fixed moment, so a seed gives the same bytes on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + _STAMP.isoformat().encode() + b"Z", data)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=_STAMP.timetuple()[:6]), data,
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _map(order: str, columns: dict[str, str]) -> str:
    lines = [f'name_order = "{order}"', 'date_order = "dmy"', "[columns]"]
    lines += [f'{field} = "{header}"' for field, header in columns.items()]
    return "\n".join(lines) + "\n"


Row = tuple[str, list[str]]  # (person id, cells)


def _listed(name: str, filename: str, headers: list[str], rows: list[Row], write: Callable[..., bytes],
            map_toml: str | None = None, one_per_person: bool = False) -> GeneratedList:
    truth = {number: person_id for number, (person_id, _cells) in enumerate(rows, start=1)}
    return GeneratedList(name, filename, write(headers, [cells for _id, cells in rows]), truth, map_toml,
                         one_per_person)


# ---- the lists ------------------------------------------------------------------------------------

def _official(dead: list[Dead], rng: random.Random) -> GeneratedList:
    """The prosecutor's register: by region, then alphabetically; Russian spelling, documents' names."""
    split = rng.random() < 0.5
    rows: list[tuple[tuple[str, str], Row]] = []
    for person in dead:
        if rng.random() >= 0.88:
            continue
        t = person.truth
        russian = rng.random() < 0.75 or person.place.region == "г. Алматы" and rng.random() < 0.5
        spell = cn.russify if russian else (lambda text: text)
        choice = rng.random()
        if not _kazakh_patronymic_name(person) or choice < 0.55:
            patronymic = cn.ru_patronymic(t.father_given, t.sex)
        else:
            patronymic = spell(cn.kz_patronymic(t.father_given, t.sex)) if choice < 0.92 else ""
        names = [_slip(spell(t.family), rng, 0.01), spell(t.given), patronymic]
        if rng.random() < 0.02:
            names = [cn.look_alikes(n, rng, 0.3) for n in names]
        iin = person.iin if rng.random() < 0.9 else ""
        if iin and rng.random() < 0.01:
            at = rng.randrange(12)
            iin = iin[:at] + str((int(iin[at]) + rng.randint(1, 9)) % 10) + iin[at + 1:]
        born = _ru_date(t.date_of_birth) if rng.random() < 0.95 else ""
        died = _ru_date(_shifted(t.date_of_death, rng, 0.02)) if rng.random() < 0.99 else ""
        name_cells = names if split else [" ".join(n for n in names if n)]
        rows.append(((t.region, names[0]), (t.person_id, [*name_cells, born, iin, died, t.region])))
    rows.sort(key=lambda item: item[0])
    numbered = [(pid, [str(i), *cells]) for i, (_key, (pid, cells)) in enumerate(rows, start=1)]
    names_headers = ["Фамилия", "Имя", "Отчество"] if split else ["Фамилия Имя Отчество"]
    headers = ["№ п/п", *names_headers, "Дата рождения", "ИИН", "Дата смерти", "Область"]
    map_toml = None if split else _map("family_first", {
        "source_record_id": "№ п/п", "full_name": "Фамилия Имя Отчество", "date_of_birth": "Дата рождения",
        "national_id": "ИИН", "date_of_death": "Дата смерти", "region": "Область"})
    return _listed("official", "official.xlsx", headers, numbered,
                   lambda h, r: _xlsx(h, r, "Реестр"), map_toml, one_per_person=True)


def _ngo_name(person: Dead, rng: random.Random) -> str:
    """How a family or a volunteer writes the name in Kazakh: given first, family as they know it."""
    t = person.truth
    given = cn.NICKNAMES.get(t.given, t.given) if rng.random() < 0.05 else t.given
    family = person.maiden if person.maiden != t.family and rng.random() < 0.4 else t.family
    if person.people == "kz" and rng.random() < 0.15:
        family = cn.patronymic_as_family(family, t.sex)
    text = given if rng.random() < 0.03 else f"{given} {family}"
    if rng.random() < 0.15:
        text = cn.russify(text)
    return _slip(text, rng, 0.04)


def _ngo_row(person: Dead, rng: random.Random) -> list[str]:
    t = person.truth
    if rng.random() < 0.8:
        age = str(person.age)
    elif rng.random() < 0.6:
        age = str(t.date_of_death.year - t.date_of_birth.year)
    else:
        age = ""
    remembered = person.wounded if person.in_hospital and rng.random() < 0.5 else t.date_of_death
    remembered = _shifted(remembered, rng, 0.08)
    died = "" if rng.random() < 0.05 else (_kz_date(remembered) if rng.random() < 0.84 else _ru_date(remembered))
    note = "ауруханада қайтыс болды" if person.in_hospital and rng.random() < 0.5 else ""
    city = person.place.kk if rng.random() < 0.92 else ""
    return [_ngo_name(person, rng), age, died, city, note]


def _ngo(dead: list[Dead], rng: random.Random) -> GeneratedList:
    """Heard from families: more of Almaty's dead; a few people written in twice by two volunteers."""
    rows: list[tuple[dt.date, Row]] = []
    for person in dead:
        reach = 0.7 if person.place.region == "г. Алматы" else 0.45
        if rng.random() >= reach:
            continue
        for _ in range(2 if rng.random() < 0.03 else 1):
            rows.append((person.wounded, (person.truth.person_id, _ngo_row(person, rng))))
    rows.sort(key=lambda item: item[0])
    numbered = [(pid, [str(i), *cells]) for i, (_day, (pid, cells)) in enumerate(rows, start=1)]
    headers = ["№", "Аты-жөні", "Жасы", "Қаза болған күні", "Қала", "Ескерту"]
    map_toml = _map("given_first", {"source_record_id": "№", "full_name": "Аты-жөні", "age": "Жасы",
                                    "date_of_death": "Қаза болған күні", "place_of_death": "Қала",
                                    "notes": "Ескерту"})
    return _listed("ngo", "ngo.csv", headers, numbered, _csv, map_toml)


def _media_row(person: Dead, rng: random.Random) -> list[str]:
    t = person.truth
    scheme = str(cp.weighted(rng, (("ru", 0.45), ("kz2021", 0.2), ("adhoc", 0.35))))
    given = cn.NICKNAMES.get(t.given, t.given) if rng.random() < 0.04 else t.given
    family = person.maiden if person.maiden != t.family and rng.random() < 0.2 else t.family
    name = cn.latin(given, scheme) if rng.random() < 0.06 else f"{cn.latin(given, scheme)} {cn.latin(family, scheme)}"
    age = str(person.age) if rng.random() < 0.8 else ""
    died = _en_date(_shifted(t.date_of_death, rng, 0.1), rng) if rng.random() < 0.85 else ""
    city = cn.latin(person.place.kk if scheme == "kz2021" else person.place.ru, scheme)
    if city == "Almaty" and rng.random() < 0.05:
        city = "Alma-Ata"
    return [_slip(name, rng, 0.08), age, died, city if rng.random() < 0.9 else ""]


def _media(dead: list[Dead], rng: random.Random) -> GeneratedList:
    """Compiled from news stories: children, women and Almaty's dead are written about more."""
    rows: list[Row] = []
    for person in dead:
        reach = 0.5 if person.place.region == "г. Алматы" else 0.3
        if person.truth.sex == "F" or person.age < 18:
            reach = 0.7
        if rng.random() >= reach:
            continue
        for _ in range(2 if rng.random() < 0.05 else 1):
            rows.append((person.truth.person_id, _media_row(person, rng)))
    rng.shuffle(rows)
    map_toml = _map("given_first", {"full_name": "Name", "age": "Age", "date_of_death": "Date of death",
                                    "place_of_death": "City"})
    return _listed("media", "media.csv", ["Name", "Age", "Date of death", "City"], rows, _csv, map_toml)


def _morgue_lag(person: Dead, rng: random.Random) -> int:
    if person.in_hospital:
        return rng.choice((0, 0, 1))
    return int(cp.weighted(rng, ((0, 0.45), (1, 0.30), (2, 0.12), (3, 0.06)))) if rng.random() < 0.93 \
        else rng.randint(4, 14)


def _morgue(dead: list[Dead], rng: random.Random) -> GeneratedList:
    """The Almaty morgue: bodies from the city and the oblast, in order of admission, surname and
    initials, Russian letters only (the book was kept in CP1251), retyped from scans."""
    rows: list[tuple[dt.date, Row]] = []
    for person in dead:
        t = person.truth
        if t.region not in _ALMATY_AREA or rng.random() >= 0.8:
            continue
        family, given = cn.russify(t.family), cn.russify(t.given)
        if rng.random() < 0.12:
            name = f"{family} {given} {cn.ru_patronymic(t.father_given, t.sex)}"
        else:
            name = f"{family} {given[0]}.{cn.russify(t.father_given)[0]}."
        name = _slip(name, rng, 0.03)
        if rng.random() < 0.08:
            name = cn.look_alikes(name, rng, 0.25)
        born = rng.random()
        born_text = _ru_date(t.date_of_birth) if born < 0.8 else str(t.date_of_birth.year) if born < 0.85 else ""
        iin = person.iin if rng.random() < 0.3 else ""
        admitted = t.date_of_death + dt.timedelta(days=_morgue_lag(person, rng))
        city = "г. Алматы" if t.region == "г. Алматы" else person.place.ru
        sex = "муж." if t.sex == "M" else "жен."
        rows.append((admitted, (t.person_id, [name, sex, born_text, iin, _ru_date(admitted), city])))
    rows.sort(key=lambda item: item[0])
    numbered = [(pid, [str(i), *cells]) for i, (_day, (pid, cells)) in enumerate(rows, start=1)]
    headers = ["№", "Ф.И.О.", "Пол", "Дата рождения", "ИИН", "Дата поступления", "Город"]
    map_toml = _map("family_first", {"source_record_id": "№", "full_name": "Ф.И.О.", "sex": "Пол",
                                     "date_of_birth": "Дата рождения", "national_id": "ИИН",
                                     "date_recorded": "Дата поступления", "place_of_death": "Город"})
    return _listed("morgue", "morgue.csv", headers, numbered,
                   lambda h, r: _csv(h, r, "cp1251", ";"), map_toml, one_per_person=True)


def _hospital(dead: list[Dead], rng: random.Random) -> GeneratedList:
    """One Almaty hospital: the wounded who died there, admitted alive on the day they were wounded."""
    rows: list[tuple[dt.date, Row]] = []
    for person in dead:
        t = person.truth
        if not person.in_hospital or t.region != "г. Алматы" or rng.random() >= 0.6:
            continue
        name = " ".join((cn.russify(t.family), cn.russify(t.given), cn.ru_patronymic(t.father_given, t.sex)))
        ward = rng.choice(("Реанимация", "Хирургия", "Нейрохирургия"))
        cells = [_slip(name, rng, 0.02), str(person.age), _ru_date(person.wounded), _ru_date(t.date_of_death), ward]
        rows.append((person.wounded, (t.person_id, cells)))
    rows.sort(key=lambda item: item[0])
    numbered = [(pid, [str(i), *cells]) for i, (_day, (pid, cells)) in enumerate(rows, start=1)]
    headers = ["№", "ФИО", "Возраст", "Дата поступления", "Дата смерти", "Отделение"]
    map_toml = _map("family_first", {"source_record_id": "№", "full_name": "ФИО", "age": "Возраст",
                                     "date_of_death": "Дата смерти"})
    return _listed("hospital", "hospital.xlsx", headers, numbered,
                   lambda h, r: _xlsx(h, r, "Умершие"), map_toml, one_per_person=True)


def generate(people: int, seed: int) -> GeneratedSet:
    """The dead and five lists about them; each list draws from its own stream, so a seed gives the
    same bytes and changing one list's habits leaves the others as they were."""
    dead = cp.the_dead(people, random.Random(f"caravan-dead-{seed}"))
    makers = (("official", _official), ("ngo", _ngo), ("media", _media), ("morgue", _morgue),
              ("hospital", _hospital))
    lists = [make(dead, random.Random(f"caravan-{name}-{seed}")) for name, make in makers]
    return GeneratedSet(f"caravan{people}_seed{seed}", {d.truth.person_id: d.truth for d in dead}, lists)


def _summary(generated: GeneratedSet) -> None:
    """Rows and people per list, and how common namesakes are among the dead."""
    for one in generated.lists:
        listed = set(one.truth.values())
        print(f"{one.name:9} rows {len(one.truth):6} people {len(listed):6} "
              f"({len(listed) / len(generated.people):.0%})")
    everyone = generated.people.values()
    names = Counter((p.family, p.given) for p in everyone)
    print(f"full-name namesakes {sum(c for c in names.values() if c > 1) / len(generated.people):.1%}")


if __name__ == "__main__":
    _summary(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 1))
