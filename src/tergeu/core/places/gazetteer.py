"""The places of the gazetteer, read once from ``kazakhstan.json`` beside this module.

A place has a stable key ("almaty", "almaty-region", "almaty-medeu"), a kind (region, city, district),
the key of the place it lies in (a town's region, a district's city; none for a region or a city of
republican significance, which is a region of its own) and its name in Kazakh, Russian and English.
The data file says where its facts come from; this module only reads it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("kazakhstan.json")
KINDS = ("region", "city", "district")
LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer. Equal places have equal keys; ``names`` is (language, name) pairs."""

    key: str
    kind: str
    parent: str | None
    names: tuple[tuple[str, str], ...]
    variants: tuple[str, ...] = ()

    def name(self, language: str | None = None) -> str:
        """The name in ``language`` ("kk", "ru", "en", or a locale such as "ru-ru"); English otherwise."""
        wanted = (language or "en").split("-")[0].split("_")[0].lower()
        by_language = dict(self.names)
        return by_language.get(wanted) or by_language["en"]

    def forms(self) -> tuple[str, ...]:
        """Every written form the data gives: the three names and the variants."""
        return tuple(name for _language, name in self.names) + self.variants


@cache
def places() -> tuple[Place, ...]:
    """Every place, in the data file's order; the file is checked once, as it is read."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found = tuple(_place(entry) for entry in data["places"])
    keys = [place.key for place in found]
    if len(set(keys)) != len(keys):
        raise ValueError("kazakhstan.json: a place key is used twice")
    unknown = {place.parent for place in found if place.parent is not None} - set(keys)
    if unknown:
        raise ValueError(f"kazakhstan.json: unknown parent keys {sorted(unknown)}")
    return found


def _place(entry: dict) -> Place:
    if entry["kind"] not in KINDS:
        raise ValueError(f"kazakhstan.json: {entry['key']!r} has kind {entry['kind']!r}, not one of {KINDS}")
    return Place(entry["key"], entry["kind"], entry.get("parent"),
                 tuple((language, entry[language]) for language in LANGUAGES), tuple(entry.get("variants", ())))


@cache
def _by_key() -> dict[str, Place]:
    return {place.key: place for place in places()}


def place(key: str | None) -> Place | None:
    """The place with this key, or None (an unknown key, or none)."""
    return _by_key().get(key) if key else None


def region_of(key: str | None) -> Place | None:
    """The region a place lies in: itself for a region or a city of republican significance."""
    found = place(key)
    while found is not None and found.parent is not None:
        found = place(found.parent)
    return found


def place_name(key: str | None, language: str | None = None) -> str:
    """The place's name in ``language``; the key itself when the gazetteer has no such place."""
    found = place(key)
    return found.name(language) if found else (key or "")
