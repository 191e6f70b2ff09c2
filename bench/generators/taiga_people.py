"""Who died in ``taiga``: people, households dying together, places, dates, IINs and a latent visibility.

Everything a list may later say about a person is decided here once, so the lists differ only in what
they choose to show and how they spell it. Kazakh names are held in Kazakh spelling; whether a
person's documents kept the Kazakh letters is a fact about the person (younger people more often).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators.taiga_names import (
    draw_community,
    draw_family,
    draw_given,
    family_name,
    russify,
)

# (region as Russian lists write it, its Kazakh name, settlements as (Russian, Kazakh, Latin), weight)
REGIONS = (
    ("г. Алматы", "Алматы қаласы", (("Алматы", "Алматы", "Almaty"),), 0.54),
    ("Алматинская область", "Алматы облысы", (("Талдыкорган", "Талдықорған", "Taldykorgan"),
                                              ("Каскелен", "Қаскелең", "Kaskelen"), ("Есик", "Есік", "Yesik"),
                                              ("Талгар", "Талғар", "Talgar"), ("Капшагай", "Қапшағай", "Kapshagay")),
     0.14),
    ("Жамбылская область", "Жамбыл облысы", (("Тараз", "Тараз", "Taraz"), ("Шу", "Шу", "Shu")), 0.08),
    ("г. Шымкент", "Шымкент қаласы", (("Шымкент", "Шымкент", "Shymkent"),), 0.04),
    ("Кызылординская область", "Қызылорда облысы", (("Кызылорда", "Қызылорда", "Kyzylorda"),), 0.04),
    ("Мангистауская область", "Маңғыстау облысы", (("Актау", "Ақтау", "Aktau"),
                                                   ("Жанаозен", "Жаңаөзен", "Zhanaozen")), 0.04),
    ("Актюбинская область", "Ақтөбе облысы", (("Актобе", "Ақтөбе", "Aktobe"),), 0.03),
    ("Туркестанская область", "Түркістан облысы", (("Туркестан", "Түркістан", "Turkestan"),
                                                   ("Кентау", "Кентау", "Kentau")), 0.03),
    ("Атырауская область", "Атырау облысы", (("Атырау", "Атырау", "Atyrau"),), 0.03),
    ("Карагандинская область", "Қарағанды облысы", (("Караганда", "Қарағанды", "Karaganda"),), 0.03),
)
# January 2022: most deaths on the 5th and 6th; a few died later in hospital (up to February).
DEATH_DAYS = ((4, 0.05), (5, 0.44), (6, 0.30), (7, 0.10), (8, 0.05))
HOSPITAL_SHARE = 0.06


@dataclass
class Victim:
    """One dead person with everything the lists may draw on (native spellings, visibility, household)."""

    pid: str
    community: str
    sex: str
    given: str  # native spelling (Kazakh letters for Kazakhs)
    father: str
    family: str  # the family name the documents carry, native spelling
    other_family: str  # a maiden (or married) name relatives may use instead, "" when none
    doc_kazakh: bool  # documents keep the Kazakh letters (Серікова) rather than russify (Серикова)
    born: dt.date
    died: dt.date
    in_hospital: bool
    region: int  # index into REGIONS
    place: int  # index into that region's settlements
    iin: str
    visibility: float
    household: int

    def doc(self, word: str) -> str:
        """A word as the person's documents spell it."""
        return word if self.doc_kazakh else russify(word)

    def truth(self) -> TruePerson:
        region = REGIONS[self.region]
        return TruePerson(self.pid, self.doc(self.family), self.doc(self.given), self.doc(self.father), self.sex,
                          self.born, self.died, region[2][self.place][0], region[0])

    def age(self) -> int:
        years = self.died.year - self.born.year
        return years - ((self.died.month, self.died.day) < (self.born.month, self.born.day))


def iin_check_digit(first11: str) -> int | None:
    """The IIN's twelfth digit: weights 1..11 mod 11; if that gives 10, weights 3..11,1,2; None if 10 again."""
    digits = [int(ch) for ch in first11]
    total = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return None if total == 10 else total


