"""Where the synthetic deaths happen, and how each list writes the place.

The shares follow the Prosecutor General's Office figures of 14 March 2022 (Almaty city 139 of the
dead; the rest in seven other regions, Almaty region the next largest) so that estimates computed on
the demo look like estimates on the real case. Counts are given for a population of 238, the
Ombudsperson's total, and scaled for other sizes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A city as the population records it (Russian-style Cyrillic) and as each list spells it."""

    ru: str
    kk: str
    en: str
    region: str
    region_en: str
    count_238: int

    @property
    def almaty_city(self) -> bool:
        return self.ru == "Алматы"

    @property
    def almaty_area(self) -> bool:
        """Almaty city and Almaty region: the area the Almaty morgue list covers."""
        return self.region in ("Алматы", "Алматинская область")

    def official_label(self) -> str:
        """How a prosecutor's office types a place: a city of republican rank alone, else with its oblast."""
        if self.region == self.ru:
            return f"г. {self.ru}"
        short = self.region.replace(" область", " обл.")
        return f"{short}, г. {self.ru}"


PLACES: tuple[Place, ...] = (
    Place("Алматы", "Алматы", "Almaty", "Алматы", "Almaty", 139),
    Place("Талдыкорган", "Талдықорған", "Taldykorgan", "Алматинская область", "Almaty Region", 18),
    Place("Каскелен", "Қаскелең", "Kaskelen", "Алматинская область", "Almaty Region", 6),
    Place("Талгар", "Талғар", "Talgar", "Алматинская область", "Almaty Region", 6),
    Place("Тараз", "Тараз", "Taraz", "Жамбылская область", "Zhambyl Region", 20),
    Place("Шымкент", "Шымкент", "Shymkent", "Шымкент", "Shymkent", 18),
    Place("Кызылорда", "Қызылорда", "Kyzylorda", "Кызылординская область", "Kyzylorda Region", 10),
    Place("Актобе", "Ақтөбе", "Aktobe", "Актюбинская область", "Aktobe Region", 8),
    Place("Семей", "Семей", "Semey", "Восточно-Казахстанская область", "East Kazakhstan Region", 6),
    Place("Усть-Каменогорск", "Өскемен", "Ust-Kamenogorsk", "Восточно-Казахстанская область",
          "East Kazakhstan Region", 4),
    Place("Туркестан", "Түркістан", "Turkestan", "Туркестанская область", "Turkestan Region", 3),
)

PLACE_BY_RU: dict[str, Place] = {place.ru: place for place in PLACES}

# Special categories for a population of 238, by place (GPO 14 March and the special prosecutor,
# 23 February 2022): 19 security personnel, 6 deaths in custody, 20 civilians killed in crossfire.
SPECIAL_COUNTS_238: dict[str, dict[str, int]] = {
    "security_personnel": {"Алматы": 11, "Талдыкорган": 2, "Тараз": 2, "Шымкент": 2, "Кызылорда": 1,
                           "Актобе": 1},
    "custody": {"Алматы": 2, "Семей": 2, "Усть-Каменогорск": 1, "Талдыкорган": 1},
    "crossfire": {"Алматы": 11, "Талдыкорган": 4, "Каскелен": 2, "Талгар": 2, "Тараз": 1},
}

# Share of Russian and of other (Uyghur, Uzbek, Tatar, Korean…) names by region: the north-east is
# more Russian-speaking, the south more Uzbek, Almaty region more Uyghur.
ETHNIC_MIX: dict[str, tuple[float, float]] = {
    "Алматы": (0.13, 0.02),
    "Алматинская область": (0.10, 0.06),
    "Восточно-Казахстанская область": (0.45, 0.02),
    "Актюбинская область": (0.10, 0.02),
    "Шымкент": (0.03, 0.08),
    "Туркестанская область": (0.02, 0.10),
    "Жамбылская область": (0.04, 0.05),
}
DEFAULT_ETHNIC_MIX = (0.03, 0.02)


def apportion(weights: list[int], total: int) -> list[int]:
    """Largest-remainder apportionment: integer counts summing to ``total`` in proportion to weights.

    Used to scale the 238-person distribution to any size without losing anyone to rounding.
    """
    whole = sum(weights)
    exact = [w * total / whole for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - counts[i], weights[i]), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def scaled(count_238: int, size: int) -> int:
    """A count given for 238 people, scaled to ``size`` people (at least 1 if it was non-zero)."""
    if count_238 == 0:
        return 0
    return max(1, round(count_238 * size / 238))
