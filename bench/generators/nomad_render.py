"""Habits shared by ``nomad``'s list writers: who a list reaches, dates, IIN slips, CSV bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from generators.nomad_people import Victim

RU_MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря")
KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def reached(victim: Victim, base: dict[str, float], rng: random.Random, weight: float = 1.0,
            attention: float = 1.0) -> bool:
    """Whether a list learns of this death: its reach for how they died, scaled by how visible it was.

    ``attention`` > 1 makes a list lean harder on visibility (volunteers hear of the famous cases).
    """
    scale = (victim.visibility / 0.45) ** attention
    return rng.random() < min(0.97, base[victim.how] * weight * scale)


def ru_date(day: dt.date, style: str) -> str:
    if style == "words":
        return f"{day.day} {RU_MONTHS_GEN[day.month - 1]} {day.year} г."
    if style == "short":
        return f"{day:%d.%m.%y}"
    return f"{day:%d.%m.%Y}"


def kk_date(day: dt.date) -> str:
    return f"{day.year} жылғы {day.day} {KK_MONTHS[day.month - 1]}"


def en_date(day: dt.date, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.35:
        return f"{EN_MONTHS[day.month - 1][:3]} {day.day}, {day.year}"
    if style < 0.6:
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    if style < 0.85:
        return f"{day:%d.%m.%Y}"
    return day.isoformat()


def iin_as_written(iin: str, rng: random.Random, slip: float) -> str:
    """The IIN a clerk typed: now and then one digit wrong or two neighbours swapped."""
    if rng.random() >= slip:
        return iin
    i = rng.randrange(11)
    if rng.random() < 0.5 and iin[i] != iin[i + 1]:
        return iin[:i] + iin[i + 1] + iin[i] + iin[i + 2:]
    wrong = str((int(iin[i]) + rng.randint(1, 9)) % 10)
    return iin[:i] + wrong + iin[i + 1:]


def age_at(victim: Victim) -> int:
    born, died = victim.truth.date_of_birth, victim.truth.date_of_death
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def csv_bytes(headers: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    text = out.getvalue()
    return ("\ufeff" + text).encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)


def toml_map(columns: dict[str, str], name_order: str | None = None, values: dict[str, str] | None = None) -> str:
    lines = [f'name_order = "{name_order}"'] if name_order else []
    lines.append("[columns]")
    lines += [f'{field} = "{header}"' for field, header in columns.items()]
    if values:
        lines.append("[values]")
        lines += [f'{field} = "{value}"' for field, value in values.items()]
    return "\n".join(lines) + "\n"
