"""Build the dead of ``aral`` household by household (see ``aral_people`` for what a person holds).

Why households: relatives dying together are the hardest case for linkage (same family name, same
day, same place, often the same father) and a realistic one (brothers at the same square; a family
shot in its car on the 6th in Almaty). The household also carries the unobserved trait, so whether
one relative is listed says something about whether the other is.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators.aral_people import (
    CITIES,
    HOUSEHOLDS,
    KINDS,
    MALE_SHARE,
    Person,
    family_base,
    family_form,
    father_name,
    given_name,
    home_of,
    make_iin,
    weighted,
)
from generators.aral_script import uly

_CITY_WEIGHTS = tuple((key, city.weight) for key, city in CITIES.items())


@dataclass
class Line:
    """A family line: the family name's base, the father's name, and how the family name is formed."""

    community: str
    base: str
    father: str
    father_stem: str
    style: str  # ov (Серіков) | uly (Серікұлы) | bare (Серік)


@dataclass
class Event:
    city: str
    kind: str
    injured: dt.date
    voice: float


def draw_age(rng: random.Random, kind: str) -> int:
    """Ages as the kind of death has them: protesters young men, bystanders of every age."""
    if kind == "wounds":
        kind = "street" if rng.random() < 0.75 else "bystander"
    if kind == "street":
        return min(16 + int(rng.gammavariate(2.2, 5.5)), 66)
    if kind == "custody":
        return min(19 + int(rng.gammavariate(2.5, 5.0)), 62)
    if kind == "forces":
        return rng.randint(19, 22) if rng.random() < 0.55 else rng.randint(23, 48)
    part = rng.random()
    if part < 0.1:
        return rng.randint(2, 16)
    return rng.randint(17, 58) if part < 0.8 else rng.randint(55, 84)


def death_day(rng: random.Random, event: Event, kind: str) -> tuple[dt.date, dt.date]:
    """(the day of the wound or arrest, the day of death) for one person of an event."""
    injured = event.injured
    if kind == "wounds":
        return injured, injured + dt.timedelta(days=1 + min(int(rng.expovariate(1 / 3.5)), 40))
    if kind == "custody":
        arrested = max(injured, dt.date(2022, 1, 6)) + dt.timedelta(days=rng.randint(0, 2))
        return arrested, min(arrested + dt.timedelta(days=rng.randint(0, 4)), dt.date(2022, 1, 14))
    return injured, injured


def line_style(rng: random.Random, community: str, born: int) -> str:
    if community != "kz":
        return "ov"
    if born >= 1995:
        return weighted(rng, (("ov", 82), ("uly", 12), ("bare", 6)))
    if born >= 1980:
        return weighted(rng, (("ov", 92), ("uly", 6), ("bare", 2)))
    return weighted(rng, (("ov", 97), ("uly", 2), ("bare", 1)))


def new_line(rng: random.Random, community: str, born: int) -> Line:
    father, stem = father_name(rng, community)
    return Line(community, family_base(rng, community), father, stem, line_style(rng, community, born))


def family_of(line: Line, sex: str) -> str:
    if line.style == "uly":
        return uly(line.father, sex)
    if line.style == "bare":
        return line.base
    return family_form(line.base, line.community, sex)


class Builder:
    """Makes people one at a time, numbering them and drawing what a single person needs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: list[Person] = []

    def person(self, line: Line, event: Event, household: int, sex: str, age: int, kind: str = "") -> Person:
        rng = self.rng
        kind = kind or event.kind
        injured, died = death_day(rng, event, kind)
        born = died - dt.timedelta(days=365 * age + rng.randint(1, 364))
        doc_share = 0.55 if born.year >= 1995 else 0.35 if born.year >= 1980 else 0.15
        person = Person(
            pid=f"A{len(self.people) + 1:06d}", community=line.community, sex=sex, born=born, died=died,
            injured=injured, kind=kind, city=event.city, household=household, voice=event.voice,
            given=given_name(rng, line.community, sex, born.year), family=family_of(line, sex), father=line.father,
            father_stem=line.father_stem, uly_family=line.style == "uly", doc_kazakh=rng.random() < doc_share,
            maiden="", home=home_of(rng, event.city), iin=make_iin(rng, born, sex))
        self.people.append(person)
        return person

    def married(self, wife: Person, husband_line: Line) -> None:
        """She took her husband's family name (most do), keeping hers as the maiden name."""
        if husband_line.style == "uly" or self.rng.random() < 0.2:
            return
        wife.maiden, wife.family = wife.family, family_of(husband_line, "F")


def new_event(rng: random.Random) -> Event:
    city = weighted(rng, _CITY_WEIGHTS)
    day = weighted(rng, CITIES[city].days)
    return Event(city, weighted(rng, KINDS), dt.date(2022, 1, day), rng.gauss(0.0, 1.0))


