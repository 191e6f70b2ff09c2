"""The ``oasis`` population: who died in January 2022, where, when, and how visible each death was.

Deaths come in households: most alone, some with a brother (same family name and father), a father
with his son (the son's patronymic is the father's given name), or a husband with his wife. Each person
has a ``visibility`` (how much their death was talked about: a latent normal score) that every list's
coverage depends on, so the lists' captures are heterogeneous in the same direction.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators.oasis_names import Drawer, community, family_name, feminine, given_name, russified

# settlement (Russian), region as lists write it (January 2022), Kazakh and English names, share of deaths
PLACES = (
    ("Алматы", "г. Алматы", "Алматы", "Almaty", 0.60),
    ("Талдыкорган", "Алматинская область", "Талдықорған", "Taldykorgan", 0.06),
    ("Талгар", "Алматинская область", "Талғар", "Talgar", 0.04),
    ("Каскелен", "Алматинская область", "Қаскелең", "Kaskelen", 0.03),
    ("Есик", "Алматинская область", "Есік", "Esik", 0.01),
    ("Тараз", "Жамбылская область", "Тараз", "Taraz", 0.07),
    ("Шымкент", "г. Шымкент", "Шымкент", "Shymkent", 0.05),
    ("Кызылорда", "Кызылординская область", "Қызылорда", "Kyzylorda", 0.05),
    ("Актобе", "Актюбинская область", "Ақтөбе", "Aktobe", 0.04),
    ("Жанаозен", "Мангистауская область", "Жаңаөзен", "Zhanaozen", 0.03),
    ("Актау", "Мангистауская область", "Ақтау", "Aktau", 0.02),
)
REGION_KK = {"г. Алматы": "Алматы қ.", "Алматинская область": "Алматы облысы", "Жамбылская область": "Жамбыл облысы",
             "г. Шымкент": "Шымкент қ.", "Кызылординская область": "Қызылорда облысы",
             "Актюбинская область": "Ақтөбе облысы", "Мангистауская область": "Маңғыстау облысы"}
ALMATY_DISTRICTS = ("Алмалинский", "Бостандыкский", "Медеуский", "Ауэзовский", "Жетысуский", "Турксибский",
                    "Алатауский", "Наурызбайский")
_DISTRICT_WEIGHTS = (30, 14, 16, 12, 8, 6, 9, 5)
# day of death in January 2022 and its share; the tail are those who died of their wounds in hospital
_DEATH_DAYS = ((4, 4), (5, 26), (6, 30), (7, 17), (8, 8), (9, 4), (10, 2), (11, 2))
_HOSPITAL_TAIL = 0.07


@dataclass
class Person:
    truth: TruePerson
    community: str
    kazakh_documents: bool  # documents keep Kazakh letters (otherwise the russified form)
    district: str  # Almaty district of death, "" elsewhere
    visibility: float
    iin: str
    in_hospital: bool  # died in hospital of wounds, days after
    household: int  # people who died together share it
    role: str  # "", "brother", "son", "father", "wife"
    kazakh: tuple[str, str, str]  # family, given and father's name in their Kazakh spelling


def iin_check(first11: str) -> int | None:
    """The IIN check digit (weights 1..11, then 3..11,1,2 if the first gives 10); None when none exists."""
    digits = [int(c) for c in first11]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def make_iin(born: dt.date, sex: str, rng: random.Random) -> str:
    century = 3 if born.year < 2000 else 5
    code = century + (1 if sex == "F" else 0)
    while True:
        first = f"{born:%y%m%d}{code}{rng.randrange(10000):04d}"
        check = iin_check(first)
        if check is not None:
            return first + str(check)


def _age(rng: random.Random, sex: str, role: str) -> int:
    if role == "father":
        return rng.randint(42, 68)
    if role == "son":
        return rng.randint(17, 34)
    roll = rng.random()
    if roll < 0.04:
        return rng.randint(3, 17)
    if roll < 0.46:
        return rng.randint(18, 29)
    if roll < 0.80:
        return rng.randint(30, 44)
    if roll < 0.97:
        return rng.randint(45, 64)
    return rng.randint(65, 84)


def _death_day(rng: random.Random) -> tuple[dt.date, bool]:
    if rng.random() < _HOSPITAL_TAIL:
        return dt.date(2022, 1, rng.randint(9, 31)), True
    day = rng.choices([d for d, _ in _DEATH_DAYS], weights=[w for _, w in _DEATH_DAYS])[0]
    return dt.date(2022, 1, day), False


class Population:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drawer = Drawer(rng)
        self.people: list[Person] = []

    def build(self, count: int) -> list[Person]:
        household = 0
        while len(self.people) < count:
            household += 1
            self._household(household, count - len(self.people))
        return self.people

    def _household(self, household: int, room: int) -> None:
        rng = self.rng
        who = community(rng)
        family = family_name(self.drawer, who)
        place = rng.choices(PLACES, weights=[p[4] for p in PLACES])[0]
        died, hospital = _death_day(rng)
        visibility = rng.gauss(0.0, 1.0)
        kazakh_docs = who == "kazakh" and rng.random() < 0.55
        roll = rng.random() if room > 1 else 1.0
        sex = "M" if rng.random() < 0.91 else "F"
        if roll < 0.05:  # brothers
            father = given_name(self.drawer, who, "M")
            for _ in range(2 if rng.random() < 0.85 else 3):
                self._add(who, family, given_name(self.drawer, who, "M"), father, "M", place, died, hospital,
                          visibility, kazakh_docs, household, "brother")
        elif roll < 0.075:  # father and son
            grandfather = given_name(self.drawer, who, "M")
            father = given_name(self.drawer, who, "M")
            self._add(who, family, father, grandfather, "M", place, died, hospital, visibility, kazakh_docs,
                      household, "father")
            self._add(who, family, given_name(self.drawer, who, "M"), father, "M", place, died, hospital,
                      visibility, kazakh_docs, household, "son")
        elif roll < 0.085:  # husband and wife
            self._add(who, family, given_name(self.drawer, who, "M"), given_name(self.drawer, who, "M"), "M",
                      place, died, hospital, visibility, kazakh_docs, household, "")
            self._add(who, feminine(family, who), given_name(self.drawer, who, "F"),
                      given_name(self.drawer, who, "M"), "F", place, died, hospital, visibility, kazakh_docs,
                      household, "wife")
        else:
            self._add(who, family if sex == "M" else feminine(family, who), given_name(self.drawer, who, sex),
                      given_name(self.drawer, who, "M"), sex, place, died, hospital, visibility, kazakh_docs,
                      household, "")

    def _add(self, who: str, family: str, given: str, father: str, sex: str, place: tuple, died: dt.date,
             hospital: bool, visibility: float, kazakh_docs: bool, household: int, role: str) -> None:
        rng = self.rng
        if role == "father" or (role == "brother" and rng.random() < 0.2):
            hospital = hospital and rng.random() < 0.5  # died together, or a brother later of wounds
        age = _age(rng, sex, role)
        born = died - dt.timedelta(days=age * 365 + rng.randrange(365) + age // 4)
        district = ""
        if place[0] == "Алматы":
            district = rng.choices(ALMATY_DISTRICTS, weights=_DISTRICT_WEIGHTS)[0]
        person_id = f"oasis-{len(self.people) + 1:06d}"
        kazakh = (family, given, father)
        if not kazakh_docs:
            family, given, father = russified(family), russified(given), russified(father)
        truth = TruePerson(person_id, family, given, father, sex, born, died, place[0], place[1])
        own = visibility + rng.gauss(0.0, 0.5)  # a household shares much of its visibility
        self.people.append(Person(truth, who, kazakh_docs, district, own, make_iin(born, sex, rng), hospital,
                                  household, role, kazakh))
