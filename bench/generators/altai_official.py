"""``altai``'s two institutional lists: the Ministry of Health death registry and a cemetery register.

Both name each person at most once and take names from papers: the registry copies the documents in
upper case (Kazakh letters where the papers have them), with IINs and typed dates; the cemetery clerk
types into a CP1251 spreadsheet, so Kazakh letters become their Russian neighbours, and writes the
burial date (a day to a week after the death) and usually only the year of birth.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators.altai_names import KZ_FEMALE, RU_FEMALE, feminine, russify
from generators.altai_people import Victim
from generators.altai_render import burial_name, initial, moh_name
from generators.altai_script import PLACES, REGIONS, swapped, transposed_year

REGION_ORDER = {key: index for index, key in enumerate(REGIONS)}
MOH_HEADERS = ["№ п/п", "ФАМИЛИЯ ИМЯ ОТЧЕСТВО", "ИИН", "Дата рождения", "Пол", "Дата смерти", "Регион",
               "Медицинская организация", "Код МКБ-10", "Причина смерти"]
BURIAL_HEADERS = ["№ п/п", "Ф.И.О. умершего", "Год рождения", "Дата захоронения", "Кладбище", "Участок", "Ряд",
                  "Место", "Заказчик"]
_ICD = {"street": ("X95", "Y35.0"), "unidentified": ("X95", "Y35.0", "R99"), "bystander": ("X95", "Y35.0", "W34"),
        "hospital": ("T79.4", "S36.9", "S06.7", "T07"), "custody": ("R99", "T07", "X59"), "forces": ("Y36.4", "X95")}
_CAUSE = {"X95": "огнестрельное ранение", "Y35.0": "огнестрельное ранение", "W34": "огнестрельное ранение",
          "R99": "причина не установлена", "T79.4": "травматический шок", "S36.9": "травма органов брюшной полости",
          "S06.7": "черепно-мозговая травма", "T07": "множественные травмы", "X59": "множественные травмы",
          "Y36.4": "огнестрельное ранение"}
_ALMATY_CEMETERIES = ("Кенсай", "Бурундай", "Райымбек", "Алатау", "Кенсай")
_OBLAST_CEMETERIES = ("Талгарское мусульманское", "Каскеленское мусульманское", "Капшагайское")


@dataclass
class Rows:
    """One list's header, its rows' cells (text, numbers or dates) and the person behind each row."""

    headers: list[str]
    cells: list[list[object]]
    people: list[str]


def moh_rows(rng: random.Random, victims: list[Victim]) -> Rows:
    """The registry's export, sorted by region and then alphabetically, as such exports are."""
    ordered = sorted(victims, key=lambda v: (REGION_ORDER[v.region], moh_name(v), v.person_id))
    rows = Rows(list(MOH_HEADERS), [], [])
    for number, victim in enumerate(ordered, start=1):
        icd = rng.choice(_ICD[victim.kind])
        died = victim.found if victim.kind == "unidentified" and rng.random() < 0.35 else victim.died
        if rng.random() < 0.004:
            died = swapped(died)
        sex = "" if rng.random() < 0.02 else {"M": "М", "F": "Ж"}[victim.sex]
        region = REGIONS[victim.region][0 if rng.random() < 0.8 else 1]
        rows.cells.append([number, moh_name(victim), _moh_iin(rng, victim), _moh_birth(rng, victim.born), sex,
                           died, region, _organisation(rng, victim), icd, _CAUSE[icd]])
        rows.people.append(victim.person_id)
    return rows


def _moh_iin(rng: random.Random, victim: Victim) -> str:
    """The IIN as registered: none for foreigners and some unidentified bodies; a slip now and then."""
    if not victim.iin or rng.random() < (0.2 if victim.kind == "unidentified" else 0.07):
        return ""
    iin = victim.iin
    if rng.random() < 0.015:
        at = rng.randrange(6, 11)
        if rng.random() < 0.5 and iin[at] != iin[at + 1]:
            return iin[:at] + iin[at + 1] + iin[at] + iin[at + 2:]
        return iin[:at] + str((int(iin[at]) + rng.randrange(1, 10)) % 10) + iin[at + 1:]
    return iin


def _moh_birth(rng: random.Random, born: dt.date) -> object:
    """A typed date mostly; some typed as text; a day/month swap or a transposed year now and then."""
    pick = rng.random()
    if pick < 0.03:
        return None
    if pick < 0.04:
        born = swapped(born)
    elif pick < 0.047:
        born = transposed_year(born)
    return born.strftime("%d.%m.%Y") if rng.random() < 0.12 else born


def _organisation(rng: random.Random, victim: Victim) -> str:
    city = PLACES[victim.place][0]
    if victim.kind == "hospital":
        if victim.region == "almaty_city":
            return f"ГКБ №{rng.choice((1, 4, 5, 7, 7, 12))} г. Алматы"
        return f"Многопрофильная больница г. {city}"
    if victim.region == "almaty_city":
        return "Центр судебных экспертиз г. Алматы"
    return f"Филиал ЦСЭ, {REGIONS[victim.region][1]}"


def burial_rows(rng: random.Random, victims: list[Victim]) -> Rows:
    """The cemetery register, in the order of burial."""
    keyed = []
    for victim in victims:
        buried = victim.buried
        if rng.random() < 0.004:
            buried = swapped(buried)
        keyed.append((victim.buried, rng.random(), victim, buried))
    keyed.sort(key=lambda item: (item[0], item[1]))
    rows = Rows(list(BURIAL_HEADERS), [], [])
    for number, (_, _, victim, buried) in enumerate(keyed, start=1):
        rows.cells.append([str(number), burial_name(rng, victim), _burial_birth(rng, victim.born),
                           buried.strftime("%d.%m.%Y"), _cemetery(rng, victim), str(rng.randrange(1, 41)),
                           str(rng.randrange(1, 31)), str(rng.randrange(1, 61)), _applicant(rng, victim)])
        rows.people.append(victim.person_id)
    return rows


def _burial_birth(rng: random.Random, born: dt.date) -> str:
    pick = rng.random()
    if pick < 0.1:
        return ""
    if pick < 0.11:
        born = transposed_year(born)
    return born.strftime("%d.%m.%Y") if rng.random() < 0.17 else str(born.year)


def _cemetery(rng: random.Random, victim: Victim) -> str:
    if not victim.muslim:
        return "Северное кладбище"
    return rng.choice(_ALMATY_CEMETERIES if victim.home == "almaty_city" else _OBLAST_CEMETERIES)


def _applicant(rng: random.Random, victim: Victim) -> str:
    """Who paid for the grave: a mother, wife or brother, bearing the dead person's family name."""
    masculine = russify(victim.family if victim.sex == "M" else victim.family.removesuffix("а"))
    if rng.random() < 0.3:
        return f"{masculine} {initial(rng.choice('АБДЕМНСТ'))}{initial(rng.choice('АБЕКМНС'))}"
    first = russify(rng.choice(KZ_FEMALE if victim.muslim else RU_FEMALE))
    return f"{feminine(masculine)} {initial(first)}{initial(rng.choice('АБЕКМНСТ'))}"
