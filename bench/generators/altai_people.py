"""Who died in ``altai``'s January 2022: the event (where, how, when), the people and their households.

Each seed draws its own event: how the deaths spread over the cities, how many died in the street, in
hospital later, in custody, as security forces or as bystanders. How a person died and where they came
from decide, later, which lists learn of them (``altai_lists``); there is no hidden visibility score.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from generators.altai_names import (
    DE_FAMILIES,
    KG_MALE,
    KG_STEMS,
    KO_FAMILIES,
    KZ_FATHERS,
    KZ_FEMALE,
    KZ_MALE,
    KZ_STEMS,
    RU_FAMILIES,
    RU_FEMALE,
    RU_MALE,
    TT_FAMILIES,
    TT_FEMALE,
    TT_MALE,
    UG_FEMALE,
    UG_MALE,
    UG_STEMS,
    UZ_FEMALE,
    UZ_MALE,
    UZ_STEMS,
    Ranked,
    compound_tail,
    family_form,
    famous,
    patronymic_kz,
    patronymic_ru,
    russify,
)
from generators.altai_script import PLACES, SOUTH

KINDS = ("street", "hospital", "custody", "unidentified", "forces", "bystander")
_KIND_WEIGHTS = (46.0, 17.0, 4.0, 9.0, 13.0, 11.0)
_DAY_WEIGHTS = {4: 3.0, 5: 38.0, 6: 34.0, 7: 13.0, 8: 6.0, 9: 3.0, 10: 2.0, 11: 1.0}
_COMMUNITIES = ("kz", "ru", "uz", "ug", "tt", "ko", "de", "kg")
_COMMUNITY_WEIGHTS = (76.0, 10.0, 4.0, 3.0, 2.0, 1.0, 1.0, 2.0)
_MUSLIM = frozenset(("kz", "uz", "ug", "tt", "kg"))
_TAIL = compound_tail("altai")
POOLS = {
    "kz_male": Ranked(KZ_MALE, 1.0, 4.0), "kz_female": Ranked(KZ_FEMALE, 1.0, 3.0),
    "kz_father": Ranked(KZ_FATHERS, 0.95, 3.0), "kz_stem": Ranked(KZ_STEMS, 0.9, 5.0),
    "tail": Ranked(_TAIL, 0.5, 20.0),
    "ru_male": Ranked(RU_MALE, 1.0, 3.0), "ru_female": Ranked(RU_FEMALE, 1.0, 3.0),
    "ru_family": Ranked(RU_FAMILIES, 0.8, 3.0), "uz_male": Ranked(UZ_MALE, 0.8, 3.0), "uz_female": Ranked(UZ_FEMALE),
    "uz_stem": Ranked(UZ_STEMS, 0.8, 3.0), "ug_male": Ranked(UG_MALE, 0.8, 3.0), "ug_female": Ranked(UG_FEMALE),
    "ug_stem": Ranked(UG_STEMS, 0.8, 3.0), "tt_male": Ranked(TT_MALE, 0.8, 3.0), "tt_female": Ranked(TT_FEMALE),
    "tt_family": Ranked(TT_FAMILIES, 0.8, 3.0), "ko_family": Ranked(KO_FAMILIES, 0.8, 3.0),
    "de_family": Ranked(DE_FAMILIES, 0.8, 3.0), "kg_male": Ranked(KG_MALE, 0.8, 3.0),
    "kg_stem": Ranked(KG_STEMS, 0.8, 3.0),
}


@dataclass
class Event:
    """One seed's crackdown: where the deaths fell, how people died, how far each list reached."""

    place_weights: list[float]
    kind_weights: list[float]
    reach: dict[str, float]  # list name -> a scale on its catchment, drawn per seed


