"""The "bazaar" generator: five casualty lists of uneven quality, as messy as a market's ledgers.

Written without ``tergeu.demo`` so that linkage is measured on data it was not tuned on. A careful
``prosecutor`` CSV (separate name columns) and a ЗАГС ``registry_office`` (IINs, registration dates) name
each person once; a CP1251 ``hospital`` log of the wounded carries OCR noise; a ``volunteers`` workbook
mixes name orders, spellings and nicknames and repeats people; a ``foreign_press`` CSV has its own
transliteration and US dates. Namesakes are commoner than in life (narrow Zipf pools), brothers and twins
share father and family name, married women carry a husband's family name in one list, and capture
depends on circumstances, region and visibility. Names come from common given names only (``FAMOUS``
guards against a public figure's surname). Self-check: ``python -m generators.bazaar [people] [seed]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from . import GeneratedList, GeneratedSet, TruePerson
from . import bazaar_names as nm

DAYS = {4: 3, 5: 30, 6: 34, 7: 12, 8: 7, 9: 5, 10: 4, 11: 3, 12: 2}  # January 2022: the peak is 5–6 Jan
CUSTODY_DAYS = {6: 2, 7: 3, 8: 3, 9: 3, 10: 2, 11: 2, 12: 1}  # deaths in custody came later
CIRCUMSTANCES = {"shot": 55, "injuries": 15, "unknown": 20, "custody": 10}
HOSPITALISED = {"shot": 0.6, "injuries": 0.5, "unknown": 0.1, "custody": 0.05}
TARGETS = {"prosecutor": 0.60, "hospital": 0.30, "volunteers": 0.35, "foreign_press": 0.25, "registry_office": 0.40}
POOLS = {("kz", "M"): nm.KAZAKH_MEN, ("kz", "F"): nm.KAZAKH_WOMEN, ("ru", "M"): nm.RUSSIAN_MEN,
         ("ru", "F"): nm.RUSSIAN_WOMEN, ("other", "M"): nm.OTHER_MEN, ("other", "F"): nm.OTHER_WOMEN}
FATHERS = {"kz": nm.KAZAKH_MEN + nm.KAZAKH_ROOTS, "ru": nm.RUSSIAN_MEN, "other": nm.OTHER_MEN + nm.OTHER_ROOTS}
ROOTS = {"kz": nm.KAZAKH_ROOTS, "ru": nm.RUSSIAN_FAMILIES, "other": nm.OTHER_ROOTS}
JAN = dt.date(2022, 1, 1)
_CUM = {key: nm.zipf_cumulative(len(pool), 0.8) for key, pool in POOLS.items()}
_CUM_FATHERS = {key: nm.zipf_cumulative(len(pool), 0.7) for key, pool in FATHERS.items()}
_CUM_ROOTS = {key: nm.zipf_cumulative(len(pool), 0.7) for key, pool in ROOTS.items()}
_CUM_PLACES = list(itertools.accumulate(s[4] for s in nm.SETTLEMENTS))
_FAMOUS_FORMS = {name + end for name in nm.FAMOUS for end in ("", "а")}


@dataclass
class _Person:
    """One dead person with what the lists need beyond ``TruePerson`` (ethnicity, wounds, visibility)."""

    pid: str
    ethnicity: str  # kz | ru | other
    sex: str
    given: str
    root: str  # the given name the family name was formed from; for Russians the masculine family name
    kazakh_family: bool  # documents give the family name as Ахметұлы/Ахметқызы, not Ахметов/Ахметова
    father: str
    patronymic_kz: bool  # documents write the patronymic Серікұлы rather than Серикович
    born: dt.date
    incident: dt.date  # the day shot or injured (hospital admission); death may be days later
    died: dt.date
    place: tuple
    circumstance: str
    hospitalised: bool
    visibility: float
    iin: str = ""
    husband_family: str = ""
    odd_list: str = ""  # the one list that names a married woman by her husband's family name

    @property
    def family(self) -> str:
        if self.kazakh_family:
            return nm.kazakh_form(self.root, self.sex)
        masculine = self.root if self.ethnicity == "ru" else nm.family_from_root(self.root)
        return masculine if self.sex == "M" else nm.feminine(masculine)

    @property
    def age(self) -> int:
        return self.died.year - self.born.year - ((self.died.month, self.died.day) < (self.born.month, self.born.day))

    def truth(self) -> TruePerson:
        return TruePerson(self.pid, self.family, self.given, self.father, self.sex, self.born, self.died,
                          self.place[0], self.place[1])


def _pick(rng: random.Random, pool: tuple | list, cum: list[float]) -> object:
    return rng.choices(pool, cum_weights=cum)[0]


def _birth(rng: random.Random, sex: str, died: dt.date) -> dt.date:
    """Mostly young men; some older people, women and children caught in the shooting."""
    r = rng.random()
    low, high = ((6, 15) if r < 0.05 else (18, 65)) if sex == "F" else \
        (5, 16) if r < 0.04 else (18, 40) if r < 0.80 else (41, 70)
    return died.replace(year=died.year - rng.randint(low, high)) - dt.timedelta(days=rng.randrange(365))


def _new_person(index: int, rng: random.Random) -> _Person:
    r = rng.random()
    ethnicity = "kz" if r < 0.80 else "ru" if r < 0.95 else "other"
    sex = "M" if rng.random() < 0.88 else "F"
    root = _pick(rng, ROOTS[ethnicity], _CUM_ROOTS[ethnicity])
    father = _pick(rng, FATHERS[ethnicity], _CUM_FATHERS[ethnicity])
    if ethnicity == "kz" and rng.random() < 0.3:
        father = root  # the family name was formed from the father's own name
    circumstance = rng.choices(list(CIRCUMSTANCES), weights=list(CIRCUMSTANCES.values()))[0]
    days = CUSTODY_DAYS if circumstance == "custody" else DAYS
    incident = JAN.replace(day=rng.choices(list(days), weights=list(days.values()))[0])
    hospitalised = rng.random() < HOSPITALISED[circumstance]
    wounds = rng.choices((1, 2, 3, 4, 5), (5, 4, 3, 2, 1))[0] if hospitalised and rng.random() < 0.22 else 0
    died = min(incident + dt.timedelta(days=wounds), JAN.replace(day=12))  # some died of wounds days later
    return _Person(
        pid=f"bazaar-{index:06d}", ethnicity=ethnicity, sex=sex,
        given=_pick(rng, POOLS[ethnicity, sex], _CUM[ethnicity, sex]), root=root,
        kazakh_family=ethnicity == "kz" and rng.random() < 0.05, father=father,
        patronymic_kz=ethnicity == "kz" and rng.random() < 0.4, born=_birth(rng, sex, died), incident=incident,
        died=died, place=nm.SETTLEMENTS[rng.choices(range(len(nm.SETTLEMENTS)), cum_weights=_CUM_PLACES)[0]],
        circumstance=circumstance, hospitalised=hospitalised, visibility=rng.lognormvariate(0.0, 0.6),
    )


def _make_siblings(people: list[_Person], rng: random.Random) -> None:
    """3% of people share father and family name with another: brothers, sometimes twins born the same day."""
    for _ in range(round(0.015 * len(people))):
        first, second = rng.sample(people, 2)
        second.ethnicity, second.root, second.father = first.ethnicity, first.root, first.father
        second.kazakh_family, second.patronymic_kz = first.kazakh_family, first.patronymic_kz
        pool, cum = POOLS[second.ethnicity, second.sex], _CUM[second.ethnicity, second.sex]
        second.given = _pick(rng, pool, cum)
        while second.given == first.given:
            second.given = rng.choice(pool)
        second.place = first.place if rng.random() < 0.85 else second.place
        if rng.random() < 0.6:
            second.incident, second.died = first.incident, first.died
        gap = dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 3000))
        second.born = first.born if rng.random() < 0.3 else first.born + gap  # twins or brothers
        if second.age < 3:
            second.born = first.born


def _population(count: int, rng: random.Random) -> list[_Person]:
    people = [_new_person(i, rng) for i in range(1, count + 1)]
    _make_siblings(people, rng)
    used: set[str] = set()
    for person in people:
        if {person.family, nm.russify(person.family)} & _FAMOUS_FORMS:
            raise AssertionError(f"a famous surname was built: {person.family}")
        person.iin = nm.iin(person.born, person.sex, rng.randrange(10000), used)
        if person.sex == "F" and person.age >= 20 and rng.random() < 0.2:
            husband = _pick(rng, ROOTS[person.ethnicity], _CUM_ROOTS[person.ethnicity])
            husband = husband if person.ethnicity == "ru" else nm.family_from_root(husband)
            if nm.feminine(husband) != person.family:
                person.husband_family = nm.feminine(husband)
    return people


def _pull(person: _Person) -> dict[str, float]:
    """How strongly each list is drawn to this person, before scaling to the list's coverage."""
    region, circumstance, seen = person.place[1], person.circumstance, person.visibility
    almaty = region == "г. Алматы"
    local = 1.4 if almaty else 1.2 if region == "Алматинская область" else 0.6 if region in nm.FAR_REGIONS else 1.0
    press = (3.0 if almaty else 0.35) * (1.5 if person.sex == "F" else 1.0) * (2.0 if person.age < 18 else 1.0)
    return {
        "prosecutor": seen ** 0.4 * {"custody": 1.6, "unknown": 0.8}.get(circumstance, 1.0),
        "hospital": seen ** 0.3 * (1.3 if almaty else 1.0) * person.hospitalised,  # only the wounded
        "volunteers": seen * local * {"kz": 1.2, "ru": 0.6}.get(person.ethnicity, 0.8) * (
            0.7 if circumstance == "custody" else 1.0),
        "foreign_press": seen ** 1.2 * press * (1.3 if person.ethnicity == "ru" else 1.0),
        "registry_office": seen ** 0.4 * {"custody": 1.2, "unknown": 0.7}.get(circumstance, 1.0) * (
            1.2 if region == "Мангистауская область" else 1.0),
    }


