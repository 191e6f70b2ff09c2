"""The dead of January 2022 for ``irtysh``: where and when they died, who they were, who died together.

The population is simulated as incidents, not as independent draws: most incidents kill one person,
a few kill two or three relatives at once (brothers a few years apart; a father and his son, whose
patronymic is formed from the father's given name; two brothers and a cousin who shares their family
name but not their father). Each incident has a place and a day drawn from that place's own calendar
(Almaty peaks on the 5th and 6th; Taldykorgan, Shymkent, Taraz, Kyzylorda and Aktobe had shorter
events); a minority were wounded and died days or weeks later in hospital. How a person's documents
spell the name (Kazakh letters or russified; -ұлы or -ович patronymic) depends on the birth cohort,
since both habits changed in the 1990s, and is drawn per person, so two brothers may differ.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators import irtysh_names as nm
from generators.irtysh_names import Ranked, compound_names, family_from_stem, famous, female_family, russify

# place, region, stratum, share of the dead, {day of January: weight}
SITES = (
    ("Алматы", "г. Алматы", "almaty", 70.0, {4: 3, 5: 45, 6: 35, 7: 10, 8: 4, 9: 1.5, 10: 1, 11: 0.5}),
    ("Талдыкорган", "Алматинская область", "oblast", 7.0, {5: 60, 6: 30, 7: 10}),
    ("Каскелен", "Алматинская область", "oblast", 2.5, {5: 50, 6: 40, 7: 10}),
    ("Талгар", "Алматинская область", "oblast", 1.5, {5: 50, 6: 40, 7: 10}),
    ("Есик", "Алматинская область", "oblast", 1.0, {5: 55, 6: 45}),
    ("Шымкент", "г. Шымкент", "south", 4.5, {5: 50, 6: 35, 7: 15}),
    ("Тараз", "Жамбылская область", "south", 6.0, {5: 45, 6: 45, 7: 10}),
    ("Кызылорда", "Кызылординская область", "south", 3.0, {5: 70, 6: 30}),
    ("Актобе", "Актюбинская область", "west", 2.5, {5: 60, 6: 30, 7: 10}),
)
COMMUNITIES = {
    "almaty": {"kazakh": 80, "russian": 7, "uyghur": 6, "uzbek": 2, "dungan": 2, "korean": 3},
    "oblast": {"kazakh": 84, "russian": 5, "uyghur": 6, "dungan": 3, "uzbek": 1, "korean": 1},
    "south": {"kazakh": 80, "uzbek": 12, "russian": 5, "dungan": 2, "korean": 1},
    "west": {"kazakh": 90, "russian": 8, "korean": 2},
}
MUSLIM = frozenset({"kazakh", "uzbek", "uyghur", "dungan"})
HOUSEHOLD_SHARE = 0.045  # of incidents, which kill two or three relatives
SECURITY_SHARE = 0.07  # of single deaths: police, national guard and soldiers


@dataclass
class Victim:
    """A dead person plus what the lists react to but ``TruePerson`` does not hold."""

    person: TruePerson
    community: str
    kazakh_letters: bool  # the documents spell Kazakh letters (Сәрсенов, not Сарсенов)
    patronymic_style: str  # "ru" (Серикович), "kk" (Серікұлы) or "none"
    injured: dt.date  # the day of the incident; the death may be later
    hospital: bool
    stratum: str
    security: bool
    iin: str
    household: int = 0


@dataclass
class _Kin:
    """What relatives share: community, family name source and, for brothers, the father."""

    community: str
    family: tuple[str, str]  # (stem or masculine surname, style)
    father: str = ""


def iin_check_digit(first11: str) -> int | None:
    """The IIN's 12th digit: weights 1..11 mod 11; if that gives 10, weights 3..11,1,2; 10 again: none."""
    digits = [int(c) for c in first11]
    total = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return None if total == 10 else total


def make_iin(rng: random.Random, born: dt.date, sex: str) -> str:
    """A valid IIN: YYMMDD, 3/4 (1900s) or 5/6 (2000s) by sex, a serial, the check digit."""
    century = (3 if born.year < 2000 else 5) + (sex == "F")
    while True:
        first = f"{born:%y%m%d}{century}{rng.randrange(1, 10000):04d}"
        check = iin_check_digit(first)
        if check is not None:
            return first + str(check)


