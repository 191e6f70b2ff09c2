"""The dead of the ``tundra`` set: who they were, where and when they died, and who died beside them.

Each person has a community (Kazakh, Russian, other), a ranked given name, a family name derived from
a forefather, an IIN with a valid check digit, and a latent ``visibility`` (how known the death became)
that every list's coverage leans on. Some die with a relative (brothers, father and son, husband and
wife) on the same day and in the same place, which gives lists near-identical records of two people.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators import tundra_names as names
from generators.tundra_names import family_from, feminine, zipf_weights

# (region as lists write it, places in it, share of the dead)
REGIONS = (
    ("г. Алматы", ("Алматы",), 0.52),
    ("Алматинская область", ("Талдыкорган", "Каскелен", "Есик", "Талгар", "Капшагай"), 0.16),
    ("Жамбылская область", ("Тараз",), 0.07),
    ("г. Шымкент", ("Шымкент",), 0.06),
    ("Мангистауская область", ("Жанаозен", "Актау"), 0.04),
    ("Кызылординская область", ("Кызылорда",), 0.04),
    ("Актюбинская область", ("Актобе",), 0.03),
    ("Восточно-Казахстанская область", ("Усть-Каменогорск", "Семей"), 0.03),
    ("г. Нур-Султан", ("Нур-Султан",), 0.03),
    ("Атырауская область", ("Атырау",), 0.02),
)
# Deaths by day: the 5th and 6th in Almaty dominate; a few die later of wounds or in custody.
DEATH_DAYS = ((4, 0.06), (5, 0.34), (6, 0.27), (7, 0.14), (8, 0.07), (9, 0.04), (10, 0.03), (11, 0.02),
              (13, 0.015), (16, 0.01), (21, 0.008), (27, 0.007))
RELATIONS = ("brother", "father_son", "spouse")


@dataclass
class Person:
    truth: TruePerson
    community: str  # "kaz", "rus", "other"
    iin: str
    visibility: float  # 0..1: how widely the death became known
    household: int  # people who died together share it
    family_style: str  # how the family name was formed ("ov", "ovkaz", "uly", "rus")
    forefather: str  # the stem of the family name ("" for Russian and other families)


class Corpus:
    """Ranked name tables with precomputed cumulative weights (``random.choices`` at 40,000 people)."""

    def __init__(self) -> None:
        def ranked(names: tuple[str, ...], steep: float, flat: float) -> tuple[list[str], list[float]]:
            weights = zipf_weights(len(names), steep, flat)
            total, cumulative = 0.0, []
            for weight in weights:
                total += weight
                cumulative.append(total)
            return list(names), cumulative

        self.tables = {
            ("kaz", "M"): ranked(names.KAZ_MALE + names.KAZ_MALE_TAIL, 1.1, 5),
            ("kaz", "F"): ranked(names.KAZ_FEMALE + names.KAZ_FEMALE_TAIL, 1.0, 4),
            ("rus", "M"): ranked(names.RUS_MALE, 0.9, 2), ("rus", "F"): ranked(names.RUS_FEMALE, 0.9, 2),
            ("other", "M"): ranked(names.OTHER_MALE, 0.8, 1), ("other", "F"): ranked(names.OTHER_FEMALE, 0.8, 1),
            "stems": ranked(names.KAZ_MALE + names.KAZ_OLD_STEMS + names.KAZ_MALE_TAIL, 0.85, 12),
            "rus_family": ranked(names.RUS_FAMILY + names.RUS_FAMILY_TAIL, 0.8, 8),
            "other_family": ranked(names.OTHER_FAMILY, 0.7, 2),
        }

    def pick(self, rng: random.Random, key: object) -> str:
        names, cumulative = self.tables[key]
        return rng.choices(names, cum_weights=cumulative)[0]


def iin_check(first11: str) -> int:
    """The IIN check digit (10 means the number cannot be issued and another serial is drawn)."""
    digits = [int(c) for c in first11]
    total = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return total


def make_iin(born: dt.date, sex: str, rng: random.Random) -> str:
    century = {(19, "M"): "3", (19, "F"): "4", (20, "M"): "5", (20, "F"): "6"}[(born.year // 100, sex)]
    while True:
        first = born.strftime("%y%m%d") + century + f"{rng.randrange(10000):04d}"
        check = iin_check(first)
        if check < 10:
            return first + str(check)


def _age(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.03:
        return rng.randint(4, 16)
    if roll < 0.78:
        return int(rng.triangular(17, 46, 27))
    return rng.randint(46, 71)


def _death(rng: random.Random) -> dt.date:
    days, weights = zip(*DEATH_DAYS, strict=True)
    return dt.date(2022, 1, rng.choices(days, weights=weights)[0])


def _born(age: int, died: dt.date, rng: random.Random) -> dt.date:
    latest = died.replace(year=died.year - age) - dt.timedelta(days=1)
    return latest - dt.timedelta(days=rng.randrange(365))


class Population:
    """Draw people one by one; about one in eight comes with a relative who died alongside."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919 + 17)
        self.corpus = Corpus()
        self.people: list[Person] = []
        regions, self._places, shares = zip(*REGIONS, strict=True)
        self._regions = list(regions)
        self._shares = list(shares)

    def draw(self, count: int) -> list[Person]:
        rng = self.rng
        while len(self.people) < count:
            base = self._new_person(len(self.people))
            self.people.append(base)
            if len(self.people) < count and rng.random() < 0.12:
                self.people.append(self._relative(base, rng.choice(RELATIONS), len(self.people)))
        return self.people

    def _name(self, community: str, sex: str, age: int) -> tuple[str, str, str, str, str]:
        """(family, given, father's given, family style, forefather) for a new person."""
        rng, corpus = self.rng, self.corpus
        given = corpus.pick(rng, (community, sex))
        if community == "rus":
            father = corpus.pick(rng, ("rus", "M"))
            family = corpus.pick(rng, "rus_family")
            return (feminine(family) if sex == "F" else family), given, father, "rus", ""
        if community == "other":
            father = corpus.pick(rng, ("other", "M"))
            family = corpus.pick(rng, "other_family")
            return (feminine(family) if sex == "F" else family), given, father, "rus", ""
        father = corpus.pick(rng, ("kaz", "M"))
        roll = rng.random()
        if age < 25 and roll < 0.08:  # the young named after the father, in the Kazakh form
            return family_from(father, sex, "uly"), given, father, "uly", father
        forefather = father if roll < 0.22 else corpus.pick(rng, "stems")
        style = "ovkaz" if rng.random() < 0.3 else "ov"
        return family_from(forefather, sex, style), given, father, style, forefather

    def _new_person(self, index: int) -> Person:
        rng = self.rng
        roll = rng.random()
        community = "kaz" if roll < 0.78 else "rus" if roll < 0.91 else "other"
        sex = "M" if rng.random() < 0.86 else "F"
        age = _age(rng)
        died = _death(rng)
        family, given, father, style, forefather = self._name(community, sex, age)
        region_at = rng.choices(range(len(self._regions)), weights=self._shares)[0]
        place = rng.choice(self._places[region_at])
        return self._make(index, community, sex, family, given, father, _born(age, died, rng), died,
                          place, self._regions[region_at], style, forefather, household=index)

    def _make(self, index: int, community: str, sex: str, family: str, given: str, father: str, born: dt.date,
              died: dt.date, place: str, region: str, style: str, forefather: str, household: int) -> Person:
        truth = TruePerson(f"t{index:06d}", family, given, father, sex, born, died, place, region)
        visibility = self.rng.betavariate(2.2, 1.6)
        return Person(truth, community, make_iin(born, sex, self.rng), visibility, household, style, forefather)

    def _relative(self, base: Person, relation: str, index: int) -> Person:
        """Someone who died with ``base``: a brother, a son (or father), or a spouse."""
        rng, corpus, t = self.rng, self.corpus, base.truth
        age = (t.date_of_death - t.date_of_birth).days // 365
        if relation == "spouse":
            sex = "F" if t.sex == "M" else "M"
            given = corpus.pick(rng, (base.community, sex))
            father = corpus.pick(rng, (base.community, "M"))
            family = feminine(t.family) if sex == "F" else t.family.removesuffix("а")
            if base.family_style == "uly":
                family = family_from(father, sex, "uly")
            age = max(18, age + rng.randint(-6, 6))
        elif relation == "brother":
            sex, father, family = "M", t.father_given, t.family if t.sex == "M" else t.family.removesuffix("а")
            given = corpus.pick(rng, (base.community, "M"))
            if base.family_style == "uly":
                family = t.family if t.sex == "M" else family_from(t.father_given, "M", "uly")
            age = max(12, age + rng.choice((-9, -5, -3, -2, 2, 3, 5, 8)))
        else:  # father and son: the son's patronymic is the father's given name
            sex, given = "M", corpus.pick(rng, (base.community, "M"))
            if age >= 40 and t.sex == "M":
                father, family, age = t.given, t.family, rng.randint(16, age - 20)
                if base.family_style == "uly":
                    family = family_from(t.given, "M", "uly")
            else:
                father = corpus.pick(rng, (base.community, "M"))
                family = t.family.removesuffix("а") if base.family_style != "uly" else family_from(father, "M", "uly")
                given, age = t.father_given or given, age + rng.randint(21, 32)
        if given == t.given and t.sex == sex:
            given = corpus.pick(rng, (base.community, sex))
        born = _born(age, t.date_of_death, rng)
        return self._make(index, base.community, sex, family, given, father, born, t.date_of_death, t.place,
                          t.region, base.family_style, base.forefather, household=base.household)
