"""The dead of ``nomad``: who they were, where and how they died, and who died beside them.

How someone died decides which lists will know of them (a death in custody reaches the prosecutor and
the human-rights volunteers, rarely the morgue of a city it did not happen in; a soldier's death
reaches the court file, hardly ever the volunteers), so list coverage is dependent by construction.
Relatives die together: brothers in the same street on the same day, a father and son, a married
couple whose wife one list knows by her maiden name.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators import TruePerson
from generators.nomad_names import (
    COMMUNITIES,
    KAZAKH_MALE,
    KAZAKH_MALE_TAIL,
    KAZAKH_ROOTS,
    feminine,
    ranked,
    russify,
    suffixed,
)

ALMATY = "г. Алматы"
ALMATY_OBLAST = "Алматинская область"
REGIONS: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    (ALMATY, 56, ("Алматы",)),
    (ALMATY_OBLAST, 12, ("Талдыкорган", "Каскелен", "Талгар", "Есик", "Капшагай", "Узынагаш")),
    ("Жамбылская область", 6, ("Тараз", "Шу", "Кордай")),
    ("г. Шымкент", 5, ("Шымкент",)),
    ("Кызылординская область", 3, ("Кызылорда",)),
    ("Мангистауская область", 2, ("Жанаозен", "Актау")),
    ("Актюбинская область", 2, ("Актобе",)),
    ("Восточно-Казахстанская область", 3, ("Усть-Каменогорск", "Семей")),
    ("Туркестанская область", 3, ("Туркестан", "Кентау")),
    ("Карагандинская область", 3, ("Караганда", "Темиртау")),
    ("г. Нур-Султан", 2, ("Нур-Султан",)),
    ("Атырауская область", 1, ("Атырау",)),
    ("Западно-Казахстанская область", 1, ("Уральск",)),
    ("Павлодарская область", 1, ("Павлодар",)),
)
ALMATY_DISTRICTS = ("Алмалинский", "Ауэзовский", "Бостандыкский", "Жетысуский", "Медеуский", "Наурызбайский",
                    "Турксибский", "Алатауский")
# how people died: (share, earliest and latest day of death in January 2022)
CIRCUMSTANCES = {"street": (0.50, 4, 8), "crossfire": (0.14, 5, 7), "hospital": (0.17, 6, 28),
                 "custody": (0.09, 7, 31), "security": (0.10, 5, 8)}
_DAY_WEIGHTS = {4: 0.6, 5: 3.0, 6: 2.6, 7: 1.4, 8: 0.5}
_COMMUNITY_SHARE = {"kazakh": 80, "russian": 8, "uzbek": 4, "uyghur": 3, "tatar": 2, "korean": 1.5, "azeri": 1.5}


@dataclass
class Victim:
    """A ``TruePerson`` plus what lists need to write about them (never shown to a matcher)."""

    truth: TruePerson
    community: str
    root: str  # the Kazakh root of the family name ("" for other communities)
    kazakh_letters: bool  # whether the person's documents spell Kazakh letters
    maiden: str  # the family name at birth (== family unless a married woman)
    how: str  # street, crossfire, hospital, custody, security
    district: str  # an Almaty district, or ""
    visibility: float  # how much attention a death drew: drives every list
    iin: str
    household: int
    original: tuple[str, str, str, str]  # family, given, father, maiden in the community's own spelling
    hurt: dt.date  # the day of the shooting or the arrest; the day of death for those who died at once


def iin_check(first11: str) -> int:
    """The IIN's 12th digit (weights 1..11, then 3..11,1,2; 10 twice means the number is never issued)."""
    digits = [int(ch) for ch in first11]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return 10


def make_iin(born: dt.date, sex: str, rng: random.Random, taken: set[str]) -> str:
    century = 3 if born.year < 2000 else 5
    while True:
        first = f"{born:%y%m%d}{century + (sex == 'F')}{rng.randrange(10000):04d}"
        check = iin_check(first)
        if check < 10 and first not in taken:
            taken.add(first)
            return first + str(check)


