"""``oasis``: a held-out generator of overlapping casualty lists (Kazakhstan, January 2022).

Written without reading Tergeu's linkage code or the other generators, from the interface in
``generators/__init__.py``, ``loading.py``, ``docs/import.md`` and the field catalogue. Its own corpus
(``oasis_names``: seven communities, ranked names with a heavy head, Kazakh and russified spellings),
population (``oasis_people``: households dying together, a latent visibility per person, valid IINs),
spelling (``oasis_script``: four Latin schemes, a typist's phonetic, keyboard and OCR slips) and lists
(``oasis_lists``):

- ``prosecutor.xlsx`` (one per person): the Prosecutor General's register; Фамилия / Имя / Отчество,
  typed date cells mixed with text dates, IINs (a few with two digits swapped), oblast and place;
- ``akimat.csv`` (CP1251, ``;``): Almaty's burial payments; one ФИО column (a clerk in capitals), year
  of birth, the burial date as ``date_recorded`` (1–10 days after death, sometimes day and month
  swapped), the applicant's name and IIN in columns a guesser must not take, repeated claims;
- ``ngo.json`` (Kazakh keys): given name first, Kazakh letters, Ахметұлы for Ахметов, ages from the
  birth year alone or "шамамен 30", dates as "6 қаңтар 2022", people re-added with another spelling;
- ``media.csv`` (UTF-8 with BOM, ``,``): four outlets in four Latin spellings (English ad hoc, ICAO,
  Kazakh Latin 2021 and 2017), dates in English words and some in US order read as day first,
  largely copied from the NGO list (list dependence), the same death reported by two outlets;
- ``morgue.txt`` (UTF-16 tab-separated, as Excel saves "Unicode text", one per person): Almaty's
  forensic morgue; surname and initials, OCR-like slips, the admission date as ``date_recorded``,
  ages at admission or by the year, the district or hospital the body came from.

``python -m generators.oasis [people] [seed]`` prints each list's size and the overlaps.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import sys
import time
import zipfile

from generators import GeneratedList, GeneratedSet
from generators.oasis_lists import Sheet, akimat, media, morgue, ngo, prosecutor
from generators.oasis_people import Population

_AKIMAT_MAP = """[columns]
source_record_id = "№"
full_name = "ФИО умершего"
date_of_birth = "Год рождения"
national_id = "ИИН умершего"
date_recorded = "Дата захоронения"
notes = "Примечание"
[values]
region = "г. Алматы"
"""
_NGO_MAP = """name_order = "given_first"
[columns]
source_record_id = "Реттік нөмір"
full_name = "Аты-жөні"
sex = "Жынысы"
age = "Жасы"
date_of_death = "Қаза тапқан күні"
place_of_death = "Қаза тапқан жері"
notes = "Ескерту"
"""
_MEDIA_MAP = """name_order = "given_first"
[columns]
source_record_id = "No."
full_name = "Name"
age = "Age"
place_of_death = "City"
date_of_death = "Date of death"
"""
_MORGUE_MAP = """name_order = "family_first"
[columns]
source_record_id = "№ журнала"
full_name = "Фамилия И.О."
sex = "Пол"
age = "Возраст"
date_recorded = "Дата поступления"
place_of_death = "Откуда доставлен"
notes = "Примечание"
"""


def _xlsx(sheet: Sheet, title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    page = book.create_sheet(title)
    page.append(sheet.headers)
    for row in sheet.rows:
        page.append([cell if cell != "" else None for cell in row])
    book.properties.creator = "Генеральная прокуратура"
    out = io.BytesIO()
    book.save(out)
    return _fixed_times(out.getvalue())


def _fixed_times(workbook: bytes) -> bytes:
    """The same workbook for the same seed: zip entry times and the core properties' dates fixed."""
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2022-01-20T09:00:00Z", data)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=(2022, 1, 20, 9, 0, 0)), data,
                            zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def _delimited(sheet: Sheet, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows([_text(cell) for cell in row] for row in sheet.rows)
    return out.getvalue()


def _text(cell: object) -> str:
    if isinstance(cell, dt.date):
        return f"{cell.day:02d}.{cell.month:02d}.{cell.year}"
    return str(cell)


def _json(sheet: Sheet) -> bytes:
    records = []
    for row in sheet.rows:
        # the NGO's export leaves out what it does not know rather than writing ""
        records.append({h: c for h, c in zip(sheet.headers, row, strict=True) if c != ""})
    return json.dumps({"қаза_тапқандар": records}, ensure_ascii=False, indent=1).encode("utf-8")


def _listed(name: str, filename: str, content: bytes, sheet: Sheet, map_toml: str | None = None,
            one_per_person: bool = False) -> GeneratedList:
    truth = dict(enumerate(sheet.person_ids, 1))
    return GeneratedList(name, filename, content, truth, map_toml, one_per_person)


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` deaths and five lists of them, the same for the same ``people`` and ``seed``."""
    def stream(part: str) -> random.Random:
        return random.Random(f"oasis/{people}/{seed}/{part}")

    population = Population(stream("people")).build(people)
    official = prosecutor(population, stream("prosecutor"))
    burials = akimat(population, stream("akimat"))
    kazakh = ngo(population, stream("ngo"))
    press = media(population, stream("media"), set(kazakh.person_ids))
    journal = morgue(population, stream("morgue"))
    lists = [
        _listed("prosecutor", "prosecutor.xlsx", _xlsx(official, "Список"), official, one_per_person=True),
        _listed("akimat", "akimat.csv", _delimited(burials, ";").encode("cp1251"), burials, _AKIMAT_MAP),
        _listed("ngo", "ngo.json", _json(kazakh), kazakh, _NGO_MAP),
        _listed("media", "media.csv", _delimited(press, ",").encode("utf-8-sig"), press, _MEDIA_MAP),
        _listed("morgue", "morgue.txt", _delimited(journal, "\t").encode("utf-16"), journal, _MORGUE_MAP,
                one_per_person=True),
    ]
    truth = {person.truth.person_id: person.truth for person in population}
    return GeneratedSet(f"oasis{people}_seed{seed}", truth, lists)


def summary(generated: GeneratedSet) -> str:
    """Each list's rows and people, the pairwise overlaps in people, and the people on no list."""
    lines = [f"{generated.name}: {len(generated.people)} people died"]
    members: dict[str, set[str]] = {}
    for listed in generated.lists:
        members[listed.name] = set(listed.truth.values())
        repeats = len(listed.truth) - len(members[listed.name])
        lines.append(f"  {listed.name:<11} {listed.filename:<15} {len(listed.truth):>7} rows "
                     f"{len(members[listed.name]):>7} people {repeats:>5} repeated  {len(listed.content):>9} bytes")
    names = [listed.name for listed in generated.lists]
    lines.append("  overlap (people on both): " + ", ".join(
        f"{a}–{b} {len(members[a] & members[b])}" for i, a in enumerate(names) for b in names[i + 1:]))
    listed_anywhere = set().union(*members.values())
    counts: dict[int, int] = {}
    for person_id in listed_anywhere:
        times = sum(person_id in members[name] for name in names)
        counts[times] = counts.get(times, 0) + 1
    lines.append(f"  on no list: {len(generated.people) - len(listed_anywhere)}; on k lists: "
                 + ", ".join(f"{k}: {counts[k]}" for k in sorted(counts)))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    people = int(argv[0]) if argv else 300
    seed = int(argv[1]) if len(argv) > 1 else 1
    started = time.perf_counter()
    generated = generate(people, seed)
    print(summary(generated))
    print(f"  generated in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
