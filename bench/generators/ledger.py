"""Held-out generator "ledger": sparse, record-poor lists, each compiled by a clerk with habits.

Why a simulation rather than a table of error rates: a list's errors and its coverage come from how it
was compiled, and that is what makes lists dependent. Every death leaves traces (morgue paperwork that
reaches the prosecutor, social-media posts, a family willing to talk, a burial in a registered
cemetery); each ``Clerk`` listens to some of those channels and writes what it hears its own way. The
two NGO lists hear the same families and ``ngo_b`` copies from ``ngo_a``, so they are positively
dependent; the cemetery register only sees its own area; a person's visibility (children and women
are posted about more) makes capture heterogeneous.

Lists: ``ombudsman.csv`` (CP1251, ';', family-first, year of birth only), ``ngo_a.json`` (Kazakh
Cyrillic, given-first, no patronymics), ``ngo_b.csv`` (Kazakh Latin of 2017 or 2018, row by row),
``cemetery.xlsx`` (burial register: surname and initials, burial date, no date of death).

The people themselves (names, families, twins, cousins, places) are settled first, in ``ledger_names``,
so no clerk's habit can leak into the truth.

Self-check, from the repository root: ``.venv/bin/python -m bench.generators.ledger [people] [seed]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from openpyxl import Workbook

from . import GeneratedList, GeneratedSet
from . import ledger_names as nm
from .ledger_names import SETTLEMENTS, Victim

MUSLIM = {"kazakh", "uyghur", "uzbek", "tatar"}
CEMETERY_AREA = ("г. Алматы", "Алматинская область")


def _neighbours(rows: tuple[str, ...], shifts: tuple[float, ...]) -> dict[str, str]:
    """Keys one step away on a staggered keyboard: the letters a hurried finger hits instead."""
    spots = {key: (r, c + shifts[r]) for r, row in enumerate(rows) for c, key in enumerate(row)}
    return {key: "".join(other for other, (r2, x2) in spots.items()
                         if other != key and abs(r2 - r) <= 1 and abs(x2 - x) <= 1.0)
            for key, (r, x) in spots.items()}


CYRILLIC_KEYS = _neighbours(("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"), (0.0, 0.3, 0.8))
LATIN_KEYS = _neighbours(("qwertyuiop", "asdfghjkl", "zxcvbnm"), (0.0, 0.3, 0.8))


def slip(word: str, rng: random.Random) -> str:
    """One keyboard slip in a word: a neighbouring key, a dropped, doubled or swapped letter."""
    spots = [i for i, c in enumerate(word) if c.isalpha()]
    if len(spots) < 3:
        return word
    i = rng.choice(spots[1:])  # the first letter is the one people check
    kind = rng.random()
    if kind < 0.55:
        low = nm.russified(word[i].lower())
        near = CYRILLIC_KEYS.get(low) or LATIN_KEYS.get(low)
        if not near:
            return word
        new = rng.choice(near)
        return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1:]
    if kind < 0.75:
        return word[:i] + word[i + 1:]
    if kind < 0.87:
        return word[:i] + word[i] + word[i:]
    if i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word


@dataclass
class Clerk:
    """One list's compiler and the habits of its hand: spelling, patronymics, slips, ages heard loosely."""

    rng: random.Random
    modes: dict[str, float]  # Kazakh letters, entry by entry: kazakh | russian | i_kept (і/и at random) | lost
    yo_as_e: float = 0.0
    keeps_patronymic: float = 1.0
    typo: float = 0.0
    rounds_age: float = 0.10
    age_off: float = 0.06

    def spell(self, word: str, mode: str) -> str:
        if mode == "russian":
            return nm.russified(word)
        if mode == "i_kept":  # a Russian keyboard with a Ukrainian і: the clerk sometimes reaches for it
            return "".join(c if c in "іІ" and self.rng.random() < 0.5 else nm.russified(c) for c in word)
        return word

    def parts(self, victim: Victim) -> list[str]:
        """Family, given, patronymic ("" when not written) as this clerk spells them this time."""
        rng = self.rng
        mode = rng.choices(list(self.modes), list(self.modes.values()))[0]
        patronymic = victim.patronymic if rng.random() < self.keeps_patronymic else ""
        words = [self.spell(w, mode) for w in (victim.truth.family, victim.truth.given, patronymic)]
        if rng.random() < self.yo_as_e:
            words = [w.replace("ё", "е").replace("Ё", "Е") for w in words]
        if rng.random() < self.typo:
            slot = rng.randrange(2)
            words[slot] = slip(words[slot], rng)
        return words

    def age(self, victim: Victim) -> tuple[int, bool]:
        """The age as heard: now and then 'about 30', or one year off (counted from the year of birth)."""
        roll = self.rng.random()
        if roll < self.rounds_age:
            return max(5, 5 * round(victim.age / 5)), True
        if roll < self.rounds_age + self.age_off:
            return victim.age + self.rng.choice((1, 1, -1)), False
        return victim.age, False


