"""The dead of ``zhaiyk``: households that died in one incident, each person with canonical Kazakh-letter names.

A household (most are one person; some are brothers, a father and son, a couple, cousins) shares an
incident: a place, a day and a way of dying. Each household also has a hidden ``openness`` (did the
family go public?) that the list module turns into capture chances, so lists are dependent in ways a
matcher cannot see. Names are kept in one canonical spelling; what the documents say (Kazakh letters
for most born after 1993, russified before) is decided once per person, as passports are.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators.zhaiyk_names import (
    FOREFATHERS,
    KAZAKH_MEN,
    KAZAKH_WOMEN,
    KOREAN_FAMILIES,
    RUSSIAN_FAMILIES,
    RUSSIAN_MEN,
    RUSSIAN_WOMEN,
    TATAR_FAMILIES,
    TATAR_MEN,
    TATAR_WOMEN,
    UYGHUR_FAMILIES,
    UYGHUR_MEN,
    UYGHUR_WOMEN,
    UZBEK_FAMILIES,
    UZBEK_MEN,
    UZBEK_WOMEN,
    Ranked,
    blocked,
    compound_forefathers,
    family_from_forefather,
    feminine,
    kazakh_patronymic,
    russify,
)

# (settlement, region as Russian lists write it, Kazakh settlement, Kazakh region, English, weight)
PLACES = (
    ("Алматы", "г. Алматы", "Алматы", "Алматы қаласы", "Almaty", 60),
    ("Талдыкорган", "Алматинская область", "Талдықорған", "Алматы облысы", "Taldykorgan", 8),
    ("Каскелен", "Алматинская область", "Қаскелең", "Алматы облысы", "Kaskelen", 3),
    ("Талгар", "Алматинская область", "Талғар", "Алматы облысы", "Talgar", 2),
    ("Есик", "Алматинская область", "Есік", "Алматы облысы", "Yesik", 2),
    ("Тараз", "Жамбылская область", "Тараз", "Жамбыл облысы", "Taraz", 8),
    ("Шымкент", "г. Шымкент", "Шымкент", "Шымкент қаласы", "Shymkent", 5),
    ("Кызылорда", "Кызылординская область", "Қызылорда", "Қызылорда облысы", "Kyzylorda", 4),
    ("Актобе", "Актюбинская область", "Ақтөбе", "Ақтөбе облысы", "Aktobe", 3),
    ("Туркестан", "Туркестанская область", "Түркістан", "Түркістан облысы", "Turkistan", 2),
    ("Уральск", "Западно-Казахстанская область", "Орал", "Батыс Қазақстан облысы", "Uralsk", 3),
)
KINDS = {"street": 44, "bystander": 14, "wounded": 15, "custody": 8, "found_later": 7, "serviceman": 12}
DAYS = {4: 8, 5: 34, 6: 30, 7: 12, 8: 7, 9: 4, 10: 3, 11: 2}
HOUSEHOLD_SHAPES = {"alone": 78, "brothers": 8, "father_son": 5, "couple": 4, "cousins": 3,
                    "mother_child": 2}
COMMUNITIES = {"kazakh": 78, "russian": 9, "uzbek": 4, "uyghur": 4, "tatar": 3, "korean": 2}
_OTHER_TABLES = {
    "russian": (RUSSIAN_MEN, RUSSIAN_WOMEN, RUSSIAN_FAMILIES), "uzbek": (UZBEK_MEN, UZBEK_WOMEN, UZBEK_FAMILIES),
    "uyghur": (UYGHUR_MEN, UYGHUR_WOMEN, UYGHUR_FAMILIES), "tatar": (TATAR_MEN, TATAR_WOMEN, TATAR_FAMILIES),
    "korean": (RUSSIAN_MEN, RUSSIAN_WOMEN, KOREAN_FAMILIES),
}


@dataclass
class Dead:
    """One dead person as the generator knows them (canonical spellings; the lists render them)."""

    pid: str
    community: str
    sex: str
    given: str  # canonical (Kazakh letters for Kazakh names)
    father: str  # the father's given name, canonical; "" when unknown
    family: str  # as borne at death (a married woman's husband's name), canonical
    family_kind: str  # forefather | father | bare | other
    maiden: str  # a married woman's own family name, canonical; "" otherwise
    born: dt.date
    injured: dt.date
    died: dt.date
    place: int  # index into PLACES
    kind: str
    household: int
    openness: float
    kazakh_letters: bool  # whether documents keep Kazakh letters

    def doc(self, text: str) -> str:
        """A name as the person's documents spell it."""
        return text if self.kazakh_letters else russify(text)

    def truth(self) -> TruePerson:
        return TruePerson(self.pid, self.doc(self.family), self.doc(self.given), self.doc(self.father), self.sex,
                          self.born, self.died, PLACES[self.place][0], PLACES[self.place][1])


