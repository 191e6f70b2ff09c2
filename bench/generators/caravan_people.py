"""The dead of the ``caravan`` generator, settled before any list is written.

Who they were (people, sex, age, names formed the way their people form them, a married name for some
women, brothers and sisters who died together, a father and son now and then), where and when they
were wounded, and whether they died at once or days later in hospital. Nothing here knows about lists,
so no list's habit can leak into the truth.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import TruePerson
from . import caravan_names as cn

_DAYS_WOUNDED = ((4, 0.04), (5, 0.30), (6, 0.38), (7, 0.18), (8, 0.05), (9, 0.03), (10, 0.02))
_AGE_BANDS = ((18, 24, 0.25), (25, 34, 0.35), (35, 44, 0.22), (45, 54, 0.11), (55, 75, 0.07))


@dataclass
class Dead:
    """One dead person with what lists may know beyond ``TruePerson``."""

    truth: TruePerson
    people: str  # "kz", "ru", ...
    maiden: str  # the family name at birth (== truth.family unless married)
    place: cn.Place
    wounded: dt.date  # == date of death unless the person died later in hospital
    in_hospital: bool
    iin: str
    age: int  # full years at death


def weighted(rng: random.Random, pairs: tuple[tuple[object, float], ...]) -> object:
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


def years_between(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _family_name(people: str, father: str, sex: str, born: dt.date, rng: random.Random) -> str:
    """Kazakhs, Uyghurs and Uzbeks take a family name from an ancestor, since independence often from
    the father himself; the others inherit a fixed family name."""
    _men, _women, elders, families = cn.people_corpus(people)
    if families is not None:
        family = cn.pick(rng, families, 0.5)
        return cn.feminine(family) if sex == "F" else family
    from_father = 0.5 if born.year >= 1992 else 0.2
    ancestor = father if rng.random() < from_father else cn.pick(rng, elders, 0.5)
    return cn.family_from(ancestor, sex)


def _married_name(dead_people: str, rng: random.Random) -> str:
    """A husband's family name, mostly of the woman's own people."""
    people = dead_people if rng.random() < 0.85 else str(weighted(rng, cn.PEOPLES))
    _men, _women, elders, families = cn.people_corpus(people)
    if families is not None:
        return cn.feminine(cn.pick(rng, families, 0.5))
    return cn.family_from(cn.pick(rng, elders, 0.5), "F")


def _birth_and_death(sex: str, rng: random.Random) -> tuple[dt.date, dt.date, dt.date, bool]:
    """(born, wounded, died, died in hospital): mostly young men; one in eight died days later."""
    wounded = dt.date(2022, 1, int(weighted(rng, _DAYS_WOUNDED)))
    if rng.random() < 0.03:
        low, high = 4, 17
    else:
        low, high, _w = rng.choices(_AGE_BANDS, [w for *_r, w in _AGE_BANDS])[0]
        if sex == "F":
            low, high = low + 3, high + 5
    in_hospital = rng.random() < 0.12
    died = wounded + dt.timedelta(days=min(int(rng.expovariate(1 / 5)) + 1, 40)) if in_hospital else wounded
    born = died - dt.timedelta(days=rng.randint(low, high) * 365 + rng.randrange(365))
    return born, wounded, died, in_hospital


def _person(number: int, rng: random.Random, kin: Dead | None = None, father_of: Dead | None = None) -> Dead:
    """A new dead person; ``kin`` makes a brother or sister (same father, family, place, near in age),
    ``father_of`` the father of that person."""
    base = kin or father_of
    people = base.people if base else str(weighted(rng, cn.PEOPLES))
    men, women, elders, _families = cn.people_corpus(people)
    sex = "M" if rng.random() < (0.8 if kin else 0.86) or father_of else "F"
    born, wounded, died, in_hospital = _birth_and_death(sex, rng)
    if kin:
        gap = dt.timedelta(days=rng.randint(300, 3500))
        younger = kin.truth.date_of_birth + gap
        born = younger if rng.random() < 0.5 and younger < kin.truth.date_of_death - gap else \
            kin.truth.date_of_birth - gap  # never born after the family's deaths
        if rng.random() < 0.8:  # shot together; otherwise wounded on another day of the same week
            wounded, died, in_hospital = kin.wounded, kin.truth.date_of_death, kin.in_hospital
    if father_of:
        born = father_of.truth.date_of_birth - dt.timedelta(days=rng.randint(20, 35) * 365)
        wounded = died = father_of.wounded
        in_hospital = False
    given = father_of.truth.father_given if father_of else cn.pick(rng, men if sex == "M" else women)
    if father_of:
        father = cn.pick(rng, elders)
        maiden = _father_family(father_of, people, father, born, rng)
    elif kin:
        father = kin.truth.father_given
        maiden = kin.maiden if kin.truth.sex == sex else _other_sex(kin.maiden, sex)
    else:
        father = cn.pick(rng, elders)
        maiden = _family_name(people, father, sex, born, rng)
    married = sex == "F" and years_between(born, died) >= 22 and rng.random() < 0.65
    family = _married_name(people, rng) if married else maiden
    place = base.place if base else rng.choices(cn.PLACES, [p.weight for p in cn.PLACES])[0]
    truth = TruePerson(f"c{number:06d}", family, given, father, sex, born, died, place.ru, place.region)
    return Dead(truth, people, maiden, place, wounded, in_hospital and died > wounded,
                cn.make_iin(born, sex, rng), years_between(born, died))


def _father_family(son: Dead, people: str, father: str, born: dt.date, rng: random.Random) -> str:
    """The son's family name when it is the family's; a new one when it was formed from this father."""
    if son.maiden == cn.family_from(son.truth.father_given, son.truth.sex):
        return _family_name(people, father, "M", born, rng)
    return _other_sex(son.maiden, "M")


def _other_sex(family: str, sex: str) -> str:
    if sex == "F":
        return cn.feminine(family)
    return family[:-1] if family.endswith(("ова", "ева", "ина", "ына")) else family


def the_dead(count: int, rng: random.Random) -> list[Dead]:
    """``count`` dead: about 3% have a brother or sister among the dead, a few a father."""
    dead: list[Dead] = []
    while len(dead) < count:
        person = _person(len(dead) + 1, rng)
        dead.append(person)
        if rng.random() < 0.03:
            for _ in range(1 if rng.random() < 0.85 else 2):
                dead.append(_person(len(dead) + 1, rng, kin=person))
        elif rng.random() < 0.004 and person.age < 40:
            dead.append(_person(len(dead) + 1, rng, father_of=person))
    return dead[:count]