@dataclass
class Entry:
    """A row of ngo_a as written, kept so that ngo_b can copy it with its errors."""

    victim: Victim
    family: str
    given: str
    age: int | None
    approx: bool
    died: dt.date | None
    source: str


def _stated_death(victim: Victim, rng: random.Random, unknown: float, late: float) -> dt.date | None:
    """Missing now and then, and sometimes the day the body was found or registered instead."""
    if rng.random() < unknown:
        return None
    return victim.truth.date_of_death + dt.timedelta(days=1 if rng.random() < late else 0)


def _ombudsman(victims: list[Victim], rng: random.Random) -> GeneratedList:
    """Official list from morgue paperwork and appeals; CP1251 cannot hold most Kazakh letters."""
    clerk = Clerk(rng, {"russian": 70, "i_kept": 28, "lost": 2}, yo_as_e=0.6, keeps_patronymic=0.95, typo=0.05)
    # Morgue paperwork, most of which the clerk transcribes, and families who appeal in person.
    heard = [v for v in victims if (v.morgue_paper and rng.random() < 0.73) or (v.talks and rng.random() < 0.06)]
    entries = [(v, clerk.parts(v)) for v in heard for _ in range(2 if rng.random() < 0.04 else 1)]
    entries.sort(key=lambda e: (e[0].truth.region, e[1][0]))
    rows = []
    for number, (v, parts) in enumerate(entries, 1):
        born = v.truth.date_of_birth.year + (1 if rng.random() < 0.05 else 0)
        year = rng.choices((str(born), f"{born} г.р.", "", "н/д"), (85, 8, 5, 2))[0]
        died = _stated_death(v, rng, 0.03, 0.06)
        when = "не установлено" if died is None else rng.choices(
            (f"{died:%d.%m.%Y}", f"{died.day} января {died.year} г.", f"{died:%d.%m.%y}"), (80, 12, 8))[0]
        name, region = v.truth.place, v.truth.region
        place = rng.choices((f"г. {name}", name, f"{region.replace('область', 'обл.')}, г. {name}"),
                            (55, 30, 0 if region.startswith("г.") else 15))[0]
        note = rng.choices(("", "огнестрельное ранение", "со слов родственников", "данные уточняются",
                            "скончалась в больнице" if v.truth.sex == "F" else "скончался в больнице",
                            "тело выдано родственникам"), (60, 12, 8, 8, 6, 6))[0]
        rows.append([str(number), " ".join(p for p in parts if p), year, when, place, note])
    headers = ["№", "Фамилия, имя, отчество", "Год рождения", "Дата гибели", "Населенный пункт", "Примечание"]
    content = _csv(headers, rows, ";").encode("cp1251", errors="replace")
    toml = 'name_order = "family_first"\n[columns]\n' + _toml_columns(
        source_record_id="№", full_name=headers[1], date_of_birth=headers[2], date_of_death=headers[3],
        place_of_death=headers[4], notes=headers[5])
    return GeneratedList("ombudsman", "ombudsman.csv", content, _truth(v for v, _ in entries), toml)


