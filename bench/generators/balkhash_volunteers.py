"""The volunteers' shared spreadsheet of ``balkhash`` (``volunteers.csv``), exported from an online sheet.

Many hands typed into one sheet, each in their own way: Russian letters (Сериков Ерлан), Kazakh letters
with -ұлы (Серіков Ерлан Серікұлы), or the passport Latin that foreign reports printed (SERIKOV ERLAN),
always family name first; writers' spellings (Бауржан, Эрлан); a married woman under her maiden name
when her parents reported her. Ages exact, hedged ("~30") or only as a band in the note ("возраст
30-35"); dates exact, as a month ("январь 2022", "01.2022"), missing with "начало января" in the note,
or for someone who died of wounds the day of the wounding. Slips of every kind. People reported twice
by different volunteers are there twice, in different hands.
"""

from __future__ import annotations

import random
import re

from generators import GeneratedList
from generators.balkhash_capture import Plan
from generators.balkhash_files import delimited
from generators.balkhash_people import Person
from generators.balkhash_script import kazakh_patronymic, russian_patronymic, russify, to_passport, writer_form
from generators.balkhash_slips import slip_name

HEADERS = ("№", "ФИО", "Возраст", "Дата гибели", "Город", "Обстоятельства", "Источник", "Примечание")
HANDS = ("ru", "kk", "passport")
HAND_WEIGHTS = (0.5, 0.3, 0.2)
RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
RU_MONTHS_NOMINATIVE = ("январь", "февраль", "март", "апрель")
LATIN_PLACES = {
    "Алматы": "Almaty",
    "Талдыкорган": "Taldykorgan",
    "Талгар": "Talgar",
    "Каскелен": "Kaskelen",
    "Есик": "Esik",
    "Капшагай": "Kapshagay",
    "Тараз": "Taraz",
    "Кордай": "Kordai",
    "Шымкент": "Shymkent",
    "Кызылорда": "Kyzylorda",
    "Актобе": "Aktobe",
    "Жанаозен": "Zhanaozen",
    "Актау": "Aktau",
    "Кентау": "Kentau",
    "Туркестан": "Turkestan",
}
HOW = {
    "street": ("застрелен на площади", "огнестрельное ранение, погиб на месте", "погиб во время разгона митинга"),
    "bystander": ("застрелен в машине", "шальная пуля, возвращался с работы", "убит у своего дома"),
    "wounded": ("скончался в больнице от ран", "ранен, умер в реанимации"),
    "custody": ("умер после задержания, следы пыток", "скончался в ИВС", "задержан, тело выдали через неделю"),
    "forces": ("военнослужащий", "сотрудник полиции"),
    "found": ("тело найдено позже", "пропал без вести, нашли в морге", "опознан по фото"),
}
SOURCES = ("родственники", "родственники", "Instagram", "Telegram-канал", "Радио Азаттык", "соседи", "HRW")


def _name(rng: random.Random, p: Person, hand: str) -> str:
    family = p.maiden if p.maiden and rng.random() < 0.5 else p.family
    if hand == "passport":
        name = f"{to_passport(p.doc(family))} {to_passport(p.doc(p.given))}"
    elif hand == "kk" and p.community == "kazakh":
        name = f"{family} {p.given}"
        if rng.random() < 0.35:
            name += " " + kazakh_patronymic(p.father, p.sex)
    else:
        name = f"{russify(family)} {writer_form(rng, russify(p.given))}"
        if rng.random() < 0.3:
            name += " " + russian_patronymic(russify(p.father), p.sex)
    return slip_name(rng, name, {"key": 0.04, "drop": 0.03, "double": 0.02, "lookalike": 0.02, "swap": 0.01})


def _age(rng: random.Random, p: Person) -> tuple[str | None, str | None]:
    """The age cell and, when only a band is known, the note that carries it."""
    draw = rng.random()
    if draw < 0.5:
        return str(p.age), None
    if draw < 0.7:
        return f"~{5 * round((p.age + rng.randint(-3, 3)) / 5)}", None
    if draw < 0.85:
        low = 5 * ((p.age + rng.randint(-2, 2)) // 5)
        return None, f"возраст {low}-{low + 5}"
    return None, None


def _date(rng: random.Random, p: Person) -> tuple[str | None, str | None]:
    """The date cell and a note when the day is unknown."""
    day = p.incident if p.kind == "wounded" and rng.random() < 0.35 else p.died
    draw = rng.random()
    if draw < 0.4:
        return f"{day:%d.%m.%Y}", None
    if draw < 0.6:
        return f"{day.day} {RU_MONTHS[day.month - 1]} {day.year}", None
    if draw < 0.75 and day.month <= len(RU_MONTHS_NOMINATIVE):
        return rng.choice((f"{RU_MONTHS_NOMINATIVE[day.month - 1]} {day.year}", f"{day:%m.%Y}")), None
    return None, ("начало января" if day.day <= 10 and day.month == 1 and rng.random() < 0.5 else None)


def _city(rng: random.Random, p: Person, hand: str) -> str:
    if hand == "passport":
        return LATIN_PLACES[p.site.place]
    if hand == "kk":
        return p.site.place_kk
    if p.site.place == "Алматы":
        return rng.choice(("Алматы", "г. Алматы", "Алма-Ата"))
    return p.site.place


def _how(rng: random.Random, p: Person) -> str:
    """What happened, in the volunteers' words (verbs agree with a woman's death)."""
    text = rng.choice(HOW[p.kind])
    if p.sex == "F":
        text = re.sub(r"\b(застрелен|убит|ранен|задержан|опознан|пропал)\b", r"\1а", text)
        text = re.sub(r"\b(скончал|возвращал)ся\b", r"\1ась", re.sub(r"\b(умер|погиб)\b", r"\1ла", text))
    return text


def _row(rng: random.Random, p: Person, hand: str) -> list[str | None]:
    age, age_note = _age(rng, p)
    date, date_note = _date(rng, p)
    note = "; ".join(n for n in (age_note, date_note) if n) or None
    return [_name(rng, p, hand), age, date, _city(rng, p, hand), _how(rng, p), rng.choice(SOURCES), note]


def volunteers(chosen: Plan, rng: random.Random) -> GeneratedList:
    first = [p for p, tag in chosen.volunteers if tag == "first"]
    again = [p for p, tag in chosen.volunteers if tag == "again"]
    rng.shuffle(first)
    hands = {p.pid: rng.choices(HANDS, HAND_WEIGHTS)[0] for p in first}
    position = {p.pid: i for i, p in enumerate(first)}
    keyed = [(float(i), p, hands[p.pid]) for i, p in enumerate(first)]
    for p in again:  # a second volunteer enters the same person later, in another hand
        other = rng.choice([h for h in HANDS if h != hands[p.pid]])
        keyed.append((rng.uniform(position[p.pid] + 0.5, len(first)), p, other))
    keyed.sort(key=lambda item: item[0])
    table, truth = [], {}
    for number, (_, p, hand) in enumerate(keyed, start=1):
        table.append([str(number), *_row(rng, p, hand)])
        truth[number] = p.pid
    content = delimited(HEADERS, table, delimiter=",", encoding="utf-8", newline="\n")
    return GeneratedList("volunteers", "volunteers.csv", content, truth, None, one_per_person=False)