class Tables:
    """The ranked tables, built once per generation."""

    def __init__(self) -> None:
        self.men = Ranked(KAZAKH_MEN, s=0.95)
        self.women = Ranked(KAZAKH_WOMEN, s=0.95)
        self.forefathers = Ranked(tuple(FOREFATHERS) + compound_forefathers(), s=0.85, q=3.0)
        self.fathers = Ranked(tuple(KAZAKH_MEN[10:]) + tuple(FOREFATHERS[:30]), s=0.8)
        self.other = {name: tuple(Ranked(table, s=0.9) for table in tables) for name, tables in _OTHER_TABLES.items()}


def pick(rng: random.Random, weights: dict) -> object:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def draw_birth(rng: random.Random, sex: str, adult: bool = True) -> dt.date:
    """Most of the dead were young men; women and the old are fewer, children rare."""
    if not adult:
        age = rng.randint(3, 17)
    elif rng.random() < 0.06:
        age = rng.randint(55, 78)
    else:
        age = round(rng.triangular(18, 55, 27 if sex == "M" else 35))
    return dt.date(2022 - age, 1, 1) - dt.timedelta(days=rng.randint(0, 364))


def kazakh_family(rng: random.Random, tables: Tables, sex: str, father: str, born: dt.date) -> tuple[str, str]:
    """A Kazakh family name and how it was formed; younger people more often take the father's name."""
    young = born.year >= 1995
    kind = pick(rng, {"forefather": 55, "father": 30, "bare": 15} if young else
                 {"forefather": 86, "father": 9, "bare": 5})
    for _ in range(20):
        forefather = tables.forefathers.draw(rng)
        if kind == "father":
            family = kazakh_patronymic(father, sex)
        elif kind == "bare":
            family = forefather
        else:
            family = family_from_forefather(forefather, sex)
        if not blocked(family):
            return family, str(kind)
    return family_from_forefather("Жақып", sex), "forefather"


def new_person(rng: random.Random, tables: Tables, pid: str, community: str, sex: str,
               born: dt.date) -> Dead:
    """One person alone: names drawn for the community; household facts are filled in by the caller."""
    if community == "kazakh":
        given = (tables.men if sex == "M" else tables.women).draw(rng)
        father = tables.fathers.draw(rng)
        family, kind = kazakh_family(rng, tables, sex, father, born)
        letters = rng.random() < (0.75 if born.year >= 1993 else 0.2)
    else:
        men, women, families = tables.other[community]
        given = (men if sex == "M" else women).draw(rng)
        father = men.draw(rng)
        family = families.draw(rng)
        family = feminine(family) if sex == "F" else family
        kind, letters = "other", False
    if kind != "father" and rng.random() < 0.04:
        father = ""
    day = dt.date(2022, 1, 5)
    return Dead(pid, community, sex, given, father, family, kind, "", born, day, day, 0, "street", 0, 0.5, letters)