def _ngo_a(victims: list[Victim], rng: random.Random) -> tuple[GeneratedList, list[Entry]]:
    """Kazakh-language NGO: posts it noticed and families it interviewed; writes no patronymics."""
    clerk = Clerk(rng, {"kazakh": 75, "russian": 25}, keeps_patronymic=0.0, typo=0.05, rounds_age=0.12)
    posts = Clerk(rng, {"russian": 60, "kazakh": 40}, keeps_patronymic=0.0, typo=0.08, rounds_age=0.3)
    entries: list[Entry] = []
    for v in victims:
        found = [(clerk, "отбасы")] if v.talks and rng.random() < 0.58 else []
        noticed = sum(rng.random() < 0.12 for _ in range(v.posts))
        found += [(posts, "әлеуметтік желі")] * min(noticed, 2)
        written: list[Entry] = []
        for hand, source in found:
            family, given, _ = hand.parts(v)
            same = any(e.family.lower() == family.lower() and e.given.lower() == given.lower() for e in written)
            if written and (same or rng.random() < 0.3):
                continue  # the clerk recognised the person already on the list
            age, approx = hand.age(v) if rng.random() < 0.9 else (None, False)
            written.append(Entry(v, family, given, age, approx, _stated_death(v, rng, 0.1, 0.04), source))
        entries += written
    rng.shuffle(entries)  # in the order they were heard of
    items = [_ngo_a_item(number, e, rng) for number, e in enumerate(entries, 1)]
    content = json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")
    toml = 'name_order = "given_first"\n[columns]\n' + _toml_columns(
        source_record_id="id", full_name="full_name", age="age", date_of_death="died", place_of_death="place")
    return GeneratedList("ngo_a", "ngo_a.json", content, _truth(e.victim for e in entries), toml), entries


def _ngo_a_item(number: int, e: Entry, rng: random.Random) -> dict:
    """One JSON object; keys it knows nothing about are left out, as web exports do, rather than null."""
    item: dict = {"id": f"KZ-{number:04d}", "full_name": f"{e.given} {e.family}"}
    if e.age is not None:
        item["age"] = rng.choice((f"шамамен {e.age}", f"~{e.age}")) if e.approx else (
            e.age if rng.random() < 0.8 else f"{e.age} жаста")
    if e.died is not None:
        item["died"] = rng.choices((e.died.isoformat(), f"{e.died.day} қаңтар {e.died.year}",
                                    f"{e.died.year} жылғы {e.died.day} қаңтар"), (65, 22, 13))[0]
    item["place"] = next(s[1] for s in SETTLEMENTS if s[0] == e.victim.truth.place)
    item["source"] = e.source
    return item


KNOWN_NAMES = frozenset(nm.russified(n) for n in (*nm.KAZAKH_MEN[:140], *nm.KAZAKH_WOMEN[:70], *nm.RUSSIAN_MEN,
                                                  *nm.RUSSIAN_WOMEN))
_SURNAME_ENDING = re.compile(r"(ов|ев|ёв|ин)а?$")


def _ngo_b(victims: list[Victim], partner: list[Entry], rng: random.Random) -> GeneratedList:
    """International NGO in Latin: copies much of ngo_a (its errors too) and adds families it heard itself."""
    own = Clerk(rng, {"kazakh": 80, "russian": 20}, keeps_patronymic=0.0, rounds_age=0.1)
    rows = [replace(e, source="partner list") for e in partner if rng.random() < 0.45]
    copied = {e.victim.truth.person_id: (e.family, e.given) for e in rows}
    for v in victims:
        if v.talks and rng.random() < 0.4:
            source = "family"
        elif any(rng.random() < 0.08 for _ in range(v.posts)):
            source = "media"
        else:
            continue
        family, given, _ = own.parts(v)
        before = copied.get(v.truth.person_id)
        if before and (before == (family, given) or rng.random() < 0.35):
            continue  # recognised as already on the list
        rows.append(Entry(v, family, given, *own.age(v), _stated_death(v, rng, 0.05, 0.03), source))
    rng.shuffle(rows)
    lines = [_ngo_b_line(number, e, rng) for number, e in enumerate(rows, 1)]
    headers = ["No.", "Name", "Age", "Date", "City", "Region", "Source"]
    content = _csv(headers, lines, ",").encode("utf-8-sig")
    toml = 'name_order = "given_first"\n[columns]\n' + _toml_columns(
        source_record_id="No.", full_name="Name", age="Age", date_of_death="Date", place_of_death="City",
        region="Region")
    return GeneratedList("ngo_b", "ngo_b.csv", content, _truth(e.victim for e in rows), toml)


