"""Who died, where, when and how, for ``aral``: households, events, names and the hidden trait.

The dead come in households: most alone, some with a brother, a father or son, a wife, a child or a
cousin (families shot together in a car, brothers at the same square). A household shares the city,
mostly the day, the kind of death and one unobserved trait, ``voice``: whether the family went public
(interviews, petitions, the memorial site) or kept silent, left the body unclaimed, was pressed to
stay quiet. Lists see that trait only through who is on them (``aral_capture``).

Kinds of death: ``street`` (shot at a square or a street), ``bystander`` (passers-by, people in cars,
children at windows), ``wounds`` (wounded on the 5th-7th, died in hospital days or weeks later),
``custody`` (died in detention after the 7th) and ``forces`` (police, National Guard, soldiers).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TypeVar

from generators import aral_names as names
from generators.aral_script import feminine, patronymic_ru, russify, surname, uly

T = TypeVar("T")


@dataclass(frozen=True)
class City:
    place: str  # Russian, as Russian-language lists write it
    region: str
    place_kk: str
    region_kk: str
    weight: float
    days: tuple[tuple[int, float], ...]  # (day of January, weight)
    communities: tuple[tuple[str, float], ...]


_SOUTH = (("kz", 70), ("uz", 20), ("ru", 5), ("tt", 2), ("ko", 1), ("ug", 1), ("de", 1))
_ALMATY_OBL = (("kz", 78), ("ru", 10), ("ug", 6), ("ko", 2), ("tt", 2), ("de", 2))
CITIES = {
    "almaty": City("Алматы", "г. Алматы", "Алматы", "Алматы қаласы", 58,
                   ((4, 3), (5, 40), (6, 35), (7, 12), (8, 5), (9, 3), (10, 1), (11, 1)),
                   (("kz", 68), ("ru", 12), ("ug", 6), ("tt", 4), ("ko", 4), ("uz", 3), ("de", 3))),
    "taldykorgan": City("Талдыкорган", "Алматинская область", "Талдықорған", "Алматы облысы", 9,
                        ((5, 60), (6, 30), (7, 10)), _ALMATY_OBL),
    "taraz": City("Тараз", "Жамбылская область", "Тараз", "Жамбыл облысы", 8, ((5, 45), (6, 40), (7, 15)),
                  (("kz", 80), ("ru", 8), ("uz", 3), ("de", 3), ("ko", 2), ("tt", 2), ("ug", 2))),
    "shymkent": City("Шымкент", "г. Шымкент", "Шымкент", "Шымкент қаласы", 8, ((5, 30), (6, 40), (7, 30)),
                     _SOUTH),
    "kyzylorda": City("Кызылорда", "Кызылординская область", "Қызылорда", "Қызылорда облысы", 5,
                      ((5, 60), (6, 40)), (("kz", 95), ("ru", 2), ("ko", 2), ("tt", 1))),
    "aktobe": City("Актобе", "Актюбинская область", "Ақтөбе", "Ақтөбе облысы", 4, ((4, 20), (5, 50), (6, 30)),
                   (("kz", 85), ("ru", 8), ("tt", 3), ("de", 4))),
    "zhanaozen": City("Жанаозен", "Мангистауская область", "Жаңаөзен", "Маңғыстау облысы", 2,
                      ((4, 40), (5, 40), (6, 20)), (("kz", 99), ("ru", 1))),
    "talgar": City("Талгар", "Алматинская область", "Талғар", "Алматы облысы", 2.5, ((5, 55), (6, 45)), _ALMATY_OBL),
    "kaskelen": City("Каскелен", "Алматинская область", "Қаскелең", "Алматы облысы", 2, ((5, 50), (6, 50)),
                     _ALMATY_OBL),
    "esik": City("Есик", "Алматинская область", "Есік", "Алматы облысы", 1.5, ((5, 60), (6, 40)), _ALMATY_OBL),
}
KINDS = (("street", 45), ("bystander", 18), ("wounds", 17), ("custody", 8), ("forces", 12))
MALE_SHARE = {"street": 0.94, "bystander": 0.72, "wounds": 0.88, "custody": 0.97, "forces": 0.98}
# (relation, weight) of the households that lose more than one member
HOUSEHOLDS = (("brothers", 32), ("father_son", 18), ("spouses", 20), ("mother_child", 12), ("cousins", 18))


@dataclass(slots=True)
class Person:
    pid: str
    community: str  # kz ru uz ug tt ko de
    sex: str
    born: dt.date
    died: dt.date
    injured: dt.date  # the day of the wound or arrest; == died for those who died at once
    kind: str
    city: str
    household: int
    voice: float  # the household's unobserved trait
    given: str  # Kazakh letters for Kazakhs; Russian spelling (with ё) for others
    family: str  # the family name as the documents' base form (Kazakh letters for Kazakhs)
    father: str
    father_stem: str  # the stem a Russian patronymic takes ("" = formed by rule)
    uly_family: bool  # the family name is the father's name + ұлы/қызы (no patronymic written)
    doc_kazakh: bool  # the passport spells Kazakh letters (else russified)
    maiden: str  # a married woman's family name before marriage, "" otherwise
    home: str  # home village or town, in Kazakh, for the memorial site
    iin: str

    @property
    def age(self) -> int:
        return self.age_on(self.died)

    def age_on(self, day: dt.date) -> int:
        return day.year - self.born.year - ((day.month, day.day) < (self.born.month, self.born.day))

    def doc(self, word: str) -> str:
        """A name as the passport spells it."""
        return word if self.doc_kazakh or self.community != "kz" else russify(word)

    def patronymic_ru(self) -> str:
        if self.uly_family or not self.father:
            return ""
        return patronymic_ru(russify(self.father), self.sex, self.father_stem)

    def patronymic_kk(self) -> str:
        if self.uly_family or not self.father:
            return ""
        return uly(self.father, self.sex) if self.community == "kz" else self.patronymic_ru()


def weighted(rng: random.Random, pairs: tuple[tuple[T, float], ...]) -> T:
    """One value of (value, weight) pairs, in proportion to the weights."""
    total = sum(w for _, w in pairs)
    point = rng.random() * total
    for value, w in pairs:
        point -= w
        if point < 0:
            return value
    return pairs[-1][0]


def kazakh_family(rng: random.Random) -> str:
    """A forefather's name whose surname is not a public figure's."""
    while True:
        base = names.KZ_FOREFATHERS.draw(rng)
        if rng.random() < 0.35:  # the long tail: a compound name (Есенбай, Нұрғали)
            first, second = rng.choice(names.KZ_FIRST), rng.choice(names.KZ_SECOND)
            base = first + second if first.lower() != second else base
        if not names.is_famous(russify(surname(base, "M"))):
            return base


def family_base(rng: random.Random, community: str) -> str:
    """The masculine family name of a new family line (a forefather's name for Kazakhs)."""
    table = {"ru": names.RU_FAMILY, "uz": names.UZ_FAMILY, "ug": names.UG_FAMILY, "tt": names.TT_FAMILY,
             "ko": names.KO_FAMILY, "de": names.DE_FAMILY}.get(community)
    if table is None:
        return kazakh_family(rng)
    while True:
        family = table.draw(rng)
        if not names.is_famous(family):
            return family


def given_name(rng: random.Random, community: str, sex: str, born: int) -> str:
    young = born >= 1980
    if community == "kz":
        if sex == "M":
            return (names.KZ_MALE_YOUNG if young else names.KZ_MALE_OLD).draw(rng)
        return (names.KZ_FEMALE_YOUNG if young else names.KZ_FEMALE_OLD).draw(rng)
    male, female = {"uz": (names.UZ_MALE, names.UZ_FEMALE), "ug": (names.UG_MALE, names.UG_FEMALE),
                    "tt": (names.TT_MALE, names.TT_FEMALE), "de": (names.DE_MALE, names.DE_FEMALE)}.get(
        community, (names.RU_MALE, names.RU_FEMALE))
    return (male if sex == "M" else female).draw(rng)


def father_name(rng: random.Random, community: str) -> tuple[str, str]:
    """A father's given name and the stem its Russian patronymic takes ("" when formed by rule)."""
    if community == "kz":
        return names.KZ_MALE_OLD.draw(rng), ""
    if community in ("ru", "ko"):
        name, _, stem = names.RU_FATHERS.draw(rng).partition(":")
        return name, stem
    return given_name(rng, community, "M", 1960), ""


def family_form(base: str, community: str, sex: str) -> str:
    """The family name a person of that sex bears: Серіков/Серікова from Серік, Иванова, Ким for both."""
    if community == "kz":
        return surname(base, sex)
    return feminine(base) if sex == "F" else base


def check_digit(first11: str) -> int | None:
    """The IIN's check digit (weights 1..11, then 3..11,1,2 when the first sum gives 10)."""
    digits = [int(d) for d in first11]
    total = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return None if total == 10 else total


def make_iin(rng: random.Random, born: dt.date, sex: str) -> str:
    century = (3 if born.year < 2000 else 5) + (sex == "F")
    while True:
        first = f"{born:%y%m%d}{century}{rng.randrange(10000):04d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)


def home_of(rng: random.Random, city: str) -> str:
    """Where the family lives, as the memorial site writes it: the city itself or a village."""
    here = CITIES[city]
    if city == "almaty":
        region = weighted(rng, (("", 50), ("Алматы облысы", 30), ("Жамбыл облысы", 10), ("Түркістан облысы", 10)))
    else:
        region = weighted(rng, (("", 60), (here.region_kk, 40)))
    if not region or region not in names.DISTRICTS:
        return here.place_kk
    district = rng.choice(names.DISTRICTS[region])
    return f"{region}, {district}, {names.VILLAGES.draw(rng)} ауылы"
