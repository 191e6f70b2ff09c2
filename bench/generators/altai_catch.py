"""Which ``altai`` lists learn of whom: each list's catchment, by how and where a person died and where
their family lives, instead of one hidden visibility shared by all lists.

- The Ministry of Health registry sees deaths that passed through hospitals and forensic morgues: almost
  every hospital death, most bodies from the street, fewer deaths in custody or of soldiers (military
  medicine keeps its own books); Almaty's overwhelmed system lost more than the regions.
- The Russian-language rights group hears from relatives and lawyers, chiefly in Almaty and its oblast,
  and documents torture in custody above all; it hardly lists security forces.
- The Kazakh-language volunteers hear through home villages and funerals: strong where the family lives
  in the south, among Kazakhs, and for the fallen servicemen the state media named.
- The international report researched Almaty and Taldykorgan itself, custody deaths first, and copied
  a share of the rights group's rows (``altai_lists.report_rows``).
- The cemetery register holds those buried in Almaty's Muslim cemeteries and a few nearby towns, which
  depends on where the family lives, not where the person died.
"""

from __future__ import annotations

import random

from generators.altai_people import Event, Victim
from generators.altai_script import PLACES

_MOH_KIND = {"street": 0.82, "hospital": 0.97, "custody": 0.62, "unidentified": 0.8, "forces": 0.45,
             "bystander": 0.88}
_HR_KIND = {"street": 0.62, "hospital": 0.5, "custody": 0.93, "unidentified": 0.62, "forces": 0.05,
            "bystander": 0.64}
_HR_REGION = {"almaty_city": 1.0, "almaty_obl": 0.8, "zhambyl": 0.55, "shymkent": 0.45, "kyzylorda": 0.35}
_KZ_KIND = {"street": 0.5, "hospital": 0.42, "custody": 0.3, "unidentified": 0.45, "forces": 0.85,
            "bystander": 0.55}
_KZ_HOME = {"almaty_obl": 0.95, "zhambyl": 0.95, "turkestan": 0.95, "kyzylorda": 0.9, "shymkent": 0.85,
            "almaty_city": 0.6}
_KZ_COMMUNITY = {"kz": 1.0, "kg": 0.5, "uz": 0.4, "ug": 0.4, "tt": 0.3}
_REPORT_KIND = {"street": 0.32, "hospital": 0.25, "custody": 0.85, "unidentified": 0.38, "forces": 0.0,
                "bystander": 0.5}
_REPORT_PLACE = {"Алматы": 1.0, "Талдыкорган": 0.6}
_BURIAL_HOME = {"almaty_city": 0.85, "almaty_obl": 0.3}


def moh(victim: Victim, event: Event) -> float:
    """Hospitals and forensic morgues: nearly all hospital deaths, fewer soldiers and custody deaths."""
    region = 0.8 if victim.region == "almaty_city" else 0.93
    return _MOH_KIND[victim.kind] * region * (0.85 + 0.15 * event.reach["moh"])


def hr(victim: Victim, event: Event) -> float:
    """Relatives and lawyers in Almaty and the south; torture in custody above all, hardly any soldiers."""
    community = 1.1 if victim.community in ("ru", "ko", "de") else 1.0
    return min(1.0, _HR_KIND[victim.kind] * _HR_REGION.get(victim.region, 0.25) * community) * event.reach["hr"]


def kz(victim: Victim, event: Event) -> float:
    """Home villages and funerals: by where the family lives, mostly Kazakhs, the named fallen servicemen."""
    home = _KZ_HOME.get(victim.home, 0.35)
    return _KZ_KIND[victim.kind] * home * _KZ_COMMUNITY.get(victim.community, 0.12) * event.reach["kz"]


def report(victim: Victim, event: Event) -> float:
    """The report's own research only; its copies of the rights group's rows come on top."""
    place = _REPORT_PLACE.get(PLACES[victim.place][0], 0.1)
    return _REPORT_KIND[victim.kind] * place * 0.75 * event.reach["report"]


def burial(victim: Victim, event: Event) -> float:
    """Almaty's Muslim cemeteries and a few nearby towns: those whose family lives there, not who died there."""
    died_near = victim.region in ("almaty_city", "almaty_obl")
    home = _BURIAL_HOME.get(victim.home, 0.02) if died_near else 0.01
    faith = 1.0 if victim.muslim else 0.15
    return home * faith * event.reach["burial"]


CATCHMENTS = {"moh": moh, "hr": hr, "kz": kz, "report": report, "burial": burial}


def listed(rng: random.Random, victims: list[Victim], event: Event) -> dict[str, list[Victim]]:
    """Each list's people, decided list by list and person by person (in a fixed order, for the seed)."""
    found: dict[str, list[Victim]] = {name: [] for name in CATCHMENTS}
    for victim in victims:
        for name, chance in CATCHMENTS.items():
            if rng.random() < chance(victim, event):
                found[name].append(victim)
    return found
