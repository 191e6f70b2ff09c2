"""Steppe: four overlapping casualty lists in the manner of Kazakhstan, January 2022, written independently.

Why: Tergeu's linkage was tuned on its own generator, so scores on it flatter Tergeu. This module was
written without looking at that generator: its own name corpora (``steppe_names``), its own family-name
formation (from fathers' and grandfathers' given names, so patronymic and family name are related but
rarely equal), its own transliteration schemes, typo model, date habits and capture model (a latent
"visibility" per person raises their chance on every list, so lists are positively dependent, as real
ones are). The four lists are a Russian government register (CSV, ';'), a Kazakh-language NGO list
(CSV), a Latin-script media list (CSV) and a morgue register that serves only Almaty city and region
(XLSX, with a column map stating that area).

Run ``cd bench && ../.venv/bin/python -m generators.steppe [people] [seed]`` for a self-check that also
reads every file through Tergeu's import code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from . import GeneratedList, GeneratedSet, TruePerson
from . import steppe_names as names

DEATH_DAYS = {4: 0.02, 5: 0.40, 6: 0.34, 7: 0.14, 8: 0.06, 9: 0.02, 10: 0.01, 12: 0.01}
# Log-odds of being on a list at visibility 0. Tuned (5,000 people) to ~61% official, ~59% NGO, ~48% media,
# ~43% of the morgue's area, ~93% on some list, ~2.2 rows per listed person: the brief's 55/50/45/40%
# cannot also give 93% on some list while capture is positively dependent, so the coverages are a bit higher.
BASE_LOGIT = {"official": 0.5, "ngo": 0.3, "media": -0.25, "morgue": -0.3}
VISIBILITY = 0.5  # how strongly the latent visibility drives capture on every list
FIXED_ZIP_TIME = (2022, 2, 1, 0, 0, 0)  # so an XLSX file's bytes depend only on the seed
MORGUE_COLUMNS = {"source_record_id": "№ п/п", "full_name": "Ф.И.О.", "date_of_birth": "Дата рождения",
                  "age": "Возраст", "national_id": "ИИН", "date_recorded": "Дата поступления",
                  "place_of_death": "Город"}
# The morgue admits the dead of Almaty city and region only; the map says so for every row.
MORGUE_MAP = ('name_order = "family_first"\ndate_order = "dmy"\n[columns]\n'
              + "".join(f'{field} = "{header}"\n' for field, header in MORGUE_COLUMNS.items())
              + '[values]\nregion = "г. Алматы; Алматинская область"\n')


def _pool(items: tuple[str, ...], exponent: float = 1.05, shift: float = 3.0) -> tuple[tuple[str, ...], list[float]]:
    """Zipf-like cumulative weights by rank: a few names are very common, which is what makes namesakes."""
    total, cumulative = 0.0, []
    for rank in range(len(items)):
        total += 1.0 / (rank + shift) ** exponent
        cumulative.append(total)
    return items, cumulative


POOLS = {
    # Top Kazakh given name ~4% of men, family-name sources flatter: ~2% of 300 people and ~16% of 5,000
    # share a family and given name with someone else.
    "kz_M": _pool(names.KZ_MALE, 1.0, 6), "kz_F": _pool(names.KZ_FEMALE, 1.0, 6),
    "kz_elder": _pool(names.KZ_ELDER, 0.5, 10),
    "ru_M": _pool(names.RU_MALE), "ru_F": _pool(names.RU_FEMALE), "ru_family": _pool(names.RU_FAMILY, 0.8),
    "ru_father": _pool(tuple(n for n in names.RU_MALE if n[-1] not in "аяь")),
    "other_M": _pool(names.OTHER_MALE, 0.8), "other_F": _pool(names.OTHER_FEMALE, 0.8),
    "other_elder": _pool(names.OTHER_ELDER, 0.8),
}
PLACE_WEIGHTS = [place[4] for place in names.PLACES]


@dataclass
class _Person:
    """The truth plus what the generator needs and no list states directly."""

    truth: TruePerson
    ethnicity: str  # "kz", "ru" or "other"
    kazakh_patronymic: bool  # documents give "Серікұлы" rather than "Серикович"
    iin: str  # "" for foreign citizens
    visibility: float
    place: tuple  # an entry of names.PLACES


def _draw(rng: random.Random, pool: str) -> str:
    items, cumulative = POOLS[pool]
    return rng.choices(items, cum_weights=cumulative)[0]


def _family_from(rng: random.Random, name: str) -> str:
    if name[-1] == "а" and rng.random() < 0.4:
        return name[:-1] + "ин"  # Мұса → Мұсин, Ғабдулла → Ғабдуллин
    return names.with_suffix(name, "ов")


def _patronymic(person: _Person, kazakh: bool) -> str:
    """"" for a family name that already is one (Серікұлы) and for foreigners, whose papers have none."""
    t = person.truth
    if not person.iin or t.family.endswith(("ұлы", "қызы")):
        return ""
    if kazakh:
        return t.father_given + ("ұлы" if t.sex == "M" else "қызы")
    return names.with_suffix(names.russian(t.father_given), "ов") + ("ич" if t.sex == "M" else "на")


def _lineage(rng: random.Random, ethnicity: str) -> tuple[str, str]:
    """(father's given name, masculine family name); Kazakh family names mostly come from an ancestor's name."""
    while True:
        if ethnicity == "ru":
            father, family = _draw(rng, "ru_father"), _draw(rng, "ru_family")
        elif ethnicity == "other":
            father = _draw(rng, "other_elder" if rng.random() < 0.6 else "other_M")
            family = _family_from(rng, father if rng.random() < 0.4 else _draw(rng, "other_elder"))
        else:
            father = _draw(rng, "kz_M" if rng.random() < 0.55 else "kz_elder")
            roll = rng.random()
            if roll < 0.03:
                family = father + "ұлы"
            elif roll < 0.33:
                family = _family_from(rng, father)
            else:
                family = _family_from(rng, _draw(rng, "kz_elder" if rng.random() < 0.75 else "kz_M"))
        if names.russian(family).lower() not in names.FAMOUS_FAMILIES:
            return father, family


def _birth(rng: random.Random, death: dt.date, sex: str) -> dt.date:
    """Young men dominate; women are older on average; a few children and old people."""
    roll = rng.random()
    minors, young, middle = (0.05, 0.80, 0.96) if sex == "M" else (0.07, 0.62, 0.93)
    if roll < minors:
        age = rng.randint(4, 17)
    elif roll < young:
        age = min(40, max(18, round(rng.gauss(28, 6))))
    else:
        age = rng.randint(41, 64) if roll < middle else rng.randint(65, 80)
    return death.replace(year=death.year - age) - dt.timedelta(days=rng.randrange(365))


def _age_at(born: dt.date, died: dt.date) -> int:
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def _person(rng: random.Random, number: int, ethnicity: str, sex: str, kin: _Person | None = None) -> _Person:
    if kin is None:
        father, family = _lineage(rng, ethnicity)
        place = rng.choices(names.PLACES, weights=PLACE_WEIGHTS)[0]
        death = dt.date(2022, 1, rng.choices(list(DEATH_DAYS), weights=list(DEATH_DAYS.values()))[0])
        visibility = rng.gauss(0, 1)
    else:  # a sibling: same father and family; often died the same day in the same place
        father, family = kin.truth.father_given, kin.truth.family
        family = family[:-4] + "ұлы" if family.endswith("қызы") else family.removesuffix("а")
        together = rng.random() < 0.5
        place = kin.place if together else rng.choices(names.PLACES, weights=PLACE_WEIGHTS)[0]
        death = kin.truth.date_of_death if together else dt.date(2022, 1, rng.choice((5, 6, 7)))
        visibility = 0.6 * kin.visibility + 0.8 * rng.gauss(0, 1)
    given = father
    while given == father or (kin is not None and given == kin.truth.given):
        given = _draw(rng, f"{ethnicity}_{sex}")
    born = _birth(rng, death, sex)
    foreign = ethnicity == "other" and rng.random() < 0.2
    truth = TruePerson(f"st{number:06d}", names.feminine(family) if sex == "F" else family, given, father, sex, born,
                       death, place[0], place[3])
    return _Person(truth, ethnicity, ethnicity == "kz" and rng.random() < 0.15,
                   "" if foreign else names.iin(rng, born, sex), visibility, place)


def _population(rng: random.Random, people: int) -> list[_Person]:
    """Everyone who died; ~1% spawn a sibling, so ~2% of people have a brother or sister on the toll."""
    persons: list[_Person] = []
    while len(persons) < people:
        roll = rng.random()
        ethnicity = "ru" if roll < 0.10 else "other" if roll < 0.15 else "kz"
        sex = "F" if rng.random() < 0.10 else "M"
        persons.append(_person(rng, len(persons) + 1, ethnicity, sex))
        if ethnicity != "ru" and len(persons) < people and rng.random() < 0.01:
            kin_sex = "M" if rng.random() < 0.85 else "F"
            persons.append(_person(rng, len(persons) + 1, ethnicity, kin_sex, persons[-1]))
    return persons


def _listed(rng: random.Random, person: _Person, list_name: str) -> bool:
    logit = BASE_LOGIT[list_name] + VISIBILITY * person.visibility
    in_almaty = person.truth.region == "г. Алматы"
    if list_name == "media":
        logit += 0.5 if in_almaty else -0.3  # reporters were in Almaty
    elif list_name == "ngo" and not in_almaty:
        logit += 0.3  # regional volunteers
    elif list_name == "official" and not person.iin:
        logit -= 1.0
    return rng.random() < 1.0 / (1.0 + math.exp(-logit))


def _official(rng: random.Random, persons: list[_Person]) -> GeneratedList:
    """Government register: Russian spelling as in documents, family first, sorted by name, ';' separated."""
    rows = []
    for p in (p for p in persons if _listed(rng, p, "official")):
        t = p.truth
        patronymic = names.russian(_patronymic(p, p.kazakh_patronymic)) if rng.random() < 0.96 else ""
        full = " ".join(part for part in (names.russian(t.family), names.russian(t.given), patronymic) if part)
        full = names.typo(rng, full) if rng.random() < 0.01 else full
        roll = rng.random()
        born = names.slip_date(rng, t.date_of_birth) if rng.random() < 0.01 else t.date_of_birth
        birth = names.dmy(rng, born, 0.01) if roll < 0.88 else str(born.year) if roll < 0.91 else ""
        iin = (names.wrong_digit(rng, p.iin) if rng.random() < 0.02 else p.iin) if p.iin and rng.random() < 0.85 else ""
        place = f"г. {t.place}" if rng.random() < 0.6 else t.place
        if t.region == "г. Алматы" and rng.random() < 0.15:
            place = f"г. Алматы, {rng.choice(names.ALMATY_DISTRICTS)} р-н"
        elif t.region.endswith("область") and rng.random() < 0.3:
            place = f"{t.region.replace('область', 'обл.')}, г. {t.place}"
        rows.append((t.person_id, [full, birth, iin, names.dmy(rng, names.near(rng, t.date_of_death, 0.03)), place]))
    rows.sort(key=lambda row: row[1][0])
    rows = _numbered(rows)
    encoding = "cp1251" if rng.random() < 0.5 else "utf-8-sig"
    headers = ["№", "ФИО", "Дата рождения", "ИИН", "Дата смерти", "Место смерти"]
    return GeneratedList("official", "official.csv", _csv(headers, rows, ";", encoding),
                         _truth(rows), one_per_person=True)


def _compiled(rng: random.Random, persons: list[_Person], list_name: str,
              make_row: Callable[[random.Random, _Person, bool], list]) -> list[tuple[str, list]]:
    """Rows of a list compiled from reports as they came: in no order, ~2% of people reported twice."""
    rows = []
    for p in (p for p in persons if _listed(rng, p, list_name)):
        rows.append((p.truth.person_id, make_row(rng, p, False)))
        if rng.random() < 0.02:
            rows.append((p.truth.person_id, make_row(rng, p, True)))
    rng.shuffle(rows)
    return _numbered(rows)


def _ngo_row(rng: random.Random, p: _Person, again: bool) -> list[str]:
    """Kazakh letters and order (given name first), unless typed without a Kazakh keyboard (Нұрлан → Нурлан)."""
    t = p.truth
    patronymic = _patronymic(p, p.ethnicity == "kz") if rng.random() < 0.4 else ""
    name = " ".join(part for part in (t.given, patronymic, t.family) if part)
    name = names.russian(name) if rng.random() < (0.5 if again else 0.12) else name
    name = names.typo(rng, name) if rng.random() < 0.03 else name
    age = _age_at(t.date_of_birth, t.date_of_death) + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0)
    age_text = rng.choices((str(age), f"{age} жаста", f"{age} жас"), weights=(7, 2, 1))[0]
    age_text = age_text if rng.random() < 0.88 else ""
    death = names.kazakh_date(rng, names.near(rng, t.date_of_death, 0.05)) if rng.random() < 0.95 else ""
    kk_place = p.place[1]
    if t.region == "Алматинская область" and rng.random() < 0.25:
        kk_place = f"Алматы облысы, {kk_place}"
    elif rng.random() < 0.1:
        kk_place += " қ."
    return [name, age_text, death, kk_place, rng.choice(names.NGO_NOTES)]


def _ngo(rng: random.Random, persons: list[_Person]) -> GeneratedList:
    """Human-rights NGO: Kazakh Cyrillic, ages rather than birth dates, a few people listed twice."""
    rows = _compiled(rng, persons, "ngo", _ngo_row)
    headers = ["Р/с", "Аты-жөні", "Жасы", "Қаза тапқан күні", "Қаза тапқан жері", "Ескерту"]
    return GeneratedList("ngo", "ngo.csv", _csv(headers, rows, ",", "utf-8"), _truth(rows))


def _media_row(rng: random.Random, p: _Person, _again: bool) -> list[str]:
    """Each row in its own Latin scheme, from the Russian or the Kazakh spelling, sometimes family first."""
    t = p.truth
    scheme = rng.choices(("passport", "press", "kz2021", "kz2017"), weights=(3, 4, 1.5, 1.5))[0]
    russian = scheme == "passport" or p.ethnicity != "kz" or (scheme == "press" and rng.random() < 0.6)
    source = names.russian if russian else str
    given, family = names.latin(rng, source(t.given), scheme), names.latin(rng, source(t.family), scheme)
    family = family.upper() if rng.random() < 0.1 else family
    name = f"{family} {given}" if rng.random() < 0.3 else f"{given} {family}"
    for _ in range(rng.choice((1, 1, 2)) if rng.random() < 0.2 else 0):
        name = names.typo(rng, name)
    age = _age_at(t.date_of_birth, t.date_of_death)
    age_text = (f"{age} years" if rng.random() < 0.2 else str(age)) if rng.random() < 0.55 else ""
    died = names.english_date(rng, names.near(rng, t.date_of_death, 0.08)) if rng.random() < 0.85 else ""
    city = rng.choices(p.place[2], weights=[4] + [1] * (len(p.place[2]) - 1))[0] if rng.random() < 0.88 else ""
    return [name, age_text, died, city, rng.choice(names.MEDIA_SOURCES)]


def _media(rng: random.Random, persons: list[_Person]) -> GeneratedList:
    """Media and Telegram compilation: mixed Latin transliterations, typos, English dates, Almaty-centred."""
    rows = _compiled(rng, persons, "media", _media_row)
    headers = ["#", "Name", "Age", "Died", "City", "Source"]
    return GeneratedList("media", "media.csv", _csv(headers, rows, ",", "utf-8"), _truth(rows))


def _morgue_row(rng: random.Random, p: _Person) -> list:
    t = p.truth
    given, family = names.russian(t.given), names.russian(t.family)
    patronymic = names.russian(_patronymic(p, p.kazakh_patronymic))
    if rng.random() < 0.1:
        name = f"{family} {given} {patronymic}".strip()
    else:
        gap = " " if rng.random() < 0.15 else ""
        name = f"{family} {given[0]}." + (f"{gap}{patronymic[0]}." if patronymic else "")
    born = names.slip_date(rng, t.date_of_birth) if rng.random() < 0.015 else t.date_of_birth
    roll, age = rng.random(), None
    birth: object = born if roll < 0.6 else names.dmy(rng, born) if roll < 0.75 else None
    birth = f"{born.year} г.р." if 0.75 <= roll < 0.8 else birth
    if birth is None and rng.random() < 0.5:
        age = _age_at(born, t.date_of_death)
    iin: object = p.iin if p.iin and rng.random() < 0.3 else None
    if iin and rng.random() < 0.1:
        iin = int(iin)  # typed into a number cell: a leading zero is lost
    delay = rng.choices((0, 1, 2, 3, 4, 6), weights=(55, 30, 8, 4, 2, 1))[0]
    city = "г. Алматы" if t.place == "Алматы" and rng.random() < 0.4 else t.place
    return [name, birth, age, iin, t.date_of_death + dt.timedelta(days=delay), city]


def _morgue(rng: random.Random, persons: list[_Person]) -> GeneratedList:
    """Morgue of Almaty city and region: surname and initials, admission date (death on or before it), XLSX."""
    rows = [(p.truth.person_id, _morgue_row(rng, p)) for p in persons
            if p.place[5] and _listed(rng, p, "morgue")]
    rows.sort(key=lambda row: (row[1][4], row[1][0]))
    rows = _numbered(rows, as_text=False)
    return GeneratedList("morgue", "morgue.xlsx", _xlsx(list(MORGUE_COLUMNS.values()), rows), _truth(rows), MORGUE_MAP,
                         one_per_person=True)


def _numbered(rows: list[tuple[str, list]], as_text: bool = True) -> list[tuple[str, list]]:
    return [(pid, [str(n) if as_text else n, *cells]) for n, (pid, cells) in enumerate(rows, 1)]


def _truth(rows: list[tuple[str, list]]) -> dict[int, str]:
    return {number: pid for number, (pid, _cells) in enumerate(rows, 1)}


def _csv(headers: list[str], rows: list[tuple[str, list]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(cells for _pid, cells in rows)
    return buffer.getvalue().encode(encoding)


def _xlsx(headers: list[str], rows: list[tuple[str, list]]) -> bytes:
    """A workbook with typed cells (dates, numbers) as a clerk's Excel has them; zip times fixed for determinism."""
    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = dt.datetime(2022, 2, 1)
    sheet = book.create_sheet("Журнал")
    sheet.append(headers)
    for _pid, cells in rows:
        typed = []
        for value in cells:
            cell = WriteOnlyCell(sheet, value)
            if isinstance(value, dt.date):
                cell.number_format = "DD.MM.YYYY"
            typed.append(cell)
        sheet.append(typed)
    raw, fixed = io.BytesIO(), io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), source.read(info.filename),
                            zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def generate(people: int, seed: int) -> GeneratedSet:
    """The true toll of ``people`` and four lists of some of them; the same seed gives the same bytes."""
    rng = random.Random(f"steppe/{seed}")
    persons = _population(rng, people)
    lists = [make(random.Random(f"steppe/{seed}/{make.__name__}"), persons)
             for make in (_official, _ngo, _media, _morgue)]
    return GeneratedSet(f"steppe{people}_seed{seed}", {p.truth.person_id: p.truth for p in persons}, lists)


