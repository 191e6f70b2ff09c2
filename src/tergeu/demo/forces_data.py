"""The demo's security force: an invented structure, synthetic officials, incidents and a training file.

Every unit name and number here is invented (numbers in the 99xxx range, most named after steppe plants); the
officials are drawn like the demo's people (``naming.NameDrawer``), so no real commander is named. The
incidents sit where and when the synthetic population has most of its gunshot and crossfire deaths, so
the demo can tie them to its casualties by place and day. The structure carries what vetting must get
right: a battalion moved from one parent to another on 2 January 2022, a commander assumed in post after
his last citation (open-ended), a namesake posted after the events, unit numbers written in every form,
and a small training file in Security Force Monitor's FMTRPT layout whose recipients are messy strings.
Pure Python: files are written, ``build.py`` imports them through the forces importer.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tergeu.demo.naming import NameDrawer, kazakh_patronymic, russian_patronymic
from tergeu.demo.population import SyntheticPerson, generate_population
from tergeu.demo.translit import romanize, russianize

SOURCE = "Synthetic force structure (demo)"
REPORT = "Synthetic incident reports (demo)"
TRAINING_SOURCE = "Synthetic FMTRPT volume (demo)"
FILES = (("units.csv", "units"), ("relations.csv", "relations"), ("persons.csv", "persons"),
         ("postings.csv", "postings"), ("incidents.csv", "incidents"), ("trainings_fmtrpt.tsv", "trainings"))

# unit_id, name (kk), aliases (ru; en), identifiers, classification
UNITS = (
    ("D-CMD", "Дала өңірлік қолбасшылығы (шартты)", "Региональное командование «Степь» (условное);"
     "Steppe Regional Command (fictional)", "", "Army"),
    ("D-BDE", "«Жусан» бригадасы", "Бригада «Жусан»;Zhusan Brigade", "в/ч 99100", "Army"),
    ("D-BAT1", "«Сексеуіл» батальоны", "Батальон «Саксаул»;Sekseuil Battalion", "в/ч 99101", "Army"),
    ("D-BAT2", "«Қамыс» батальоны", "Батальон «Камыш»;Kamys Battalion", "әскери бөлім 99102", "Army"),
    ("D-COY1", "«Сексеуіл» батальонының 1-ротасы", "1-я рота батальона «Саксаул»;1 Company, Sekseuil Battalion",
     "ә/б 99101-1", "Army"),
    ("D-PKB", "«Дала» бітімгершілік батальоны", "Миротворческий батальон «Дала»;Dala Peacekeeping Battalion;"
     "DALABAT", "в/ч 99150", "Army"),
    ("D-GRD", "«Тобылғы» күзет полкі", "Полк охраны «Таволга»;Tobylgy Guard Regiment", "в/ч 99200",
     "Internal troops"),
)
# unit, parent, first cited, last cited, open-ended
RELATIONS = (
    ("D-BDE", "D-CMD", "2015", "2023-06", "Y"),
    ("D-BAT1", "D-BDE", "2018-03-01", "2021-12-20", "Y"),
    ("D-BAT2", "D-BDE", "2019", "2022-06", "N"),
    ("D-COY1", "D-BAT1", "2020-01-01", "2022-03-01", "N"),
    ("D-PKB", "D-BDE", "2016-05", "2021-11-30", "E"),
    ("D-PKB", "D-CMD", "2022-01-02", "2022-09-15", "Y"),  # moved under the command on the eve of the events
    ("D-GRD", "D-CMD", "2017", "2023-01", "Y"),
)
# official number, unit, role, title (kk), rank (ru), first cited, last cited, open-ended
POSTINGS = (
    (0, "D-CMD", "commander", "Қолбасшы", "генерал-майор", "2019-02", "2022-08", "N"),
    (1, "D-BDE", "commander", "Бригада командирі", "полковник", "2020-06-01", "2022-03-10", "N"),
    (2, "D-BDE", "deputy", "Командир орынбасары", "подполковник", "2020", "2022", "N"),
    (3, "D-BAT1", "commander", "Батальон командирі", "подполковник", "2020-09-01", "2021-12-31", "Y"),
    (4, "D-BAT1", "commander", "Батальон командирі", "майор", "2022-02-15", "2022-12-01", "N"),  # the namesake
    (5, "D-BAT2", "commander", "Батальон командирі", "подполковник", "2019-10", "2022-05", "N"),
    (6, "D-COY1", "commander", "Рота командирі", "капитан", "2021-01-10", "2022-01-20", "N"),
    (7, "D-PKB", "commander", "Батальон командирі", "подполковник", "2021-07-01", "2022-04-30", "N"),
    (8, "D-GRD", "commander", "Полк командирі", "полковник", "2018", "2022-11", "N"),
    (9, "D-PKB", "member", "Штаб офицері", "майор", "2021-09", "2022-02", "N"),
)
# how each incident's perpetrators are written (units, persons: official numbers written in Latin letters)
PERPETRATORS = (
    ("в/ч 99101, «Саксаул»", (3,)),
    ("DALABAT; MU 99150", ()),
    ("военнослужащие в/ч 99200", (8,)),
    ("99102 әскери бөлімі", ()),
    ("Қамыс батальоны; белгісіз әскерилер", ()),
)
# training id, recipient as the report writes it, course, start, end, place, trainees, cost, page
TRAININGS = (
    ("MILITARY UNIT 99150,DALABAT", "INVENTED PEACEKEEPING COURSE", "2019-03-04", "2019-03-15", "INVENTED CENTER",
     "24", "60000", "11"),
    ("Staff Officer, Dala Peacekeeping Battalion, Ministry of Defense", "INVENTED STAFF COURSE", "2020-06-08",
     "2020-06-19", "INVENTED COLLEGE", "2", "9000", "12"),
    ("99100, MINISTRY OF DEFENSE", "INVENTED LOGISTICS COURSE", "2021-02-01", "2021-02-12", "INVENTED BASE",
     "6", "15000", "13"),
    ("M.U. 99101", "INVENTED MARKSMANSHIP COURSE", "2021-05-10", "2021-05-28", "INVENTED RANGE", "18", "41000",
     "14"),
    ("Invented Border Outpost", "INVENTED MEDIC COURSE", "2021-08-02", "2021-08-06", "INVENTED BASE", "4", "", "15"),
    ("DALABAT", "INVENTED DEPLOYMENT COURSE", "2022-05-16", "2022-05-27", "INVENTED CENTER", "30", "70000", "16"),
)
FMTRPT_HEADERS = ("training:id:admin", "training:country", "qa:training_country_iso_3166_1", "training:program",
                  "training:course_title", "training:delivery_unit", "training:recipient_unit",
                  "qa:training_start_date_clean", "qa:training_end_date_clean", "training:location",
                  "training:quantity", "training:total_cost", "training:page_number",
                  "training:source_title_with_volume_section:admin")


@dataclass(frozen=True)
class Official:
    person_id: str
    name: str  # Kazakh or Russian Cyrillic, family name first, with the patronymic
    latin: str  # as a foreign report would write them
    birth_year: int


def officials(seed: int) -> list[Official]:
    """Ten synthetic officials; the fifth is a namesake of the fourth (same given and family name)."""
    rng = random.Random(seed + 17)
    names = NameDrawer(seed + 17, rng)
    found: list[Official] = []
    for number in range(10):
        ethnicity = "russian" if number in (2, 8) else "kazakh"
        given, family = names.given(ethnicity, "M"), names.family(ethnicity, "M")
        if number == 4:
            given, family = found[3].name.split()[1], found[3].name.split()[0]
            family = russianize(family)  # the namesake's papers are Russian-style
        father = names.father_given(ethnicity)
        patronymic = kazakh_patronymic(father, "M") if ethnicity == "kazakh" and number != 4 else \
            russian_patronymic(father, "M")
        name = f"{family} {given} {patronymic}"
        latin = f"{romanize(given, 'informal')} {romanize(family, 'informal')}"
        found.append(Official(f"D-P{number + 1:02d}", name, latin, rng.randint(1962, 1985)))
    return found


def incident_sites(seed: int, count: int = 5) -> list[tuple[str, str, int]]:
    """(place, day, deaths) of the synthetic population's largest groups of gunshot and crossfire deaths."""
    people: list[SyntheticPerson] = generate_population(seed)
    groups = Counter((p.place_of_death, p.date_of_death.isoformat()) for p in people
                     if p.circumstances in ("gunshot", "crossfire"))
    return [(place, day, deaths) for (place, day), deaths in groups.most_common(count)]


