"""Write the four synthetic casualty lists, their ground truth and a README, into one directory.

The files are what Tergeu's importer meets in practice: a CP1251 semicolon file from a Russian-language
office, a UTF-8-with-BOM spreadsheet export from a Kazakh NGO, a JSON feed from an English-language
outlet, and a plain UTF-8 morgue extract. ``truth.csv`` says which person every row is, so linkage can
be scored; ``population.csv`` holds everyone, including the people on no list, so population
estimates can be scored too.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tergeu.demo.capture import LIST_KEYS, capture
from tergeu.demo.population import SyntheticPerson, generate_population
from tergeu.demo.render import (
    MORGUE_HEADERS,
    NGO_HEADERS,
    OFFICIAL_HEADERS,
    iin_typo,
    media_entry,
    morgue_row,
    ngo_duplicate_name,
    ngo_row,
    official_row,
)


@dataclass(frozen=True)
class DemoList:
    """One written list file and what an analyst would record about its source."""

    path: Path
    list_name: str
    source_name: str
    source_kind: str
    publisher: str
    published_on: dt.date
    reliability: str
    description: str
    map_path: Path | None = None  # a column map written beside the file, when the list needs one


_SYNTHETIC = "All people in it are synthetic."
_META: dict[str, dict[str, object]] = {
    "official": {
        "file": "official_gpo.csv", "list_name": "Official list of the dead, January 2022 (synthetic)",
        "source_name": "Prosecutor General's Office of Kazakhstan (synthetic stand-in)",
        "source_kind": "official",
        "publisher": "Prosecutor General's Office", "published_on": dt.date(2022, 8, 15), "reliability": "C",
        "description": "Russian-language office file (CP1251, ';'): surname first, Russian-form patronymics, "
                       "IIN in about 60% of rows; includes every security officer. " + _SYNTHETIC,
    },
    "ngo": {
        "file": "ngo_kk.csv", "list_name": "NGO list of the dead, Kazakh (synthetic)",
        "source_name": "Qantar Memory Initiative (fictional NGO)", "source_kind": "ngo",
        "publisher": "Qantar Memory Initiative (fictional)", "published_on": dt.date(2022, 6, 30),
        "reliability": "B",
        "description": "Kazakh-language spreadsheet export (UTF-8 with BOM, ','): Kazakh spellings and "
                       "patronymics, age at death, dates like '5 қаңтар 2022'; contains duplicate entries. "
                       + _SYNTHETIC,
    },
    "media": {
        "file": "media_en.json", "list_name": "Media tally of the dead, English (synthetic)",
        "source_name": "Steppe Wire (fictional news outlet)", "source_kind": "media",
        "publisher": "Steppe Wire (fictional)", "published_on": dt.date(2022, 2, 10), "reliability": "C",
        "description": "English-language JSON feed: names romanised in mixed systems (BGN/PCGN, passport, "
                       "Kazakh Latin, informal), given name first; biased to Almaty and the young. "
                       + _SYNTHETIC,
    },
    "morgue": {
        "file": "morgue_almaty.csv", "list_name": "Almaty morgue register extract (synthetic)",
        "source_name": "Almaty forensic morgue (fictional extract)", "source_kind": "medical",
        "publisher": "Leaked register extract (fictional)", "published_on": dt.date(2022, 1, 14),
        "reliability": "B",
        "description": "Morgue register (UTF-8, ','): surname and initials only, sex, date of death, "
                       "forensic note; Almaty city and Almaty region only. " + _SYNTHETIC,
    },
}


def _write_csv(path: Path, headers: tuple[str, ...], rows: list[list[str]], encoding: str,
               delimiter: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)


def _number(rows: list[list[str]]) -> list[list[str]]:
    for index, row in enumerate(rows, 1):
        row[0] = str(index)
    return rows


# The morgue register names no place, but the morgue serves Almaty city and region only: its map says so
# once ([values]), so every row states the region and linkage can rule out namesakes who died elsewhere.
_MAPS: dict[str, str] = {
    "morgue": '[columns]\nfull_name = "ФИО"\nsex = "Пол"\ndate_of_death = "Дата смерти"\n'
              '[values]\nregion = "г. Алматы; Алматинская область"\n',
}


def _write_official(path: Path, members: list[SyntheticPerson], rng: random.Random) -> list[str]:
    rows = [official_row(person, rng) for person in members]
    with_iin = [row for row in rows if row[3]]
    for row in rng.sample(with_iin, min(2, len(with_iin))):
        row[3] = iin_typo(row[3], rng)
    _write_csv(path, OFFICIAL_HEADERS, _number(rows), "cp1251", ";")
    return [person.person_id for person in members]


def _write_ngo(path: Path, members: list[SyntheticPerson], rng: random.Random) -> list[str]:
    """Rows plus one or two second entries for the same person, placed elsewhere in the list."""
    entries = [(person, ngo_row(person, rng)) for person in members]
    for person in rng.sample(members, min(2, len(members))):
        duplicate = ngo_row(person, rng, ngo_duplicate_name(person, rng))
        entries.insert(rng.randrange(len(entries) + 1), (person, duplicate))
    _write_csv(path, NGO_HEADERS, _number([row for _, row in entries]), "utf-8-sig", ",")
    return [person.person_id for person, _ in entries]


def _write_media(path: Path, members: list[SyntheticPerson], rng: random.Random) -> list[str]:
    stories = rng.sample(range(10000, 99999), len(members))
    entries = [media_entry(person, rng, story) for person, story in zip(members, stories, strict=True)]
    path.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [person.person_id for person in members]


def _write_morgue(path: Path, members: list[SyntheticPerson], rng: random.Random) -> list[str]:
    rows = [morgue_row(person, rng) for person in members]
    _write_csv(path, MORGUE_HEADERS, _number(rows), "utf-8", ",")
    return [person.person_id for person in members]


_WRITERS: dict[str, Callable[[Path, list[SyntheticPerson], random.Random], list[str]]] = {
    "official": _write_official, "ngo": _write_ngo, "media": _write_media, "morgue": _write_morgue,
}

_README = """\
Tergeu demo data: SYNTHETIC casualty lists
==========================================