def _namesake_share(people: dict[str, TruePerson]) -> float:
    """Share of people whose family and given name (folded to Russian letters) someone else also has."""
    keys = [(names.russian(p.family).lower(), names.russian(p.given).lower()) for p in people.values()]
    counts = Counter(keys)
    return sum(counts[key] > 1 for key in keys) / max(len(keys), 1)


def _read_back(generated: GeneratedSet) -> None:
    """Read every file as ``tergeu import`` would and print the cells it refuses (errors) or doubts."""
    import tempfile
    from pathlib import Path

    from tergeu.registry.importing.columnmap import load_map, settle_map
    from tergeu.registry.importing.readers import open_table
    from tergeu.registry.importing.rowparse import RowParser

    with tempfile.TemporaryDirectory() as folder:
        for listed in generated.lists:
            path = Path(folder) / listed.filename
            path.write_bytes(listed.content)
            column_map = None
            if listed.map_toml:
                (Path(folder) / "map.toml").write_text(listed.map_toml, encoding="utf-8")
                column_map = load_map(Path(folder) / "map.toml")
            table = open_table(path, listed.content)
            column_map, positions = settle_map(column_map, table.headers, path)
            parser = RowParser(table.headers, positions, column_map.date_order, column_map.values)
            parsed = [parser.parse(row.number, row.cells) for row in table.rows]
            errors = [e for row in parsed for e in row.errors]
            warnings = [w for row in parsed for w in row.warnings]
            print(f"  {listed.filename}: {len(parsed)} rows (truth {len(listed.truth)}), {table.encoding or 'xlsx'}, "
                  f"columns {column_map.columns}, {len(errors)} errors, {len(warnings)} warnings")
            for problem in (errors + warnings)[:6]:
                print(f"    row {problem.row} {problem.column!r} {problem.value!r}: {problem.message}")


if __name__ == "__main__":
    import sys
    import time

    people, seed = (int(sys.argv[1]) if len(sys.argv) > 1 else 300), (int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    started = time.perf_counter()
    generated = generate(people, seed)
    print(f"{generated.name}: generated in {time.perf_counter() - started:.2f}s")
    rows = sum(len(listed.truth) for listed in generated.lists)
    listed_ids = {pid for listed in generated.lists for pid in listed.truth.values()}
    for listed in generated.lists:
        print(f"  {listed.name}: {len(listed.truth)} rows, {len(set(listed.truth.values())) / people:.1%} of people")
    print(f"  records per person {rows / people:.2f}, per listed person {rows / max(len(listed_ids), 1):.2f}; "
          f"on any list {len(listed_ids) / people:.1%}; full-name namesakes {_namesake_share(generated.people):.1%}")
    _read_back(generated)