def _ngo_b_line(number: int, e: Entry, rng: random.Random) -> list[str]:
    """Re-spelled row by row in the 2017 or 2018 alphabet; unfamiliar Kazakh names may land family-first."""
    scheme = "2017" if rng.random() < 0.45 else "2018"
    unknown = nm.russified(e.given) not in KNOWN_NAMES
    bare = not _SURNAME_ENDING.search(nm.russified(e.family).lower())
    swap = unknown and rng.random() < (0.6 if bare else 0.2)
    words = [nm.latin(w, scheme) for w in ((e.family, e.given) if swap else (e.given, e.family))]
    if rng.random() < 0.05:
        slot = rng.randrange(2)
        words[slot] = slip(words[slot], rng)
    name = " ".join(words)
    if rng.random() < 0.15:
        name = nm.plain_latin(name)
    age = "" if e.age is None else rng.choice((f"~{e.age}", f"about {e.age}")) if e.approx else str(e.age)
    settlement = next(s for s in SETTLEMENTS if s[0] == e.victim.truth.place)
    city = "" if rng.random() < 0.4 else nm.latin(settlement[1], scheme)
    died = "" if e.died is None else f"{e.died:%d.%m.%Y}"
    return [str(number), name, age, died, city, nm.latin(settlement[3], scheme), e.source]


def _cemetery(victims: list[Victim], rng: random.Random) -> GeneratedList:
    """Burial register of the Almaty area: burial date (Muslims mostly next day), no date of death."""
    clerk = Clerk(rng, {"russian": 90, "i_kept": 10}, yo_as_e=0.9, keeps_patronymic=0.9, typo=0.04)
    burials = []
    for v in victims:
        if v.truth.region not in CEMETERY_AREA or rng.random() >= 0.35:
            continue  # buried elsewhere: another cemetery, or the home village
        muslim = v.lineage.people in MUSLIM
        wait = rng.choices((1, 2, 3, 4), (75, 18, 5, 2) if muslim else (5, 25, 50, 20))[0]
        city = v.truth.place if v.truth.place == "Алматы" else "other"
        cemetery = rng.choice(nm.CEMETERIES[city][0 if muslim else 1])
        if city == "other":
            cemetery += f", {v.truth.place}"
        burials.append((v.truth.date_of_death + dt.timedelta(days=wait), rng.random(), v, cemetery))
    burials.sort(key=lambda b: b[:2])
    rows = []
    for number, (day, _, v, cemetery) in enumerate(burials, 1):
        family, given, patronymic = clerk.parts(v)
        if rng.random() < 0.5:
            name = f"{family} {given[:1]}." + (f"{patronymic[:1]}." if patronymic else "")
        else:
            name = " ".join(p for p in (family, given, patronymic) if p)
        when = dt.datetime(day.year, day.month, day.day) if rng.random() < 0.7 else f"{day:%d.%m.%Y}"
        plot = f"{rng.randint(1, 40)}-{rng.randint(1, 20)}-{rng.randint(1, 60)}"
        rows.append([number, name, when, cemetery, plot])
    toml = 'name_order = "family_first"\n[columns]\n' + _toml_columns(
        source_record_id="№", full_name="Ф.И.О.", date_recorded="Дата захоронения")
    toml += '[values]\nregion = "' + "; ".join(CEMETERY_AREA) + '"\n'
    content = _xlsx(["№", "Ф.И.О.", "Дата захоронения", "Кладбище", "Участок"], rows)
    return GeneratedList("cemetery", "cemetery.xlsx", content, _truth(b[2] for b in burials), toml,
                         one_per_person=True)


