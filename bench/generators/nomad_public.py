"""``nomad``'s two non-state lists: a diaspora volunteers' sheet and the Almaty oblast akimat's payments.

The volunteers (``volunteers``, JSON exported from their form) write given name first, each by their
own habit (passport-style zh/kh, j/h by ear, the Kazakh Latin of 2021; one in Almaty types Cyrillic);
they use short forms (Dima, Bauke), a married woman's maiden name when her parents reported her,
"~30" for a guessed age, Almaty districts as the place; the same death is sometimes reported twice by two volunteers.

The akimat (``akimat``, UTF-8 ``;`` CSV) pays families in Almaty oblast only: Kazakh headers and
spelling, Kazakh month names, ЖСН, ер/әйел, patronymics as Серікұлы, and Ахметұлы for a family that
other lists write Ахметов.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from generators import GeneratedList
from generators.nomad_names import SHORT_FORMS, kazakh_form, patronymic, russify, to_latin, typo
from generators.nomad_people import ALMATY, ALMATY_OBLAST, Victim
from generators.nomad_render import age_at, csv_bytes, en_date, iin_as_written, kk_date, reached, toml_map

VOLUNTEER_REACH = {"street": 0.5, "crossfire": 0.65, "hospital": 0.38, "custody": 0.6, "security": 0.02}
AKIMAT_REACH = {"street": 0.55, "crossfire": 0.9, "hospital": 0.75, "custody": 0.75, "security": 0.6}
_VOLUNTEERS = (("Aigerim (Berlin)", "by_ear"), ("Daniyar (Prague)", "passport"), ("Zhanna (Istanbul)", "passport"),
               ("Timur (Kyiv)", "latin2021"), ("Asel (Vilnius)", "by_ear"), ("Nurik (Bishkek)", "latin2021"),
               ("Гульмира (Алматы)", "cyrillic"))
_DISTRICT_LATIN = {"Алмалинский": "Almaly", "Ауэзовский": "Auezov", "Бостандыкский": "Bostandyk",
                   "Жетысуский": "Zhetysu", "Медеуский": "Medeu", "Наурызбайский": "Nauryzbay",
                   "Турксибский": "Turksib", "Алатауский": "Alatau"}
_WHAT = {"street": "shot near the akimat", "crossfire": "hit by a stray bullet", "hospital": "died in hospital",
         "custody": "died after detention, torture suspected", "security": "serviceman"}
_KK_PLACES = {"Талдыкорган": "Талдықорған", "Каскелен": "Қаскелең", "Талгар": "Талғар", "Есик": "Есік",
              "Капшагай": "Қапшағай", "Узынагаш": "Ұзынағаш"}


def _latin_name(victim: Victim, scheme: str, rng: random.Random) -> str:
    family, given, _father, maiden = victim.original
    if victim.truth.sex == "F" and maiden != family and rng.random() < 0.4:
        family = maiden  # her parents reported her
    if rng.random() < 0.12 and given in SHORT_FORMS:
        given = SHORT_FORMS[given]
    source = (lambda s: s) if scheme == "latin2021" else russify  # noqa: E731 - how this volunteer hears it
    if scheme == "cyrillic":
        given_l, family_l = russify(given), russify(family)
    else:
        given_l, family_l = to_latin(source(given), scheme), to_latin(source(family), scheme)
    if rng.random() < 0.08:
        family_l = typo(family_l, rng)
    if rng.random() < 0.05:
        given_l = typo(given_l, rng)
    roll = rng.random()
    if roll < 0.02:
        return given_l  # "only his first name is known"
    return f"{given_l} {family_l}" if roll < 0.93 else f"{family_l.upper()} {given_l}"


def _latin_place(victim: Victim, rng: random.Random) -> str | None:
    if rng.random() < 0.12:
        return None
    if victim.truth.region == ALMATY:
        if victim.district and rng.random() < 0.55:
            return f"Almaty, {_DISTRICT_LATIN[victim.district]} district"
        return rng.choice(("Almaty", "Almaty", "Alma-Ata"))
    return to_latin(victim.truth.place, "passport")


def _volunteer_row(victim: Victim, volunteer: tuple[str, str], rng: random.Random) -> dict[str, object]:
    person = victim.truth
    age = age_at(victim) + (rng.random() < 0.05)
    shown_age: object = None
    roll = rng.random()
    if roll < 0.6:
        shown_age = age
    elif roll < 0.8:
        shown_age = f"~{5 * round(age / 5)}"
    died = None
    if rng.random() < 0.75:
        day = victim.hurt if rng.random() < 0.3 else person.date_of_death  # "shot on the 5th"
        died = en_date(day + dt.timedelta(days=-1 if rng.random() < 0.04 else 0), rng)
    stamp = dt.datetime(2022, 1, 10, 9) + dt.timedelta(minutes=rng.randrange(60 * 24 * 60))
    return {"timestamp": stamp.strftime("%d/%m/%Y %H:%M:%S"), "name": _latin_name(victim, volunteer[1], rng),
            "age": shown_age,
            "city": person.place if volunteer[1] == "cyrillic" else _latin_place(victim, rng), "date_of_death": died,
            "what_happened": _WHAT[victim.how] if rng.random() < 0.7 else None, "volunteer": volunteer[0]}


def volunteers(victims: list[Victim], rng: random.Random) -> GeneratedList:
    reports: list[tuple[str, dict[str, object], str]] = []
    for victim in victims:
        weight = 1.0 if victim.truth.region == ALMATY else 0.55
        if not reached(victim, VOLUNTEER_REACH, rng, weight, attention=1.5):
            continue
        for volunteer in rng.sample(_VOLUNTEERS, 1 + (rng.random() < 0.08)):
            row = _volunteer_row(victim, volunteer, rng)
            reports.append((str(row["timestamp"])[6:10] + str(row["timestamp"])[3:5] + str(row["timestamp"])[:2]
                            + str(row["timestamp"])[11:], row, victim.truth.person_id))
    reports.sort(key=lambda r: r[0])
    content = json.dumps([r[1] for r in reports], ensure_ascii=False, indent=1).encode("utf-8")
    column_map = toml_map({"full_name": "name", "age": "age", "place_of_death": "city",
                           "date_of_death": "date_of_death", "circumstances": "what_happened"}, "given_first")
    return GeneratedList("volunteers", "volunteers.json", content, {i: r[2] for i, r in enumerate(reports, 1)},
                         column_map)


def _akimat_names(victim: Victim, rng: random.Random) -> tuple[str, str, str]:
    family, given, father, maiden = victim.original
    sex = victim.truth.sex
    kazakh = victim.community == "kazakh"
    if sex == "F" and maiden != family and rng.random() < 0.25:
        family = maiden
    if kazakh and victim.root and family == victim.original[0] != victim.root and rng.random() < 0.15:
        family = kazakh_form(victim.root, sex)
    if not kazakh or rng.random() < 0.15:
        family, given = russify(family), russify(given)
    roll = rng.random()
    if kazakh and roll < 0.6:
        patr = father + ("ұлы" if sex == "M" else "қызы")
    elif roll < 0.9:
        patr = patronymic(father, sex)
    else:
        patr = ""
    if rng.random() < 0.03:
        given = typo(given, rng)
    return family, given, patr


def _akimat_row(victim: Victim, rng: random.Random) -> list[str]:
    person = victim.truth
    family, given, patr = _akimat_names(victim, rng)
    born = kk_date(person.date_of_birth) if rng.random() < 0.4 else f"{person.date_of_birth:%d.%m.%Y}"
    died = kk_date(person.date_of_death) if rng.random() < 0.5 else f"{person.date_of_death:%d.%m.%Y}"
    iin = iin_as_written(victim.iin, rng, 0.02) if rng.random() < 0.85 else ""
    sex = ("ер" if person.sex == "M" else "әйел") if rng.random() < 0.9 else ""
    place = _KK_PLACES.get(person.place, person.place) + " қ."
    note = "отбасына өтемақы төленді" if rng.random() < 0.6 else ""
    return ["", family, given, patr, born if rng.random() < 0.9 else "", iin, sex, died, place, note]


def akimat(victims: list[Victim], rng: random.Random) -> GeneratedList:
    rows = [(_akimat_row(v, rng), v.truth.person_id) for v in victims
            if v.truth.region == ALMATY_OBLAST and reached(v, AKIMAT_REACH, rng)]
    rows.sort(key=lambda r: (r[0][1], r[0][2]))  # an alphabetical list, as paid
    for number, (row, _pid) in enumerate(rows, 1):
        row[0] = str(number)
    headers = ["Р/с", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "ЖСН", "Жынысы", "Қаза болған күні",
               "Қаза болған жері", "Ескерту"]
    content = csv_bytes(headers, [r[0] for r in rows], ";", "utf-8-sig")
    column_map = toml_map({"source_record_id": "Р/с", "family_name": "Тегі", "given_name": "Аты",
                           "patronymic": "Әкесінің аты", "date_of_birth": "Туған күні", "national_id": "ЖСН",
                           "sex": "Жынысы", "date_of_death": "Қаза болған күні", "place_of_death": "Қаза болған жері",
                           "notes": "Ескерту"}, values={"region": ALMATY_OBLAST})
    return GeneratedList("akimat", "akimat.csv", content, {i: r[1] for i, r in enumerate(rows, 1)}, column_map,
                         one_per_person=True)
