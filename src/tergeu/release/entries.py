"""The public entry of a person: an allow-list of fields, each built from the people index on purpose.

Nothing reaches the release unless it is named in ``PUBLIC_FIELDS`` and built here; a fact added to
the registry later (a contact, a document number) is left out until someone decides to publish it and
adds it below. Never published, therefore: national ids (IINs), dates of birth, addresses and
contacts, notes (a record's, a reviewer's, the withhold note), reviewers' and users' names, record and
list ids, the records behind each fact, review flags. Values are checked as well as chosen: a date
of death must look like a date, a sex like M or F, an age like a number, and a place must be one the
gazetteer knows (a place as written is free text, which could hold an address). Circumstances, free
text too, are published only as a fixed category (``core.release.circumstances``), never as written.

A person whose name is withheld keeps every other field and is counted; their names are empty, their
id is a stand-in (``linkage.withholding.stand_in_ids``: the public id would tie the entry to the name an
earlier release printed with it), and they are listed after the named people, in id order: sorted among
the names, their place would hint at the name.

The withheld set is read after the people, and the caller reads both in one snapshot
(``release.reading``): a relink committing in between would otherwise create people whose carried flag
the release has not seen.
"""

from __future__ import annotations

import re
from typing import Any

from tergeu.core.places import place
from tergeu.core.release import category
from tergeu.linkage.people_index import PersonRow, people_rows
from tergeu.linkage.withholding import stand_in_ids
from tergeu.registry.places import UNKNOWN_PREFIX
from tergeu.release.access import public_records

PUBLIC_FIELDS = ("id", "name", "name_kk", "name_ru", "name_latin", "name_withheld", "age", "sex",
                 "date_of_death", "place_key", "place_kk", "place_ru", "place_en", "circumstances", "lists",
                 "sources", "synthetic")
COMPARED_FIELDS = PUBLIC_FIELDS[1:-1]  # what a correction can be about (the id is how people are matched)
NAME_SCRIPTS = {"name_kk": "kk-cyrl", "name_ru": "ru-cyrl", "name_latin": "latn"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # as stated: a year, a month or a day
SEXES = frozenset({"M", "F"})


def public_entry(row: PersonRow, stand_in: str | None, synthetic: bool = False) -> dict[str, Any]:
    """``row`` (a person as the published lists describe them) reduced to ``PUBLIC_FIELDS``; ``stand_in``:
    the id of a withheld person's entry (None: the name is published); ``synthetic``: the release holds
    invented people (a demo), said on every entry so that no copied row can pass for a real one."""
    withheld = stand_in is not None
    names = {} if withheld else row.names
    key = "" if row.place_value.startswith(UNKNOWN_PREFIX) else row.place_value
    known = place(key) if key else None
    place_names = dict(known.names) if known else {}
    date = row.facts.get("date_of_death", "")
    sex = row.facts.get("sex", "")
    entry = {
        "id": stand_in or row.public_id,
        "name": "" if withheld else row.display_name,
        **{column: names.get(script, "") for column, script in NAME_SCRIPTS.items()},
        "name_withheld": withheld,
        "age": row.age,
        "sex": sex if sex in SEXES else "",
        "date_of_death": date if DATE.match(date) else "",
        "place_key": known.key if known else "",
        "place_kk": place_names.get("kk", ""), "place_ru": place_names.get("ru", ""),
        "place_en": place_names.get("en", ""),
        "circumstances": category(row.facts.get("circumstances", "")),
        "lists": len(row.lists),
        "sources": row.sources,
        "synthetic": synthetic,
    }
    if tuple(entry) != PUBLIC_FIELDS:  # the allow-list and the builder must not drift apart
        raise AssertionError(f"public entry fields {tuple(entry)} are not {PUBLIC_FIELDS}")
    return entry


def _order(entry: dict[str, Any]) -> tuple:
    if entry["name_withheld"]:
        return (1, "", entry["id"])
    return (0, entry["name"].casefold(), entry["id"])


def public_rows() -> list[PersonRow]:
    """Every published person, as the published lists describe them."""
    return people_rows(public_records(), "en")


def public_entries(rows: list[PersonRow], synthetic: bool = False) -> list[dict[str, Any]]:
    """The entries of ``rows``: named people by name, then the withheld ones by id. The flags are read after
    the rows, so a flag a relink carried to a person of ``rows`` is seen."""
    stand_ins = stand_in_ids({row.pk for row in rows})
    return sorted((public_entry(row, stand_ins.get(row.pk), synthetic) for row in rows), key=_order)
