"""A synthetic population of people killed in January 2022, shaped like the real one but invented.

Record linkage and capture-recapture estimation can only be tested against a known truth, and the
real victims' names must never be used. So the demo invents people whose aggregate shape follows the
published facts (docs: scenario-facts.md): 238 dead, Almaty city 139, 19 security personnel, 6 deaths
in custody, about 20 civilians killed in crossfire, mostly young men, deaths 4-11 January with a peak
on 5-7 January. It also plants the cases that make linkage hard: brothers who share a family name,
a father and a place and date of death, and unrelated people with the same common name.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from tergeu.core.names import make_iin
from tergeu.demo.naming import NameDrawer, kazakh_patronymic, russian_patronymic
from tergeu.demo.places import (
    DEFAULT_ETHNIC_MIX,
    ETHNIC_MIX,
    PLACE_BY_RU,
    PLACES,
    SPECIAL_COUNTS_238,
    apportion,
    scaled,
)

CIRCUMSTANCES: tuple[str, ...] = ("gunshot", "crossfire", "custody", "security_personnel", "unknown")
_DEATH_DAYS = {4: 2, 5: 32, 6: 30, 7: 18, 8: 7, 9: 4, 10: 3, 11: 2}
_CUSTODY_DAYS = {6: 1, 7: 2, 8: 3, 9: 3, 10: 3, 11: 2}
_PATRONYMIC_STYLES = {"kazakh": (("russian", 0.55), ("kazakh", 0.30), ("none", 0.15)),
                      "russian": (("russian", 0.95), ("none", 0.05)),
                      "other": (("russian", 0.70), ("none", 0.30))}
_MALE_SHARE = {"security_personnel": 0.97, "custody": 0.95, "crossfire": 0.6}


@dataclass(frozen=True)
class SyntheticPerson:
    """One invented person, in the canonical spelling a careful family member would give."""

    person_id: str
    sex: str
    ethnicity: str
    given: str
    family: str
    father_given: str
    patronymic_style: str
    date_of_birth: dt.date
    iin: str
    date_of_death: dt.date
    place_of_death: str
    region: str
    circumstances: str
    security_personnel: bool

    @property
    def age_at_death(self) -> int:
        """Completed years at death, as lists that give an age compute it."""
        dob, dod = self.date_of_birth, self.date_of_death
        return dod.year - dob.year - ((dod.month, dod.day) < (dob.month, dob.day))

    def patronymic(self) -> str:
        """The patronymic in the person's own style, or "" when they do not use one."""
        if self.patronymic_style == "kazakh":
            return kazakh_patronymic(self.father_given, self.sex)
        if self.patronymic_style == "russian":
            return russian_patronymic(self.father_given, self.sex)
        return ""


def _weighted(rng: random.Random, table: dict[int, int]) -> int:
    return rng.choices(list(table), weights=list(table.values()))[0]


def _allocate(rng: random.Random, size: int) -> list[tuple[str, str]]:
    """(place, circumstances) for every person: fixed special counts by place, the rest gunshot/unknown."""
    counts = apportion([place.count_238 for place in PLACES], size)
    slots = [place.ru for place, count in zip(PLACES, counts, strict=True) for _ in range(count)]
    circumstances: list[str | None] = [None] * size
    for category, by_place in SPECIAL_COUNTS_238.items():
        wanted = apportion(list(by_place.values()), scaled(sum(by_place.values()), size))
        for place, count in zip(by_place, wanted, strict=True):
            free = [i for i, p in enumerate(slots) if p == place and circumstances[i] is None]
            for i in rng.sample(free, min(len(free), count)):
                circumstances[i] = category
    rest = ["gunshot" if rng.random() < 0.85 else "unknown" for _ in range(size)]
    return [(slots[i], circumstances[i] or rest[i]) for i in range(size)]


def _age(rng: random.Random, circumstances: str) -> int:
    """Mostly 18-45; crossfire reaches children and the old, security personnel are of working age."""
    if circumstances == "security_personnel":
        return round(rng.triangular(21, 52, 30))
    if circumstances == "custody":
        return round(rng.triangular(19, 56, 32))
    roll = rng.random()
    if circumstances == "crossfire":
        if roll < 0.12:
            return rng.randint(3, 17)
        return round(rng.triangular(18, 50, 30)) if roll < 0.8 else rng.randint(51, 76)
    if roll < 0.04:
        return rng.randint(15, 17)
    return round(rng.triangular(18, 45, 26)) if roll < 0.9 else rng.randint(46, 70)


def _birth_date(rng: random.Random, age: int, death: dt.date) -> dt.date:
    """A birth date giving exactly ``age`` completed years on ``death``."""
    latest = death.replace(year=death.year - age)
    return latest - dt.timedelta(days=rng.randint(0, 364))