Every person in these files is invented. Names are random combinations drawn from generic name
corpora (mimesis); dates of birth, IINs and circumstances are generated. No row describes a real
person, and any resemblance to a real victim is coincidental. Organisations marked "fictional" do not
exist; the official list is a synthetic stand-in, not the Prosecutor General's Office's list.

Only the aggregate shape follows published facts about January 2022 in Kazakhstan (total dead,
Almaty share, security personnel, deaths in custody, crossfire victims).

Files
  official_gpo.csv   official-style list, CP1251, ';'
  ngo_kk.csv         Kazakh NGO list, UTF-8 with BOM, ','
  media_en.json      English media tally, UTF-8 JSON array
  morgue_almaty.csv  Almaty morgue extract, UTF-8, ','
  morgue_almaty.map.toml  its column map: the morgue serves Almaty city and region (tergeu import --map)
  truth.csv          ground truth: list (file name), row (1-based data row, header excluded), person_id
  population.csv     the whole synthetic population, including people on no list

Generated with seed {seed}.
"""


def _write_truth(directory: Path, truth: list[tuple[str, int, str]]) -> None:
    with (directory / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("list", "row", "person_id"))
        writer.writerows(truth)


def _write_population(directory: Path, people: list[SyntheticPerson]) -> None:
    fields = [field.name for field in dataclasses.fields(SyntheticPerson)]
    with (directory / "population.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*fields, "age_at_death"])
        for person in people:
            values = [getattr(person, name) for name in fields]
            cells = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
            writer.writerow([*cells, person.age_at_death])


def write_demo_lists(directory: Path, seed: int = 2022,
                     people: list[SyntheticPerson] | None = None) -> list[DemoList]:
    """Write the four lists, ``truth.csv``, ``population.csv`` and ``README.txt``; return the lists.

    The same seed and population always give byte-identical files, so a demo and an evaluation run
    weeks apart see the same data. ``truth.csv``'s ``list`` column is the file name.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if people is None:
        people = generate_population(seed)
    captured = capture(people, seed)
    truth: list[tuple[str, int, str]] = []
    written: list[DemoList] = []
    for key in LIST_KEYS:
        meta = dict(_META[key])
        path = directory / str(meta.pop("file"))
        rng = random.Random(f"tergeu-demo-{key}-{seed}")
        members = list(captured[key])
        rng.shuffle(members)
        person_ids = _WRITERS[key](path, members, rng)
        truth.extend((path.name, row, person_id) for row, person_id in enumerate(person_ids, 1))
        map_path = None
        if key in _MAPS:
            map_path = path.with_suffix(".map.toml")
            map_path.write_text(_MAPS[key], encoding="utf-8")
        written.append(DemoList(path=path, map_path=map_path, **meta))  # type: ignore[arg-type]
    _write_truth(directory, truth)
    _write_population(directory, people)
    (directory / "README.txt").write_text(_README.format(seed=seed), encoding="utf-8")
    return written
