"""``zhaiyk``'s Russian-language state lists: the prosecutors' victims, the health departments, a burial book.

Each has the habits of its office. The prosecutors group victims by criminal case and give the day of
the incident, so someone wounded on the 5th who died in February is listed on the 5th, and a victim of
two joined cases is listed twice. The health departments copy the passport (separate name columns,
IIN, typed dates) and give the day they registered the death; one oblast did not send its sheet. The
burial book is a scanned ledger: surname and initials, birth year, burial day, look-alike Latin letters.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.zhaiyk_files import delimited, workbook
from generators.zhaiyk_names import kazakh_patronymic, russian_patronymic, russify
from generators.zhaiyk_people import PLACES, Dead
from generators.zhaiyk_script import initials, ocr_slips, russian_date

_REGION_CODES = {"г. Алматы": 75, "Алматинская область": 19, "Жамбылская область": 31, "г. Шымкент": 79,
                 "Кызылординская область": 43, "Актюбинская область": 15, "Туркестанская область": 51,
                 "Западно-Казахстанская область": 27}
_CEMETERIES = {"Алматы": ("Кенсай", "Северное", "Бурундай", "Райымбек"), "Каскелен": ("Каскеленское",),
               "Талгар": ("Талгарское",), "Есик": ("Есикское",), "Талдыкорган": ("Талдыкорганское",)}
MUSLIM = ("kazakh", "uzbek", "uyghur", "tatar")


def _ru_patronymic(person: Dead) -> str:
    """The Russian patronymic a state form asks for; none for Серікұлы-type family names."""
    if person.family_kind == "father" or not person.father:
        return ""
    return russian_patronymic(russify(person.father), person.sex)


def iin(person: Dead) -> str:
    """The person's IIN: YYMMDD, a century-and-sex digit, a serial, and a check digit that passes."""
    rng = random.Random(f"zhaiyk:iin:{person.pid}")
    century = 3 if person.born.year < 2000 else 5
    head = person.born.strftime("%y%m%d") + str(century + (person.sex == "F"))
    while True:
        digits = [int(c) for c in head + f"{rng.randint(0, 9999):04d}"]
        check = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
        if check == 10:
            check = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def _slipped_iin(value: str, rng: random.Random) -> str:
    """A clerk's slip: two neighbouring digits swapped, or one digit of the serial mistyped."""
    if rng.random() < 0.6:
        at = rng.randint(6, 10)
        return value[:at] + value[at + 1] + value[at] + value[at + 2:]
    at = rng.randint(7, 11)
    return value[:at] + str((int(value[at]) + rng.randint(1, 9)) % 10) + value[at + 1:]


def _case_number(person: Dead) -> str:
    region = PLACES[person.place][1]
    return f"22{_REGION_CODES.get(region, 99):02d}0{person.household * 37 % 9_999_991:07d}"


def _court_row(person: Dead, rng: random.Random, case: str) -> list[str]:
    family, given = russify(person.family), russify(person.given)
    patronymic = _ru_patronymic(person)
    name = (f"{family} {given} {patronymic}".strip() if rng.random() < 0.35
            else f"{family} {initials(given, patronymic)}")
    born = person.born.strftime("%d.%m.%Y")
    if rng.random() < 0.03 and person.born.day <= 12 and person.born.day != person.born.month:
        born = person.born.strftime("%m.%d.%Y")  # day and month swapped by the typist
    day = person.injured if person.kind == "wounded" else person.died
    place = f"г. {PLACES[person.place][0]}"
    return ["", case, name, born, russian_date(day, rng, 0.15), place, PLACES[person.place][1]]


def court_list(entries: list[Dead], seed: int) -> GeneratedList:
    """The prosecutors' victims by criminal case (UTF-8 CSV); the second case of a twice-named victim apart."""
    rng = random.Random(f"zhaiyk:{seed}:court:rows")
    seen: set[str] = set()
    rows: list[tuple[str, int, list[str], str]] = []
    for order, person in enumerate(entries):
        case = _case_number(person)
        if person.pid in seen:  # a joined case: another number, the same victim
            case = case[:5] + f"{(int(case[5:]) + 4_000_003) % 10_000_000:07d}"
        seen.add(person.pid)
        rows.append((case, order, _court_row(person, rng, case), person.pid))
    rows.sort(key=lambda r: (r[0], r[1]))
    for number, row in enumerate(rows, start=1):
        row[2][0] = str(number)
    headers = ["№ п/п", "Номер уголовного дела", "Потерпевший", "Дата рождения", "Дата гибели",
               "Место происшествия", "Регион"]
    column_map = ('name_order = "family_first"\n[columns]\nsource_record_id = "№ п/п"\nfull_name = "Потерпевший"\n'
                  'date_of_birth = "Дата рождения"\ndate_of_death = "Дата гибели"\n'
                  'place_of_death = "Место происшествия"\nregion = "Регион"\n')
    return GeneratedList("court", "court.csv", delimited(headers, [r[2] for r in rows], ",", "utf-8"),
                         {n: r[3] for n, r in enumerate(rows, start=1)}, column_map)