def make_iin(rng: random.Random, born: dt.date, sex: str) -> str:
    """A valid IIN: birth date, century and sex digit, a serial, the check digit (a serial giving none is redrawn)."""
    century = {18: 1, 19: 3, 20: 5}[born.year // 100] + (sex == "F")
    while True:
        first = f"{born:%y%m%d}{century}{rng.randrange(10000):04d}"
        check = iin_check_digit(first)
        if check is not None:
            return first + str(check)


def _death_day(rng: random.Random) -> tuple[dt.date, bool]:
    if rng.random() < HOSPITAL_SHARE:
        return dt.date(2022, 1, 8) + dt.timedelta(days=1 + int(rng.expovariate(1 / 7)) % 35), True
    day = rng.choices([d for d, _ in DEATH_DAYS], weights=[w for _, w in DEATH_DAYS])[0]
    return dt.date(2022, 1, day), False


def _born(rng: random.Random, died: dt.date, age: int) -> dt.date:
    return died - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))


def _adult_age(rng: random.Random, sex: str) -> int:
    if sex == "M":
        if rng.random() < 0.03:
            return rng.randint(4, 17)
        return min(78, 18 + int(rng.gammavariate(2.0, 8.0)))
    return rng.randint(19, 66)


class Population:
    """Builds victims household by household with one random stream, so a seed fixes everything."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.victims: list[Victim] = []
        self.households = 0

    def person(self, community: str, sex: str, age: int, family: str, father: str, where: tuple[int, int],
               died: tuple[dt.date, bool], other_family: str = "") -> Victim:
        rng = self.rng
        given = draw_given(rng, community, sex)
        born = _born(rng, died[0], age)
        young = born.year >= 1995
        victim = Victim(f"T{len(self.victims) + 1:06d}", community, sex, given, father, family, other_family,
                        community == "kazakh" and rng.random() < (0.45 if young else 0.15), born, died[0], died[1],
                        where[0], where[1], make_iin(rng, born, sex), 0.0, self.households)
        victim.visibility = rng.gauss(0.0, 1.0) + (0.6 if age < 18 or sex == "F" else 0.0)
        self.victims.append(victim)
        return victim

    def _where(self) -> tuple[int, int]:
        index = self.rng.choices(range(len(REGIONS)), weights=[r[3] for r in REGIONS])[0]
        return index, self.rng.randrange(len(REGIONS[index][2]))

    def _woman_names(self, community: str, own_family: str) -> tuple[str, str]:
        """(family on documents, the other name) for a woman: married ones mostly took the husband's."""
        if self.rng.random() < 0.4:
            return own_family, ""
        _, husband = draw_family(self.rng, community if self.rng.random() < 0.85 else "kazakh", "F")
        if community == "kazakh" and self.rng.random() < 0.3:
            return own_family, husband  # kept her own name; relatives may still use the husband's
        return husband, own_family

    def household(self) -> None:
        """One death or several in one family: brothers, a father and son, a husband and wife."""
        rng = self.rng
        self.households += 1
        community = draw_community(rng)
        where, died = self._where(), _death_day(rng)
        elder, _ = draw_family(rng, community, "M")
        father = draw_given(rng, community, "M")
        roll = rng.random()
        if roll < 0.05:  # brothers, born a few years apart, mostly on the same day
            age = min(_adult_age(rng, "M"), 50)
            for _ in range(2 if rng.random() < 0.85 else 3):
                same_day = died if rng.random() < 0.8 else _death_day(rng)
                self.person(community, "M", max(4, age + rng.randint(-7, 7)), family_name(community, elder, "M"),
                            father, where, same_day)
        elif roll < 0.07:  # a father and his son
            dad = self.person(community, "M", rng.randint(44, 66), family_name(community, elder, "M"), father,
                              where, died)
            self.person(community, "M", rng.randint(16, 30), dad.family, dad.given, where, died)
        elif roll < 0.085:  # a husband and wife
            man = self.person(community, "M", rng.randint(25, 60), family_name(community, elder, "M"), father,
                              where, died)
            _, maiden = draw_family(rng, community, "F")
            wife_family = family_name(community, elder, "F")
            self.person(community, "F", max(20, man.age() + rng.randint(-8, 2)), wife_family,
                        draw_given(rng, community, "M"), where, died, maiden)
        else:
            sex = "F" if rng.random() < 0.09 else "M"
            age = _adult_age(rng, sex)
            own = family_name(community, elder, sex)
            family, other = self._woman_names(community, own) if sex == "F" and age > 21 else (own, "")
            self.person(community, sex, age, family, father, where, died, other)


def build_population(rng: random.Random, people: int) -> list[Victim]:
    """Exactly ``people`` victims (the last household is cut short if it would overshoot)."""
    population = Population(rng)
    while len(population.victims) < people:
        population.household()
    return population.victims[:people]
