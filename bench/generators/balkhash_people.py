"""The dead of ``balkhash``: who they were, how and when they died, and the households that died together.

Each household shares a place, a day, a way of dying and a latent ``public`` trait (how far the family
went public: spoke to volunteers, applied for compensation). Most households are one person; brothers,
a father and son, or a husband and wife shot in their car also die together, which puts the same family
name and father's name on several records of different people. A person's names exist once in their
Kazakh spelling; ``kaz_docs`` says whether their documents keep the Kazakh letters and an -ұлы
patronymic (young people mostly) or were russified (Сериков Ерлан Серикович, older people mostly).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators.balkhash_names import COMMUNITIES, NameBank, is_famous
from generators.balkhash_places import Calendar, Site, home_of
from generators.balkhash_script import kazakh_patronymic, russian_patronymic, russify, surname_of

KINDS = ("street", "bystander", "wounded", "custody", "forces", "found")
KIND_WEIGHTS = (0.48, 0.10, 0.14, 0.06, 0.13, 0.09)
FEMALE = {"street": 0.04, "bystander": 0.25, "wounded": 0.06, "custody": 0.03, "forces": 0.03, "found": 0.05}
DEEMED = {"street": 0.35, "bystander": 0.02, "wounded": 0.25, "custody": 0.6, "forces": 0.0, "found": 0.2}
PRACTISING = {"kazakh": 0.85, "uzbek": 0.95, "uyghur": 0.95, "tatar": 0.7, "russian": 0.0}
SHAPES = ("single", "brothers", "father_son", "couple", "three_brothers")
SHAPE_WEIGHTS = (0.90, 0.04, 0.03, 0.025, 0.005)


@dataclass
class Person:
    pid: str
    community: str
    sex: str
    given: str  # Kazakh spelling for Kazakhs, Russian for others
    father: str
    family: str  # the legal family name (a wife's married name), already feminine where it declines
    maiden: str  # the family name at birth when it differs, else ""
    kaz_docs: bool
    born: dt.date
    died: dt.date
    incident: dt.date  # the day of the shooting, wound or arrest
    found: dt.date  # the day the authorities had the body (later than ``died`` for bodies found later)
    released: dt.date  # the day the body was given to the family
    kind: str
    site: Site
    district: str
    home_region: str
    home_place: str  # Kazakh spelling of the home village or town
    practising: bool
    public: float
    deemed: bool  # the authorities counted them among the rioters
    iin: str  # "" for a foreign citizen
    household: int
    relation: str  # "", "brother", "father", "son", "husband", "wife"

    @property
    def age(self) -> int:
        return self.died.year - self.born.year - ((self.died.month, self.died.day) < (self.born.month, self.born.day))

    def doc(self, name: str) -> str:
        """A name part as the person's documents spell it."""
        return name if self.kaz_docs or self.community != "kazakh" else russify(name)

    def doc_patronymic(self) -> str:
        if self.community == "kazakh" and self.kaz_docs:
            return kazakh_patronymic(self.father, self.sex)
        return russian_patronymic(self.doc(self.father), self.sex)

    def truth(self) -> TruePerson:
        return TruePerson(
            self.pid,
            self.doc(self.family),
            self.doc(self.given),
            self.doc(self.father),
            self.sex,
            self.born,
            self.died,
            self.site.place,
            self.site.region,
        )


def feminine(family: str) -> str:
    """A family name as a woman bears it: Сериков → Серикова, Серікұлы → Серікқызы, Кравченко unchanged."""
    if family.endswith(("ов", "ев", "ин")):
        return family + "а"
    if family.endswith("ұлы"):
        return family[:-3] + "қызы"
    return family


