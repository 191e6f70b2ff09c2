"""The two public lists of ``aral``: a Kazakh memorial site and a Telegram channel's compilation.

``memorial``: a Kazakh-language memorial site's JSON export. Its keys are the site's Latin slugs
(``aty_zhoni``, ``tugan_zhyly``, ``qaza_tapqan_kuni``), so it comes with a column map, given name
first. Names in Kazakh letters whatever the passport says (Нұржан Серікұлы, Нұржан Жұмабаев,
sometimes the official order), typed on Russian keyboards now and then (қ as к, і as the Latin i);
a married woman under her maiden name as often as not; the birth year only; the date in Kazakh words
(for the wounded, sometimes the day of the wound); the home village (unmapped: it is not where they
died) and a photo caption ("Марқұм ..."); a few people submitted twice, by a relative and a friend.

``telegram``: a channel's running compilation, exported from a shared sheet as UTF-8 tab-separated
text with headers the importer guesses. Its own posts give what friends wrote: "Ерлан Сериков",
"Нуржик", "Kairat Omarov", a given name alone, "~25", a city in either script, dates in any form
(a phone's US order among them: 1/5/2022 for the 5th of January); a person posted twice. About two
weeks in, it pasted the volunteers' retyping of the official list (more than half of it), with its
slips, and went on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

from generators import GeneratedList
from generators import aral_slips as slips
from generators.aral_forms import kk_parts, place_ru, ru_parts, sloppy_given
from generators.aral_names import PET
from generators.aral_people import CITIES, Person
from generators.aral_script import chat_habit, latin
from generators.aral_state import OfficialRow

KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
MEMORIAL_MAP = """name_order = "given_first"
[columns]
source_record_id = "id"
full_name = "aty_zhoni"
date_of_birth = "tugan_zhyly"
age = "jasy"
date_of_death = "qaza_tapqan_kuni"
place_of_death = "qaza_tapqan_jeri"
"""


def _memorial_name(rng: random.Random, person: Person) -> str:
    family, given, patronymic = kk_parts(person, rng, 0.5)
    form = rng.random()
    if form < 0.45 or not patronymic:
        text = f"{given} {family}"
    elif form < 0.65 and person.community == "kz":
        text = f"{given} {patronymic}"
    elif form < 0.88:
        text = f"{family} {given} {patronymic}"
    else:
        text = f"{given} {patronymic} {family}"
    if rng.random() < 0.12:
        text = slips.kazakh_keyboard(rng, text)
    if rng.random() < 0.03:
        text = slips.typo(rng, text)
    return slips.spacing(rng, text) if rng.random() < 0.05 else text


def kazakh_date(rng: random.Random, day: dt.date) -> str:
    form = rng.random()
    if form < 0.55:
        return f"{day.day} {KK_MONTHS[day.month - 1]} {day.year}"
    if form < 0.85:
        return f"{day.year} жылғы {day.day} {KK_MONTHS[day.month - 1]}"
    return slips.dmy(day)


def _memorial_item(rng: random.Random, number: int, person: Person) -> dict[str, object]:
    name = _memorial_name(rng, person)
    born: object = person.born.year + (rng.choice((-1, 1)) if rng.random() < 0.03 else 0)
    born = born if rng.random() < 0.75 else f"{born} ж." if rng.random() < 0.6 else None
    died = person.injured if person.kind == "wounds" and rng.random() < 0.35 else person.died
    place = CITIES[person.city].place_kk
    place = (f"{place} қ." if rng.random() < 0.5 else f"{place} қаласы") if rng.random() < 0.8 else None
    age = person.age
    caption = (f"Марқұм {name.strip()} ({person.born.year}–2022)" if rng.random() < 0.6
               else f"Марқұм {person.given}, {age} жаста. Жатқан жері жайлы болсын.")
    return {
        "id": number, "slug": "-".join(latin(name).lower().split()) + f"-{number}",
        "aty_zhoni": name, "tugan_zhyly": born,
        "jasy": rng.choice((f"{age} жаста", f"{age} жас", str(age))) if rng.random() < 0.4 else None,
        "qaza_tapqan_kuni": kazakh_date(rng, died) if rng.random() < 0.9 else None,
        "qaza_tapqan_jeri": place,
        "auyly": person.home, "foto": caption,
        "jiberdi": rng.choice(("туысы", "туысы", "досы", "көршісі", "редакция")),
    }


def memorial_list(people: list[Person], rng: random.Random) -> GeneratedList:
    entries = list(people) + [p for p in people if rng.random() < 0.06]
    rng.shuffle(entries)
    items = [_memorial_item(rng, number, person) for number, person in enumerate(entries, start=1)]
    document = {"site": "Қаңтар қасіреті — еске алу беті", "exported": "2022-03-01", "items": items}
    content = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    truth = {number: person.pid for number, person in enumerate(entries, start=1)}
    return GeneratedList("memorial", "memorial.json", content, truth, map_toml=MEMORIAL_MAP)


def _chat_name(rng: random.Random, person: Person) -> str:
    family, given, patronymic = ru_parts(person)
    given = sloppy_given(rng, given, 0.15)
    if person.community == "kz" and rng.random() < 0.15:
        family, given = person.family, person.given
    form = rng.random()
    if form < 0.35:
        text = f"{given} {family}"
    elif form < 0.5:
        text = f"{family} {given}"
    elif form < 0.6:
        text = given
    elif form < 0.7:
        pet = PET.get(given)
        text = f"{pet} {family}" if pet and rng.random() < 0.5 else pet or f"{given} {family[0]}."
    elif form < 0.9:
        habit = chat_habit(rng)
        text = latin(f"{given} {family}", habit) if rng.random() < 0.75 else f"{latin(given, habit)} {family}"
    else:
        text = " ".join(part for part in (given, patronymic, family) if part)
    text = slips.no_yo(text) if rng.random() < 0.5 else text
    if rng.random() < 0.05:
        text = slips.typo(rng, text)
    return slips.spacing(rng, text) if rng.random() < 0.08 else text


def _chat_age(rng: random.Random, person: Person) -> str:
    form = rng.random()
    if form < 0.35:
        return f"~{max(1, person.age + rng.randint(-3, 3))}"
    if form < 0.6:
        return str(person.age)
    return f"{person.age} лет" if form < 0.7 else ""


def _chat_date(rng: random.Random, person: Person) -> str:
    day = person.injured if person.kind == "wounds" and rng.random() < 0.5 else person.died
    form = rng.random()
    if form < 0.45:
        return slips.dmy(day)
    if form < 0.6:
        return f"{day.day} {RU_MONTHS[day.month - 1]} {day.year}"
    if form < 0.7:
        return f"{day.day}.{day.month:02d}.{day.year % 100:02d}"
    if form < 0.75 and day.day <= 12:  # Tergeu refuses 1/15/2022 (month 15), a whole-file stop: see the report
        return f"{day.month}/{day.day}/{day.year}"
    return ""


def _chat_city(rng: random.Random, person: Person) -> str:
    form = rng.random()
    if form < 0.12:
        return ""
    if person.city == "almaty" and form < 0.18:
        return "Алма-Ата"
    return latin(place_ru(person)) if form < 0.3 else place_ru(person)


_COMMENTS = ("со слов родственников", "сообщил брат", "погиб у акимата", "нужна проверка", "пишут друзья",
             "тело выдали родным", "похоронен в родном селе", "", "", "", "")


def _copied_row(rng: random.Random, row: OfficialRow) -> list[str]:
    """A row pasted from the retyped official list: its name and dates as they stood, slips and all."""
    name = row.name
    words = name.split()
    if len(words) == 3 and rng.random() < 0.4:
        name = " ".join(words[:2])
    age = ""
    if row.born and row.died:
        years = row.died.year - row.born.year - ((row.died.month, row.died.day) < (row.born.month, row.born.day))
        age = str(years) if 0 <= years <= 110 else ""
    return [name, age, "", row.died_text, "Генпрокуратура, список", "из официального списка"]


def telegram_list(posts: list[tuple[Person, str]], official: dict[str, OfficialRow],
                  rng: random.Random) -> GeneratedList:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(["#", "Имя Фамилия", "Возраст", "Город", "Дата гибели", "Источник", "Комментарий"])
    truth: dict[int, str] = {}
    post = 40 + rng.randint(0, 60)
    for number, (person, how) in enumerate(posts, start=1):
        post += rng.randint(1, 4)
        if how == "copied":
            cells = _copied_row(rng, official[person.pid])
        else:
            note = "повтор?" if how == "again" and rng.random() < 0.3 else rng.choice(_COMMENTS)
            cells = [_chat_name(rng, person), _chat_age(rng, person), _chat_city(rng, person),
                     _chat_date(rng, person), f"t.me/qantar_tizim/{post}", note]
        writer.writerow([number, *cells])
        truth[number] = person.pid
    return GeneratedList("telegram", "telegram.tsv", buffer.getvalue().encode("utf-8"), truth)
