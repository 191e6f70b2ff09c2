"""The parts of a person's name as one kind of list writes them, shared by the list renderers."""

from __future__ import annotations

import random

from generators.aral_people import CITIES, Person
from generators.aral_script import russify, variant


def ru_parts(person: Person) -> tuple[str, str, str]:
    """(family, given, patronymic) russified, as a Russian-language document writes them."""
    return russify(person.family), russify(person.given), person.patronymic_ru()


def doc_parts(person: Person) -> tuple[str, str, str]:
    """(family, given, patronymic) as the passport spells them (Kazakh letters or russified)."""
    if person.community == "kz" and person.doc_kazakh:
        return person.family, person.given, person.patronymic_kk()
    return ru_parts(person)


def kk_parts(person: Person, rng: random.Random, maiden_share: float) -> tuple[str, str, str]:
    """(family, given, patronymic) in Kazakh letters; a married woman's maiden name now and then."""
    family = person.maiden if person.maiden and rng.random() < maiden_share else person.family
    return family, person.given, person.patronymic_kk()


def sloppy_given(rng: random.Random, given: str, chance: float) -> str:
    """A russified given name as a hurried writer spells it (Эрлан, Бауржан, Иржан)."""
    return variant(rng, given, chance)


def initials(*parts: str, spaced: bool = False) -> str:
    letters = [part[0] + "." for part in parts if part]
    return (" " if spaced else "").join(letters)


def place_ru(person: Person) -> str:
    return CITIES[person.city].place


def region_ru(person: Person) -> str:
    return CITIES[person.city].region


def ministry_place(person: Person) -> str:
    """The ministry's way: "г. Алматы", "Жамбылская обл., г. Тараз"."""
    city = CITIES[person.city]
    if city.region.startswith("г. "):
        return city.region
    return f"{city.region.replace(' область', ' обл.')}, г. {city.place}"