def community_of(rng: random.Random, event: Event) -> str:
    if event.kind == "forces":
        return weighted(rng, (("kz", 90), ("ru", 8), ("tt", 1), ("ko", 1)))
    return weighted(rng, CITIES[event.city].communities)


def alone(b: Builder, event: Event, household: int, room: int) -> None:
    rng = b.rng
    sex = "M" if rng.random() < MALE_SHARE[event.kind] else "F"
    age = draw_age(rng, event.kind)
    community = community_of(rng, event)
    person = b.person(new_line(rng, community, 2022 - age), event, household, sex, age)
    if sex == "F" and age >= 22 and rng.random() < 0.65:
        b.married(person, new_line(rng, community, 2020 - age))


def siblings(b: Builder, event: Event, household: int, room: int, cousins: bool = False) -> None:
    """Brothers (now and then a sister) or cousins, who share a grandfather's name but not a father."""
    rng = b.rng
    kind = "street" if event.kind == "forces" else event.kind
    first = min(draw_age(rng, kind), 45)
    community = community_of(rng, event)
    line = new_line(rng, community, 2022 - first)
    if cousins:
        line.style = "ov"
    for index in range(3 if room >= 3 and rng.random() < 0.12 else 2):
        sex = "F" if index and rng.random() < 0.1 else "M"
        if cousins and index:
            father, stem = father_name(rng, community)
            line = Line(community, line.base, father, stem, "ov")
        member = "wounds" if kind in ("street", "bystander") and rng.random() < 0.2 else kind
        b.person(line, event, household, sex, max(15, min(first + rng.randint(-7, 7), 70)), member)


def father_and_son(b: Builder, event: Event, household: int, room: int) -> None:
    """A father and his son; a young son's family name may be his father's name + ұлы."""
    rng = b.rng
    kind = "bystander" if event.kind == "forces" else event.kind
    son_age = max(16, min(draw_age(rng, kind), 40))
    father_age = son_age + rng.randint(20, 32)
    community = community_of(rng, event)
    line = new_line(rng, community, 2022 - father_age)
    father = b.person(line, event, household, "M", father_age)
    style = line.style
    if community == "kz" and style == "ov" and 2022 - son_age >= 1990 and rng.random() < 0.15:
        style = "uly"
    son_line = Line(community, line.base, father.given, "", style)
    b.person(son_line, event, household, "M", son_age, "wounds" if rng.random() < 0.2 else "")


def spouses(b: Builder, event: Event, household: int, room: int) -> None:
    rng = b.rng
    kind = "bystander" if event.kind in ("forces", "custody") else event.kind
    event.kind = kind
    husband_age = max(20, min(draw_age(rng, kind) + 5, 80))
    community = community_of(rng, event)
    husband_line = new_line(rng, community, 2022 - husband_age)
    b.person(husband_line, event, household, "M", husband_age)
    wife_age = max(18, husband_age - rng.randint(-2, 8))
    wife = b.person(new_line(rng, community, 2022 - wife_age), event, household, "F", wife_age,
                    "wounds" if rng.random() < 0.2 else "")
    b.married(wife, husband_line)


def mother_and_child(b: Builder, event: Event, household: int, room: int) -> None:
    """A mother and her child, shot in a car or at home; the father survives, so only his name is known."""
    rng = b.rng
    event.kind = "bystander"
    child_age = rng.randint(2, 16)
    mother_age = child_age + rng.randint(20, 34)
    community = community_of(rng, event)
    husband_line = new_line(rng, community, 2020 - mother_age)
    husband = given_name(rng, community, "M", 2020 - mother_age)
    mother = b.person(new_line(rng, community, 2022 - mother_age), event, household, "F", mother_age)
    b.married(mother, husband_line)
    child_line = Line(community, husband_line.base, husband, "", husband_line.style)
    b.person(child_line, event, household, "M" if rng.random() < 0.55 else "F", child_age,
             "wounds" if rng.random() < 0.25 else "")


_RELATIONS = {"brothers": siblings, "father_son": father_and_son, "spouses": spouses,
              "mother_child": mother_and_child,
              "cousins": lambda b, e, h, r: siblings(b, e, h, r, cousins=True)}


def build(count: int, rng: random.Random) -> list[Person]:
    """``count`` dead people; about 9 households in 100 lose more than one member."""
    builder = Builder(rng)
    household = 0
    while len(builder.people) < count:
        household += 1
        room = count - len(builder.people)
        event = new_event(rng)
        if room < 2 or rng.random() < 0.91:
            alone(builder, event, household, room)
        else:
            _RELATIONS[weighted(rng, HOUSEHOLDS)](builder, event, household, room)
    return builder.people
