"""From a record's facts to the columns the linkage model compares.

Linkage compares keys, not spellings: the family name without its gender ending (Нурланова ~
Нурланов), the father's name inside a patronymic (Серікұлы ~ Серикович), initials (Ж.С. ~ Жанболат
Серикович), a birth year however it is known (a date of birth, an IIN, or the age at death), and one
key per place (Алма-Ата ~ Almaty). Every feature is computed here, in pure Python, so the model's SQL
only compares columns, and a reviewer can see exactly what was compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tergeu.core.linkage.places import place_key
from tergeu.core.names import matching_key, parse_iin, parse_name, parse_name_parts, skeleton_key

FEATURE_COLUMNS = (
    "unique_id", "source_dataset", "given", "family", "patronymic", "given_initial", "patronymic_initial",
    "name_tokens", "given_skeleton", "family_skeleton", "birth_date", "birth_year", "birth_year_exact",
    "national_id", "death_date", "place", "sex",
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


def _name_features(facts: dict[str, str], order: str | None) -> dict[str, Any]:
    if "full_name" in facts:
        name = parse_name(facts["full_name"], order)
    elif any(k in facts for k in ("family_name", "given_name", "patronymic")):
        name = parse_name_parts(facts.get("given_name"), facts.get("family_name"), facts.get("patronymic"))
    else:
        return {"sex_from_name": None}
    keys = name.keys
    tokens = sorted({k for k in (keys.given, keys.family_stem, keys.patronymic_stem) if k})
    return {
        "given": keys.given, "family": keys.family_stem, "patronymic": keys.patronymic_stem,
        "given_initial": _initial(name.given_initial), "patronymic_initial": _initial(name.patronymic_initial),
        "name_tokens": tokens or None,
        "given_skeleton": skeleton_key(keys.given) if keys.given else None,
        "family_skeleton": skeleton_key(keys.family_stem) if keys.family_stem else None,
        "sex_from_name": name.implied_sex,
    }


def _birth(facts: dict[str, str]) -> tuple[str | None, int | None, bool]:
    """(full birth date, birth year, whether the year is exact): from the date, the IIN, or the age."""
    stated = facts.get("date_of_birth")
    if stated:
        return (stated if len(stated) == 10 else None), int(stated[:4]), True
    if facts.get("national_id"):
        info = parse_iin(facts["national_id"])
        if info.valid:
            return info.birth_date.isoformat(), info.birth_date.year, True
    death, age = facts.get("date_of_death"), facts.get("age")
    if death and age and age.isdigit():
        return None, int(death[:4]) - int(age), False  # the true year is this or the one before
    return None, None, False


def _sex(facts: dict[str, str], from_name: str | None) -> str | None:
    if facts.get("sex"):
        return facts["sex"]
    if facts.get("national_id"):
        info = parse_iin(facts["national_id"])
        if info.valid and info.sex:
            return info.sex
    return from_name


def features_of(record: RecordFacts) -> dict[str, Any]:
    """One row of linkage features; missing facts are None (Splink's null level)."""
    facts = record.facts
    names = _name_features(facts, record.name_order)
    birth_date, birth_year, exact = _birth(facts)
    row = dict.fromkeys(FEATURE_COLUMNS)
    row.update({k: v for k, v in names.items() if k in row})
    row.update({
        "unique_id": record.record_id, "source_dataset": record.list_name,
        "birth_date": birth_date, "birth_year": birth_year, "birth_year_exact": exact if birth_year else None,
        "national_id": facts.get("national_id"),
        "death_date": facts.get("date_of_death") if len(facts.get("date_of_death", "")) == 10 else None,
        "place": place_key(facts.get("place_of_death")) or None,
        "sex": _sex(facts, names.get("sex_from_name")),
    })
    return row
