"""Who gets onto which list: a deliberately heterogeneous capture model.

Capture-recapture estimators are biased when capture probabilities vary between people and lists
depend on one another, and that is the situation real casualty lists are in. So the demo does not
draw lists independently. Each person has:

* a latent *visibility* shared by every list (a family that speaks to journalists also speaks to
  NGOs), which makes the lists positively dependent;
* a small chance of being *hidden*: a death in a region, with unclear circumstances, whose family
  stayed silent. Hidden people are almost never listed, which is what leaves 5-10% of the dead on no
  list at all;
* list-specific pulls: the official list contains every security officer and favours Almaty; the
  NGO list favours civilians and deaths in custody; the media favour Almaty, the young, women and
  children; the Almaty morgue sees only Almaty city and region.
"""

from __future__ import annotations

import math
import random

from tergeu.demo.places import PLACE_BY_RU
from tergeu.demo.population import SyntheticPerson

LIST_KEYS: tuple[str, ...] = ("official", "ngo", "media", "morgue")
_HIDDEN_CAPTURE = {"official": 0.05, "ngo": 0.04, "media": 0.02, "morgue": 0.05}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _hidden_probability(person: SyntheticPerson) -> float:
    if person.security_personnel:
        return 0.0
    place = PLACE_BY_RU[person.place_of_death]
    p = 0.045
    p += 0.0 if place.almaty_area else 0.08
    p += 0.06 if person.circumstances == "unknown" else 0.0
    p += 0.04 if person.ethnicity == "other" or person.age_at_death > 55 else 0.0
    return p


def capture_probabilities(person: SyntheticPerson, visibility: float) -> dict[str, float]:
    """Probability of appearing on each list for a visible person with latent ``visibility`` (~N(0,1))."""
    place = PLACE_BY_RU[person.place_of_death]
    circ = person.circumstances
    city, area = float(place.almaty_city), float(place.almaty_area)
    crossfire, custody = float(circ == "crossfire"), float(circ == "custody")
    security, unknown = float(person.security_personnel), float(circ == "unknown")
    age = person.age_at_death
    vulnerable = float(person.sex == "F" or age < 18)
    official = 1.0 if person.security_personnel else _sigmoid(
        1.5 + 1.0 * city + 0.6 * visibility - 0.7 * unknown + 0.5 * custody)
    ngo = _sigmoid(2.6 + 0.7 * visibility + 0.4 * area - 1.6 * security + 0.6 * crossfire + 1.0 * custody)
    media = _sigmoid(0.9 + 1.1 * city + 0.8 * visibility - 0.05 * (age - 30) + 0.8 * crossfire
                     + 0.6 * vulnerable - 0.4 * security)
    morgue = _sigmoid(0.9 + 0.7 * city + 0.5 * visibility - 0.6 * security) if area else 0.0
    return {"official": official, "ngo": ngo, "media": media, "morgue": morgue}


def capture(people: list[SyntheticPerson], seed: int) -> dict[str, list[SyntheticPerson]]:
    """The people on each list (in population order), the same for the same seed and population."""
    rng = random.Random(f"tergeu-demo-capture-{seed}")
    lists: dict[str, list[SyntheticPerson]] = {key: [] for key in LIST_KEYS}
    for person in people:
        hidden = rng.random() < _hidden_probability(person)
        visibility = rng.gauss(0.0, 1.0)
        probabilities = capture_probabilities(person, visibility)
        for key in LIST_KEYS:
            p = probabilities[key]
            if hidden and not person.security_personnel:
                p = min(p, _HIDDEN_CAPTURE[key])
            if rng.random() < p:
                lists[key].append(person)
    return lists
