"""The foreign journalists' list and the Muftiate's burial register of ``irtysh``.

Three foreign outlets each published the names they could confirm, and a data desk merged them into
one JSON file, keeping each row in its outlet's spelling: an English wire (BGN/PCGN-like, AP dates
"Jan. 5, 2022", short forms such as Sasha), a French paper (Erjan SERIKOV, dates 05/01/2022) and a
German one (Jerschan Serikow, 05.01.2022). A person two outlets reported is in the file twice. Much of
what they printed was copied from the volunteers' sheet, typing slips and rounded ages included, which
is why the two lists are positively dependent. The desk's keys ("victim", "date") need a column map.

The Muftiate's register lists the Muslims its imams buried, typed up from handwritten burial books
(cursive misreadings), Kazakh letters and headers, burial date as ``date_recorded``: a body was
usually buried the day after it was released, and in January 2022 bodies were released late.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

from generators import GeneratedList
from generators.irtysh_forms import PLACE_KK, PLACE_LATIN, REGION_KK, kazakhise, patronymic
from generators.irtysh_names import russify
from generators.irtysh_people import Victim
from generators.irtysh_public import Report
from generators.irtysh_script import cursive_slip, romanise, short_form, typing_slip

OUTLETS = (("Steppe Wire", "en", 0.5), ("Le Courrier d'Asie centrale", "fr", 0.3),
           ("Zentralasien-Rundschau", "de", 0.2))
MEDIA_MAP = """name_order = "given_first"
[columns]
full_name = "victim"
age = "age"
date_of_death = "date"
place_of_death = "city"
"""


def _copied_words(report: Report) -> list[str]:
    """The volunteer's name turned given-name-first, the patronymic (the middle of three words) dropped.

    The journalists go by position, not by ending: a family name in -ұлы stays, and a row with no
    family name ("Ерлан Серікұлы") keeps the patronymic in the family name's place."""
    words = report.name.split()
    if report.clerk.given_first:
        return [words[0], words[-1]] if len(words) >= 3 else words
    return [words[1], words[0]] if len(words) >= 2 else words


def _media_name(rng: random.Random, victim: Victim, report: Report | None, scheme: str) -> str:
    if report is not None:
        words = _copied_words(report)
    else:
        words = [russify(victim.person.given), russify(victim.person.family)]
        if scheme == "en" and rng.random() < 0.05:
            words[0] = short_form(words[0])
    latin = romanise(" ".join(words), scheme).split()
    if scheme == "fr" and len(latin) > 1:
        latin[-1] = latin[-1].upper()
    return " ".join(latin)


AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _media_date(day: dt.date, scheme: str) -> str:
    if scheme == "en":
        return f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day:%d/%m/%Y}" if scheme == "fr" else f"{day:%d.%m.%Y}"


def _media_row(rng: random.Random, victim: Victim, report: Report | None, outlet: tuple) -> dict:
    name, scheme, _share = outlet
    person = victim.person
    row: dict = {"victim": _media_name(rng, victim, report, scheme)}
    years = (person.date_of_death - person.date_of_birth).days * 4 // 1461
    if report is not None and isinstance(report.age, int):
        row["age"] = report.age
    elif rng.random() < 0.65:
        row["age"] = years
    day = report.day if report is not None else (
        victim.injured if victim.hospital and rng.random() < 0.3 else person.date_of_death)
    if day is not None and rng.random() < 0.9:
        row["date"] = _media_date(day, scheme)
    row["city"] = PLACE_LATIN[scheme][person.place]
    row["outlet"] = name
    published = max(person.date_of_death, dt.date(2022, 1, 8)) + dt.timedelta(days=rng.randint(1, 30))
    row["published"] = published.isoformat()
    return row


def media(known: list[Victim], reports: list[Report], rng: random.Random) -> GeneratedList:
    """The merged journalists' list (JSON): one row per outlet that reported a person."""
    by_person: dict[str, Report] = {}
    for report in reports:
        by_person.setdefault(report.victim.person.person_id, report)
    rows: list[tuple[int, str, str, dict]] = []
    for victim in known:
        count = rng.choices((1, 2, 3), (72, 23, 5))[0]
        outlets = list(OUTLETS)
        for _ in range(count):
            outlet = rng.choices(outlets, [o[2] for o in outlets])[0]
            outlets.remove(outlet)
            report = by_person.get(victim.person.person_id)
            copied = report if report is not None and rng.random() < 0.6 else None
            row = _media_row(rng, victim, copied, outlet)
            rows.append((OUTLETS.index(outlet), row["published"], victim.person.person_id, row))
    rows.sort(key=lambda item: item[:3])
    document = {"dataset": "Kazakhstan, January 2022: people reported killed", "compiled_by": "data desk",
                "updated": "2022-03-01", "records": [row for *_key, row in rows]}
    content = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    truth = {number: person_id for number, (_o, _p, person_id, _row) in enumerate(rows, start=1)}
    return GeneratedList("media", "media.json", content, truth, map_toml=MEDIA_MAP)


CEMETERIES = {"Алматы": ('"Кеңсай-2" зираты', "Бурундай зираты", "Ақсай зираты", '"Ақжар" мұсылман зираты')}


def _burial(rng: random.Random, victim: Victim) -> dt.date:
    died = victim.person.date_of_death
    if victim.hospital:
        return died + dt.timedelta(days=rng.randint(1, 2))
    return died + dt.timedelta(days=1 + min(int(rng.expovariate(1 / 3)), 20))


def _mosque_name(rng: random.Random, victim: Victim) -> str:
    person = victim.person
    family, given = kazakhise(person.family), kazakhise(person.given)
    father = kazakhise(patronymic(victim, "kk"))
    if rng.random() < 0.08:
        family = ""  # the imam knew him as Ерлан Серікұлы
    name = " ".join(part for part in (family, given, father) if part)
    slip = rng.random()
    if slip < 0.04:
        return cursive_slip(rng, name)
    return typing_slip(rng, name) if slip < 0.05 else name


def mosque(known: list[Victim], rng: random.Random) -> GeneratedList:
    """The Muftiate's burial register (CSV, Kazakh): one row per burial, in burial order."""
    rows = []
    for victim in known:
        person = victim.person
        buried = _burial(rng, victim)
        years = (person.date_of_death - person.date_of_birth).days * 4 // 1461
        age = "" if rng.random() < 0.1 else (f"{years} жаста" if rng.random() < 0.5 else str(years))
        day = f"{buried:%d.%m.%Y}" if rng.random() < 0.7 else f"{buried.day} қаңтар {buried.year}"
        if buried.month != 1:
            day = f"{buried:%d.%m.%Y}"
        city = PLACE_KK[person.place]
        cemetery = rng.choice(CEMETERIES.get(person.place, (f"{city} қалалық мұсылман зираты",)))
        note = ""
        if (buried - person.date_of_death).days > 3 and rng.random() < 0.4:
            note = f"денесі моргтан {buried - dt.timedelta(days=1):%d.%m} берілді"
        rows.append((buried, rng.random(), person.person_id, _mosque_name(rng, victim), age, day, cemetery,
                     REGION_KK[person.region], note))
    rows.sort()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Реттік нөмір", "Марқұмның аты-жөні", "Жасы", "Жерленген күні", "Зират", "Облыс / қала",
                     "Ескертпе"])
    truth = {}
    for number, (_b, _r, person_id, *cells) in enumerate(rows, start=1):
        writer.writerow([number, *cells])
        truth[number] = person_id
    return GeneratedList("mosque", "mosque.csv", out.getvalue().encode("utf-8"), truth, one_per_person=True)
