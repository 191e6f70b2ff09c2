"""``altai``'s three public lists: the Russian-language rights group, the Kazakh-language volunteers
and the international report, which copied part of the rights group's list into Latin letters.

These lists are compiled from relatives, lawyers, funerals and social media, so they repeat a person
now and then (two reports, two spellings), give an age rather than a birth date, and date a death by
what was reported: the day a body was found, or the day a person was wounded before dying in hospital.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from generators.altai_official import Rows
from generators.altai_people import Victim
from generators.altai_render import Tokens, age_at_death, en_name, en_own_name, hr_name, kz_name, ru_age
from generators.altai_script import PLACES, REGIONS, en_date, kz_date, ru_date, swapped

HR_HEADERS = ["№", "ФИО", "Возраст", "Дата гибели", "Город", "Обстоятельства", "Источник"]
KZ_HEADERS = ["Р/с", "Аты-жөні", "Жасы", "Қаза болған күні", "Қаза болған жері", "Облыс", "Ескерту"]
_HR_CIRCUMSTANCES = {
    "street": ("огнестрельное ранение на улице", "убит при разгоне митинга", "огнестрельное ранение"),
    "hospital": ("смерть в больнице от ранений", "скончался в реанимации", "ранение, умер позже в больнице"),
    "custody": ("смерть после задержания", "следы пыток, смерть в ИВС", "умер в СИЗО"),
    "unidentified": ("тело опознано в морге родственниками", "тело найдено через несколько дней"),
    "forces": ("военнослужащий", "сотрудник полиции"),
    "bystander": ("случайный прохожий", "обстрелян в автомобиле", "попал под обстрел у дома"),
}
_HR_SOURCES = ("родственники", "соцсети", "СМИ", "адвокат", "очевидцы")
_KZ_NOTES = {"forces": ("полиция қызметкері", "әскери қызметші"), "hospital": ("ауруханада қайтыс болды",),
             "unidentified": ("денесі кейін табылды",), "custody": ("қамауда қайтыс болды",)}
_EN_CIRCUMSTANCES = {
    "street": "shot during the dispersal of protesters", "hospital": "died of gunshot wounds in hospital",
    "custody": "died in detention; family reports torture", "unidentified": "body identified days later",
    "forces": "member of the security forces", "bystander": "bystander, shot in the street or in a car",
}


@dataclass
class HrRow:
    """A rights-group row as written, which the report may later copy."""

    victim: Victim
    tokens: Tokens
    age: int | None
    day: dt.date | None
    slipped: bool = False  # the day and month typed the wrong way round (so written in digits)


def reported_day(rng: random.Random, victim: Victim, found: float, wound: float) -> dt.date:
    """The day a list gives: the body's finding for some unidentified, the wound for some who died later."""
    if victim.kind == "unidentified" and rng.random() < found:
        return victim.found
    if victim.kind in ("hospital", "custody") and rng.random() < wound:
        return victim.wounded
    return victim.died


def _with_repeats(rng: random.Random, victims: list[Victim], rate: float) -> list[Victim]:
    """Each person once, and some twice: a second report reached the list and was not merged."""
    entries = []
    for victim in victims:
        entries.append(victim)
        if rng.random() < rate:
            entries.append(victim)
    return entries


def hr_rows(rng: random.Random, victims: list[Victim]) -> tuple[Rows, list[HrRow]]:
    """The rights group's CSV, grouped by city (Almaty first) in the order reports arrived."""
    written = []
    for victim in _with_repeats(rng, victims, 0.035):
        age = age_at_death(victim) + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0)
        day = reported_day(rng, victim, 0.5, 0.3)
        slipped = rng.random() < 0.01 and swapped(day) != day
        written.append(HrRow(victim, hr_name(rng, victim), None if rng.random() < 0.18 else age,
                             None if rng.random() < 0.08 else swapped(day) if slipped else day, slipped))
    order = {key: index for index, key in enumerate(REGIONS)}
    keyed = sorted(((order[row.victim.region], rng.random(), row) for row in written), key=lambda k: k[:2])
    rows = Rows(list(HR_HEADERS), [], [])
    for number, (_, _, row) in enumerate(keyed, start=1):
        victim = row.victim
        rows.cells.append([str(number), " ".join(text for text, _ in row.tokens), _hr_age(rng, row.age),
                           _hr_date(rng, row), _hr_city(rng, victim),
                           rng.choice(_HR_CIRCUMSTANCES[victim.kind]), rng.choice(_HR_SOURCES)])
        rows.people.append(victim.person_id)
    return rows, [row for _, _, row in keyed]


def _hr_date(rng: random.Random, row: HrRow) -> str:
    if row.day is None:
        return ""
    return row.day.strftime("%d.%m.%Y") if row.slipped else ru_date(rng, row.day)


def _hr_age(rng: random.Random, age: int | None) -> str:
    if age is None:
        return ""
    pick = rng.random()
    return f"{age} г." if pick < 0.25 else ru_age(age) if pick < 0.6 else str(age)