class Tables:
    """Every name table, built once per generation (the compound tail depends on the seed)."""

    def __init__(self, rng: random.Random) -> None:
        self.given = {
            ("kazakh", "M"): Ranked(nm.KAZAKH_MEN + compound_names(rng, 120), 1.05, 8),
            ("kazakh", "F"): Ranked(nm.KAZAKH_WOMEN, 0.95, 5), ("russian", "M"): Ranked(nm.RUSSIAN_MEN, 1.0, 4),
            ("russian", "F"): Ranked(nm.RUSSIAN_WOMEN, 0.9, 3), ("uzbek", "M"): Ranked(nm.UZBEK_MEN, 0.9, 3),
            ("uzbek", "F"): Ranked(nm.UZBEK_WOMEN, 0.8), ("uyghur", "M"): Ranked(nm.UYGHUR_MEN, 0.9, 3),
            ("uyghur", "F"): Ranked(nm.UYGHUR_WOMEN, 0.8), ("dungan", "M"): Ranked(nm.DUNGAN_MEN, 0.9, 3),
            ("dungan", "F"): Ranked(nm.DUNGAN_WOMEN, 0.8),
        }
        self.given[("korean", "M")] = self.given[("russian", "M")]
        self.given[("korean", "F")] = self.given[("russian", "F")]
        fathers = {"kazakh": nm.KAZAKH_FATHERS, "russian": nm.RUSSIAN_FATHERS, "uzbek": nm.UZBEK_FATHERS,
                   "uyghur": nm.UYGHUR_FATHERS, "dungan": nm.UYGHUR_FATHERS + nm.DUNGAN_MEN,
                   "korean": nm.RUSSIAN_FATHERS}
        self.fathers = {name: Ranked(table, 0.9, 5) for name, table in fathers.items()}
        families = {"russian": nm.RUSSIAN_FAMILIES, "uzbek": nm.UZBEK_FAMILIES, "uyghur": nm.UYGHUR_FAMILIES,
                    "dungan": nm.DUNGAN_FAMILIES, "korean": nm.KOREAN_FAMILIES}
        self.families = {name: Ranked(table, 0.8 if name == "korean" else 1.0, 1.5 if name == "korean" else 4)
                         for name, table in families.items()}
        self.stems = Ranked(nm.KAZAKH_STEMS + nm.KAZAKH_FATHERS + compound_names(rng, 160, nm.STEM_SUFFIXES), 0.95, 8)

    def kin(self, rng: random.Random, community: str) -> _Kin:
        if community != "kazakh":
            return _Kin(community, (self.families[community].draw(rng), "table"))
        while True:
            stem = self.stems.draw(rng)
            style = rng.choices(("ov", "uly", "bare"), (77, 15, 8))[0]
            if not famous(family_from_stem(stem, style, "M")):
                return _Kin(community, (stem, style))


def _draw(rng: random.Random, weights: dict) -> object:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def _age(rng: random.Random, sex: str, security: bool) -> int:
    """Years at death: young men dominate a crowd; a few children, teenagers and elderly bystanders."""
    u = rng.random()
    if security:
        return int(rng.triangular(20, 50, 27))
    if u < (0.02 if sex == "M" else 0.05):
        return rng.randint(2, 13)
    if u < (0.06 if sex == "M" else 0.09):
        return rng.randint(14, 17)
    if u < (0.88 if sex == "M" else 0.8):
        return int(rng.triangular(18, 52 if sex == "M" else 60, 26 if sex == "M" else 32))
    return int(rng.triangular(45, 80, 55))


def _documents(rng: random.Random, community: str, born: dt.date) -> tuple[bool, str]:
    """Kazakh letters and the patronymic style in a person's documents, by birth cohort."""
    if community != "kazakh":
        return False, "none" if community in ("uyghur", "dungan", "uzbek") and rng.random() < 0.1 else "ru"
    young = born.year >= 1995
    letters = rng.random() < (0.7 if young else 0.45 if born.year >= 1980 else 0.25)
    style = rng.choices(("kk", "ru", "none"), (45, 50, 5) if young else (10, 85, 5))[0]
    return letters, style