@dataclass
class Victim:
    """A dead person as the generator knows them; ``TruePerson`` is the part shown to the benchmarks."""

    person_id: str
    community: str
    sex: str
    given: str  # in the person's own script (Kazakh letters for Kazakhs)
    family: str  # the family name now, own script
    maiden: str  # family name at birth when a married woman's differs, else ""
    father: str  # father's given name, own script ("" when unknown)
    born: dt.date
    wounded: dt.date  # the day of the wound or arrest (the day of death for most)
    died: dt.date
    found: dt.date  # the day the body was identified (the day of death unless unidentified)
    buried: dt.date
    place: int  # index into PLACES
    home: str  # region key of the home the family buries in
    kind: str
    iin: str
    doc_kz: bool  # whether the person's documents spell Kazakh letters
    kz_patronymic: bool  # whether the documents give Серікұлы rather than Серикович
    group: int  # household dying together (0: alone)

    def doc(self, word: str) -> str:
        """A word as the person's documents spell it."""
        return word if self.doc_kz else russify(word)

    @property
    def patronymic(self) -> str:
        """The patronymic as documents give it: Серікұлы on newer Kazakh papers, Серикович on older ones."""
        if not self.father or self.community == "kg":
            return ""
        if self.kz_patronymic:
            return patronymic_kz(self.father, self.sex)
        return patronymic_ru(self.father, self.sex)

    @property
    def region(self) -> str:
        """The region key of the place of death (``altai_script.REGIONS``)."""
        return PLACES[self.place][3]

    @property
    def muslim(self) -> bool:
        """Whether the family would bury in a Muslim cemetery (what the cemetery register covers)."""
        return self.community in _MUSLIM


def draw_event(rng: random.Random) -> Event:
    """This seed's event: every weight scaled by a log-normal factor, each list's reach drawn."""
    places = [weight * math.exp(rng.gauss(0.0, 0.5)) for *_, weight in PLACES]
    kinds = [weight * math.exp(rng.gauss(0.0, 0.25)) for weight in _KIND_WEIGHTS]
    reach = {name: rng.uniform(0.6, 1.0) for name in ("moh", "hr", "kz", "report", "burial")}
    return Event(places, kinds, reach)


def death_day(rng: random.Random, kind: str) -> tuple[dt.date, dt.date]:
    """(wounded, died): most died on 5-6 January; hospital deaths came days to weeks after the wound,
    custody deaths days after the arrest."""
    day = rng.choices(list(_DAY_WEIGHTS), list(_DAY_WEIGHTS.values()))[0]
    wounded = died = dt.date(2022, 1, day)
    if kind == "hospital":
        died += dt.timedelta(days=1 + min(int(rng.expovariate(1 / 6.0)), 45))
    elif kind == "custody":
        wounded = dt.date(2022, 1, rng.choice((6, 7, 7, 8, 8, 9)))
        died = wounded + dt.timedelta(days=rng.randrange(1, 10))
    return wounded, died


def birth_day(rng: random.Random, died: dt.date, age: int) -> dt.date:
    """A birth date that makes the person ``age`` on the day they died."""
    day = died - dt.timedelta(days=int(age * 365.25) + rng.randrange(1, 365))
    return day


def age_for(rng: random.Random, kind: str, sex: str) -> int:
    """Mostly young men; bystanders of every age; security forces of service age."""
    if kind == "forces":
        return max(19, min(55, int(rng.gauss(29, 7))))
    if kind == "bystander":
        return max(2, min(80, int(rng.gauss(36, 16))))
    mean = 33 if sex == "M" else 38
    return max(15, min(75, int(rng.gauss(mean, 10))))


def make_iin(rng: random.Random, born: dt.date, sex: str) -> str:
    """A valid IIN: YYMMDD, century and sex (3/4 for the 1900s, 5/6 for the 2000s), serial, check digit."""
    century = (3 if born.year < 2000 else 5) + (sex == "F")
    head = born.strftime("%y%m%d") + str(century)
    while True:
        digits = head + f"{rng.randrange(10000):04d}"
        check = iin_check_digit(digits)
        if check is not None:
            return digits + str(check)


