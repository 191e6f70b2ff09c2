"""``zhaiyk``: a held-out generator of five casualty lists of January 2022, written without the linkage code.

Households die together in one incident (``zhaiyk_households``); a hidden household trait, whether the
family went public (``openness``), drives the relatives' petitions and the rights report up and the
prosecutors' victim list down, so the lists are dependent in both directions; the health
departments ignore it, and the burial book depends only on where a person was buried. Some of the
dead reach no list. Each list then renders its people in its own habits (``zhaiyk_official``,
``zhaiyk_public``).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from generators import GeneratedSet
from generators.zhaiyk_households import population
from generators.zhaiyk_official import MUSLIM, burial_list, buried_here, court_list, health_list
from generators.zhaiyk_people import PLACES, Dead
from generators.zhaiyk_public import petitions_list, report_list

# Health departments that sent a sheet, and how much of their deaths it holds (Almaty was overwhelmed).
_HEALTH_COVERAGE = {"г. Алматы": 0.72, "Алматинская область": 0.9, "Жамбылская область": 0.93, "г. Шымкент": 0.9,
                    "Кызылординская область": 0.9, "Туркестанская область": 0.88,
                    "Западно-Казахстанская область": 0.85}
_NO_CASES = ("Актюбинская область", "Западно-Казахстанская область")  # no criminal cases published there
_COURT_BASE = {"street": 0.62, "bystander": 0.72, "wounded": 0.58, "custody": 0.88, "found_later": 0.5,
               "serviceman": 0.12}


def _court_chance(person: Dead) -> float:
    """Families who went public contested the official account and were less often made 'victims'."""
    if PLACES[person.place][1] in _NO_CASES:
        return 0.0
    return min(0.95, _COURT_BASE[person.kind] * (1.25 - 0.6 * person.openness))


def _health_chance(person: Dead) -> float:
    coverage = _HEALTH_COVERAGE.get(PLACES[person.place][1], 0.0)
    factor = {"custody": 0.5, "found_later": 0.65, "serviceman": 0.3}.get(person.kind, 0.95)
    return coverage * factor


def _petition_chance(person: Dead) -> float:
    chance = 0.06 + 0.8 * person.openness ** 1.2 if person.community == "kazakh" else 0.04 + 0.35 * person.openness
    return chance * (0.4 if person.kind == "serviceman" else 1.0)


def _report_chance(person: Dead) -> float:
    """The researchers' own work: Almaty and Taldykorgan, and custody deaths anywhere."""
    near = PLACES[person.place][0] in ("Алматы", "Талдыкорган")
    chance = (0.08 + 0.4 * person.openness) if near else 0.03
    return min(0.9, chance + (0.35 if person.kind == "custody" else 0.0))


def _burial_chance(person: Dead) -> float:
    if not buried_here(person) or person.kind == "serviceman":
        return 0.05 if buried_here(person) else 0.0
    if person.kind == "found_later":
        return 0.85
    return 0.55 if person.community in MUSLIM else 0.2


def _draw(dead: list[Dead], seed: int, name: str, chance: Callable[[Dead], float], twice: float) -> list[Dead]:
    """Who a list names, in population order, some of them twice (``twice`` of those named)."""
    rng = random.Random(f"zhaiyk:{seed}:capture:{name}")
    named: list[Dead] = []
    for person in dead:
        if rng.random() < chance(person):
            named.append(person)
            if rng.random() < twice:
                named.append(person)
    return named


def _report_entries(dead: list[Dead], petitions: list[Dead], seed: int) -> list[tuple[Dead, bool]]:
    """The report's own finds plus about half of the petitions copied (the copy keeps the petition's form)."""
    rng = random.Random(f"zhaiyk:{seed}:capture:report-copies")
    copied = {pid for pid in dict.fromkeys(person.pid for person in petitions) if rng.random() < 0.45}
    own = _draw(dead, seed, "report", _report_chance, 0.05)
    entries = [(person, False) for person in own if person.pid not in copied]
    entries += [(person, True) for person in dead if person.pid in copied]
    return entries


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead and five lists of them, the same bytes for the same seed."""
    dead = population(people, seed)
    petitions = _draw(dead, seed, "petitions", _petition_chance, 0.07)
    lists = [
        court_list(_draw(dead, seed, "court", _court_chance, 0.04), seed),
        health_list(_draw(dead, seed, "health", _health_chance, 0.0), seed),
        petitions_list(petitions, seed),
        report_list(_report_entries(dead, petitions, seed), seed),
        burial_list(_draw(dead, seed, "burial", _burial_chance, 0.0), seed),
    ]
    return GeneratedSet(f"zhaiyk{people}_seed{seed}", {person.pid: person.truth() for person in dead}, lists)