def _capture(people: list[_Person], seed: int) -> dict[str, list[_Person]]:
    """Draw each list's members; the pulls are scaled (by bisection) so each list hits its coverage."""
    pulls = [_pull(person) for person in people]
    draws = np.random.default_rng(seed).random((len(TARGETS), len(people)))
    members: dict[str, list[_Person]] = {}
    for row, (name, target) in enumerate(TARGETS.items()):
        pull = np.array([p[name] for p in pulls])
        low, high = 0.0, 100.0 / max(float(pull.mean()), 1e-9)
        for _ in range(40):
            middle = (low + high) / 2
            low, high = (middle, high) if np.minimum(0.97, middle * pull).mean() < target else (low, middle)
        chosen = draws[row] < np.minimum(0.97, high * pull)
        members[name] = [person for person, taken in zip(people, chosen, strict=True) if taken]
    return members


def _name_parts(person: _Person, list_name: str, russian: bool) -> tuple[str, str, str]:
    """Family, given name and patronymic as one list writes them (a Russian keyboard if ``russian``)."""
    family = person.husband_family if person.odd_list == list_name else person.family
    patronymic = nm.kazakh_form(person.father, person.sex) if person.patronymic_kz else \
        nm.russian_patronymic(person.father, person.sex)
    parts = (family, person.given, patronymic)
    return tuple(nm.russify(part) for part in parts) if russian else parts


