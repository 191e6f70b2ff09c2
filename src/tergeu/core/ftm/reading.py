"""FollowTheMoney entities → rows of the canonical forces columns, each with its line and citations.

The values are read from the entities as written (not through FtM's cleaning, which drops a bad date
without a word), so the import's own checks can name the line, the property and the value at fault.
Entities written by Tergeu carry the handbook's dates as ``summary`` facts and are read back exactly;
others (Aleph, OpenSanctions) are read from ``startDate``, ``endDate`` and ``date``. Schemata that are no
forces row (a document, an address) are counted and left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model

from .entities import AT, CITED, FIRST, LAST, OPEN, PERSONS_WRITTEN, PREFIX, START, UNITS_WRITTEN

ROLES = ("commander", "deputy", "member")
LINKS = {"Membership": ("member", "organization"), "Directorship": ("director", "organization"),
         "Employment": ("employee", "employer")}


@dataclass(frozen=True)
class FtmProblem:
    line: int
    column: str
    value: str
    message: str


@dataclass
class FtmRow:
    line: int
    values: dict[str, str]  # canonical column -> text, as a table cell would hold it
    citations: list[tuple[str, str]]  # (source, locator)


@dataclass
class FtmRows:
    rows: dict[str, list[FtmRow]] = field(default_factory=dict)
    problems: list[FtmProblem] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # schema -> entities left out


def _values(data: dict[str, Any], prop: str) -> list[str]:
    found = (data.get("properties") or {}).get(prop) or []
    return [str(value).strip() for value in (found if isinstance(found, list) else [found]) if str(value).strip()]


def _first(data: dict[str, Any], *props: str) -> str:
    return next((value for prop in props for value in _values(data, prop)), "")


def _external(entity_id: str, kind: str) -> str:
    return entity_id.removeprefix(PREFIX[kind])


def _facts(data: dict[str, Any]) -> dict[str, str]:
    facts = {}
    for line in _values(data, "summary"):
        key, sep, value = line.partition(": ")
        if sep:
            facts.setdefault(key, value)
    return facts


def _citations(data: dict[str, Any]) -> list[tuple[str, str]]:
    cited = []
    for text in [*_values(data, "notes"), *_values(data, "description")]:
        if text.startswith(CITED):
            source, _sep, locator = text.removeprefix(CITED).rpartition(AT)
            cited.append((source, locator) if source else (locator, ""))
    return cited or [(publisher, "") for publisher in _values(data, "publisher")]


def _dated(data: dict[str, Any]) -> dict[str, str]:
    facts = _facts(data)
    if FIRST in facts or LAST in facts:
        return {"first_cited": facts.get(FIRST, ""), "last_cited": facts.get(LAST, ""),
                "first_is_start": facts.get(START, "N"), "open_ended": facts.get(OPEN, "N")}
    start, end, dates = _first(data, "startDate"), _first(data, "endDate"), sorted(_values(data, "date"))
    first = start or (dates[0] if dates else "")
    last = end or (dates[-1] if dates and dates[-1] != first else "")
    return {"first_cited": first, "last_cited": last, "first_is_start": "Y" if start else "N",
            "open_ended": "E" if end else "N"}


def _unit(data: dict[str, Any]) -> dict[str, str]:
    names = _values(data, "name")
    aliases = [*names[1:], *_values(data, "alias"), *_values(data, "abbreviation")]
    return {"unit_id": _external(data["id"], "unit"), "name": names[0] if names else "",
            "aliases": "; ".join(aliases),
            "identifiers": "; ".join([*_values(data, "idNumber"), *_values(data, "registrationNumber")]),
            "classification": _first(data, "classification"), "country": _first(data, "country", "jurisdiction"),
            "founded": _first(data, "incorporationDate"), "dissolved": _first(data, "dissolutionDate")}


def _person(data: dict[str, Any]) -> dict[str, str]:
    names = _values(data, "name")
    return {"person_id": _external(data["id"], "person"), "name": names[0] if names else "",
            "aliases": "; ".join([*names[1:], *_values(data, "alias")]), "date_of_birth": _first(data, "birthDate")}


def _posting(data: dict[str, Any], holder: str, unit: str) -> dict[str, str]:
    facts, written = _facts(data), _first(data, "role")
    role = written.lower() if written.lower() in ROLES else (
        "commander" if data["schema"] == "Directorship" else "member")
    title = facts.get("title", "" if written.lower() in ROLES else written)
    return {"person_id": _external(holder, "person"), "unit_id": _external(unit, "unit"), "role": role,
            "title": title, "rank": facts.get("rank", ""), **_dated(data)}


def _incident(data: dict[str, Any], kinds: dict[str, str]) -> dict[str, str]:
    facts, involved = _facts(data), _values(data, "involved")
    by_kind = {kind: "; ".join(_external(ref, kind) for ref in involved if kinds.get(ref) == kind)
               for kind in ("unit", "person")}
    return {"incident_id": _external(data["id"], "incident"), "start": _first(data, "startDate", "date"),
            "end": _first(data, "endDate"), "place": _first(data, "location", "address"),
            "description": _first(data, "description"), "violation_types": "; ".join(_values(data, "keywords")),
            "perpetrator_units": facts.get(UNITS_WRITTEN, by_kind["unit"]),
            "perpetrator_persons": facts.get(PERSONS_WRITTEN, by_kind["person"])}


def _kind_of(schema_name: str) -> str | None:
    schema = model.get(schema_name)
    if schema is None:
        return None
    if schema.is_a("Person"):
        return "person"
    if schema.is_a("Organization"):
        return "unit"
    return "incident" if schema.is_a("Event") else ""


def _link(data: dict[str, Any], kinds: dict[str, str]) -> tuple[str, dict[str, str]] | FtmProblem:
    """A relation (a unit member of a unit) or a posting (a person in a unit) from a link entity."""
    holder_prop, unit_prop = LINKS[data["schema"]]
    holder, unit = _first(data, holder_prop), _first(data, unit_prop)
    holder_kind = kinds.get(holder) or next((k for k, p in PREFIX.items() if holder.startswith(p)), "")
    if holder_kind == "unit" and data["schema"] == "Membership":
        facts = _facts(data)
        return "relations", {"unit_id": _external(holder, "unit"), "parent_unit_id": _external(unit, "unit"),
                             "classification": facts.get("classification", "command"), **_dated(data)}
    if holder_kind == "person" or (data["schema"] != "Membership" and holder):
        return "postings", _posting(data, holder, unit)
    return FtmProblem(0, holder_prop, holder, f"{holder_prop} {holder!r} is neither a unit nor a person of this "
                                              "file, nor a Tergeu id (tergeu-unit-…, tergeu-person-…)")


def from_entities(entities: Iterable[tuple[int, dict[str, Any]]]) -> FtmRows:
    """Rows by kind (units, persons, relations, postings, incidents) from ``(line, entity dict)`` pairs."""
    found = FtmRows({kind: [] for kind in ("units", "persons", "relations", "postings", "incidents")})
    entities = list(entities)
    kinds = {data["id"]: _kind_of(str(data.get("schema"))) or "" for _line, data in entities
             if isinstance(data, dict) and isinstance(data.get("id"), str)}
    for line, data in entities:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"].strip():
            found.problems.append(FtmProblem(line, "id", "", "an entity needs an id"))
            continue
        schema = str(data.get("schema"))
        kind = _kind_of(schema)
        if kind is None:
            found.problems.append(FtmProblem(line, "schema", schema[:100], "not a FollowTheMoney schema"))
            continue
        item: tuple[str, dict[str, str]] | FtmProblem | None = None
        if schema in LINKS:
            item = _link(data, kinds)
        elif kind == "unit":
            item = ("units", _unit(data))
        elif kind == "person":
            item = ("persons", _person(data))
        elif kind == "incident":
            item = ("incidents", _incident(data, kinds))
        if item is None:
            found.skipped[schema] += 1
        elif isinstance(item, FtmProblem):
            found.problems.append(FtmProblem(line, item.column, item.value[:200], item.message))
        else:
            found.rows[item[0]].append(FtmRow(line, item[1], _citations(data)))
    return found
