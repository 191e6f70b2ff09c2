"""Who is on which list: capture probabilities from what a list could know, plus one hidden trait.

Each list's chance of naming a person is a logistic function of observable covariates (age group,
sex, city, kind of death) and of the household's unobserved ``voice`` (did the family go public):

- ``official``: the Prosecutor General's civilians; knows most who died in the open or in hospital,
  hides deaths in custody, omits the security forces (the ministry lists them), was pressed by
  children's and women's deaths into completeness, barely depends on voice.
- ``hospital``: deaths in the hospitals of Almaty (which took the wounded of Talgar, Kaskelen and
  Esik), Taldykorgan and Shymkent: mostly the wounded who died later; independent of voice.
- ``memorial``: a Kazakh-language memorial site: families who came forward (strongly voice), Kazakhs,
  families from villages, deaths in custody; hardly any minority or soldier.
- ``telegram``: a channel's own reports follow voice, young men and Almaty; and it reposted the
  official list once published: more than half of the official's names were copied, errors included
  (``copied``), so the two lists are strongly positively dependent; some people were posted twice.
- ``mvd``: the interior ministry's "liquidated": men in the street or detained, rarely women or
  children, those whose families stayed silent above all (negative voice); its own dead in full.

The result is a plan: for each list, the people it names, in the order they were found.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from generators.aral_people import Person

_OFFICIAL = {"street": -0.1, "bystander": 0.4, "wounds": 0.5, "custody": -2.1}
_HOSPITAL = {"wounds": 2.3, "street": -1.6, "bystander": -1.1, "custody": -2.8, "forces": -1.4}
_HOSPITAL_CITY = {"almaty": 0.0, "talgar": -0.7, "kaskelen": -0.7, "esik": -0.9, "taldykorgan": -0.4,
                  "shymkent": -0.6}
_MEMORIAL = {"street": -1.6, "bystander": -1.3, "wounds": -1.4, "custody": -0.6, "forces": -4.0}
_TELEGRAM = {"street": -1.5, "bystander": -1.7, "wounds": -1.8, "custody": -1.1, "forces": -2.6}
_MVD = {"street": -0.2, "bystander": -2.2, "wounds": -1.0, "custody": -0.4}
COPIED = 0.55  # share of the official list the channel reposted
POSTED_TWICE = 0.12


def _chance(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def age_group(person: Person) -> str:
    age = person.age
    return "child" if age < 18 else "young" if age < 30 else "mid" if age < 50 else "old"


def official_logit(p: Person) -> float | None:
    if p.kind == "forces":
        return None
    group = age_group(p)
    return (_OFFICIAL[p.kind] + 0.9 * (group == "child") + 0.3 * (p.sex == "F") - 0.3 * (p.city == "almaty")
            + 0.3 * p.voice)


def hospital_logit(p: Person) -> float | None:
    if p.city not in _HOSPITAL_CITY:
        return None
    return _HOSPITAL[p.kind] + _HOSPITAL_CITY[p.city] + 0.3 * (age_group(p) == "old")


def memorial_logit(p: Person) -> float:
    group = age_group(p)
    return (_MEMORIAL[p.kind] + (0.6 if p.community == "kz" else -1.8) + 1.5 * p.voice
            + 0.6 * ("ауылы" in p.home) + 0.3 * (p.sex == "F") + 0.6 * (group == "child"))


def telegram_logit(p: Person) -> float:
    return (_TELEGRAM[p.kind] + 1.1 * p.voice + 0.5 * (age_group(p) == "young") + 0.5 * (p.city == "almaty")
            - 0.4 * (p.community in ("ko", "de")))


def mvd_logit(p: Person) -> float:
    if p.kind == "forces":
        return 2.4
    group = age_group(p)
    return _MVD[p.kind] - 1.6 * (p.sex == "F") - 2.2 * (group == "child") - 0.4 * (group == "old") - 0.7 * p.voice


@dataclass
class Plan:
    """Who each list names; ``telegram`` holds (person, how) with how = copied | own | again."""

    official: list[Person] = field(default_factory=list)
    hospital: list[Person] = field(default_factory=list)
    memorial: list[Person] = field(default_factory=list)
    telegram: list[tuple[Person, str]] = field(default_factory=list)
    mvd: list[Person] = field(default_factory=list)


def _draw(rng: random.Random, logit: float | None) -> bool:
    return logit is not None and rng.random() < _chance(logit)


def plan(people: list[Person], rng: random.Random) -> Plan:
    """Draw every list's membership; the order of people is the order the deaths became known."""
    result = Plan()
    own: list[Person] = []
    for person in people:
        if _draw(rng, official_logit(person)):
            result.official.append(person)
        if _draw(rng, hospital_logit(person)):
            result.hospital.append(person)
        if _draw(rng, memorial_logit(person)):
            result.memorial.append(person)
        if _draw(rng, telegram_logit(person)):
            own.append(person)
        if _draw(rng, mvd_logit(person)):
            result.mvd.append(person)
    copied = [p for p in result.official if rng.random() < COPIED]
    again = [p for p in own if rng.random() < POSTED_TWICE]
    posts = [(p, "own") for p in own] + [(p, "again") for p in again]
    rng.shuffle(posts)
    cut = int(len(posts) * 0.55)  # the official list was reposted some two weeks in
    result.telegram = posts[:cut] + [(p, "copied") for p in copied] + posts[cut:]
    return result
