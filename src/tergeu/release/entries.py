"""The public entry of a person: an allow-list of fields, each built from the people index on purpose.

Nothing reaches the release unless it is named in ``PUBLIC_FIELDS`` and built here; a fact added to
the registry later (a contact, a document number) is left out until someone decides to publish it and
adds it below. Never published, therefore: national ids (IINs), dates of birth, addresses and
contacts, notes (a record's, a reviewer's, the withhold note), reviewers' and users' names, record and
list ids, the records behind each fact, review flags. Values are checked as well as chosen: a date
of death must look like a date, a sex like M or F, an age like a number, and a place must be one the
gazetteer knows (a place as written is free text, which could hold an address).

A person whose name is withheld keeps every other field and is counted; their names are empty, and
they are listed after the named people, in id order: sorted among the names, their place would hint at
the name.
"""

from __future__ import annotations

import re
from typing import Any

from tergeu.core.places import place
from tergeu.linkage.people_index import PersonRow, people_rows
from tergeu.linkage.withholding import withheld_people
from tergeu.registry.places import UNKNOWN_PREFIX
from tergeu.release.access import public_records

PUBLIC_FIELDS = ("id", "name", "name_kk", "name_ru", "name_latin", "name_withheld", "age", "sex",
                 "date_of_death", "place_key", "place_kk", "place_ru", "place_en", "circumstances", "lists",
                 "sources")
COMPARED_FIELDS = PUBLIC_FIELDS[1:]  # what a correction can be about (the id is how people are matched)
NAME_SCRIPTS = {"name_kk": "kk-cyrl", "name_ru": "ru-cyrl", "name_latin": "latn"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # as stated: a year, a month or a day
SEXES = frozenset({"M", "F"})


def public_entry(row: PersonRow, withheld: bool) -> dict[str, Any]:
    """``row`` (a person as the published lists describe them) reduced to ``PUBLIC_FIELDS``."""
    names = {} if withheld else row.names
    key = "" if row.place_value.startswith(UNKNOWN_PREFIX) else row.place_value
    known = place(key) if key else None
    place_names = dict(known.names) if known else {}
    date = row.facts.get("date_of_death", "")
    sex = row.facts.get("sex", "")
    entry = {
        "id": row.public_id,
        "name": "" if withheld else row.display_name,
        **{column: names.get(script, "") for column, script in NAME_SCRIPTS.items()},
        "name_withheld": withheld,
        "age": row.age,
        "sex": sex if sex in SEXES else "",
        "date_of_death": date if DATE.match(date) else "",
        "place_key": known.key if known else "",
        "place_kk": place_names.get("kk", ""), "place_ru": place_names.get("ru", ""),
        "place_en": place_names.get("en", ""),
        "circumstances": row.facts.get("circumstances", ""),
        "lists": len(row.lists),
        "sources": row.sources,
    }
    if tuple(entry) != PUBLIC_FIELDS:  # the allow-list and the builder must not drift apart
        raise AssertionError(f"public entry fields {tuple(entry)} are not {PUBLIC_FIELDS}")
    return entry


def _order(entry: dict[str, Any]) -> tuple:
    if entry["name_withheld"]:
        return (1, "", entry["id"])
    return (0, entry["name"].casefold(), entry["id"])


def public_entries() -> list[dict[str, Any]]:
    """Every published person's entry: named people by name, then the withheld ones by id."""
    withheld = withheld_people()
    rows = people_rows(public_records(), "en")
    return sorted((public_entry(row, row.pk in withheld) for row in rows), key=_order)
