"""Who ends up on which ``balkhash`` list, and how many times.

Each list has its own catchment, as real sources do. The civil registry knows a death once the family
registers it (less often for bodies found late or deaths in custody, rarely for foreign citizens). The
forensic morgues of four cities see violent deaths there, bodies first admitted as unknown and bodies
moved between morgues. Mosques pray for practising Muslim families, in the city and again in the home
village. Regional akimats list the civilians killed on their territory who applied for compensation,
almost never those the authorities counted as rioters. Volunteers hear from families that went public,
above all of deaths in custody, rarely of the security forces. The household's latent ``public`` enters
the registry, the akimats and the volunteers, so those three are positively dependent beyond what the
observed covariates explain; the morgue and the mosques do not see it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from generators.balkhash_people import Person
from generators.balkhash_places import REGION_LATIN

# Which forensic morgue a body from each place goes to (places with none are absent).
MORGUE_OF = {
    "Алматы": "Алматы",
    "Каскелен": "Алматы",
    "Талгар": "Алматы",
    "Есик": "Талдыкорган",
    "Капшагай": "Талдыкорган",
    "Талдыкорган": "Талдыкорган",
    "Тараз": "Тараз",
    "Кордай": "Тараз",
    "Шымкент": "Шымкент",
    "Кентау": "Шымкент",
    "Туркестан": "Шымкент",
}
MORGUE_SEES = {"street": 0.7, "found": 0.9, "custody": 0.7, "forces": 0.5, "bystander": 0.65, "wounded": 0.2}


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass
class Plan:
    """Each list's people in the order chosen here, with a tag saying which kind of row each is."""

    registry: list[Person] = field(default_factory=list)
    morgue: list[tuple[Person, str]] = field(default_factory=list)  # named | unknown | identified | transfer
    janaza: list[tuple[Person, str]] = field(default_factory=list)  # city | home
    akimat: list[Person] = field(default_factory=list)
    volunteers: list[tuple[Person, str]] = field(default_factory=list)  # first | again


def _registry(rng: random.Random, p: Person) -> bool:
    x = (
        0.5
        + 0.7 * p.public
        - 0.6 * p.deemed
        - 1.0 * (p.kind == "found")
        - 0.8 * (p.kind == "custody")
        + 1.2 * (p.kind == "forces")
    )
    return rng.random() < _logistic(x - (3.0 if not p.iin else 0.0))


def _morgue(rng: random.Random, p: Person) -> list[str]:
    if p.site.place not in MORGUE_OF or rng.random() >= MORGUE_SEES[p.kind]:
        return []
    unknown = {"found": 0.6, "street": 0.12}.get(p.kind, 0.03)
    rows = ["named"]
    if rng.random() < unknown:
        rows = ["unknown", "identified"] if rng.random() < 0.85 else ["unknown"]
    if MORGUE_OF[p.site.place] == "Алматы" and rng.random() < 0.05:
        rows.append("transfer")
    return rows


def _janaza(rng: random.Random, p: Person) -> list[str]:
    if not p.practising:
        return []
    away = p.home_place != p.site.place_kk
    chance = 0.4 if p.kind == "forces" else 0.42 + 0.2 * away - 0.25 * (p.kind in ("custody", "found"))
    if rng.random() >= chance:
        return []
    if away and rng.random() < 0.25:
        return ["city", "home"]
    return ["home" if away else "city"]


def _akimat(rng: random.Random, p: Person) -> bool:
    if p.site.region not in REGION_LATIN or p.kind == "forces":
        return False
    return rng.random() < _logistic(0.6 + 0.7 * p.public - 2.2 * p.deemed)


def _volunteers(rng: random.Random, p: Person) -> list[str]:
    x = (
        -1.3
        + 1.3 * p.public
        + 1.0 * (p.kind == "custody")
        + 0.5 * p.deemed
        + 0.6 * (p.site.place == "Алматы")
        - 2.2 * (p.kind == "forces")
        + 0.3 * (p.kind == "wounded")
    )
    if rng.random() >= _logistic(x):
        return []
    return ["first", "again"] if rng.random() < 0.07 else ["first"]


def plan(people: list[Person], rng: random.Random) -> Plan:
    """Draw every list's membership (one stream, person by person, list by list)."""
    chosen = Plan()
    for p in people:
        if _registry(rng, p):
            chosen.registry.append(p)
        chosen.morgue += [(p, tag) for tag in _morgue(rng, p)]
        chosen.janaza += [(p, tag) for tag in _janaza(rng, p)]
        if _akimat(rng, p):
            chosen.akimat.append(p)
        chosen.volunteers += [(p, tag) for tag in _volunteers(rng, p)]
    return chosen


def listed(chosen: Plan) -> set[str]:
    """Ids of everyone on at least one list."""
    ids = {p.pid for p in chosen.registry} | {p.pid for p in chosen.akimat}
    for rows in (chosen.morgue, chosen.janaza, chosen.volunteers):
        ids |= {p.pid for p, _ in rows}
    return ids