def _without_clock(xlsx: bytes) -> bytes:
    """openpyxl stamps the time of saving into the workbook; fix it so that a seed always gives the same bytes."""
    source, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2022-01-20T00:00:00Z",
                             source.read(item))
            target.writestr(zipfile.ZipInfo(item.filename, (2022, 1, 20, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _write(headers: list[str], body: list[list], filename: str, delimiter: str, encoding: str) -> bytes:
    if filename.endswith(".xlsx"):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Тізім")
        for row in [headers, *body]:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return _without_clock(buffer.getvalue())
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows([headers, *body])
    return text.getvalue().encode(encoding)


def _finish(name: str, filename: str, headers: list[str], rows: list[tuple], start: int | None = 1,
            delimiter: str = ",", encoding: str = "utf-8", **options: object) -> GeneratedList:
    """Sort rows ``(key, person id, cells)`` by key, number them from ``start`` (unless None), write the file."""
    rows.sort(key=lambda row: row[0])
    body = [([str(start + i)] if start is not None else []) + row[2] for i, row in enumerate(rows)]
    truth = {number: row[1] for number, row in enumerate(rows, start=1)}
    return GeneratedList(name, filename, _write(headers, body, filename, delimiter, encoding), truth, **options)


def _map(columns: dict[str, str], name_order: str = "", date_order: str = "dmy") -> str:
    """The column map a user would write for ``tergeu import --map`` where the headers are not enough."""
    lines = [f'name_order = "{name_order}"'] if name_order else []
    lines += [f'date_order = "{date_order}"', "[columns]", *(f'{k} = "{v}"' for k, v in columns.items())]
    return "\n".join(lines) + "\n"


def _prosecutor(members: list[_Person], rng: random.Random) -> GeneratedList:
    """The prosecutor's list: careful, separate name columns, alphabetical; birth dates sometimes a bare year."""
    rows = []
    for person in members:
        family, given, patronymic = _name_parts(person, "prosecutor", rng.random() < 0.85)
        family = nm.typo(family, rng) if rng.random() < 0.03 else family
        patronymic = "" if person.ethnicity == "kz" and rng.random() < 0.1 else patronymic
        r = rng.random()
        born = f"{person.born:%d.%m.%Y}" if r < 0.7 else str(person.born.year) if r < 0.95 else ""
        cells = [family, given, patronymic, born, person.died.isoformat(), person.place[1] if r < 0.97 else "",
                 rng.choice(nm.PROSECUTOR_WORDS[person.circumstance])]
        rows.append(((family, given, rng.random()), person.pid, cells))
    headers = ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Дата смерти", "Область", "Обстоятельства"]
    return _finish("prosecutor", "prosecutor.csv", headers, rows, encoding="utf-8-sig", one_per_person=True)


def _hospital(members: list[_Person], rng: random.Random) -> GeneratedList:
    """Admissions of the wounded, by admission date; a patient moved between hospitals appears twice."""
    rows = []
    for person in members:
        city, moved = person.place[0], person.incident < person.died and rng.random() < 0.15
        for admitted in (person.incident, person.incident + dt.timedelta(days=1))[:2 if moved else 1]:
            ward = rng.choice(("ГКБ №4", "ГКБ №7", "БСНП", "ЦГКБ")) if city == "Алматы" else "Областная больница"
            name = nm.hospital_name(*_name_parts(person, "hospital", True), rng)
            cells = [name, "М" if person.sex == "M" else "Ж", nm.noted_age(person.age, rng), f"{admitted:%d.%m.%Y}",
                     f"{person.died:%d.%m.%Y}" if rng.random() < 0.6 else "", city, ward,
                     rng.choice(nm.DIAGNOSES[person.circumstance])]
            rows.append(((admitted, rng.random()), person.pid, cells))
    headers = ["№ п/п", "Ф.И.О. пациента", "Пол", "Возраст", "Дата поступления", "Дата смерти", "Город",
               "Стационар", "Диагноз"]
    map_toml = _map({"full_name": "Ф.И.О. пациента", "sex": "Пол", "age": "Возраст", "date_of_death": "Дата смерти",
                     "place_of_death": "Город", "circumstances": "Диагноз"}, "family_first")
    return _finish("hospital", "hospital.csv", headers, rows, delimiter=";", encoding="cp1251", map_toml=map_toml)


def _volunteer_name(person: _Person, rng: random.Random) -> str:
    family, given, _ = _name_parts(person, "volunteers", False)
    if person.ethnicity != "kz":
        return nm.volunteer_spelling(family, given, "", "", rng)
    kazakh_family = nm.kazakh_form(person.root, person.sex) if person.odd_list != "volunteers" else ""
    return nm.volunteer_spelling(family, given, kazakh_family, nm.kazakh_form(person.father, person.sex), rng)


def _volunteers(members: list[_Person], rng: random.Random) -> GeneratedList:
    """A shared spreadsheet, roughly by date; one person in twenty is entered twice, spelled differently."""
    rows = []
    for person in members:
        names = [_volunteer_name(person, rng)]
        if rng.random() < 0.05:
            names += [again for again in (_volunteer_name(person, rng) for _ in range(10)) if again != names[0]][:1]
        key = person.died.toordinal() + rng.uniform(-1.5, 1.5)
        for repeat, name in enumerate(names):
            cells = nm.volunteer_cells(name, person.age, person.died, person.place[2], rng)
            rows.append((key + repeat * rng.uniform(0.5, 3), person.pid, cells))
    headers = ["№", "Аты-жөні", "Жасы", "Қаза тапқан күні", "Қала", "Ескерту"]
    return _finish("volunteers", "volunteers.xlsx", headers, rows)


def _foreign_press(members: list[_Person], rng: random.Random) -> GeneratedList:
    """An English-language tally by date and city; US dates; a few people reported by two outlets."""
    rows = []
    for person in members:
        for _ in range(2 if rng.random() < 0.03 else 1):
            family, given, _ = _name_parts(person, "foreign_press", rng.random() < 0.5)
            cells = nm.press_cells(nm.press_name(family, given, rng), person.age, person.died, person.place[3], rng)
            rows.append(((person.died, cells[2], rng.random()), person.pid, cells))
    headers = ["Name", "Age", "City", "Date of death", "Reported by"]
    map_toml = _map({"full_name": "Name", "age": "Age", "place_of_death": "City", "date_of_death": "Date of death"},
                    "given_first", "mdy")
    return _finish("foreign_press", "foreign_press.csv", headers, rows, None, map_toml=map_toml)


def _registry_office(members: list[_Person], rng: random.Random) -> GeneratedList:
    """ЗАГС death records in order of registration, 1–14 days after the death, most within a few days."""
    rows = []
    for person in members:
        registered = person.died + dt.timedelta(days=1 + min(13, int(rng.expovariate(1 / 2.5))))
        family, given, patronymic = _name_parts(person, "registry_office", rng.random() < 0.3)
        r = rng.random()
        iin = nm.mistyped_digit(person.iin, rng) if r < 0.02 else "" if r < 0.06 else person.iin
        office = f"Отдел РАГС {'г. ' if person.place[1].startswith('г.') else ''}{person.place[0]}"
        cells = [f"{family} {given} {patronymic}", iin, f"{person.died:%d.%m.%Y}" if rng.random() < 0.5 else "",
                 f"{registered:%d.%m.%Y}", office]
        rows.append(((registered, rng.random()), person.pid, cells))
    headers = ["Номер актовой записи", "ФИО умершего", "ИИН", "Дата смерти", "Дата регистрации смерти",
               "Орган регистрации"]
    map_toml = _map({"source_record_id": "Номер актовой записи", "full_name": "ФИО умершего", "national_id": "ИИН",
                     "date_of_death": "Дата смерти", "date_recorded": "Дата регистрации смерти"}, "family_first")
    return _finish("registry_office", "registry_office.csv", headers, rows, rng.randint(100, 900), delimiter=";",
                   map_toml=map_toml, one_per_person=True)


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead, five lists about them; the same seed always gives the same bytes."""
    rng = random.Random(seed)
    population = _population(people, rng)
    members = _capture(population, seed)
    lists_of: dict[str, list[str]] = {}
    for name, listed in members.items():
        for person in listed:
            lists_of.setdefault(person.pid, []).append(name)
    for person in population:
        person.odd_list = rng.choice(lists_of.get(person.pid, [""])) if person.husband_family else ""
    builders = (("prosecutor", _prosecutor), ("hospital", _hospital), ("volunteers", _volunteers),
                ("foreign_press", _foreign_press), ("registry_office", _registry_office))
    lists = [build(members[name], random.Random(f"{seed}-{name}")) for name, build in builders]
    return GeneratedSet(f"bazaar{people}_seed{seed}", {p.pid: p.truth() for p in population}, lists)


def _read_back(listed: GeneratedList, folder: Path) -> str:
    """Read one file as ``tergeu import`` would; say what the guessed map and the parser made of it."""
    from tergeu.registry.importing import columnmap, readers, rowparse
    from tergeu.registry.importing import table as tables

    path = folder / listed.filename  # the readers take the bytes; the path names the file in messages
    table = readers.open_table(path, listed.content)
    try:
        guessed = str(columnmap.settle_map(None, table.headers, path)[0].columns)
    except tables.ImportProblem as exc:
        guessed = f"REFUSED: {exc}"
    column_map = None
    if listed.map_toml:
        (folder / "map.toml").write_text(listed.map_toml, encoding="utf-8")
        column_map = columnmap.load_map(folder / "map.toml")
    column_map, positions = columnmap.settle_map(column_map, table.headers, path)
    parser = rowparse.RowParser(table.headers, positions, column_map.date_order, column_map.values)
    parsed = {row.number: parser.parse(row.number, row.cells) for row in table.rows}
    errors = [problem for row in parsed.values() for problem in row.errors]
    warnings = [problem for row in parsed.values() for problem in row.warnings]
    if list(parsed) != list(listed.truth):
        raise AssertionError(f"{listed.filename}: the rows read are not numbered as the truth numbers them")
    shown = "; ".join(f"{p.column}={p.value!r}: {p.message}" for p in (errors + warnings)[:2])
    return (f"{listed.name}: {len(parsed)} rows, {table.encoding or table.file_format}, {len(errors)} errors, "
            f"{len(warnings)} warnings {shown}\n  guessed map: {guessed}\n  used: {column_map.columns}")


def _self_check(people: int, seed: int) -> None:
    """Counts, coverage and namesake rates, then every file through Tergeu's own import code."""
    started = time.perf_counter()
    generated = generate(people, seed)
    print(f"{generated.name}: generated in {time.perf_counter() - started:.2f} s")
    for listed in generated.lists:
        print(f"  {listed.name:16} {len(listed.truth):5} rows, {len(set(listed.truth.values())) / people:.1%} of all")
    anywhere = {pid for listed in generated.lists for pid in listed.truth.values()}
    records = sum(len(listed.truth) for listed in generated.lists)
    print(f"  listed anywhere {len(anywhere) / people:.1%}, {records / len(anywhere):.2f} records per listed person")
    for label, key in (("family+given", lambda p: (p.family, p.given)),
                       ("family+given+father", lambda p: (p.family, p.given, p.father_given))):
        counts = Counter(key(p) for p in generated.people.values())
        print(f"  namesakes ({label}): {sum(c for c in counts.values() if c > 1) / people:.1%} of people")
    with tempfile.TemporaryDirectory(prefix="bazaar-") as folder:
        for listed in generated.lists:
            print(" ", _read_back(listed, Path(folder)))


if __name__ == "__main__":
    _self_check(int(sys.argv[1]) if len(sys.argv) > 1 else 300, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
