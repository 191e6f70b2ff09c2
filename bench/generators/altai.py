"""``altai``: a held-out generator of overlapping lists of the dead of January 2022 in Kazakhstan.

Written from the generator interface, ``loading.py``, the import docs and the field catalogue only, so
that Tergeu's matching is scored on data its authors did not shape. Who is on which list follows from
how, where and when each person died and where their family lives (``altai_catch``), not from one
hidden visibility; relatives die together (``altai_population``); five lists each write names, dates
and places in their own habits (``altai_official``, ``altai_public``) and formats (``altai_files``).

Lists: ``moh`` (Ministry of Health registry, XLSX, one upper-case name cell, IINs, typed dates, one per
person), ``hr`` (Russian-language rights group, UTF-8 CSV, "Фамилия И.О." or "Имя Фамилия", ages,
repeats), ``kz`` (Kazakh-language volunteers, UTF-8 tab-separated, given name first, Kazakh months,
"Ержан (32 жаста)", repeats), ``report`` (an international report, JSON, Latin spellings with the
family name in capitals, English dates, partly copied from ``hr``) and ``burial`` (cemetery register,
CP1251 ``;``, burial date as ``date_recorded``, one per person).
"""

from __future__ import annotations

import random

from generators import GeneratedList, GeneratedSet, TruePerson
from generators.altai_catch import listed
from generators.altai_files import delimited, json_report, xlsx
from generators.altai_official import burial_rows, moh_rows
from generators.altai_people import Victim, draw_event
from generators.altai_population import population
from generators.altai_public import KZ_HEADERS, hr_rows, kz_rows, report_rows
from generators.altai_script import PLACES, REGIONS

# The volunteers write the given name first; the cemetery register has a "Место" (grave) column that
# the header guess would take for the place of death.
KZ_MAP = f"""name_order = "given_first"
[columns]
source_record_id = "{KZ_HEADERS[0]}"
full_name = "{KZ_HEADERS[1]}"
age = "{KZ_HEADERS[2]}"
date_of_death = "{KZ_HEADERS[3]}"
place_of_death = "{KZ_HEADERS[4]}"
region = "{KZ_HEADERS[5]}"
notes = "{KZ_HEADERS[6]}"
"""
BURIAL_MAP = """name_order = "family_first"
[columns]
source_record_id = "№ п/п"
full_name = "Ф.И.О. умершего"
date_of_birth = "Год рождения"
date_recorded = "Дата захоронения"
"""


def _truth(people: list[str]) -> dict[int, str]:
    return dict(enumerate(people, start=1))


def _true_person(victim: Victim) -> TruePerson:
    """What the person's documents say, with the Russian place and region names lists use."""
    return TruePerson(person_id=victim.person_id, family=victim.doc(victim.family), given=victim.doc(victim.given),
                      father_given=victim.doc(victim.father), sex=victim.sex, date_of_birth=victim.born,
                      date_of_death=victim.died, place=PLACES[victim.place][0], region=REGIONS[victim.region][0])


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead (the true toll) and the five lists that name some of them, for ``seed``."""
    rng = random.Random(f"altai:{seed}:event")
    event = draw_event(rng)
    victims = population(rng, event, people)
    on = listed(random.Random(f"altai:{seed}:catch"), victims, event)
    moh = moh_rows(random.Random(f"altai:{seed}:moh"), on["moh"])
    hr, hr_written = hr_rows(random.Random(f"altai:{seed}:hr"), on["hr"])
    kz = kz_rows(random.Random(f"altai:{seed}:kz"), on["kz"])
    items, report_people = report_rows(random.Random(f"altai:{seed}:report"), on["report"], hr_written)
    burial = burial_rows(random.Random(f"altai:{seed}:burial"), on["burial"])
    lists = [
        GeneratedList("moh", "moh_deaths.xlsx", xlsx(moh, "Умершие 01.2022"), _truth(moh.people),
                      one_per_person=True),
        GeneratedList("hr", "hr_list.csv", delimited(hr, ",", "utf-8"), _truth(hr.people)),
        GeneratedList("kz", "tizim.tsv", delimited(kz, "\t", "utf-8"), _truth(kz.people), map_toml=KZ_MAP),
        GeneratedList("report", "report.json", json_report(items, "Killed in January: a documentation report"),
                      _truth(report_people)),
        GeneratedList("burial", "burials.csv", delimited(burial, ";", "cp1251"), _truth(burial.people),
                      map_toml=BURIAL_MAP, one_per_person=True),
    ]
    truth = {victim.person_id: _true_person(victim) for victim in victims}
    return GeneratedSet(f"altai{people}_seed{seed}", truth, lists)