def _health_names(person: Dead, rng: random.Random) -> tuple[str, str, str]:
    """The passport's spelling; the patronymic Kazakh (Серікұлы) for some born with Kazakh-letter papers."""
    truth = person.truth()
    if person.family_kind == "father" or not person.father:
        patronymic = ""
    elif person.kazakh_letters and person.community == "kazakh" and rng.random() < 0.6:
        patronymic = kazakh_patronymic(person.father, person.sex)
    else:
        patronymic = _ru_patronymic(person)
    return truth.family, truth.given, patronymic


def _health_row(person: Dead, rng: random.Random) -> list:
    family, given, patronymic = _health_names(person, rng)
    region = PLACES[person.place][1]
    if region == "Жамбылская область":  # that department types in capitals
        family, given, patronymic = family.upper(), given.upper(), patronymic.upper()
    number = iin(person)
    roll = rng.random()
    number = "" if roll < 0.06 or person.community == "korean" and roll < 0.2 else (
        _slipped_iin(number, rng) if roll < 0.11 else number)
    delay = rng.randint(6, 35) if person.kind == "found_later" else rng.choice((1, 1, 2, 2, 3, 4, 6, 9))
    recorded: object = person.died + dt.timedelta(days=delay)
    if rng.random() < 0.3:
        recorded = recorded.strftime("%d.%m.%Y")
    died: object = person.died if rng.random() < 0.92 else None
    return ["", family, given, patronymic, number, "М" if person.sex == "M" else "Ж", person.born, died, recorded,
            region, PLACES[person.place][0]]


def health_list(entries: list[Dead], seed: int) -> GeneratedList:
    """The oblast health departments' registered deaths (XLSX, sorted by region and family name, one each)."""
    rng = random.Random(f"zhaiyk:{seed}:health:rows")
    rows = [(_health_row(person, rng), person.pid) for person in entries]
    rows.sort(key=lambda r: (r[0][9], r[0][1].lower(), r[0][2].lower()))
    for number, (row, _pid) in enumerate(rows, start=1):
        row[0] = number
    headers = ["№", "Фамилия", "Имя", "Отчество", "ИИН", "Пол", "Дата рождения", "Дата смерти",
               "Дата регистрации смерти", "Область", "Населенный пункт"]
    content = workbook(headers, [r[0] for r in rows], "Умершие")
    return GeneratedList("health", "health.xlsx", content, {n: r[1] for n, r in enumerate(rows, start=1)},
                         None, one_per_person=True)


def _burial_row(person: Dead, rng: random.Random) -> tuple[dt.date, list[str]]:
    family, given = russify(person.family), russify(person.given)
    patronymic = _ru_patronymic(person) if rng.random() < 0.8 else ""
    if rng.random() < 0.2:
        family = family.upper()
    name = f"{family} {initials(given, patronymic)}"
    if rng.random() < 0.15:
        name = ocr_slips(name, rng, 0.3)
    if person.kind == "found_later":
        buried = person.died + dt.timedelta(days=rng.randint(7, 40))
    else:
        buried = person.died + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2)) if person.community in MUSLIM
                                            else rng.randint(2, 4))
    roll = rng.random()
    born = "" if roll < 0.1 else (f"{person.born.year} г.р." if roll < 0.4 else str(person.born.year))
    cemetery = rng.choice(_CEMETERIES[PLACES[person.place][0]])
    plot = f"{rng.randint(1, 60)}/{rng.randint(1, 30)}/{rng.randint(1, 40)}"
    return buried, ["", name, born, buried.strftime("%d.%m.%Y"), cemetery, plot]


def burial_list(entries: list[Dead], seed: int) -> GeneratedList:
    """The burial book of Almaty's and nearby towns' cemeteries (UTF-16 tab-separated, by burial day)."""
    rng = random.Random(f"zhaiyk:{seed}:burial:rows")
    rows = [(*_burial_row(person, rng), order, person.pid) for order, person in enumerate(entries)]
    rows.sort(key=lambda r: (r[0], r[2]))
    for number, row in enumerate(rows, start=1):
        row[1][0] = str(number)
    headers = ["№", "Фамилия И.О.", "Год рождения", "Дата захоронения", "Кладбище", "Участок/ряд/место"]
    column_map = ('name_order = "family_first"\n[columns]\nsource_record_id = "№"\nfull_name = "Фамилия И.О."\n'
                  'date_of_birth = "Год рождения"\ndate_recorded = "Дата захоронения"\n')
    return GeneratedList("burial", "burial.tsv", delimited(headers, [r[1] for r in rows], "\t", "utf-16"),
                         {n: r[3] for n, r in enumerate(rows, start=1)}, column_map, one_per_person=True)


def buried_here(person: Dead) -> bool:
    """Whether the burial book's cemeteries are where this person's town buries its dead."""
    return PLACES[person.place][0] in _CEMETERIES
