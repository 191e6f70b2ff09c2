"""The mosques' funeral prayers and the regional akimats' compensation lists of ``balkhash``.

Mosques (``janaza.json``): the regional imams collected the janaza prayers read for the dead, in Kazakh,
given name first and mostly with only the father's name (Ерлан Серікұлы), Arabic-origin names spelled
as religion writes them (Мұхаммед, Мухамед, Мухаммад; Жүсіп, Юсуп), ages by the traditional count that
adds a year, and the prayer day, which is the burial day (``date_recorded``). A body prayed over in the
city and again in the home village is there twice. Only practising Muslim families are on it.

Akimats (``akimat.tsv``): the oblast akimats published the civilians killed on their territory to whom
compensation was paid, in the Latin alphabet of the 2018 decree (Serikuly, Aıgúl, Ǵalym, Jańaózen),
saved from Excel as "Unicode text" (UTF-16, tab-separated): separate name columns, birth year, date of
death (for those who died of wounds often the day of the wounding), the district or town but never the
city of Almaty. Some clerks typed without the accents. One per person.
"""

from __future__ import annotations

import datetime as dt
import random

from generators import GeneratedList
from generators.balkhash_capture import Plan
from generators.balkhash_files import as_json, delimited
from generators.balkhash_people import Person
from generators.balkhash_places import REGION_KK, REGION_LATIN
from generators.balkhash_script import kazakh_patronymic, religious_form, strip_diacritics, to_latin_2018
from generators.balkhash_slips import slip_name

DAY = dt.timedelta(days=1)
KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
MOSQUES = ("Нұр", "Иман", "Ақ", "Рахман", "Тәуба", "Ихсан", "Сабыр", "Шапағат")
JANAZA_MAP = """name_order = "given_first"
[columns]
full_name = "Марқұм"
age = "Жасы"
date_recorded = "Жаназа күні"
notes = "Ескерту"
"""
AKIMAT_HEADERS = (
    "Reti",
    "Tegi",
    "Aty",
    "Ákesiniń aty",
    "Týǵan jyly",
    "Qaza bolǵan kúni",
    "Aýdan / qala",
    "Oblys",
    "Tólengen ótemaqy, teńge",
)
AKIMAT_MAP = """[columns]
source_record_id = "Reti"
family_name = "Tegi"
given_name = "Aty"
patronymic = "Ákesiniń aty"
date_of_birth = "Týǵan jyly"
date_of_death = "Qaza bolǵan kúni"
place_of_death = "Aýdan / qala"
region = "Oblys"
"""


def kazakh_date(rng: random.Random, day: dt.date) -> str:
    """A date as Kazakh lists write it: "7 қаңтар 2022", "2022 жылғы 7 қаңтар" or "07.01.2022"."""
    draw = rng.random()
    if draw < 0.5:
        return f"{day.day} {KK_MONTHS[day.month - 1]} {day.year}"
    if draw < 0.7:
        return f"{day.year} жылғы {day.day} {KK_MONTHS[day.month - 1]}"
    return f"{day:%d.%m.%Y}"


def _janaza_name(rng: random.Random, p: Person) -> str:
    given = religious_form(rng, p.given) if rng.random() < 0.6 else p.given
    father = religious_form(rng, p.father) if rng.random() < 0.6 else p.father
    style = rng.random()
    if style < 0.72:
        name = f"{given} {kazakh_patronymic(father, p.sex)}"
    elif style < 0.94:
        name = f"{given} {p.family}"
    else:
        name = given
    return slip_name(rng, name, {"key": 0.03, "drop": 0.02, "swap": 0.01})


def _janaza_age(rng: random.Random, p: Person) -> str | int | None:
    """Age as the imam heard it: a third of families count the traditional extra year."""
    age = p.age + (1 if rng.random() < 0.3 else 0)
    draw = rng.random()
    if draw < 0.1:
        return None
    return age if draw < 0.5 else f"{age} жаста" if draw < 0.8 else f"{age} жас"


