"""From a record's facts to the columns the linkage model compares.

Linkage compares keys, not spellings: the family name without its gender ending (Нурланова ~
Нурланов), the father's name inside a patronymic (Серікұлы ~ Серикович), initials (Ж.С. ~ Жанболат
Серикович), a birth year however it is known (a date of birth, an IIN, or the age at death), one key
per place (Алма-Ата ~ Almaty: the gazetteer's, where it knows the place), and the areas (regions) a
record's person died in, from its place or from a region the whole list states (a morgue's catchment).
Every feature is computed here, in pure Python, so the model's SQL only compares columns, and a
reviewer can see exactly what was compared.

``feature_table`` is the bulk form: the same features as Arrow columns, with each distinct name parsed
once (names repeat a lot across lists and people; parsing is most of the cost of a record).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from tergeu.core.linkage.areas import record_areas
from tergeu.core.linkage.places import city_of_district, comparable_place
from tergeu.core.names import (
    in_nominative,
    is_unidentified,
    matching_key,
    parse_iin,
    parse_name,
    parse_name_parts,
    skeleton_key,
)

FEATURE_COLUMNS = (
    "unique_id", "source_dataset", "given", "family", "patronymic", "given_initial", "patronymic_initial",
    "name_tokens", "given_skeleton", "family_skeleton", "birth_date", "birth_year", "birth_year_exact",
    "national_id", "death_date", "recorded_date", "place", "place_city", "area", "sex", "read_as_given",
)


@dataclass(frozen=True)
class RecordFacts:
    """What linkage needs of one imported record."""

    record_id: int
    list_name: str
    facts: dict[str, str]
    name_order: str | None = None


def _initial(text: str | None) -> str | None:
    key = matching_key(text) if text else ""
    return key[0] if key else None


NameKey = tuple[str | None, str | None, str | None, str | None, str | None]


def _name_key(facts: dict[str, str], order: str | None) -> NameKey:
    """Everything ``_parsed_name`` reads, as a hashable key."""
    if "full_name" in facts:
        return facts["full_name"], None, None, None, order
    return None, facts.get("given_name"), facts.get("family_name"), facts.get("patronymic"), None


def name_features(record: RecordFacts) -> dict[str, Any]:
    """The name columns of ``record`` (family, given, initials...), however its list states the name."""
    return _parsed_name(_name_key(record.facts, record.name_order))


def _parsed_name(key: NameKey) -> dict[str, Any]:
    full_name, given_name, family_name, patronymic, order = key
    if is_unidentified(full_name) or is_unidentified(family_name):  # "Неизвестный мужчина": a body, no name yet
        return {"sex_from_name": None}
    if full_name is not None:  # as documents decline it ("гр. Ахметову Ерлану Сериковичу"), compared in the nominative
        name = parse_name(in_nominative(full_name), order)
    elif any(part is not None for part in (given_name, family_name, patronymic)):
        name = parse_name_parts(*_parts_in_nominative(given_name, family_name, patronymic))
    else:
        return {"sex_from_name": None}
    keys = name.keys
    tokens = sorted({k for k in (keys.given, keys.family_stem, keys.patronymic_stem) if k})
    return {
        "given": keys.given, "family": keys.family_stem, "patronymic": keys.patronymic_stem,
        # A written-out name's initial is its key's first letter: "Yerlan" and "Ерлан" both start "e"
        # (a raw initial would make them Y and Е), and a short form starts as the full name does.
        "given_initial": (keys.given or "")[:1] or _initial(name.given_initial),
        "patronymic_initial": (keys.patronymic_stem or "")[:1] or _initial(name.patronymic_initial),
        "name_tokens": tokens or None,
        "given_skeleton": skeleton_key(keys.given) if keys.given else None,
        "family_skeleton": skeleton_key(keys.family_stem) if keys.family_stem else None,
        "sex_from_name": name.implied_sex,
    }


def _parts_in_nominative(given: str | None, family: str | None,
                         patronymic: str | None) -> tuple[str | None, str | None, str | None]:
    """Separate name columns of a list extracted from documents ("Ахметову", "Ерлану", "Сериковичу"),
    brought back to the nominative as a full name is, when each column holds one word."""
    written = (given, family, patronymic)
    if any(part is None or len(part.split()) != 1 for part in written):
        return written
    words = in_nominative(f"{family} {given} {patronymic}").split()
    return (words[1], words[0], words[2]) if len(words) == 3 else written


def _birth(facts: dict[str, str], usual_month: str | None = None) -> tuple[str | None, int | None, bool]:
    """(full birth date, birth year, whether the year is exact): from the date, the IIN, or the age.

    An age with no date on its row is read against ``usual_month`` ("2022-01"), the month most of its
    list's dated rows give: a list of one event's dead states an age as of that event.
    """
    stated = facts.get("date_of_birth")
    if stated:
        return (stated if len(stated) == 10 else None), int(stated[:4]), True
    if facts.get("national_id"):
        info = parse_iin(facts["national_id"])
        if info.valid:
            return info.birth_date.isoformat(), info.birth_date.year, True
    # A list's own date (a body admitted, a death registered) is within days of the death: its year serves.
    death = facts.get("date_of_death") or facts.get("date_recorded") or usual_month
    age = facts.get("age")
    if death and age and age.isdigit():
        return None, _likely_birth_year(death, int(age)), False
    return None, None, False


def _likely_birth_year(death: str, age: int) -> int:
    """The likelier of the two birth years an age at death allows.

    Someone aged A at death was born in (death year - A) if their birthday had come that year, else a
    year earlier. For a death in January nearly no one's has: the earlier year is right for about 98 %
    of people, and taking the later one (as before) put most ages a year off every date of birth, so
    an exact year never met. The year's first half favours the earlier year, its second the later.
    """
    year = int(death[:4])
    if len(death) >= 7 and int(death[5:7]) <= 6:
        return year - age - 1
    return year - age


def _full_date(text: str | None) -> str | None:
    """A date stated to the day (ISO), else None: a month or a year cannot be compared in days."""
    return text if text is not None and len(text) == 10 else None


def _sex(facts: dict[str, str], from_name: str | None) -> str | None:
    if facts.get("sex"):
        return facts["sex"]
    if facts.get("national_id"):
        info = parse_iin(facts["national_id"])
        if info.valid and info.sex:
            return info.sex
    return from_name


def features_of(record: RecordFacts, names_of: Callable[[NameKey], dict[str, Any]] | None = None,
                usual_month: str | None = None) -> dict[str, Any]:
    """One row of linkage features; missing facts are None (Splink's null level).

    ``names_of`` (a cache of ``_parsed_name``) may stand in for parsing the name again; ``usual_month``
    is the month most dated rows of the record's list give (``usual_months``).
    """
    facts = record.facts
    names = (names_of or _parsed_name)(_name_key(facts, record.name_order))
    birth_date, birth_year, exact = _birth(facts, usual_month)
    row = dict.fromkeys(FEATURE_COLUMNS)
    row.update({k: v for k, v in names.items() if k in row})
    if row["name_tokens"] is not None:
        row["name_tokens"] = list(row["name_tokens"])  # a cached parse is shared: each row gets its own list
    row.update({
        "unique_id": record.record_id, "source_dataset": record.list_name,
        "birth_date": birth_date, "birth_year": birth_year, "birth_year_exact": exact if birth_year else None,
        "national_id": facts.get("national_id"),
        "death_date": _full_date(facts.get("date_of_death")),
        "recorded_date": _full_date(facts.get("date_recorded")),
        "place": comparable_place(facts.get("place_of_death")) or None,
        "place_city": city_of_district(facts.get("place_of_death")),
        "area": record_areas(facts.get("place_of_death"), facts.get("region")),
        "sex": _sex(facts, names.get("sex_from_name")),
        # A record without a given name ("Гульнара А."), read the other way round: its family name's skeleton
        # and its initial, as the given name and family initial of another record would give them. A column
        # of its own: EM leaves untrained a comparison reading a column its sessions block on
        # (family_skeleton, given_initial: ``model.EM_RULES``).
        "read_as_given": (f"{row['family_skeleton']} {row['given_initial']}"
                          if row["given"] is None and row["family_skeleton"] and row["given_initial"] else None),
    })
    return row


FEATURE_SCHEMA = pa.schema([
    ("unique_id", pa.int64()), ("source_dataset", pa.string()), ("given", pa.string()),
    ("family", pa.string()), ("patronymic", pa.string()), ("given_initial", pa.string()),
    ("patronymic_initial", pa.string()), ("name_tokens", pa.list_(pa.string())),
    ("given_skeleton", pa.string()), ("family_skeleton", pa.string()), ("birth_date", pa.string()),
    ("birth_year", pa.int32()), ("birth_year_exact", pa.bool_()), ("national_id", pa.string()),
    ("death_date", pa.string()), ("recorded_date", pa.string()), ("place", pa.string()),
    ("place_city", pa.string()), ("area", pa.list_(pa.string())), ("sex", pa.string()),
    ("read_as_given", pa.string()),
])


def rows_to_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows of ``features_of`` as Arrow columns (column by column: cheaper than from a list of dicts)."""
    return pa.table({f.name: pa.array([row[f.name] for row in rows], type=f.type) for f in FEATURE_SCHEMA},
                    schema=FEATURE_SCHEMA)


PARALLEL_FROM = 200_000  # records; below this a second process costs more than it saves
_FORKED: Sequence[RecordFacts] = ()  # the records a forked worker reads (inherited, never pickled)


def feature_table(records: Sequence[RecordFacts]) -> pa.Table:
    """``features_of`` every record, as an Arrow table, parsing each distinct name once.

    On a large set the second half is computed in a forked process while this one computes the
    first: parsing names is pure Python, so a second core is the only way to halve it.
    """
    months = usual_months(records)  # once, over every record: a list's rows may fall in either half
    if len(records) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
        return _feature_table(records, months)
    global _FORKED
    half = len(records) // 2
    _FORKED = records
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork")) as pool:
            second = pool.submit(_forked_features, half, len(records), months)
            first = _feature_table(records[:half], months)
            return pa.concat_tables([first, second.result()])
    finally:
        _FORKED = ()


def _forked_features(start: int, stop: int, months: dict[str, str]) -> pa.Table:
    return _feature_table(_FORKED[start:stop], months)


def usual_months(records: Sequence[RecordFacts]) -> dict[str, str]:
    """Per list, the month ("2022-01") most of its rows date a death (or their own record of it) in."""
    counts: dict[str, Counter[str]] = {}
    for record in records:
        dated = record.facts.get("date_of_death") or record.facts.get("date_recorded") or ""
        if len(dated) >= 7:
            counts.setdefault(record.list_name, Counter())[dated[:7]] += 1
    # ties go to the later month (not to whichever came first), so the order of rows does not matter
    return {name: max(months.items(), key=lambda item: (item[1], item[0]))[0] for name, months in counts.items()}


def _feature_table(records: Sequence[RecordFacts], months: dict[str, str]) -> pa.Table:
    parsed: dict[NameKey, dict[str, Any]] = {}

    def names_of(key: NameKey) -> dict[str, Any]:
        found = parsed.get(key)
        if found is None:
            found = parsed[key] = _parsed_name(key)
        return found

    columns: dict[str, list[Any]] = {name: [] for name in FEATURE_COLUMNS}
    appenders = [(name, columns[name].append) for name in FEATURE_COLUMNS]
    for record in records:
        row = features_of(record, names_of, months.get(record.list_name))
        for name, append in appenders:
            append(row[name])
    return pa.table({f.name: pa.array(columns.pop(f.name), type=f.type) for f in FEATURE_SCHEMA},
                    schema=FEATURE_SCHEMA)
