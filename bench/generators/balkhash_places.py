"""Where and when the deaths of ``balkhash`` happened, and where the dead came from.

Deaths cluster by city and day as the January 2022 events did: Almaty on the 5th and 6th above all,
Taldykorgan, Taraz, Shymkent, Kyzylorda, Aktobe and Zhanaozen on the 4th to 6th, a few towns of
Almaty oblast. Many of those killed in Almaty had come from villages, and were buried there: which is
why a village mosque or a regional akimat can know a death that happened in another region.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

JANUARY = dt.date(2022, 1, 1)


@dataclass(frozen=True)
class Site:
    place: str  # settlement in Russian, as TruePerson holds it
    place_kk: str  # the same in Kazakh
    region: str  # Russian, as lists write it
    districts: tuple[str, ...]  # Russian districts (city districts, or the rural district the town is in)
    district_latin: str  # the akimat's Latin name of the town's district ("" for republican cities)
    weight: float
    days: tuple[tuple[int, float], ...]  # day of January -> weight


SITES = (
    Site(
        "Алматы",
        "Алматы",
        "г. Алматы",
        (
            "Алмалинский р-н",
            "Бостандыкский р-н",
            "Медеуский р-н",
            "Ауэзовский р-н",
            "Алатауский р-н",
            "Жетысуский р-н",
            "Турксибский р-н",
            "Наурызбайский р-н",
        ),
        "",
        0.50,
        ((4, 0.04), (5, 0.38), (6, 0.34), (7, 0.13), (8, 0.05), (9, 0.04), (10, 0.02)),
    ),
    Site(
        "Талдыкорган",
        "Талдықорған",
        "Алматинская область",
        ("г. Талдыкорган",),
        "Taldyqorǵan qalasy",
        0.07,
        ((5, 0.55), (6, 0.35), (7, 0.10)),
    ),
    Site(
        "Талгар",
        "Талғар",
        "Алматинская область",
        ("Талгарский р-н",),
        "Talǵar aýdany",
        0.03,
        ((5, 0.5), (6, 0.4), (7, 0.1)),
    ),
    Site(
        "Каскелен",
        "Қаскелең",
        "Алматинская область",
        ("Карасайский р-н",),
        "Qarasaı aýdany",
        0.02,
        ((5, 0.5), (6, 0.4), (7, 0.1)),
    ),
    Site(
        "Есик",
        "Есік",
        "Алматинская область",
        ("Енбекшиказахский р-н",),
        "Eńbekshiqazaq aýdany",
        0.015,
        ((5, 0.6), (6, 0.4)),
    ),
    Site(
        "Капшагай", "Қапшағай", "Алматинская область", ("г. Капшагай",), "Qapshaǵaı qalasy", 0.01, ((5, 0.6), (6, 0.4))
    ),
    Site(
        "Тараз", "Тараз", "Жамбылская область", ("г. Тараз",), "Taraz qalasy", 0.08, ((5, 0.55), (6, 0.35), (7, 0.10))
    ),
    Site("Кордай", "Қордай", "Жамбылская область", ("Кордайский р-н",), "Qordaı aýdany", 0.01, ((5, 0.7), (6, 0.3))),
    Site(
        "Шымкент",
        "Шымкент",
        "г. Шымкент",
        ("Абайский р-н", "Аль-Фарабийский р-н", "Енбекшинский р-н", "Каратауский р-н"),
        "",
        0.07,
        ((5, 0.4), (6, 0.45), (7, 0.15)),
    ),
    Site(
        "Кызылорда",
        "Қызылорда",
        "Кызылординская область",
        ("г. Кызылорда",),
        "Qyzylorda qalasy",
        0.04,
        ((5, 0.7), (6, 0.3)),
    ),
    Site(
        "Актобе", "Ақтөбе", "Актюбинская область", ("г. Актобе",), "Aqtóbe qalasy", 0.03, ((4, 0.2), (5, 0.6), (6, 0.2))
    ),
    Site(
        "Жанаозен",
        "Жаңаөзен",
        "Мангистауская область",
        ("г. Жанаозен",),
        "Jańaózen qalasy",
        0.02,
        ((4, 0.3), (5, 0.5), (6, 0.2)),
    ),
    Site(
        "Актау", "Ақтау", "Мангистауская область", ("г. Актау",), "Aqtaý qalasy", 0.01, ((4, 0.3), (5, 0.5), (6, 0.2))
    ),
    Site("Кентау", "Кентау", "Туркестанская область", ("г. Кентау",), "Kentaý qalasy", 0.01, ((5, 0.6), (6, 0.4))),
    Site(
        "Туркестан",
        "Түркістан",
        "Туркестанская область",
        ("г. Туркестан",),
        "Túrkistan qalasy",
        0.01,
        ((5, 0.6), (6, 0.4)),
    ),
)

REGION_KK = {
    "г. Алматы": "Алматы қаласы",
    "Алматинская область": "Алматы облысы",
    "Жамбылская область": "Жамбыл облысы",
    "г. Шымкент": "Шымкент қаласы",
    "Кызылординская область": "Қызылорда облысы",
    "Актюбинская область": "Ақтөбе облысы",
    "Мангистауская область": "Маңғыстау облысы",
    "Туркестанская область": "Түркістан облысы",
}
REGION_LATIN = {
    "Алматинская область": "Almaty oblysy",
    "Жамбылская область": "Jambyl oblysy",
    "Кызылординская область": "Qyzylorda oblysy",
    "Актюбинская область": "Aqtóbe oblysy",
    "Мангистауская область": "Mańǵystaý oblysy",
    "Туркестанская область": "Túrkistan oblysy",
}
# Home villages (Kazakh spelling, as a village mosque writes them), by region.
VILLAGES = {
    "Алматинская область": ("Шамалған", "Ұзынағаш", "Шелек", "Кеген", "Қарабұлақ", "Сарқан", "Үшарал", "Іле"),
    "Жамбылская область": ("Мерке", "Шу", "Төле би", "Сарыкемер", "Қаратау", "Жаңатас"),
    "Туркестанская область": ("Сарыағаш", "Жетісай", "Шардара", "Ленгір", "Шәуілдір"),
    "Кызылординская область": ("Шиелі", "Жаңақорған", "Жалағаш", "Арал", "Тереңөзек"),
    "Мангистауская область": ("Шетпе", "Бейнеу", "Форт-Шевченко"),
    "Актюбинская область": ("Қандыағаш", "Шалқар", "Темір", "Хромтау"),
}


class Calendar:
    """Draws a site, and a day at that site, by the weights above."""

    def __init__(self) -> None:
        self.sites = SITES
        self.site_weights = [site.weight for site in SITES]

    def site(self, rng: random.Random) -> Site:
        return rng.choices(self.sites, self.site_weights)[0]

    @staticmethod
    def day(rng: random.Random, site: Site) -> dt.date:
        days, weights = zip(*site.days, strict=True)
        return JANUARY.replace(day=rng.choices(days, weights)[0])


def home_of(rng: random.Random, site: Site) -> tuple[str, str]:
    """The region and village or town (Kazakh) the dead person's family lives in and buries in."""
    if site.region in ("г. Алматы", "г. Шымкент"):
        if rng.random() < (0.24 if site.region == "г. Алматы" else 0.15):
            region = rng.choices(list(VILLAGES), (5, 3, 3, 2, 1, 1))[0]
            return region, rng.choice(VILLAGES[region])
        return site.region, site.place_kk
    if site.region in VILLAGES and rng.random() < 0.18:
        return site.region, rng.choice(VILLAGES[site.region])
    return site.region, site.place_kk