def _csv(headers: list[str], rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([headers, *rows])
    return out.getvalue()


def _xlsx(headers: list[str], rows: list[list]) -> bytes:
    """A workbook whose bytes depend only on the rows: openpyxl stamps the save time, which is fixed here."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Реестр захоронений"
    sheet.append(headers)
    for number, row in enumerate(rows, 2):
        sheet.append(row)
        if isinstance(row[2], dt.datetime):
            sheet.cell(number, 3).number_format = "DD.MM.YYYY"
    workbook.properties.creator = workbook.properties.lastModifiedBy = "registry"
    workbook.properties.created = dt.datetime(2022, 1, 20)
    saved = io.BytesIO()
    workbook.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved.getvalue())) as source, zipfile.ZipFile(fixed, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2022-01-20T00:00:00Z", body)
            target.writestr(zipfile.ZipInfo(info.filename, (2022, 1, 20, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def _toml_columns(**columns: str) -> str:
    return "".join(f"{name} = {json.dumps(header, ensure_ascii=False)}\n" for name, header in columns.items())


def _truth(victims: Iterable[Victim]) -> dict[int, str]:
    return {number: v.truth.person_id for number, v in enumerate(victims, 1)}


def generate(people: int, seed: int) -> GeneratedSet:
    """The dead and four lists compiled about them; each list has its own random stream, so adding a
    habit to one clerk does not reshuffle the others, and the same seed gives the same bytes."""
    victims = nm.the_dead(people, random.Random(f"ledger-people-{seed}"))

    def hand(name: str) -> random.Random:
        return random.Random(f"ledger-{name}-{seed}")

    ngo_a, entries = _ngo_a(victims, hand("ngo_a"))
    lists = [_ombudsman(victims, hand("ombudsman")), ngo_a, _ngo_b(victims, entries, hand("ngo_b")),
             _cemetery(victims, hand("cemetery"))]
    return GeneratedSet(f"ledger{people}_seed{seed}", {v.truth.person_id: v.truth for v in victims}, lists)


def _summary(generated: GeneratedSet) -> None:
    """Per-list counts, records per listed person, share listed, and how common namesakes are."""
    listed: Counter[str] = Counter()
    for one in generated.lists:
        people = set(one.truth.values())
        listed.update(one.truth.values())
        print(f"  {one.name:10} rows {len(one.truth):6}  people {len(people):6}  "
              f"({len(people) / len(generated.people):.0%} of the dead)")
    dead = generated.people.values()
    full = Counter((p.family, p.given) for p in dead)
    with_father = Counter((p.family, p.given, p.father_given) for p in dead)
    print(f"  records per listed person {listed.total() / len(listed):.2f}; listed anywhere "
          f"{len(listed) / len(dead):.1%}; full-name namesakes {sum(c for c in full.values() if c > 1) / len(dead):.1%}"
          f" (same father too: {sum(c for c in with_father.values() if c > 1) / len(dead):.1%})")


def _check_import(generated: GeneratedSet) -> None:
    """Read every file the way ``tergeu import`` does: guessed map shown, supplied map used, rows parsed."""
    import tempfile
    from pathlib import Path

    from tergeu.core.fields import field_names
    from tergeu.registry.importing.columnmap import load_map, settle_map
    from tergeu.registry.importing.readers import open_table
    from tergeu.registry.importing.rowparse import RowParser

    with tempfile.TemporaryDirectory() as folder:
        for one in generated.lists:
            path = Path(folder) / one.filename
            path.write_bytes(one.content)
            headers = open_table(path, one.content).headers
            print(f"  {one.name}: guessed {settle_map(None, headers, path)[0].columns}")
            toml = one.map_toml or ""
            if "date_recorded" not in field_names():  # a new field: test without it where it is missing
                toml = re.sub(r"(?m)^date_recorded.*\n", "", toml)
            map_path = path.with_suffix(".toml")
            map_path.write_text(toml, encoding="utf-8")
            table = open_table(path, one.content)
            column_map, positions = settle_map(load_map(map_path), table.headers, path)
            parser = RowParser(table.headers, positions, column_map.date_order, column_map.values)
            rows, errors, warnings = 0, [], 0
            for row in table.rows:
                parsed = parser.parse(row.number, row.cells)
                rows, errors, warnings = rows + 1, errors + parsed.errors, warnings + len(parsed.warnings)
            assert rows == len(one.truth), (one.name, rows, len(one.truth))
            print(f"    {table.file_format}/{table.encoding or '-'}: {rows} rows, {len(errors)} errors, "
                  f"{warnings} warnings {errors[:3]}")


if __name__ == "__main__":
    import sys
    import time

    size, seed = (int(a) for a in (sys.argv[1:] + ["300", "1"])[:2])
    started = time.perf_counter()
    made = generate(size, seed)
    print(f"{made.name}: generated in {time.perf_counter() - started:.1f} s")
    _summary(made)
    _check_import(made)