def iin_check(digits: str) -> int:
    """The IIN's check digit (two weight rounds), or 10 when the serial number cannot have one."""
    total = sum(int(d) * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if total == 10:
        total = sum(int(d) * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return total


def make_iin(rng: random.Random, born: dt.date, sex: str) -> str:
    """A valid 12-digit IIN: birth date, century and sex digit, serial, check digit."""
    century = (3 if born.year < 2000 else 5) + (sex == "F")
    while True:
        head = f"{born:%y%m%d}{century}{rng.randrange(10000):04d}"
        check = iin_check(head)
        if check != 10:
            return head + str(check)


def _community(rng: random.Random, site: Site) -> str:
    names = list(COMMUNITIES)
    weights = [COMMUNITIES[n][4] for n in names]
    if site.region in ("г. Шымкент", "Туркестанская область"):
        weights[names.index("uzbek")] *= 3
    if site.place in ("Алматы", "Актобе"):
        weights[names.index("russian")] *= 1.5
    if site.place == "Алматы":
        weights[names.index("uyghur")] *= 1.5
    return rng.choices(names, weights)[0]


def _age(rng: random.Random, kind: str) -> int:
    """Age at death: young men in the street, older men in custody, anyone as a bystander."""
    if kind == "bystander":
        return rng.randint(3, 16) if rng.random() < 0.08 else min(85, 18 + int(rng.gammavariate(2.0, 11)))
    start, shape, scale, cap = {
        "street": (17, 2.2, 6.5, 72),
        "forces": (20, 2.0, 5.0, 58),
        "custody": (19, 2.5, 6.0, 70),
    }.get(kind, (17, 2.2, 7.0, 78))
    return min(cap, start + int(rng.gammavariate(shape, scale)))


def _dates(rng: random.Random, kind: str, incident: dt.date, site: Site) -> tuple[dt.date, dt.date, dt.date]:
    """Death, the day the body reached the authorities, and its release to the family."""
    day = dt.timedelta(days=1)
    died = incident
    if kind == "wounded":
        died = incident + day * min(75, 1 + int(rng.expovariate(1 / 8)))
    elif kind == "custody":
        died = incident + day * (1 + rng.randrange(14))
    found = died + day * min(14, 1 + int(rng.expovariate(1 / 2.5))) if kind == "found" else died
    hold = {
        "street": rng.randrange(4) + (rng.randrange(5) if site.place == "Алматы" else 0),
        "bystander": rng.randrange(3),
        "forces": 1 + rng.randrange(3),
        "wounded": rng.randrange(2),
        "custody": 3 + rng.randrange(13),
        "found": 1 + rng.randrange(7),
    }[kind]
    return died, found, found + day * hold


class Builder:
    """Assembles households of people; one instance per generated set."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.bank = NameBank()
        self.calendar = Calendar()
        self.people: list[Person] = []

    def build(self, count: int) -> list[Person]:
        household = 0
        while len(self.people) < count:
            household += 1
            shape = self.rng.choices(SHAPES, SHAPE_WEIGHTS)[0]
            self._household(household, shape, count - len(self.people))
        return self.people

    def _household(self, number: int, shape: str, room: int) -> None:
        rng = self.rng
        site = self.calendar.site(rng)
        kind = "bystander" if shape == "couple" else rng.choices(KINDS, KIND_WEIGHTS)[0]
        incident = dt.date(2022, 1, rng.randint(6, 10)) if kind == "custody" else self.calendar.day(rng, site)
        community = _community(rng, site)
        shared = {
            "site": site,
            "kind": kind,
            "incident": incident,
            "community": community,
            "home": home_of(rng, site),
            "public": rng.gauss(0, 1),
            "household": number,
            "practising": rng.random() < PRACTISING[community],
            "district": rng.choice(site.districts),
        }
        lineage = self._lineage(community)
        if shape == "single":
            sex = "F" if rng.random() < FEMALE[kind] else "M"
            self._add(shared, sex, _age(rng, kind), self.bank.father(rng, community), lineage, "")
        elif shape in ("brothers", "three_brothers"):
            father, base = self.bank.father(rng, community), _age(rng, kind)
            for _ in range(min(room, 2 if shape == "brothers" else 3)):
                self._add(shared, "M", max(14, base + rng.randint(-8, 8)), father, lineage, "brother")
        elif shape == "father_son":
            self._father_and_son(shared, lineage, room)
        else:
            husband = self._add(
                shared, "M", max(20, _age(rng, "street")), self.bank.father(rng, community), lineage, "husband"
            )
            if room > 1:
                self._add(
                    shared,
                    "F",
                    max(18, husband.age + rng.randint(-8, 2)),
                    self.bank.father(rng, community),
                    self._lineage(community),
                    "wife",
                    married=husband.family,
                )

    def _father_and_son(self, shared: dict, lineage: str, room: int) -> None:
        rng = self.rng
        elder = self._add(
            shared, "M", rng.randint(45, 68), self.bank.father(rng, shared["community"]), lineage, "father"
        )
        if room > 1:
            self._add(shared, "M", max(16, elder.age - rng.randint(22, 32)), elder.given, lineage, "son")

    def _lineage(self, community: str) -> str:
        while True:
            name = self.bank.lineage(self.rng, community)
            if not is_famous(surname_of(name, "M") if community == "kazakh" else name):
                return name

    def _family(self, community: str, sex: str, lineage: str, father: str, born: int) -> str:
        """The family name: the forefather's (clan) name, or for the young often the father's own name."""
        if community != "kazakh":
            return feminine(lineage) if sex == "F" else lineage
        if born >= 1993 and self.rng.random() < 0.3:
            own = surname_of(father, sex) if self.rng.random() < 0.7 else kazakh_patronymic(father, sex)
            if not is_famous(own):
                return own
        return surname_of(lineage, sex)

    def _add(
        self, shared: dict, sex: str, age: int, father: str, lineage: str, relation: str, married: str = ""
    ) -> Person:
        rng, community, kind = self.rng, shared["community"], shared["kind"]
        died, found, released = _dates(rng, kind, shared["incident"], shared["site"])
        born = died - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))
        given = self.bank.given(rng, community, sex)
        while relation in ("brother", "son") and given in (p.given for p in self.people[-3:]):
            given = self.bank.given(rng, community, sex)
        family = self._family(community, sex, lineage, father, born.year)
        maiden = ""
        if married and married.endswith(("ов", "ев", "ин")):
            family, maiden = feminine(married), family
        kaz_docs = community == "kazakh" and rng.random() < (
            0.75 if born.year >= 1995 else 0.5 if born.year >= 1980 else 0.25
        )
        foreign = community == "uzbek" and rng.random() < 0.2
        person = Person(
            f"B{len(self.people) + 1:06d}",
            community,
            sex,
            given,
            father,
            family,
            maiden,
            kaz_docs,
            born,
            died,
            shared["incident"],
            found,
            released,
            kind,
            shared["site"],
            shared["district"],
            shared["home"][0],
            shared["home"][1],
            shared["practising"],
            shared["public"],
            rng.random() < DEEMED[kind],
            "" if foreign else make_iin(rng, born, sex),
            shared["household"],
            relation,
        )
        self.people.append(person)
        return person


def build(count: int, rng: random.Random) -> list[Person]:
    """``count`` dead people in households, numbered B000001.. in the order they were drawn."""
    return Builder(rng).build(count)
