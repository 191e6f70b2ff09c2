"""The two state lists of ``balkhash``: the civil registry's death records and the forensic morgues' book.

The registry (``registry.csv``) is an export of death registrations in Russian: names exactly as the
documents spell them (Kazakh letters kept where the documents keep them), separate name columns, birth
date, IIN, the date of death as registered, where, and the registration date as ``date_recorded``.
Registration comes days to weeks after the body is released. For bodies found late the registered death
date is often the day the body was found. One per person.

The morgue book (``morgue.xlsx``) is the forensic bureaus' admission journal of Almaty, Taldykorgan,
Taraz and Shymkent retyped into Excel: one name cell in Russian letters, written in full, as surname
and initials or in capitals by different clerks, with layout slips (Latin look-alikes); estimated ages
("~35") for bodies admitted unknown, who then get a second row once identified; a few bodies moved
between Almaty's morgues, and so admitted twice. The admission date is a typed date cell.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.balkhash_capture import MORGUE_OF, Plan
from generators.balkhash_files import delimited, workbook
from generators.balkhash_people import Person
from generators.balkhash_script import russify
from generators.balkhash_slips import slip_name

DAY = dt.timedelta(days=1)
REGISTRY_HEADERS = (
    "№ актовой записи",
    "Фамилия",
    "Имя",
    "Отчество",
    "Пол",
    "Дата рождения",
    "ИИН",
    "Дата смерти",
    "Место смерти",
    "Область",
    "Дата регистрации смерти",
    "Орган регистрации",
)
MORGUE_HEADERS = (
    "№ п/п",
    "Ф.И.О.",
    "Пол",
    "Возраст",
    "Дата поступления тела",
    "Город",
    "Откуда доставлен",
    "Учреждение",
    "Примечание",
)
DELIVERED = {
    "street": ("с места происшествия", "пл. Республики", "ул. Толе би", "у здания акимата"),
    "bystander": ("с места происшествия", "из автомобиля", "по месту жительства"),
    "wounded": ("ГКБ №7", "БСМП", "ГКБ №4", "областная больница"),
    "custody": ("ИВС ДП", "СИЗО", "ИВС РУВД"),
    "forces": ("с места происшествия", "в/ч"),
    "found": ("обнаружен на улице", "обнаружен в арыке", "обнаружен в здании", "с места происшествия"),
}


def dmy(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _place_of_death(p: Person) -> str:
    if p.site.region.startswith("г. "):
        return f"{p.site.region}, {p.district}"
    if p.district.startswith("г. "):
        return p.district
    return f"{p.district}, {p.site.place}"


def _iin(rng: random.Random, iin: str) -> str:
    """The IIN as typed: now and then two neighbouring digits swapped."""
    if iin and rng.random() < 0.015:
        i = rng.randrange(11)
        return iin[:i] + iin[i + 1] + iin[i] + iin[i + 2 :]
    return iin


def _registered_death(rng: random.Random, p: Person) -> dt.date:
    """The date of death on the certificate: the day a late-found body was found, rarely day and month swapped."""
    day = p.found if p.kind == "found" and rng.random() < 0.4 else p.died
    if day.day <= 12 and day.day != day.month and rng.random() < 0.007:
        return dt.date(day.year, day.day, day.month)
    return day


def registry(chosen: Plan, rng: random.Random) -> GeneratedList:
    rows = []
    for p in chosen.registry:
        delay = rng.randint(5, 40) if p.kind == "custody" else rng.randint(1, 25)
        registered = p.released + DAY * delay
        names = [slip_name(rng, p.doc(part), {"key": 0.012, "drop": 0.005}) for part in (p.family, p.given)]
        rows.append(
            (
                registered,
                p,
                [
                    *names,
                    p.doc_patronymic(),
                    "М" if p.sex == "M" else "Ж",
                    dmy(p.born),
                    _iin(rng, p.iin),
                    dmy(_registered_death(rng, p)),
                    _place_of_death(p),
                    p.site.region,
                    dmy(registered),
                    f"Отдел РАГС {p.site.place}",
                ],
            )
        )
    rows.sort(key=lambda item: (item[0], item[2][0]))
    table, truth = [], {}
    for number, (_, p, cells) in enumerate(rows, start=1):
        table.append([f"{20220000 + number * 7:08d}", *cells])
        truth[number] = p.pid
    content = delimited(REGISTRY_HEADERS, table, delimiter=";", encoding="utf-8", bom=True)
    return GeneratedList("registry", "registry.csv", content, truth, None, one_per_person=True)


def _morgue_name(rng: random.Random, p: Person) -> str:
    family, given, patronymic = russify(p.doc(p.family)), russify(p.doc(p.given)), russify(p.doc_patronymic())
    style = rng.random()
    if style < 0.5:
        name = f"{family} {given} {patronymic}"
    elif style < 0.8:
        name = f"{family} {given[0]}.{patronymic[0]}."
    else:
        name = f"{family} {given}".upper()
    return slip_name(rng, name, {"lookalike": 0.04, "key": 0.03, "drop": 0.02, "swap": 0.01})


def _morgue_age(rng: random.Random, p: Person, estimated: bool) -> str | int | None:
    if estimated or rng.random() < 0.05:
        return f"~{max(5, 5 * round((p.age + rng.randint(-4, 4)) / 5))}"
    return None if rng.random() < 0.05 else p.age


def _morgue_row(rng: random.Random, p: Person, tag: str, admitted: dt.date) -> list:
    unknown = tag == "unknown"
    name = ("Неизвестный мужчина" if p.sex == "M" else "Неизвестная женщина") if unknown else _morgue_name(rng, p)
    note = {
        "unknown": "не опознан при поступлении",
        "identified": "опознан родственниками, ранее неизвестный",
        "transfer": "переведен из городского морга",
    }.get(tag, "")
    institution = f"ЦСМ г. {MORGUE_OF[p.site.place]}"
    if tag == "transfer":
        institution = "Городской морг г. Алматы"
    date_cell = admitted if rng.random() < 0.85 else dmy(admitted)
    return [
        name,
        "муж." if p.sex == "M" else "жен.",
        _morgue_age(rng, p, unknown),
        date_cell,
        p.site.place,
        rng.choice(DELIVERED[p.kind]),
        institution,
        note,
    ]


def morgue(chosen: Plan, rng: random.Random) -> GeneratedList:
    rows = []
    for p, tag in chosen.morgue:
        admitted = p.found + (DAY if p.kind != "found" and rng.random() < 0.3 else 0 * DAY)
        if tag == "transfer":
            admitted += DAY * rng.randint(1, 2)
        order = 1 if tag == "identified" else 0
        rows.append(((MORGUE_OF[p.site.place], admitted, order, rng.random()), p, _morgue_row(rng, p, tag, admitted)))
    rows.sort(key=lambda item: item[0])
    table, truth = [], {}
    for number, (_, p, cells) in enumerate(rows, start=1):
        table.append([number, *cells])
        truth[number] = p.pid
    content = workbook("Журнал поступлений", MORGUE_HEADERS, table)
    return GeneratedList("morgue", "morgue.xlsx", content, truth, None, one_per_person=False)
