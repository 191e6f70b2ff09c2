"""``nomad``'s two state lists: an extract of criminal-case documents and the Almaty forensic morgue book.

The extract (``delo``) is what a lawyer copies from case files: one row per document, so a person named
in three documents has three rows, and the name is copied as the document writes it, declined into the
case its sentence needs ("по факту гибели Ахметова Ерлана Сериковича", "причинил смерть Ахметову Е.С.").
It is a CP1251 ``;`` file with multi-line quoted cells, so Kazakh letters other than і are lost.

The morgue book (``morg``) is an XLSX journal of the Almaty city forensic bureau: admission date (a
recorded date, not a death date), surname and initials for most, М/Ж, ages, typed and text dates.
Bodies first admitted unidentified ("Неизвестный мужчина") get a second row once identified.

The hospitals' deaths (``gkb``) are an export of Almaty's hospital information system: upper-case
names with patronymics, IIN nearly always, the time of death, and the admission date, which (admitted
alive) is left unmapped as the import docs advise; one row per death.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile

from openpyxl import Workbook

from generators import GeneratedList
from generators.nomad_names import (
    cp1251_safe,
    decline_family,
    decline_given,
    decline_patronymic,
    patronymic,
    russify,
    typo,
)
from generators.nomad_people import ALMATY, ALMATY_OBLAST, Victim, make_iin
from generators.nomad_render import age_at, csv_bytes, iin_as_written, reached, ru_date, toml_map

_DOCUMENTS = (  # (document, the case it names the dead in, weight)
    ("Постановление о возбуждении уголовного дела", "gen", 4),
    ("Заключение судебно-медицинской экспертизы", "gen", 3),
    ("Протокол опознания трупа", "nom", 2),
    ("Постановление о признании потерпевшим", "gen", 2),
    ("Обвинительный акт", "dat", 1.5),
    ("Постановление о прекращении уголовного дела", "gen", 1.5),
    ("Протокол допроса свидетеля", "ins", 1),
)
_FABULA = {
    "street": "В ходе массовых беспорядков получил(а) огнестрельное ранение;\nскончался(ась) на месте происшествия.",
    "crossfire": "Находясь вблизи места столкновения, попал(а) под обстрел.\nСмерть наступила от ранения, "
                 "не совместимого с жизнью.",
    "hospital": "Доставлен(а) в ГКБ с огнестрельным ранением, скончался(ась) в стационаре\n(см. заключение СМЭ).",
    "custody": "Задержан(а) в ходе АТО, скончался(ась) в ИВС;\nпроводится проверка по ст. 146 УК РК "
               "(\"пытки\").",
    "security": "Военнослужащий, погиб при исполнении служебных обязанностей,\nв т.ч. при охране объекта "
                "\"ТЭЦ\".",
}
DELO_REACH = {"street": 0.72, "crossfire": 0.55, "hospital": 0.55, "custody": 0.92, "security": 0.95}
GKB_REACH = {"street": 0.06, "crossfire": 0.15, "hospital": 0.85, "custody": 0.25, "security": 0.08}
_HOSPITALS = ("ГКБ №4", "ГКБ №7", "ГКБ №1", "ЦГКБ", "НИИ травматологии", "ГКБ №5")
MORG_REACH = {"street": 0.85, "crossfire": 0.85, "hospital": 0.8, "custody": 0.55, "security": 0.45}


def _clerk_spelling(victim: Victim, rng: random.Random) -> tuple[str, str, str]:
    """Family, given, father as a Russian-language clerk copies them from an ID card."""
    family, given, father, _maiden = victim.original
    if victim.kazakh_letters and rng.random() < 0.35:
        return cp1251_safe(family), cp1251_safe(given), father
    return russify(family), russify(given), father


def _declined_name(victim: Victim, case: str, rng: random.Random) -> str:
    family, given, father = _clerk_spelling(victim, rng)
    sex = victim.truth.sex
    patr = cp1251_safe(patronymic(father, sex)) if father else ""
    if rng.random() < 0.02:
        family = typo(family, rng)
    if case != "nom":
        family, given = decline_family(family, sex, case), decline_given(given, sex, case, rng)
        patr = decline_patronymic(patr, case)
    if rng.random() < 0.12:
        family = family.upper()
    if rng.random() < 0.04:
        family = "гр. " + family
    if rng.random() < 0.17:
        return f"{family} {given[0]}.{patr[:1] + '.' if patr else ''}"
    return " ".join(part for part in (family, given, patr) if part)


def _place(victim: Victim) -> str:
    if victim.truth.region == ALMATY:
        return f"г. Алматы, {victim.district} р-н" if victim.district else "г. Алматы"
    return f"г. {victim.truth.place}"


def _delo_row(victim: Victim, document: tuple[str, str, float], case_no: str, rng: random.Random) -> list[str]:
    person = victim.truth
    died = person.date_of_death
    stated = ""
    if rng.random() < 0.85:
        shown = died + dt.timedelta(days=1) if rng.random() < 0.02 else died
        if victim.hurt != died and rng.random() < 0.2:
            shown = victim.hurt  # the document dates the incident, not the death days later in hospital
        stated = ru_date(shown, rng.choices(("dots", "words", "short"), (7, 2, 1))[0])
    born = ""
    if rng.random() < 0.8:
        born = f"{person.date_of_birth.year} г.р." if rng.random() < 0.2 else ru_date(person.date_of_birth, "dots")
        birth = person.date_of_birth
        if len(born) == 10 and birth.day <= 12 and birth.day != birth.month and rng.random() < 0.015:
            born = f"{birth:%m.%d.%Y}"  # day and month swapped by the clerk
    iin = iin_as_written(victim.iin, rng, 0.03) if rng.random() < 0.55 else ""
    if iin and document[0] == "Постановление о признании потерпевшим" and rng.random() < 0.25:
        # the victim recognised in law is the relative, and the IIN copied is theirs
        iin = make_iin(person.date_of_birth - dt.timedelta(days=rng.randint(18 * 365, 30 * 365)),
                       rng.choice("MF"), rng, set())
    written = died + dt.timedelta(days=rng.randint(2, 240))
    return ["", case_no, document[0], ru_date(written, "dots"), _declined_name(victim, document[1], rng), born, iin,
            stated, _place(victim), person.region if rng.random() < 0.95 else "", _FABULA[victim.how]]


def delo(victims: list[Victim], rng: random.Random) -> GeneratedList:
    rows: list[tuple[str, str, list[str], str]] = []
    weights = [d[2] for d in _DOCUMENTS]
    cases: dict[int, str] = {}
    for victim in victims:
        if not reached(victim, DELO_REACH, rng):
            continue
        case_no = cases.setdefault(victim.household, f"22{rng.randrange(7500, 7599)}0{rng.randrange(10**6):06d}")
        documents = 1 + (rng.random() < (0.45 if victim.how in ("custody", "security") else 0.25))
        documents += documents == 2 and rng.random() < 0.3
        for document in rng.choices(_DOCUMENTS, weights, k=documents):
            row = _delo_row(victim, document, case_no, rng)
            rows.append((case_no, row[3][-4:] + row[3][3:5] + row[3][:2], row, victim.truth.person_id))
    rows.sort(key=lambda r: (r[0], r[1]))
    for number, (_case, _when, row, _pid) in enumerate(rows, 1):
        row[0] = str(number)
    headers = ["№ п/п", "№ уголовного дела", "Документ", "Дата документа", "Лицо (как указано в документе)",
               "Дата рождения", "ИИН", "Дата смерти", "Место происшествия", "Область", "Фабула"]
    content = csv_bytes(headers, [r[2] for r in rows], ";", "cp1251")
    column_map = toml_map({"source_record_id": "№ п/п", "full_name": "Лицо (как указано в документе)",
                           "date_of_birth": "Дата рождения", "national_id": "ИИН", "date_of_death": "Дата смерти",
                           "place_of_death": "Место происшествия", "region": "Область",
                           "circumstances": "Фабула"}, "family_first")
    return GeneratedList("delo", "delo.csv", content, {i: r[3] for i, r in enumerate(rows, 1)}, column_map)


def _morg_name(victim: Victim, rng: random.Random) -> str:
    family, given, father = _clerk_spelling(victim, rng)
    patr = patronymic(father, victim.truth.sex) if father else ""
    if rng.random() < 0.04:
        family = typo(family, rng)
    style = rng.random()
    if style < 0.45:
        return f"{family} {given[0]}.{patr[0]}." if patr else f"{family} {given[0]}."
    if style < 0.6:
        return f"{family} {given} {patr[:1]}." if patr else f"{family} {given}"
    return f"{family} {given} {patr}".strip()


def _admitted(victim: Victim, rng: random.Random) -> dt.date:
    lag = rng.choices((0, 1, 2, 3, 4), (55, 25, 10, 6, 4))[0] if victim.how != "hospital" else rng.randint(0, 1)
    return victim.truth.date_of_death + dt.timedelta(days=lag)


def _morg_rows(victim: Victim, rng: random.Random, reg: list[int]) -> list[tuple[dt.date, list, str]]:
    person = victim.truth
    admitted = _admitted(victim, rng)
    age = age_at(victim)
    sex = ("М" if person.sex == "M" else "Ж") if rng.random() < 0.97 else None
    entries = []
    if rng.random() < 0.05:  # admitted unidentified, registered again once identified
        unknown = "Неизвестный мужчина" if person.sex == "M" else "Неизвестная женщина"
        reg[0] += 1
        first = reg[0]
        entries.append((admitted, [first, admitted, unknown, sex, f"~{5 * round(age / 5)}", None,
                                   "ул. (место обнаружения)", "н/у"], person.person_id))
        later = admitted + dt.timedelta(days=rng.randint(1, 9))
        note = f"опознан(а), ранее н/у №{first}"
    else:
        later, note = admitted, None
    born = person.date_of_birth if rng.random() < 0.5 else None
    shown_age = None if born and rng.random() < 0.4 else (age if rng.random() < 0.7 else f"{age} л.")
    when: object = later if rng.random() < 0.8 else later.strftime("%d.%m.%y")
    source = "ГКБ" if victim.how == "hospital" else rng.choice(("СМП", "ОП", "с места происшествия", None))
    reg[0] += 1
    entries.append((later, [reg[0], when, _morg_name(victim, rng), sex, shown_age, born, source, note],
                    person.person_id))
    return entries


def _stamped(workbook: bytes) -> bytes:
    """The workbook with every zip entry dated 1 March 2022, so the same seed gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the time of saving as "modified"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2022-03-01T09:00:00Z", data)
            target.writestr(zipfile.ZipInfo(info.filename, (2022, 3, 1, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def morg(victims: list[Victim], rng: random.Random) -> GeneratedList:
    entries = []
    reg = [1040]
    for victim in victims:
        region = victim.truth.region
        weight = 1.0 if region == ALMATY else 0.3 if region == ALMATY_OBLAST else 0.0
        if weight and reached(victim, MORG_REACH, rng, weight):
            entries += _morg_rows(victim, rng, reg)
    entries.sort(key=lambda e: (e[0], e[1][0]))
    headers = ["Рег. №", "Дата поступления", "Ф.И.О.", "Пол", "Возраст", "Дата рождения", "Откуда доставлен",
               "Примечание"]
    book = Workbook(write_only=True)
    book.properties.created = dt.datetime(2022, 3, 1, 9, 0)
    sheet = book.create_sheet("Журнал")
    sheet.append(headers)
    for _when, row, _pid in entries:
        sheet.append(row)
    saved = io.BytesIO()
    book.save(saved)
    column_map = toml_map({"source_record_id": "Рег. №", "date_recorded": "Дата поступления", "full_name": "Ф.И.О.",
                           "sex": "Пол", "age": "Возраст", "date_of_birth": "Дата рождения", "notes": "Примечание"},
                          "family_first", {"region": f"{ALMATY}; {ALMATY_OBLAST}"})
    return GeneratedList("morg", "morg.xlsx", _stamped(saved.getvalue()), {i: e[2] for i, e in enumerate(entries, 1)},
                         column_map)


def _gkb_row(victim: Victim, rng: random.Random) -> list[str]:
    person = victim.truth
    family, given, father = _clerk_spelling(victim, rng)
    patr = patronymic(father, person.sex) if father and rng.random() < 0.97 else ""
    name = " ".join(part for part in (family, given, patr) if part).upper()
    died = dt.datetime.combine(person.date_of_death, dt.time(rng.randrange(24), rng.randrange(60)))
    admitted = dt.datetime.combine(victim.hurt, dt.time(rng.randrange(24), rng.randrange(60)))
    admitted = min(admitted, died - dt.timedelta(minutes=rng.randint(20, 600)))
    iin = iin_as_written(victim.iin, rng, 0.01) if rng.random() < 0.93 else ""
    return [rng.choice(_HOSPITALS), f"{admitted:%Y-%m-%d %H:%M:%S}", name, iin, f"{person.date_of_birth:%d.%m.%Y}",
            "муж" if person.sex == "M" else "жен", f"{died:%Y-%m-%d %H:%M:%S}",
            rng.choice(("S06.3", "T07", "S36.8", "S27.3", "T14.1")), "летальный исход"]


def gkb(victims: list[Victim], rng: random.Random) -> GeneratedList:
    rows = []
    for victim in victims:
        region = victim.truth.region
        weight = 1.0 if region == ALMATY else 0.3 if region == ALMATY_OBLAST else 0.0
        if weight and reached(victim, GKB_REACH, rng, weight):
            rows.append((_gkb_row(victim, rng), victim.truth.person_id))
    rows.sort(key=lambda r: r[0][6])
    headers = ["Медорганизация", "Дата поступления", "ФИО пациента", "ИИН", "Дата рождения", "Пол",
               "Дата и время смерти", "Диагноз (МКБ-10)", "Исход"]
    column_map = toml_map({"full_name": "ФИО пациента", "national_id": "ИИН", "date_of_birth": "Дата рождения",
                           "sex": "Пол", "date_of_death": "Дата и время смерти"}, "family_first")
    return GeneratedList("gkb", "gkb.csv", csv_bytes(headers, [r[0] for r in rows], ",", "utf-8"),
                         {i: r[1] for i, r in enumerate(rows, 1)}, column_map, one_per_person=True)
