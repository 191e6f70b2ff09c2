"""Households and incidents for ``zhaiyk``: who died together, where, when and how.

Relatives dying together are what makes linkage hard beyond namesakes: brothers share a family
name, a father's name, a place and a day, and twins a birthday too; a son of Ерлан Серікұлы is
Нұрлан Ерланұлы; a wife's documents bear her husband's name while her parents' petition gives her
maiden one. So households are drawn first and people fill them.
"""

from __future__ import annotations

import datetime as dt
import random

from generators.zhaiyk_names import ALIKE_PAIRS, kazakh_patronymic
from generators.zhaiyk_people import (
    COMMUNITIES,
    DAYS,
    HOUSEHOLD_SHAPES,
    KINDS,
    PLACES,
    Dead,
    Tables,
    draw_birth,
    new_person,
    pick,
)


def _marry(wife: Dead, husband: Dead) -> None:
    """A wife's documents bear her husband's family name (feminine form); her own becomes a maiden name."""
    if husband.family_kind == "father" or husband.community != wife.community:
        return
    wife.maiden = wife.family
    wife.family = husband.family + ("а" if husband.family.endswith(("ов", "ев", "ин")) else "")
    wife.family_kind = husband.family_kind


def _son_of(rng: random.Random, tables: Tables, pid: str, father: Dead, born: dt.date) -> Dead:
    """A son bears his father's family name, or the father's given name as Ерланұлы when the father's is one."""
    son = new_person(rng, tables, pid, father.community, "M", born)
    son.father = father.given
    son.family_kind = father.family_kind
    son.family = kazakh_patronymic(father.given, "M") if father.family_kind == "father" else father.family
    return son


def _brother_of(rng: random.Random, tables: Tables, pid: str, first: Dead) -> Dead:
    """A brother: same father and family name; twins share a birthday, some have alike names (Ерлан/Ержан)."""
    twin = rng.random() < 0.12
    shift = dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(300, 3000))
    born = first.born if twin else min(first.born + shift, dt.date(2004, 12, 31))
    brother = new_person(rng, tables, pid, first.community, "M", born)
    brother.father, brother.family, brother.family_kind = first.father, first.family, first.family_kind
    pair = next((p for p in ALIKE_PAIRS if first.given in p), None)
    if pair and rng.random() < 0.6:
        brother.given = pair[1] if first.given == pair[0] else pair[0]
    while brother.given == first.given:
        brother.given = (tables.men if first.community == "kazakh" else tables.other[first.community][0]).draw(rng)
    return brother


def _household(rng: random.Random, tables: Tables, ids: list[str]) -> list[Dead]:
    """The people of one household who died (at most ``len(ids)``), related as the drawn shape says."""
    community = str(pick(rng, COMMUNITIES))
    shape = pick(rng, HOUSEHOLD_SHAPES) if len(ids) > 1 else "alone"
    if shape == "alone":
        sex = "F" if rng.random() < 0.13 else "M"
        person = new_person(rng, tables, ids[0], community, sex, draw_birth(rng, sex))
        if sex == "F" and person.born.year < 2000 and rng.random() < 0.65:
            husband = new_person(rng, tables, "-", community, "M", person.born)
            _marry(person, husband)
        return [person]
    head = new_person(rng, tables, ids[0], community, "M", draw_birth(rng, "M"))
    if shape == "brothers":
        count = min(len(ids), 3 if rng.random() < 0.2 else 2)
        return [head] + [_brother_of(rng, tables, ids[i], head) for i in range(1, count)]
    if shape == "father_son":
        head.born = min(head.born, dt.date(1980, 12, 31))
        born = head.born + dt.timedelta(days=rng.randint(20 * 365, 32 * 365))
        return [head, _son_of(rng, tables, ids[1], head, min(born, dt.date(2006, 6, 1)))]
    if shape == "cousins":
        cousin = new_person(rng, tables, ids[1], community, "M", draw_birth(rng, "M"))
        if head.family_kind != "father":
            cousin.family, cousin.family_kind = head.family, head.family_kind
        return [head, cousin]
    wife = new_person(rng, tables, ids[1], community, "F", head.born + dt.timedelta(days=rng.randint(300, 2500)))
    _marry(wife, head)
    if shape == "couple":
        return [head, wife]
    child = _son_of(rng, tables, ids[0], head, wife.born + dt.timedelta(days=rng.randint(19 * 365, 30 * 365)))
    if child.born.year > 2019:
        child.born = dt.date(2015, 3, 1) + dt.timedelta(days=rng.randint(0, 1500))
    return [wife, child]  # the husband survived: the mother and a child died


def _incident(rng: random.Random, members: list[Dead], household: int) -> None:
    """One place, day and way of dying for the household; the wounded and custody deaths come later."""
    place = rng.choices(range(len(PLACES)), weights=[p[5] for p in PLACES])[0]
    kind = str(pick(rng, KINDS)) if len(members) == 1 else rng.choice(("street", "bystander", "street"))
    if kind == "serviceman" and members[0].community not in ("kazakh", "russian"):
        kind = "street"
    day = dt.date(2022, 1, int(pick(rng, DAYS)))
    openness = rng.betavariate(1.3, 1.5)
    for person in members:
        person.place, person.kind, person.household, person.openness = place, kind, household, openness
        person.injured = person.died = day
        if kind == "custody":
            person.injured = day + dt.timedelta(days=rng.randint(0, 3))
            person.died = person.injured + dt.timedelta(days=rng.randint(0, 9))
        elif kind == "wounded":
            person.died = day + dt.timedelta(days=max(1, round(rng.triangular(1, 75, 4))))


def population(people: int, seed: int) -> list[Dead]:
    """Exactly ``people`` dead in households, numbered in the order drawn."""
    rng = random.Random(f"zhaiyk:{seed}:households")
    tables = Tables()
    dead: list[Dead] = []
    household = 0
    while len(dead) < people:
        household += 1
        ids = [f"zh{seed}-{len(dead) + i + 1:06d}" for i in range(min(4, people - len(dead)))]
        members = _household(rng, tables, ids)
        for index, person in enumerate(members):
            person.pid = ids[index]
        _incident(rng, members, household)
        dead.extend(members)
    return dead

