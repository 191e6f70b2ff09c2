"""A labelled synthetic training file in Security Force Monitor's FMTRPT TSV layout, for resolution quality.

Why: the US Foreign Military Training reports name recipients as clerks typed them: a unit number and an
abbreviation run together ("MILITARY UNIT 30417,KAZBAT"), a trainee's post before the unit and the
ministry after it, a bare number and the ministry, several units in one cell, misspellings, another
transliteration, abbreviations, and recipients no register holds. This writes such rows for units of a
``generators.forces`` force (invented units only) and keeps, for each row, the set of units it names
(the label), so resolution can be scored: a link the resolver makes is right when its unit is in the
row's label. A ministry named after a unit is part of the label (the row names it).

Written from the issue's examples and the FMTRPT README's column list, before the resolver was run on
it. The resolver was then improved after reading the misses of seed 1 (abbreviations of unit types, one
slip of the keyboard, a bare number with a detachment's suffix); seed 2 reports
(``bench/vetting.py --training-seed``, default 2).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

from . import forces_names as names
from .forces import ForceSet

HEADERS = ["training:id:admin", "training:country", "qa:training_country_iso_3166_1", "training:program",
           "training:course_title", "training:delivery_unit", "training:recipient_unit", "training_start_date",
           "qa:training_start_date_clean", "training_end_date", "qa:training_end_date_clean", "training:location",
           "training:quantity", "training:total_cost", "training:page_number",
           "training:source_title_with_volume_section:admin"]
TITLES = ("Staff Officer", "Company Commander", "Platoon Leader", "NCO", "Instructor", "Logistics Officer")
COURSES = ("INVENTED PEACEKEEPING COURSE", "INVENTED STAFF COURSE", "INVENTED MEDIC COURSE", "INVENTED ENGLISH")
NOBODY = ("VARIOUS", "Various units", "Not specified", "Individual officers", "Invented Border Academy",
          "INVENTED DEFENSE UNIVERSITY", "Ministry of Emergency Situations (invented)", "TBD")
SHORT = {"Battalion": ("Bn", "BN", "Bat."), "Brigade": ("Bde", "BDE"), "Company": ("Co", "COY"),
         "Regiment": ("Regt", "REG"), "Detachment": ("Det", "DET"), "Peacekeeping": ("Pkpg", "PK", "Peacekeeping"),
         "Reconnaissance": ("Recon", "Rec."), "Air Assault": ("AA", "Air Aslt"), "Guard": ("Gd", "Guard"),
         "Engineer": ("Engr", "Eng.")}


@dataclass(frozen=True)
class TrainingFile:
    content: bytes  # the TSV as published (UTF-8)
    truth: dict[str, frozenset[str]]  # training id -> the units its recipient string names


def typo(text: str, rng: random.Random) -> str:
    """One slip of the keyboard in a word of four letters or more: a letter dropped, doubled or swapped."""
    words = text.split(" ")
    long = [i for i, word in enumerate(words) if len(word) >= 4 and word.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    word, at = words[i], rng.randrange(1, len(words[i]) - 1)
    words[i] = rng.choice((word[:at] + word[at + 1:], word[:at] + word[at] + word[at:],
                           word[:at] + word[at + 1] + word[at] + word[at + 2:]))
    return " ".join(words)


def _number(unit: dict) -> str | None:
    first = unit["identifiers"].split(";")[0]
    return first.split(" ", 1)[1] if first else None


def _english(unit: dict) -> str:
    return unit["aliases"].split(";")[1]


def _abbreviated(english: str, rng: random.Random) -> str:
    for word, shorts in SHORT.items():
        if word in english and rng.random() < 0.7:
            english = english.replace(word, rng.choice(shorts))
    return english


def _respelled(unit: dict, rng: random.Random) -> str:
    """The unit's place in another Latin scheme, with the English type words."""
    place = unit["name"].split(" ")[0]
    rest = _english(unit).split(" ", 1)[1]
    return f"{names.latin(place, rng.choice((1, 2)))} {rest}"


def _recipient(force: ForceSet, units: list[dict], numbered: list[dict], rng: random.Random) -> tuple[str, set[str]]:
    unit, style = rng.choice(units), rng.random()
    one = {unit["unit_id"]}
    if style < 0.12 and numbered:
        unit = rng.choice(numbered)
        return f"{rng.choice(('MILITARY UNIT', 'MU', 'M/U', 'Military Unit No.'))} {_number(unit)}," \
               f"{force.english_abbreviation[unit['unit_id']]}", {unit["unit_id"]}
    if style < 0.24:
        return f"{rng.choice(TITLES)}, {_english(unit)}, Ministry of Defense", one | {"U-MOD"}
    if style < 0.34 and numbered:
        unit = rng.choice(numbered)
        return f"{_number(unit)}, MINISTRY OF DEFENSE", {unit["unit_id"], "U-MOD"}
    if style < 0.44:
        other = rng.choice(units)
        joiner = rng.choice((", ", "; ", " and ", ","))
        return f"{_english(unit)}{joiner}{_english(other)}".upper(), one | {other["unit_id"]}
    if style < 0.56:
        return typo(_english(unit), rng).upper() if rng.random() < 0.5 else typo(_english(unit), rng), one
    if style < 0.68:
        return _respelled(unit, rng), one
    if style < 0.78:
        return _abbreviated(_english(unit), rng), one
    if style < 0.86:
        return rng.choice((unit["aliases"].split(";")[0], unit["name"])), one
    if style < 0.93:
        return _english(unit).upper(), one
    if rng.random() < 0.5:
        return rng.choice(NOBODY), set()
    invented = names.latin(names.stem(rng), 0)  # a place no unit of the force is named after (almost surely)
    return f"{invented} {rng.choice(('Battalion', 'Brigade', 'Company'))}", set()


def generate(force: ForceSet, rows: int, seed: int) -> TrainingFile:
    """``rows`` training records naming units of ``force`` the way the FMTRPT reports do."""
    rng = random.Random(seed)
    units = [u for u in force.units if force.level[u["unit_id"]] >= 2]
    numbered = [u for u in units if _number(u)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(HEADERS)
    truth = {}
    for number in range(rows):
        recipient, label = _recipient(force, units, numbered, rng)
        training_id = f"00000000-0000-4000-8000-{number:012d}"
        year, month, day = rng.randint(2012, 2021), rng.randint(1, 12), rng.randint(1, 20)
        writer.writerow([training_id, "Kazakhstan", "KAZ", f"Invented Program, FY{year % 100}", rng.choice(COURSES),
                         "INVENTED DELIVERY TEAM", recipient, f"{month}/{day}/{year % 100}",
                         f"{year}-{month:02d}-{day:02d}", f"{month}/{day + 5}/{year % 100}",
                         f"{year}-{month:02d}-{day + 5:02d}", "INVENTED TRAINING CENTER", rng.randint(1, 30),
                         rng.randint(1, 90) * 1000, rng.randint(1, 400), "Synthetic FMTRPT volume (bench)"])
        truth[training_id] = frozenset(label)
    return TrainingFile(out.getvalue().encode(), truth)