def _death_date(rng: random.Random, place: str, circumstances: str) -> dt.date:
    table = _CUSTODY_DAYS if circumstances == "custody" else _DEATH_DAYS
    day = _weighted(rng, table)
    if day == 4 and place not in ("Алматы", "Шымкент"):  # armed clashes began on 4 Jan only there
        day = 5
    return dt.date(2022, 1, day)


def _ethnicity(rng: random.Random, region: str) -> str:
    russian, other = ETHNIC_MIX.get(region, DEFAULT_ETHNIC_MIX)
    roll = rng.random()
    return "russian" if roll < russian else "other" if roll < russian + other else "kazakh"


def _style(rng: random.Random, ethnicity: str) -> str:
    styles, weights = zip(*_PATRONYMIC_STYLES[ethnicity], strict=True)
    return rng.choices(styles, weights=weights)[0]


def _draft(rng: random.Random, names: NameDrawer, place: str, circumstances: str) -> dict:
    """Everything about one person except identifiers, as a mutable draft."""
    region = PLACE_BY_RU[place].region
    sex = "M" if rng.random() < _MALE_SHARE.get(circumstances, 0.94) else "F"
    ethnicity = _ethnicity(rng, region)
    death = _death_date(rng, place, circumstances)
    return {
        "sex": sex, "ethnicity": ethnicity,
        "given": names.given(ethnicity, sex), "family": names.family(ethnicity, sex),
        "father_given": names.father_given(ethnicity), "patronymic_style": _style(rng, ethnicity),
        "date_of_birth": _birth_date(rng, _age(rng, circumstances), death),
        "date_of_death": death, "place_of_death": place, "region": region,
        "circumstances": circumstances, "security_personnel": circumstances == "security_personnel",
    }


def _pick_pairs(rng: random.Random, drafts: list[dict], count: int,
                same_place: bool) -> list[tuple[int, int]]:
    """Disjoint pairs of male Kazakh civilians (from one place when ``same_place``) for planted cases."""
    civil = ("gunshot", "crossfire", "unknown")
    pool = [i for i, d in enumerate(drafts)
            if d["sex"] == "M" and d["ethnicity"] == "kazakh" and d["circumstances"] in civil
            and not d.get("planted")]
    rng.shuffle(pool)
    pairs: list[tuple[int, int]] = []
    while pool and len(pairs) < count:
        first = pool.pop()
        place = drafts[first]["place_of_death"]
        # the first fitting partner, without listing them all (that made a million people take many minutes)
        second = next((j for j in pool if not same_place or drafts[j]["place_of_death"] == place), None)
        if second is None:
            continue
        pool.remove(second)
        drafts[first]["planted"] = drafts[second]["planted"] = True
        pairs.append((first, second))
    return pairs


def _plant_brothers(rng: random.Random, drafts: list[dict], count: int) -> None:
    """Brothers killed together: same family name, father, place and day; a few years apart."""
    for first, second in _pick_pairs(rng, drafts, count, same_place=True):
        elder, younger = drafts[first], drafts[second]
        for key in ("family", "father_given", "patronymic_style", "date_of_death"):
            younger[key] = elder[key]
        elder_age = max(24, (elder["date_of_death"] - elder["date_of_birth"]).days // 365)
        elder["date_of_birth"] = _birth_date(rng, elder_age, elder["date_of_death"])
        younger["date_of_birth"] = _birth_date(rng, elder_age - rng.randint(2, 8), elder["date_of_death"])


def _plant_namesakes(rng: random.Random, drafts: list[dict], count: int) -> None:
    """Unrelated people with the same given and family name, as common Kazakh names produce."""
    for first, second in _pick_pairs(rng, drafts, count, same_place=False):
        drafts[second]["given"] = drafts[first]["given"]
        drafts[second]["family"] = drafts[first]["family"]


def _iin(rng: random.Random, birth: dt.date, sex: str, used: set[str]) -> str:
    """A valid IIN for this birth date and sex, unique in the population."""
    while True:
        iin = make_iin(birth, sex, rng.randint(0, 9999))
        if iin not in used:
            used.add(iin)
            return iin


def generate_population(seed: int = 2022, size: int = 238) -> list[SyntheticPerson]:
    """Invent ``size`` people killed in January 2022, the same people for the same seed.

    Person ids are assigned in a shuffled order so that P0001 is not always an Almaty death.
    """
    if size < 20:
        raise ValueError("size must be at least 20 to hold the special categories")
    rng = random.Random(seed)
    names = NameDrawer(seed, rng)
    drafts = [_draft(rng, names, place, circ) for place, circ in _allocate(rng, size)]
    _plant_brothers(rng, drafts, max(1, round(3 * size / 238)))
    _plant_namesakes(rng, drafts, max(1, round(4 * size / 238)))
    rng.shuffle(drafts)
    used: set[str] = set()
    people = []
    for number, draft in enumerate(drafts, 1):
        draft.pop("planted", None)
        iin = _iin(rng, draft["date_of_birth"], draft["sex"], used)
        people.append(SyntheticPerson(person_id=f"P{number:04d}", iin=iin, **draft))
    return people