def _death(rng: random.Random, injured: dt.date) -> tuple[dt.date, bool]:
    """Most died on the day; about one in eight reached a hospital, some dying days or weeks later."""
    if rng.random() >= 0.12:
        return injured, False
    if rng.random() < 0.35:
        return injured, True
    return injured + dt.timedelta(days=min(1 + int(rng.expovariate(1 / 5)), 45)), True


class Population:
    """Builds the victims incident by incident; ``victims`` is in the order they were made."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables = Tables(rng)
        self.victims: list[Victim] = []
        self.iins: set[str] = set()
        self.households = 0
        self.site_weights = [site[3] for site in SITES]

    def make(self, people: int) -> list[Victim]:
        rng = self.rng
        while len(self.victims) < people:
            place, region, stratum, _share, days = rng.choices(SITES, self.site_weights)[0]
            injured = dt.date(2022, 1, int(_draw(rng, days)))
            site = (place, region, stratum, injured)
            left = people - len(self.victims)
            if left >= 2 and rng.random() < HOUSEHOLD_SHARE:
                self._household(site, left)
            else:
                community = str(_draw(rng, COMMUNITIES[stratum]))
                sex = "M" if rng.random() < 0.9 else "F"
                security = rng.random() < SECURITY_SHARE
                if security:
                    sex = "M" if rng.random() < 0.97 else "F"
                kin = self.tables.kin(rng, community)
                self._add(site, kin, sex, _age(rng, sex, security), security=security)
        return self.victims

    def _household(self, site: tuple, left: int) -> None:
        """Two or three relatives killed together: brothers, a father and son, or brothers and a cousin."""
        rng = self.rng
        self.households += 1
        home = self.households
        kin = self.tables.kin(rng, str(_draw(rng, COMMUNITIES[site[2]])))
        kind = rng.choices(("brothers", "father_son", "three_brothers", "father_sons", "cousin"),
                           (55, 25, 6, 8, 6))[0]
        if left < 3 and kind not in ("brothers", "father_son"):
            kind = "brothers"
        eldest = int(rng.triangular(17, 45, 25))
        if kind in ("father_son", "father_sons"):
            son = int(rng.triangular(15, 35, 21))
            father = self._add(site, kin, "M", son + rng.randint(20, 34), home=home)
            kin = _Kin(kin.community, kin.family, father)
            self._add(site, kin, "M", son, home=home)
            if kind == "father_sons":
                self._add(site, kin, "M", max(14, son + rng.choice((-1, 1)) * rng.randint(1, 7)), home=home)
            return
        kin = _Kin(kin.community, kin.family, self.tables.fathers[kin.community].draw(rng))
        self._add(site, kin, "M", eldest, home=home)
        self._add(site, kin, "M", max(14, eldest - rng.randint(1, 9)), home=home)
        if kind == "three_brothers":
            self._add(site, kin, "M", max(14, eldest - rng.randint(2, 14)), home=home)
        elif kind == "cousin":
            cousin = _Kin(kin.community, kin.family, self.tables.fathers[kin.community].draw(rng))
            self._add(site, cousin, "M", max(15, eldest + rng.randint(-8, 8)), home=home)

    def _add(self, site: tuple, kin: _Kin, sex: str, age: int, security: bool = False, home: int = 0) -> str:
        """Make one victim; return the given name as chosen (before any russifying), for a son's patronymic."""
        rng = self.rng
        place, region, stratum, injured = site
        died, hospital = _death(rng, injured)
        born = died - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))
        letters, style = _documents(rng, kin.community, born)
        stem, family_style = kin.family
        if family_style == "table":
            family = stem if sex == "M" else female_family(stem)
        else:
            family = family_from_stem(stem, family_style, sex)
        chosen = self.tables.given[(kin.community, sex)].draw(rng)
        given, father = chosen, kin.father or self.tables.fathers[kin.community].draw(rng)
        if kin.community == "kazakh" and not letters:
            family, given, father = russify(family), russify(given), russify(father)
        iin = make_iin(rng, born, sex)
        while iin in self.iins:
            iin = make_iin(rng, born, sex)
        self.iins.add(iin)
        person = TruePerson(f"irtysh-{len(self.victims) + 1:06d}", family, given, father, sex, born, died,
                            place, region)
        self.victims.append(Victim(person, kin.community, letters, style, injured, hospital, stratum, security,
                                   iin, home))
        return chosen
