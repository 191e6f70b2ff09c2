"""The dead of one ``altai`` event, alone or in households: brothers shot together, a father and son,
a family fired on in their car. Relatives share a family name, a place and a day, which is what makes
them hard to tell apart on lists that give only a surname and initials.
"""

from __future__ import annotations

import datetime as dt
import random

from generators.altai_names import feminine
from generators.altai_people import (
    KINDS,
    Event,
    Victim,
    age_for,
    birth_day,
    community_for,
    death_day,
    family_name,
    father_name,
    given_name,
    home_region,
    make_iin,
)
from generators.altai_script import PLACES

_FEMALE_SHARE = {"street": 0.04, "hospital": 0.06, "custody": 0.04, "unidentified": 0.05, "forces": 0.03,
                 "bystander": 0.35}
_CUSTODY_CITIES = frozenset(("Алматы", "Талдыкорган", "Тараз", "Шымкент"))


def population(rng: random.Random, event: Event, people: int) -> list[Victim]:
    """Exactly ``people`` victims, households kept together (the last one cut to fit)."""
    victims: list[Victim] = []
    group = 0
    while len(victims) < people:
        pick = rng.random()
        if pick < 0.022:
            unit = _brothers(rng, event)
        elif pick < 0.031:
            unit = _father_and_son(rng, event)
        elif pick < 0.04:
            unit = _car(rng, event)
        else:
            unit = [_single(rng, event)]
        unit = unit[:people - len(victims)]
        if len(unit) > 1:
            group += 1
        for member in unit:
            member.group = group if len(unit) > 1 else 0
            member.person_id = f"altai-{len(victims) + 1:06d}"
            victims.append(member)
    return victims


def _place_and_kind(rng: random.Random, event: Event) -> tuple[int, str]:
    """Where and how: deaths in custody only where many were detained."""
    place = rng.choices(range(len(PLACES)), event.place_weights)[0]
    weights = list(event.kind_weights)
    if PLACES[place][0] not in _CUSTODY_CITIES:
        weights[KINDS.index("custody")] *= 0.2
    return place, rng.choices(KINDS, weights)[0]


def _person(rng: random.Random, *, place: int, kind: str, community: str, sex: str, age: int,
            days: tuple[dt.date, dt.date], father: str, family: str, home: str) -> Victim:
    """One victim with everything that follows from who they were: birth, IIN, papers, burial."""
    wounded, died = days
    born = birth_day(rng, died, age)
    found = died + dt.timedelta(days=rng.randrange(2, 11)) if kind == "unidentified" else died
    delay = rng.choices((1, 2, 3, 4, 5), (45, 28, 15, 8, 4))[0]
    if community not in ("kz", "uz", "ug", "tt", "kg"):
        delay += 1
    if kind == "custody":
        delay += rng.randrange(1, 4)
    young = born.year >= 1995
    doc_kz = community == "kz" and rng.random() < (0.6 if young else 0.2)
    given = given_name(rng, community, sex)
    return Victim(
        person_id="", community=community, sex=sex, given=given,
        family=family if sex == "M" else feminine(family), maiden="", father=father, born=born, wounded=wounded,
        died=died,
        found=found, buried=found + dt.timedelta(days=min(delay, 6)), place=place, home=home, kind=kind,
        iin="" if community == "kg" else make_iin(rng, born, sex), doc_kz=doc_kz,
        kz_patronymic=doc_kz and rng.random() < 0.6, group=0)


def _married(rng: random.Random, woman: Victim, husband_family: str | None = None) -> None:
    """A married woman carries her husband's family name; her maiden name is her father's."""
    woman.maiden = woman.family
    masculine = husband_family or family_name(rng, woman.community, father_name(rng, woman.community))
    woman.family = feminine(masculine)


def _single(rng: random.Random, event: Event) -> Victim:
    place, kind = _place_and_kind(rng, event)
    region = PLACES[place][3]
    community = community_for(rng, kind, region)
    sex = "F" if rng.random() < _FEMALE_SHARE[kind] else "M"
    father = father_name(rng, community) if rng.random() < 0.97 else ""
    family = family_name(rng, community, father or father_name(rng, community))
    victim = _person(rng, place=place, kind=kind, community=community, sex=sex, age=age_for(rng, kind, sex),
                     days=death_day(rng, kind), father=father, family=family,
                     home=home_region(rng, place, kind))
    if sex == "F" and victim.died.year - victim.born.year > 22 and community != "kg" and rng.random() < 0.75:
        _married(rng, victim)
    return victim


def _brothers(rng: random.Random, event: Event) -> list[Victim]:
    """Two or three brothers: one father, one family name, one street and day (one may die later)."""
    place, _ = _place_and_kind(rng, event)
    kind = rng.choice(("street", "street", "bystander", "unidentified"))
    community = community_for(rng, kind, PLACES[place][3])
    father = father_name(rng, community)
    family = family_name(rng, community, father)
    home = home_region(rng, place, kind)
    wounded, died = death_day(rng, kind)
    first_age = age_for(rng, kind, "M")
    brothers = []
    for index in range(3 if rng.random() < 0.15 else 2):
        late = index > 0 and rng.random() < 0.25
        day = died + dt.timedelta(days=rng.randrange(1, 12)) if late else died
        age = max(15, first_age + rng.choice((-1, 1)) * rng.randrange(1, 9) * (index > 0))
        brothers.append(_person(rng, place=place, kind="hospital" if late else kind, community=community,
                                sex="M", age=age, days=(wounded, day), father=father, family=family,
                                home=home))
    return brothers


def _father_and_son(rng: random.Random, event: Event) -> list[Victim]:
    place, _ = _place_and_kind(rng, event)
    kind = rng.choice(("street", "bystander"))
    community = community_for(rng, kind, PLACES[place][3])
    grandfather = father_name(rng, community)
    family = family_name(rng, community, grandfather)
    home = home_region(rng, place, kind)
    days = death_day(rng, kind)
    age = rng.randrange(42, 63)
    father = _person(rng, place=place, kind=kind, community=community, sex="M", age=age, days=days,
                     father=grandfather, family=family, home=home)
    son = _person(rng, place=place, kind=kind, community=community, sex="M", age=max(15, age - rng.randrange(20, 31)),
                  days=days, father=father.given, family=family, home=home)
    return [father, son]


def _car(rng: random.Random, event: Event) -> list[Victim]:
    """A family fired on in their car: husband, wife, and children with their father's name."""
    place, _ = _place_and_kind(rng, event)
    community = community_for(rng, "bystander", PLACES[place][3])
    home = home_region(rng, place, "bystander")
    days = death_day(rng, "bystander")
    family = family_name(rng, community, father_name(rng, community))
    age = rng.randrange(28, 51)
    husband = _person(rng, place=place, kind="bystander", community=community, sex="M", age=age, days=days,
                      father=father_name(rng, community), family=family, home=home)
    wife_father = father_name(rng, community)
    wife = _person(rng, place=place, kind="bystander", community=community, sex="F",
                   age=max(20, age - rng.randrange(0, 9)), days=days, father=wife_father,
                   family=family_name(rng, community, wife_father), home=home)
    _married(rng, wife, family)
    household = [husband, wife]
    for _ in range(rng.choice((0, 1, 1, 2))):
        sex = rng.choice("MF")
        household.append(_person(rng, place=place, kind="bystander", community=community, sex=sex,
                                 age=rng.randrange(2, 15), days=days, father=husband.given, family=family,
                                 home=home))
    return household