def _mosque(rng: random.Random, p: Person, where: str) -> tuple[str, str]:
    """The mosque's name and the region whose imam collected its prayers."""
    if where == "home" and p.home_place != p.site.place_kk:
        return f"{p.home_place} ауылының мешіті", p.home_region
    return f"«{rng.choice(MOSQUES)}» мешіті ({p.site.place_kk})", p.site.region


def _janaza_note(rng: random.Random, p: Person) -> str | None:
    draw = rng.random()
    if draw < 0.35:
        return f"{p.site.place_kk} қаласында қаза тапты"
    if draw < 0.55:
        return "Алла рахымына алсын"
    if draw < 0.65 and p.sex == "M":
        return f"әкесі {p.father}, ағайындары хабарлады"
    return None


def janaza(chosen: Plan, rng: random.Random) -> GeneratedList:
    rows = []
    for p, where in chosen.janaza:
        prayed = p.released + DAY * (0 if rng.random() < 0.6 else 1)
        if where == "home":
            prayed += DAY * rng.randint(0, 2)
        mosque, region = _mosque(rng, p, where)
        item = {
            "Марқұм": _janaza_name(rng, p),
            "Жасы": _janaza_age(rng, p),
            "Жаназа күні": kazakh_date(rng, prayed),
            "Мешіт": mosque,
            "Өңір": REGION_KK[region],
            "Жерленген жері": p.home_place,
            "Ескерту": _janaza_note(rng, p),
        }
        rows.append(((REGION_KK[region], prayed, rng.random()), p, {k: v for k, v in item.items() if v is not None}))
    rows.sort(key=lambda item: item[0])
    truth = {number: p.pid for number, (_, p, _) in enumerate(rows, start=1)}
    document = {
        "derekkoz": "ҚМДБ өңірлік өкілдіктері",
        "jinaqtalgan": "2022-03-01",
        "janaza": [item for _, _, item in rows],
    }
    return GeneratedList("janaza", "janaza.json", as_json(document), truth, JANAZA_MAP, one_per_person=False)


def _akimat_names(rng: random.Random, p: Person) -> list[str]:
    """Family, given and father's names in the 2018 Latin: the Kazakh form mostly, the documents' sometimes."""
    kazakh_form = p.community == "kazakh" and rng.random() < 0.7
    if kazakh_form:
        parts = (p.family, p.given, kazakh_patronymic(p.father, p.sex))
    else:
        parts = (p.doc(p.family), p.doc(p.given), p.doc_patronymic())
    names = [to_latin_2018(part) for part in parts]
    if rng.random() < 0.2:
        names = [strip_diacritics(name) for name in names]
    return [slip_name(rng, name, {"key": 0.015, "drop": 0.01}) for name in names]


def akimat(chosen: Plan, rng: random.Random) -> GeneratedList:
    rows = []
    for p in chosen.akimat:
        died = p.incident if p.kind == "wounded" and rng.random() < 0.5 else p.died
        born = "" if rng.random() < 0.03 else str(p.born.year)
        paid = rng.choice(("10 000 000", "10 000 000", "5 000 000", "2 000 000", ""))
        names = _akimat_names(rng, p)
        region = REGION_LATIN[p.site.region]
        rows.append(
            ((region, names[0], names[1]), p, [*names, born, f"{died:%d.%m.%Y}", p.site.district_latin, region, paid])
        )
    rows.sort(key=lambda item: item[0])
    table, truth = [], {}
    for number, (_, p, cells) in enumerate(rows, start=1):
        table.append([str(number), *cells])
        truth[number] = p.pid
    content = delimited(AKIMAT_HEADERS, table, delimiter="\t", encoding="utf-16")
    return GeneratedList("akimat", "akimat.tsv", content, truth, AKIMAT_MAP, one_per_person=True)