def _write(path: Path, headers: tuple[str, ...] | list[str], rows: list[list[str]], tab: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t" if tab else ",", lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)


def write_force_files(directory: Path, seed: int = 2022) -> list[tuple[Path, str]]:
    """Write the demo force's six files into ``directory``; (path, kind) in import order. The same seed
    writes the same bytes, so a second demo run finds them imported already."""
    directory.mkdir(parents=True, exist_ok=True)
    people = officials(seed)
    _write(directory / "units.csv", ("unit_id", "name", "aliases", "identifiers", "classification", "country",
                                     "source"),
           [[uid, name, aliases, ids, kind, "kz", SOURCE] for uid, name, aliases, ids, kind in UNITS])
    _write(directory / "relations.csv", ("unit_id", "parent_unit_id", "first_cited", "last_cited", "open_ended",
                                         "source"), [[*row, SOURCE] for row in RELATIONS])
    _write(directory / "persons.csv", ("person_id", "name", "aliases", "date_of_birth", "source"),
           [[p.person_id, p.name, p.latin, str(p.birth_year), SOURCE] for p in people])
    _write(directory / "postings.csv", ("person_id", "unit_id", "role", "title", "rank", "first_cited", "last_cited",
                                        "open_ended", "source"),
           [[people[n].person_id, *rest, SOURCE] for n, *rest in POSTINGS])
    sites = incident_sites(seed, len(PERPETRATORS))
    _write(directory / "incidents.csv", ("incident_id", "start", "end", "place", "description", "violation_types",
                                         "perpetrator_units", "perpetrator_persons", "source"),
           [[f"D-I{number + 1}", day, day, place,
             f"[synthetic] Firing on people; {deaths} synthetic deaths recorded here that day", "killing;injury",
             units, "; ".join(people[n].latin for n in persons), REPORT]
            for number, ((place, day, deaths), (units, persons)) in enumerate(zip(sites, PERPETRATORS, strict=True))])
    _write(directory / "trainings_fmtrpt.tsv", FMTRPT_HEADERS,
           [[f"00000000-0000-4000-9000-{number + 1:012d}", "Kazakhstan", "KAZ", "Invented Program, FY" + start[2:4],
             course, "INVENTED DELIVERY TEAM", recipient, start, end, place, trainees, cost, page, TRAINING_SOURCE]
            for number, (recipient, course, start, end, place, trainees, cost, page) in enumerate(TRAININGS)], tab=True)
    return [(directory / name, kind) for name, kind in FILES]
