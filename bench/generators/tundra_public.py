"""The public lists of the ``tundra`` set: a Kazakh-language NGO list and a media list that copies it.

The NGO writes in Kazakh, given name first, ages rather than birth dates, Kazakh month names, and
sometimes the Kazakh form of a family name (Ахметұлы for Ахметов). The media list is mostly the NGO's
list in Latin letters, each outlet with its own transliteration, so the NGO's slips travel with it;
the rest the reporters found themselves.
"""

from __future__ import annotations

import json
import random

from generators import GeneratedList
from generators.tundra_lists import age_at, csv_bytes
from generators.tundra_names import kazakh_letters_lost, russify, to_latin, typo
from generators.tundra_people import Person

KAZ_MONTH = "қаңтар"
EN_MONTHS = ("January", "Jan.", "Jan")
NGO_STRONG = {"г. Алматы", "Алматинская область", "Мангистауская область"}
PLACE_KAZ = {"Алматы": "Алматы", "Талдыкорган": "Талдықорған", "Каскелен": "Қаскелең", "Есик": "Есік",
             "Талгар": "Талғар", "Капшагай": "Қапшағай", "Тараз": "Тараз", "Шымкент": "Шымкент",
             "Жанаозен": "Жаңаөзен", "Актау": "Ақтау", "Кызылорда": "Қызылорда", "Актобе": "Ақтөбе",
             "Усть-Каменогорск": "Өскемен", "Семей": "Семей", "Нур-Султан": "Нұр-Сұлтан", "Атырау": "Атырау"}
PLACE_EN = {"Алматы": "Almaty", "Талдыкорган": "Taldykorgan", "Каскелен": "Kaskelen", "Есик": "Esik",
            "Талгар": "Talgar", "Капшагай": "Kapchagay", "Тараз": "Taraz", "Шымкент": "Shymkent",
            "Жанаозен": "Zhanaozen", "Актау": "Aktau", "Кызылорда": "Kyzylorda", "Актобе": "Aktobe",
            "Усть-Каменогорск": "Ust-Kamenogorsk", "Семей": "Semey", "Нур-Султан": "Nur-Sultan", "Атырау": "Atyrau"}


def _ngo_family(person: Person, rng: random.Random) -> str:
    t = person.truth
    if person.community != "kaz":
        return t.family
    if person.family_style in ("ov", "ovkaz") and person.forefather and rng.random() < 0.12:
        return person.forefather + ("ұлы" if t.sex == "M" else "қызы")  # Ахметов written Ахметұлы
    if person.family_style == "ov" and rng.random() < 0.5:
        return _kazakh_spelling(t.family, person.forefather)
    return t.family


def _kazakh_spelling(family: str, forefather: str) -> str:
    """Сериков as the NGO spells it, Серіков: the forefather's name with its Kazakh letters."""
    plain = russify(forefather)
    return forefather + family[len(plain):] if forefather and family.startswith(plain) else family


def _ngo_row(person: Person, rng: random.Random) -> dict[str, str]:
    t = person.truth
    family = _ngo_family(person, rng)
    order = (t.given, family) if rng.random() < 0.94 else (family, t.given)
    name = " ".join(order)
    if rng.random() < 0.2:
        name = kazakh_letters_lost(name)  # typed on a Russian keyboard
    if rng.random() < 0.06:
        name = typo(name, rng)
    age = age_at(person) + (rng.choice((-1, 1)) if rng.random() < 0.12 else 0)
    roll = rng.random()
    age_text = "" if roll < 0.1 else f"~{round(age, -1)}" if roll < 0.14 and age >= 20 else str(age)
    day = t.date_of_death.day + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0)
    roll = rng.random()
    died = "" if roll < 0.08 else f"{day} {KAZ_MONTH} 2022" if roll < 0.75 else f"2022 жылғы {day} {KAZ_MONTH}"
    place = PLACE_KAZ.get(t.place, t.place) if rng.random() < 0.93 else ""
    return {"Аты-жөні": name, "Жасы": age_text, "Қаза тапқан күні": died, "Қаласы": place}