def iin_check_digit(digits: str) -> int | None:
    """The 12th digit of an IIN from its first 11: weights 1..11 mod 11, then 3..11,1,2 on a 10;
    None when both give 10 (no IIN uses that serial)."""
    first = sum(int(d) * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if first != 10:
        return first
    second = sum(int(d) * w for d, w in zip(digits, (*range(3, 12), 1, 2), strict=True)) % 11
    return None if second == 10 else second


def home_region(rng: random.Random, place: int, kind: str) -> str:
    """Where the family lives and buries: many who died in Almaty came from the oblast or the south."""
    region = PLACES[place][3]
    if kind == "forces" and rng.random() < 0.5:
        return rng.choice((*SOUTH, "almaty_city", "aktobe", "karaganda", "east", "capital"))
    if region == "almaty_city":
        pick = rng.random()
        return "almaty_city" if pick < 0.52 else "almaty_obl" if pick < 0.8 else rng.choice(SOUTH[1:])
    return region if rng.random() < 0.9 else rng.choice(SOUTH)


def community_for(rng: random.Random, kind: str, region: str) -> str:
    """Kazakhs are most of the dead; security forces and the north have more Russians."""
    weights = list(_COMMUNITY_WEIGHTS)
    if kind == "forces" or region in ("karaganda", "east", "capital", "aktobe"):
        weights[1] *= 2.5
    if region in ("shymkent", "turkestan"):
        weights[2] *= 4
    if region in ("almaty_obl", "almaty_city"):
        weights[3] *= 1.5
    return rng.choices(_COMMUNITIES, weights)[0]


def given_name(rng: random.Random, community: str, sex: str) -> str:
    """A given name from the community's ranked pool (Kazakhs: a compound from the tail now and then)."""
    if community == "kz":
        if sex == "M" and rng.random() < 0.18:
            return POOLS["tail"].draw(rng)
        return POOLS["kz_male" if sex == "M" else "kz_female"].draw(rng)
    if community in ("ru", "ko", "de"):
        return POOLS["ru_male" if sex == "M" else "ru_female"].draw(rng)
    if community == "kg":
        return POOLS["kg_male"].draw(rng) if sex == "M" else POOLS["kz_female"].draw(rng)
    return POOLS[f"{community}_{'male' if sex == 'M' else 'female'}"].draw(rng)


def father_name(rng: random.Random, community: str) -> str:
    """A father's given name, from the older generation's pool (Серік, Болат, Жұмабай for Kazakhs)."""
    if community == "kz":
        return POOLS["kz_father"].draw(rng)
    if community in ("ru", "ko", "de"):
        return POOLS["ru_male"].draw(rng)
    return POOLS[f"{community}_male"].draw(rng)


def family_name(rng: random.Random, community: str, father: str) -> str:
    """A masculine family name: Kazakhs' from a forefather, often from the father himself (Серік ->
    Серіков), sometimes Серікұлы or the bare name; never a public figure's."""
    for _ in range(20):
        family = _family_draw(rng, community, father)
        if not famous(family):
            return family
    return family_form(POOLS["kz_stem"].draw(rng))


def _family_draw(rng: random.Random, community: str, father: str) -> str:
    if community == "kz":
        pick = rng.random()
        if pick < 0.22:
            return family_form(father)
        if pick < 0.27:
            return POOLS["kz_father"].draw(rng) + "ұлы"
        if pick < 0.3:
            return POOLS["kz_father"].draw(rng)
        if pick < 0.45:
            return family_form(POOLS["tail"].draw(rng))
        return family_form(POOLS["kz_stem"].draw(rng))
    if community in ("ru", "tt", "ko", "de"):
        return POOLS[f"{community}_family"].draw(rng)
    if community == "kg":
        stem = POOLS["kg_stem"].draw(rng)
        return f"{stem} уулу" if rng.random() < 0.3 else family_form(stem)
    stem = POOLS[f"{community}_stem"].draw(rng)
    return stem + "ев" if stem.endswith("а") else family_form(stem)  # Абдуллаев, Файзуллаев