class Population:
    """Draws the dead; the rng is the set's own, so the same seed gives the same people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = {name: (ranked(m, rng, 12), ranked(f, rng, 7), ranked(fam, rng, 6) if fam[0] else None)
                      for name, (m, f, fam) in COMMUNITIES.items()}
        # Kazakh family names come from forebears' given names: the given-name corpus doubles as roots
        self.roots = ranked((KAZAKH_ROOTS, KAZAKH_MALE + KAZAKH_MALE_TAIL), rng, 16)
        self.fathers = ranked((KAZAKH_MALE, KAZAKH_MALE_TAIL[::3]), rng, 6)
        self.iins: set[str] = set()
        self.victims: list[Victim] = []

    def pick(self, pair: tuple[list[str], list[float]]) -> str:
        return self.rng.choices(pair[0], pair[1])[0]

    def _place(self) -> tuple[str, str, str]:
        region, _w, places = self.rng.choices(REGIONS, [r[1] for r in REGIONS])[0]
        place = places[0] if len(places) == 1 or self.rng.random() < 0.5 else self.rng.choice(places)
        district = self.rng.choice(ALMATY_DISTRICTS) if region == ALMATY else ""
        return region, place, district

    def _community(self, region: str) -> str:
        shares = dict(_COMMUNITY_SHARE)
        if region in ("г. Шымкент", "Туркестанская область"):
            shares["uzbek"] *= 5
        if region == ALMATY_OBLAST:
            shares["uyghur"] *= 4
        if region in ("Восточно-Казахстанская область", "Карагандинская область", "Павлодарская область"):
            shares["russian"] *= 4
        return self.rng.choices(list(shares), list(shares.values()))[0]

    def _family(self, community: str) -> tuple[str, str]:
        """(masculine family name, Kazakh root or "")."""
        if community == "kazakh":
            root = self.pick(self.roots)
            return (root if self.rng.random() < 0.05 else suffixed(root)), root
        return self.pick(self.names[community][2]), ""

    def _given(self, community: str, sex: str) -> str:
        male, female, _ = self.names[community]
        return self.pick(male if sex == "M" else female)

    def _father(self, community: str, child: str = "") -> str:
        for _attempt in range(3):  # a son is rarely named after his living father
            father = self.pick(self.fathers) if community == "kazakh" else self._given(community, "M")
            if father != child:
                break
        return father

    def _death(self, how: str) -> dt.date:
        _share, first, last = CIRCUMSTANCES[how]
        days = list(range(first, last + 1))
        weights = [_DAY_WEIGHTS.get(day, 0.25) for day in days]
        return dt.date(2022, 1, self.rng.choices(days, weights)[0])

    def _birth(self, age: int, died: dt.date) -> dt.date:
        born = died - dt.timedelta(days=int(365.25 * age) + self.rng.randrange(365))
        return born

    def add(self, *, community: str, family_m: str, root: str, given: str, father: str, sex: str, age: int,
            how: str, died: dt.date, where: tuple[str, str, str], household: int, maiden_m: str = "",
            letters: bool | None = None) -> Victim:
        region, place, district = where
        kazakh_letters = (community == "kazakh" and self.rng.random() < 0.4) if letters is None else letters
        spell = (lambda s: s) if kazakh_letters else russify  # noqa: E731 - a spelling, chosen once
        family = spell(family_m if sex == "M" else feminine(family_m))
        maiden = spell(feminine(maiden_m)) if maiden_m else family
        born = self._birth(age, died)
        person = TruePerson(f"n{len(self.victims) + 1:06d}", family, spell(given), spell(father), sex, born, died,
                            place, region)
        visibility = self.rng.betavariate(2.0, 2.5) * (1.6 if how in ("custody", "crossfire") else 1.0)
        hurt = died
        if how in ("hospital", "custody"):
            hurt = min(died, dt.date(2022, 1, self.rng.choices((4, 5, 6, 7, 8), (1, 4, 4, 2, 1))[0]))
        own = (family_m if sex == "M" else feminine(family_m), given, father,
               feminine(maiden_m) if maiden_m else (family_m if sex == "M" else feminine(family_m)))
        victim = Victim(person, community, root, kazakh_letters, maiden, how, district, visibility,
                        make_iin(born, sex, self.rng, self.iins), household, own, hurt)
        self.victims.append(victim)
        return victim

    def household(self, number: int) -> None:
        """One death, and with some chance the relatives who died with it."""
        rng = self.rng
        where = self._place()
        community = self._community(where[0])
        how = rng.choices(list(CIRCUMSTANCES), [c[0] for c in CIRCUMSTANCES.values()])[0]
        sex = "M" if how == "security" or rng.random() < 0.88 else "F"
        age = max(17, min(86, int(rng.gauss(31, 9) if how != "hospital" else rng.gauss(38, 13))))
        family, root = self._family(community)
        died = self._death(how)
        base = {"community": community, "family_m": family, "root": root, "where": where, "household": number}
        maiden = ""
        if sex == "F" and age > 23 and rng.random() < 0.7:
            maiden = self._family(community)[0]
        given = self._given(community, sex)
        first = self.add(**base, given=given, father=self._father(community, given), sex=sex, age=age, how=how,
                         died=died, maiden_m=maiden)
        if how == "security" or rng.random() > 0.13:
            return
        kind = rng.choice(("brother", "brother", "son", "wife", "cousin"))
        kin_how = how if how in ("street", "crossfire") else "street"
        same_day = died if rng.random() < 0.8 else self._death(kin_how)
        if kind == "brother" and first.truth.sex == "M":
            self.add(**base, given=self._given(community, "M"), father=first.truth.father_given, sex="M",
                     age=max(17, age + rng.randint(-8, 8)), how=kin_how, died=same_day,
                     letters=first.kazakh_letters)
        elif kind == "son" and age >= 38 and first.truth.sex == "M":
            self.add(**base, given=self._given(community, "M"), father=first.truth.given, sex="M",
                     age=age - rng.randint(20, 30), how=kin_how, died=same_day, letters=first.kazakh_letters)
        elif kind == "wife" and first.truth.sex == "M" and age > 22:
            self.add(**base, given=self._given(community, "F"), father=self._father(community), sex="F",
                     age=max(19, age + rng.randint(-7, 3)), how="crossfire", died=same_day,
                     maiden_m=self._family(community)[0], letters=first.kazakh_letters)
        elif kind == "cousin":
            self.add(**base, given=self._given(community, "M"), father=self._father(community), sex="M",
                     age=max(17, age + rng.randint(-10, 10)), how=kin_how, died=same_day)


def population(people: int, rng: random.Random) -> list[Victim]:
    """Exactly ``people`` victims, households kept whole except the last one may be cut."""
    drawn = Population(rng)
    number = 0
    while len(drawn.victims) < people:
        number += 1
        drawn.household(number)
    return drawn.victims[:people]