def ngo(people: list[Person], rng: random.Random) -> tuple[GeneratedList, list[tuple[dict[str, str], Person]]]:
    """The NGO list (JSON, UTF-8), and its rows with their people for the media to copy."""
    chosen = [p for p in people if rng.random() < (0.12 + 0.7 * p.visibility) *
              (1.0 if p.truth.region in NGO_STRONG else 0.55)]
    rows = [(_ngo_row(p, rng), p) for p in chosen]
    repeats = [(_ngo_row(p, rng), p) for _, p in rows if rng.random() < 0.03]  # reported twice by two volunteers
    rows += repeats
    rows.sort(key=lambda r: (r[1].truth.date_of_death, rng.random()))
    truth = {number: person.truth.person_id for number, (_, person) in enumerate(rows, start=1)}
    content = json.dumps([row for row, _ in rows], ensure_ascii=False, indent=1).encode("utf-8")
    map_toml = ('name_order = "given_first"\n[columns]\nfull_name = "Аты-жөні"\nage = "Жасы"\n'
                'date_of_death = "Қаза тапқан күні"\nplace_of_death = "Қаласы"\n')
    return GeneratedList("ngo", "qurbandar.json", content, truth, map_toml), rows


def _english_date(day: int, rng: random.Random) -> str:
    month = rng.choice(EN_MONTHS)
    return f"{month} {day}, 2022" if rng.random() < 0.6 else f"{day} {month.rstrip('.')} 2022"


def _latin_name(parts: tuple[str, ...], scheme: str, rng: random.Random) -> str:
    name = " ".join(to_latin(part, scheme) for part in parts)
    if rng.random() < 0.07:
        name = typo(name, rng)
    return name


def _copied(row: dict[str, str], scheme: str, rng: random.Random) -> list[str]:
    """A media row copied from the NGO's: its name transliterated, its age and date kept."""
    name = _latin_name(tuple(row["Аты-жөні"].split()), scheme, rng)
    died = row["Қаза тапқан күні"]
    day = died.split()[0] if died and not died.startswith("2022") else died.split()[-2] if died else ""
    place = to_latin(row["Қаласы"], "passport") if row["Қаласы"] else ""
    return [name, row["Жасы"].lstrip("~") if rng.random() < 0.85 else "", _english_date(int(day), rng) if day else "",
            place]


def _own(person: Person, scheme: str, rng: random.Random) -> list[str]:
    """A media row from the reporters' own sources: a Russian-language document spelling, romanised."""
    t = person.truth
    given, family = (russify(t.given), russify(t.family)) if rng.random() < 0.6 else (t.given, t.family)
    name = _latin_name((given, family), scheme, rng)
    age = str(age_at(person)) if rng.random() < 0.6 else ""
    died = _english_date(t.date_of_death.day, rng) if rng.random() < 0.7 else ""
    return [name, age, died, PLACE_EN.get(t.place, t.place)]


def media(ngo_rows: list[tuple[dict[str, str], Person]], people: list[Person], rng: random.Random) -> GeneratedList:
    """Media list (UTF-8 CSV, English headers), mostly copied from the NGO list; each outlet its own Latin."""
    outlets = ("passport", "by_ear", "by_ear", "passport", "latin2021")
    rows: list[tuple[list[str], str]] = []
    seen: set[str] = set()
    for row, person in ngo_rows:
        if person.truth.person_id not in seen and rng.random() < 0.25 + 0.45 * person.visibility:
            seen.add(person.truth.person_id)
            rows.append((_copied(row, rng.choice(outlets), rng), person.truth.person_id))
    for person in people:
        if person.truth.person_id not in seen and rng.random() < 0.04 + 0.2 * person.visibility ** 2:
            rows.append((_own(person, rng.choice(outlets), rng), person.truth.person_id))
    rng.shuffle(rows)
    truth = {number: pid for number, (_, pid) in enumerate(rows, start=1)}
    content = csv_bytes(["Name", "Age", "Date of death", "City"], [r for r, _ in rows], "utf-8", ",", "\n")
    map_toml = ('name_order = "given_first"\n[columns]\nfull_name = "Name"\nage = "Age"\n'
                'date_of_death = "Date of death"\nplace_of_death = "City"\n')
    return GeneratedList("media", "media_list.csv", content, truth, map_toml)
