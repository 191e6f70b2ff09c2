"""A synthetic security force for ``bench/vetting.py``: units, dated relations, officials, postings, incidents.

Why: vetting must answer in milliseconds on a force the size of a country's (issue 17: 20,000 units,
100,000 persons), and nobody may put a real force's officials in a benchmark. Every unit and place is
invented (``forces_names``); officials are synthetic names whose parts repeat (namesakes). The rows are
the canonical import columns of ``docs/forces.md`` (units, relations, persons, postings, incidents), so
they can be written to files and imported, or stored in bulk.

Shape: three top bodies; regional commands, brigades and regiments, battalions and companies or
detachments under them (about 1 : 10 : 10 : 8 per level); one unit in ten is moved to another parent
partway (two dated relations); units have one to three commanders over time, one after another, and
most officials are otherwise members; incidents name one or two units (and now and then an official),
nearly all dated to the day, some to a month, a few undated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import forces_names as names

TOP = (("U-MOD", "Қорғаныс министрлігі", ["Министерство обороны", "Ministry of Defense", "MOD"]),
       ("U-MVD", "Ішкі істер министрлігі", ["Министерство внутренних дел", "Ministry of Internal Affairs", "MVD"]),
       ("U-NG", "Ұлттық ұлан", ["Национальная гвардия", "National Guard"]))
LEVELS = ((0.001, (3,)), (0.01, (1, 3)), (0.1, (0,)), (1.0, (2, 4)))  # share of units by level, unit types


@dataclass
class ForceSet:
    units: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    postings: list[dict] = field(default_factory=list)
    incidents: list[dict] = field(default_factory=list)
    level: dict[str, int] = field(default_factory=dict)  # unit id -> depth (0: the top bodies)
    english_abbreviation: dict[str, str] = field(default_factory=dict)  # unit id -> e.g. "ZHARBN" (not stored)


def _date(rng: random.Random, first_year: int, last_year: int, precise: float = 0.8) -> str:
    year = rng.randint(first_year, last_year)
    roll = rng.random()
    if roll < precise:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{year}-{rng.randint(1, 12):02d}" if roll < precise + 0.15 else f"{year}"


def _units(force: ForceSet, count: int, rng: random.Random) -> None:
    places = [names.stem(rng) for _ in range(max(10, count // 3))]
    numbers = rng.sample(range(10000, 99999), count)
    previous = [unit_id for unit_id, _name, _aliases in TOP]
    for unit_id, name, aliases in TOP:
        force.units.append({"unit_id": unit_id, "name": name, "aliases": ";".join(aliases), "identifiers": "",
                            "classification": "Ministry", "country": "kz"})
        force.level[unit_id] = 0
    made = len(TOP)
    for depth, (share, kinds) in enumerate(LEVELS, start=1):
        wanted = max(len(previous) + 1, round(count * share)) if depth < len(LEVELS) else count
        level = []
        while made < min(wanted, count) or (depth < len(LEVELS) and not level):
            unit_id, kind = f"U-{made:06d}", rng.choice(kinds)
            kazakh, aliases, abbreviation = names.unit_names(rng.choice(places), kind, rng.choice(range(6)))
            identifiers = []
            if depth in (2, 3) or rng.random() < 0.3:
                number = str(numbers[made])
                identifiers.append(rng.choice(("в/ч ", "ә/б ", "MU ")) + number + (f"-{rng.randint(1, 4)}"
                                                                                    if depth == 4 else ""))
            force.units.append({"unit_id": unit_id, "name": kazakh, "aliases": ";".join(aliases),
                                "identifiers": ";".join(identifiers), "classification": "Army", "country": "kz"})
            force.level[unit_id], force.english_abbreviation[unit_id] = depth, abbreviation
            _relate(force, unit_id, previous, rng)
            level.append(unit_id)
            made += 1
        previous = level


def _relate(force: ForceSet, unit_id: str, parents: list[str], rng: random.Random) -> None:
    parent = rng.choice(parents)
    first, last = _date(rng, 2008, 2014), _date(rng, 2019, 2024)
    if rng.random() < 0.1 and len(parents) > 1:
        moved = rng.randint(2016, 2020)
        other = rng.choice([p for p in parents if p != parent])
        force.relations.append({"unit_id": unit_id, "parent_unit_id": parent, "first_cited": first,
                                "last_cited": f"{moved - 1}-12-31", "open_ended": "E"})
        parent, first, last = other, f"{moved}-{rng.randint(1, 12):02d}", _date(rng, moved + 1, 2024)
    force.relations.append({"unit_id": unit_id, "parent_unit_id": parent, "first_cited": first, "last_cited": last,
                            "open_ended": rng.choice("YNNE")})


def _officials(force: ForceSet, count: int, rng: random.Random) -> None:
    surnames = names.Zipf([names.stem(rng) + rng.choice(("ов", "ев", "бай", "бек", "баев", "ұлы"))
                           for _ in range(max(5, count // 25))], shift=10)
    for number in range(count):
        kazakh, aliases = names.official_names(rng, surnames)
        force.persons.append({"person_id": f"P-{number:06d}", "name": kazakh, "aliases": ";".join(aliases),
                              "date_of_birth": f"{rng.randint(1960, 1995)}"})


def _postings(force: ForceSet, rng: random.Random) -> None:
    persons = [p["person_id"] for p in force.persons]
    commanding = set()
    for unit in force.units[len(TOP):]:
        year = rng.randint(2008, 2013)
        for _turn in range(rng.randint(1, 3)):
            person = rng.choice(persons)
            commanding.add(person)
            until = min(2024, year + rng.randint(2, 6))
            force.postings.append({"person_id": person, "unit_id": unit["unit_id"], "role": "commander",
                                   "first_cited": _date(rng, year, year), "last_cited": _date(rng, until, until),
                                   "open_ended": rng.choice("YNE"), "title": "Командир", "rank": "подполковник"})
            year = until + 1
            if year > 2022:
                break
    units = [u["unit_id"] for u in force.units]
    for person in persons:
        if person not in commanding:
            force.postings.append({"person_id": person, "unit_id": rng.choice(units),
                                   "role": rng.choice(("member", "member", "deputy")),
                                   "first_cited": _date(rng, 2010, 2018), "last_cited": _date(rng, 2019, 2024)})


def _incidents(force: ForceSet, count: int, rng: random.Random) -> None:
    low = [u["unit_id"] for u in force.units if force.level[u["unit_id"]] >= 3]
    commanders = [p["person_id"] for p in force.postings if p["role"] == "commander"]
    for number in range(count):
        roll = rng.random()
        start = _date(rng, 2016, 2023, precise=1.0) if roll < 0.9 else (
            _date(rng, 2016, 2023, precise=0.0)[:7] if roll < 0.97 else "")
        force.incidents.append({"incident_id": f"I-{number:05d}", "start": start, "place": "Invented square",
                                "perpetrator_units": ";".join(rng.sample(low, rng.choice((1, 1, 2)))),
                                "perpetrator_persons": rng.choice(commanders) if rng.random() < 0.1 else ""})


def generate(units: int, persons: int, seed: int, incidents: int | None = None) -> ForceSet:
    """The force: ``units`` units, ``persons`` officials, and incidents (default one per seven units)."""
    rng = random.Random(seed)
    force = ForceSet()
    _units(force, units, rng)
    _officials(force, persons, rng)
    _postings(force, rng)
    _incidents(force, incidents if incidents is not None else max(10, units // 7), rng)
    return force