def _hr_city(rng: random.Random, victim: Victim) -> str:
    city, *_ = PLACES[victim.place]
    if city not in ("Алматы", "Талдыкорган", "Тараз", "Шымкент") and rng.random() < 0.15:
        return REGIONS[victim.region][1]
    return f"г. {city}" if rng.random() < 0.3 else city


def kz_rows(rng: random.Random, victims: list[Victim]) -> Rows:
    """The volunteers' table (tab-separated, as pasted from a shared document), in order of the day."""
    keyed = []
    for victim in _with_repeats(rng, victims, 0.03):
        tokens, partial = kz_name(rng, victim)
        day = None if rng.random() < 0.12 else reported_day(rng, victim, 0.4, 0.25)
        keyed.append((day or dt.date(2022, 12, 31), rng.random(), victim, tokens, partial, day))
    keyed.sort(key=lambda item: item[:2])
    rows = Rows(list(KZ_HEADERS), [], [])
    for number, (_, _, victim, tokens, partial, day) in enumerate(keyed, start=1):
        place = PLACES[victim.place][1]
        if place == "Алматы" and rng.random() < 0.4:
            place = "Алматы қ."
        pick = rng.random()
        region = REGIONS[victim.region][2] if pick < 0.6 else REGIONS.get(victim.home, REGIONS["almaty_obl"])[2] \
            if pick < 0.7 else ""
        note = rng.choice(_KZ_NOTES[victim.kind]) if victim.kind in _KZ_NOTES and rng.random() < 0.7 else ""
        rows.cells.append([str(number), " ".join(text for text, _ in tokens), "" if partial else _kz_age(rng, victim),
                           kz_date(rng, day) if day else "", place, region, note])
        rows.people.append(victim.person_id)
    return rows


def _kz_age(rng: random.Random, victim: Victim) -> str:
    age = age_at_death(victim) + (rng.choice((-1, 1)) if rng.random() < 0.08 else 0)
    pick = rng.random()
    return str(age) if pick < 0.45 else f"{age} жаста" if pick < 0.65 else f"{age} жас" if pick < 0.75 else ""


def report_rows(rng: random.Random, own: list[Victim], hr: list[HrRow]) -> tuple[list[dict[str, object]], list[str]]:
    """The report's table: its own research plus rows copied from the rights group in its own spelling
    (the copy keeps the group's age, date and slips). Someone found both ways is usually listed once."""
    copied = [row for row in hr if rng.random() < (0.4 if row.victim.region in ("almaty_city", "almaty_obl")
                                                   else 0.25)]
    copied_ids = {row.victim.person_id for row in copied}
    entries = [_report_copy(rng, row) for row in copied]
    entries += [_report_own(rng, victim) for victim in own
                if victim.person_id not in copied_ids or rng.random() < 0.25]
    keyed = sorted(((day or dt.date(2022, 12, 31), place, rng.random(), item, person)
                    for day, place, item, person in entries), key=lambda k: k[:3])
    items = []
    for number, (*_, item, _person) in enumerate(keyed, start=1):
        items.append({"no": number, **item})
    return items, [person for *_, person in keyed]


def _style(rng: random.Random) -> str:
    pick = rng.random()
    return "passport" if pick < 0.6 else "english" if pick < 0.9 else "diacritic"


def _en_place(victim: Victim) -> str:
    place = PLACES[victim.place]
    if place[0] in ("Алматы", "Талдыкорган", "Тараз", "Шымкент", "Кызылорда", "Актобе"):
        return place[2]
    return f"{place[2]}, {REGIONS[victim.region][3]}"


def _report_copy(rng: random.Random, row: HrRow) -> tuple[dt.date | None, str, dict[str, object], str]:
    item = {"name": en_name(rng, row.tokens, _style(rng)), "age": row.age,
            "date of death": en_date(rng, row.day) if row.day else None, "place": _en_place(row.victim),
            "circumstances": _EN_CIRCUMSTANCES[row.victim.kind], "source": "rights group list"}
    return row.day, item["place"], item, row.victim.person_id


def _report_own(rng: random.Random, victim: Victim) -> tuple[dt.date | None, str, dict[str, object], str]:
    age: object = age_at_death(victim)
    pick = rng.random()
    if pick < 0.25:
        age = None
    elif pick < 0.35 and age_at_death(victim) >= 15:
        age = f"about {5 * round(age_at_death(victim) / 5)}"
    day = None if rng.random() < 0.1 else reported_day(rng, victim, 0.3, 0.0)
    item = {"name": en_own_name(rng, victim, _style(rng)), "age": age,
            "date of death": en_date(rng, day) if day else None, "place": _en_place(victim),
            "circumstances": _EN_CIRCUMSTANCES[victim.kind], "source": rng.choice(("relatives", "witnesses",
                                                                                   "medical source", "lawyer"))}
    return day, item["place"], item, victim.person_id
