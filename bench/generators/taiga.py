"""``taiga``: four lists of the January 2022 dead in Kazakhstan, built independently (held out).

Who is on which list comes from one latent visibility per person (a well-known death is reported
everywhere, a quiet one only where it had to be registered) plus what each list can reach: the NGO
works in Kazakh and hears less from Russian-speaking families, the morgues cover only the regions
whose forensic bureaus sent their books, the register misses a few who died weeks later. The lists are
therefore positively dependent, and some people are on none of them; the truth keeps those too.
"""

from __future__ import annotations

import math
import random

from generators import GeneratedSet
from generators.taiga_lists import MORGUE_REGIONS, media, morgue, ngo, official
from generators.taiga_people import Victim, build_population

# (intercept, weight of visibility) of the log-odds of being on each list
CAPTURE = {"official": (1.0, 0.9), "ngo": (-0.3, 1.0), "media": (-1.0, 1.3), "morgue": (0.8, 0.6)}


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _odds(list_name: str, v: Victim) -> float:
    intercept, weight = CAPTURE[list_name]
    x = intercept + weight * v.visibility
    if list_name == "official" and v.in_hospital:
        x -= 0.8  # registered later, after the register was first published
    if list_name == "ngo":
        x += {"kazakh": 0.4, "russian": -0.9, "korean": -0.9}.get(v.community, -0.3)
        x += 0.3 if v.region <= 1 else 0.0
    if list_name == "media":
        x += 0.4 if v.region == 0 else 0.0
    return x


def captured(rng: random.Random, victims: list[Victim]) -> dict[str, list[Victim]]:
    """Each list's victims: a draw per person and list, given the person's visibility."""
    chosen: dict[str, list[Victim]] = {name: [] for name in CAPTURE}
    for v in victims:
        for name in CAPTURE:
            if name == "morgue" and v.region not in MORGUE_REGIONS:
                continue
            if rng.random() < _logistic(_odds(name, v)):
                chosen[name].append(v)
    return chosen


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead (listed or not) and the four lists, the same for the same seed."""
    rng = random.Random(seed)
    victims = build_population(rng, people)
    chosen = captured(rng, victims)
    lists = [
        official(random.Random(rng.random()), chosen["official"]),
        ngo(random.Random(rng.random()), chosen["ngo"]),
        media(random.Random(rng.random()), chosen["media"]),
        morgue(random.Random(rng.random()), chosen["morgue"]),
    ]
    return GeneratedSet(f"taiga{people}_seed{seed}", {v.pid: v.truth() for v in victims}, lists)
