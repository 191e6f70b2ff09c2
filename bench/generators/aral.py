"""``aral``: a held-out generator of overlapping casualty lists for January 2022 in Kazakhstan.

Written on 6 December from the interface (``generators/__init__.py``), ``loading.py``, the import
docs and the field catalogue only, without reading Tergeu's linkage or estimation code or any other
generator, so that Tergeu is scored on data it was not shaped by. Never tune on it.

The simulation follows how such documentation comes about (HRDAG-style projects, Memorial's lists,
UN annexes): people die in households and events (``aral_population``); five lists each catch them
with chances set by what that list could know and by one trait no list states (``aral_capture``);
each list is then written as its authors would have written it, with their slips (``aral_state``,
``aral_hospital``, ``aral_public``). Every random choice comes from ``random.Random`` streams seeded
from the seed and a fixed label, so a seed always gives byte-identical files.
"""

from __future__ import annotations

import random

from generators import GeneratedSet, TruePerson
from generators.aral_capture import plan
from generators.aral_forms import place_ru, region_ru
from generators.aral_hospital import hospital_list
from generators.aral_people import Person
from generators.aral_population import build
from generators.aral_public import memorial_list, telegram_list
from generators.aral_state import mvd_list, official_list, official_rows


def _stream(seed: int, label: str) -> random.Random:
    """An independent stream per purpose: a change in one list's habits leaves the others' draws alone."""
    return random.Random(f"aral:{seed}:{label}")


def _truth(person: Person) -> TruePerson:
    return TruePerson(person_id=person.pid, family=person.doc(person.family), given=person.doc(person.given),
                      father_given=person.doc(person.father), sex=person.sex, date_of_birth=person.born,
                      date_of_death=person.died, place=place_ru(person), region=region_ru(person))


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead (the true toll) and five lists naming some of them, for one seed."""
    dead = build(people, _stream(seed, "people"))
    chosen = plan(dead, _stream(seed, "capture"))
    official = official_rows(chosen.official, _stream(seed, "official"))
    lists = [
        official_list(official),
        hospital_list(chosen.hospital, _stream(seed, "hospital")),
        memorial_list(chosen.memorial, _stream(seed, "memorial")),
        telegram_list(chosen.telegram, {row.person.pid: row for row in official}, _stream(seed, "telegram")),
        mvd_list(chosen.mvd, _stream(seed, "mvd")),
    ]
    truth = {person.pid: _truth(person) for person in dead}
    # A list that names nobody (a handful of dead) is not published; an empty JSON export has no keys to map.
    return GeneratedSet(f"aral{people}_seed{seed}", truth, [listed for listed in lists if listed.truth])
