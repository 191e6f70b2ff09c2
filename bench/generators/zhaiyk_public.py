"""``zhaiyk``'s lists from outside the state: relatives' petitions in Kazakh and a human-rights report in English.

Relatives write the name as it is said, given name first: «Ерлан Серікұлы» (the father's name, no
family name) or «Ерлан Серіков», in Kazakh letters whatever the passport says, a married daughter
under her maiden name, ages as «32 жаста», dates with Kazakh months; two relatives sometimes petition
for the same person. The report's researchers romanise in three habits, often copying a petition's
name form, and give the day of the wounding for some who died later.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.zhaiyk_files import delimited, json_document
from generators.zhaiyk_names import kazakh_patronymic
from generators.zhaiyk_people import PLACES, Dead
from generators.zhaiyk_script import LATIN_SCHEMES, english_date, kazakh_date, phone_keyboard

_RELATIONS = ("әкесі", "анасы", "ағасы", "әйелі", "қарындасы", "інісі", "жұбайы", "апасы")
_CIRCUMSTANCES = {"street": "shot in the street", "bystander": "killed by a stray bullet",
                  "wounded": "died of gunshot wounds in hospital", "custody": "died in custody",
                  "found_later": "body found days later", "serviceman": "serviceman, killed on duty"}
_EN_REGIONS = {"г. Алматы": "Almaty", "Алматинская область": "Almaty Region", "Жамбылская область": "Zhambyl Region",
               "г. Шымкент": "Shymkent", "Кызылординская область": "Kyzylorda Region",
               "Актюбинская область": "Aktobe Region", "Туркестанская область": "Turkistan Region",
               "Западно-Казахстанская область": "West Kazakhstan Region"}


def age_at_death(person: Dead) -> int:
    died, born = person.died, person.born
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def spoken_name(person: Dead, rng: random.Random) -> tuple[str, str]:
    """Given name first, as relatives say it: with the father's name, the family name, or alone.

    Returns (given, rest) in canonical Kazakh letters; ``rest`` may be empty.
    """
    if person.community != "kazakh":
        return person.given, person.maiden or person.family
    family = person.maiden if person.maiden and rng.random() < 0.6 else person.family
    roll = rng.random()
    if person.father and (roll < 0.45 or person.family_kind == "father"):
        return person.given, kazakh_patronymic(person.father, person.sex)
    if roll < 0.93:
        return person.given, family
    return person.given, ""


def _age_text(person: Dead, rng: random.Random) -> str:
    years = age_at_death(person)
    roll = rng.random()
    if roll < 0.12:
        return ""
    if roll < 0.2 and years >= 20:
        return f"шамамен {5 * round(years / 5)}"
    return rng.choice((f"{years} жаста", f"{years} жас", str(years), f"{years} жаста"))


def _petition_row(person: Dead, rng: random.Random) -> list[str]:
    given, rest = spoken_name(person, rng)
    name = f"{given} {rest}".strip()
    if rng.random() < 0.25:
        name = phone_keyboard(name, rng)
    place = PLACES[person.place]
    day = kazakh_date(person.died, rng) if rng.random() < 0.9 else ""
    applicant = f"{person.father or person.given} ({rng.choice(_RELATIONS)})"
    return ["", name, _age_text(person, rng), day, place[2], place[3], applicant]


def petitions_list(entries: list[Dead], seed: int) -> GeneratedList:
    """The petitions in the order they came in (UTF-8 ``;``), a given-name-first map."""
    rng = random.Random(f"zhaiyk:{seed}:petitions:rows")
    order = list(range(len(entries)))
    rng.shuffle(order)
    rows = []
    for number, index in enumerate(order, start=1):
        row = _petition_row(entries[index], rng)
        row[0] = str(number)
        rows.append(row)
    headers = ["Р/с", "Аты-жөні", "Жасы", "Қаза болған күні", "Елді мекен", "Облыс", "Өтініш иесі"]
    column_map = ('name_order = "given_first"\n[columns]\nfull_name = "Аты-жөні"\nage = "Жасы"\n'
                  'date_of_death = "Қаза болған күні"\nplace_of_death = "Елді мекен"\nregion = "Облыс"\n')
    truth = {number: entries[index].pid for number, index in enumerate(order, start=1)}
    return GeneratedList("petitions", "petitions.csv", delimited(headers, rows, ";", "utf-8"), truth, column_map)


def _latin_name(person: Dead, rng: random.Random, copied: bool) -> str:
    scheme = LATIN_SCHEMES[rng.choices(("passport", "kz2021", "adhoc"), weights=(45, 25, 30))[0]]
    if copied:
        given, rest = spoken_name(person, rng)
    else:
        given, rest = person.given, person.family
    rest = scheme(rest)
    if rng.random() < 0.25:
        rest = rest.upper()
    return f"{scheme(given)} {rest}".strip()


def _report_entry(person: Dead, rng: random.Random, copied: bool) -> dict[str, object]:
    day: dt.date | None = person.died
    if person.kind == "wounded" and rng.random() < 0.5:
        day = person.injured
    elif rng.random() < 0.12:
        day = None
    years = age_at_death(person)
    roll = rng.random()
    age: object = None if roll < 0.15 else (f"about {5 * round(years / 5)}" if roll < 0.25 else years)
    entry: dict[str, object] = {"id": "", "name": _latin_name(person, rng, copied), "age": age,
                                "date_of_death": english_date(day, rng) if day else None,
                                "location": PLACES[person.place][4],
                                "region": _EN_REGIONS[PLACES[person.place][1]],
                                "circumstances": _CIRCUMSTANCES[person.kind]}
    entry["source"] = "relatives' petition" if copied else rng.choice(("interview", "witness", "local media"))
    return entry


def report_list(entries: list[tuple[Dead, bool]], seed: int) -> GeneratedList:
    """The report's annex (JSON inside an object, alphabetical by the Latin name as written)."""
    rng = random.Random(f"zhaiyk:{seed}:report:rows")
    rows = [(_report_entry(person, rng, copied), person.pid) for person, copied in entries]
    rows.sort(key=lambda r: (str(r[0]["name"]).split(" ")[-1].lower(), str(r[0]["name"]).lower()))
    for number, (entry, _pid) in enumerate(rows, start=1):
        entry["id"] = f"KZ-{number:05d}"
    document = {"title": "Kazakhstan, January 2022: the dead", "published": "2022-04-18",
                "victims": [entry for entry, _pid in rows]}
    column_map = ('name_order = "given_first"\n[columns]\nsource_record_id = "id"\nfull_name = "name"\nage = "age"\n'
                  'date_of_death = "date_of_death"\nplace_of_death = "location"\nregion = "region"\n'
                  'circumstances = "circumstances"\n')
    return GeneratedList("report", "report.json", json_document(document),
                         {n: r[1] for n, r in enumerate(rows, start=1)}, column_map)
