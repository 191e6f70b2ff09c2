"""Forces rows → FollowTheMoney entities, and the vocabulary both directions share.

A unit is a ``PublicBody``, an official a ``Person``, a unit's place under another a ``Membership``
(the unit a member of its parent), a commander's or deputy's posting a ``Directorship`` and any other
posting a ``Membership``, an incident an ``Event`` whose ``involved`` are its surely resolved
perpetrators. FtM has start and end dates but not the handbook's first and last cited dates: the cited
dates go to ``date``, ``startDate`` only when the first cited date is the start and ``endDate`` only when
the last cited date is the end, so Aleph never shows a citation as a beginning; the exact handbook fields
travel as ``summary`` facts ("first cited: 2021-11"), which the import reads back. Each citation is a
``publisher`` (the source), a ``sourceUrl`` when the source has one, and a "cited: SOURCE @ LOCATOR" line
in ``notes`` (``description`` for the links, which have no notes); a synthetic source adds a line saying so,
and a source's address a "source address: SOURCE @ URL" line, so the import gives both back to that source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

PREFIX = {"unit": "tergeu-unit-", "person": "tergeu-person-", "incident": "tergeu-incident-"}
CITED = "cited: "
SYNTHETIC = "SYNTHETIC (invented, never to be cited as real): "
SOURCE_URL = "source address: "  # "source address: SOURCE @ URL", so each address stays with its source
AT = " @ "
FIRST, LAST, START, OPEN = "first cited", "last cited", "first cited is the start", "open-ended"
UNITS_WRITTEN, PERSONS_WRITTEN = "perpetrator units", "perpetrator persons"
LEADING_ROLES = ("commander", "deputy")

# kind -> canonical column -> the FtM property it comes from (named in import problems)
FTM_COLUMNS: dict[str, dict[str, str]] = {
    "units": {"unit_id": "id", "name": "name", "aliases": "alias", "identifiers": "idNumber",
              "classification": "classification", "country": "country", "founded": "incorporationDate",
              "dissolved": "dissolutionDate"},
    "persons": {"person_id": "id", "name": "name", "aliases": "alias", "date_of_birth": "birthDate"},
    "relations": {"unit_id": "member", "parent_unit_id": "organization", "classification": "summary",
                  "first_cited": "date", "last_cited": "date", "first_is_start": "startDate",
                  "open_ended": "endDate"},
    "postings": {"person_id": "director", "unit_id": "organization", "role": "role", "title": "summary",
                 "rank": "summary", "first_cited": "date", "last_cited": "date", "first_is_start": "startDate",
                 "open_ended": "endDate"},
    "incidents": {"incident_id": "id", "start": "startDate", "end": "endDate", "place": "location",
                  "description": "description", "violation_types": "keywords", "perpetrator_units": "involved",
                  "perpetrator_persons": "involved"},
}


@dataclass
class ForceRows:
    """What to export, as plain dicts keyed by the canonical column names (docs/forces.md), each with
    ``citations``: a list of ``{"source", "locator", "url"}``. Incidents also carry ``involved_units`` and
    ``involved_persons``: the external ids their perpetrators surely resolve to."""

    units: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    postings: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[dict[str, Any]] = field(default_factory=list)


def _make(schema: str, entity_id: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = entity_id
    return entity


def _cite(entity: EntityProxy, citations: list[dict[str, str]], text: str) -> None:
    for citation in citations:
        entity.add("publisher", citation["source"])
        if citation.get("url"):
            entity.add("sourceUrl", citation["url"])  # dropped by FtM when not a URL
            entity.add(text, SOURCE_URL + citation["source"] + AT + citation["url"])
        locator = citation.get("locator") or ""
        entity.add(text, CITED + citation["source"] + (AT + locator if locator else ""))
        if citation.get("synthetic"):
            entity.add(text, SYNTHETIC + citation["source"])


def _facts(entity: EntityProxy, facts: dict[str, str]) -> None:
    for key, value in facts.items():
        if value:
            entity.add("summary", f"{key}: {value}")


def _dated(entity: EntityProxy, row: dict[str, Any]) -> None:
    first, last = row.get("first_cited") or "", row.get("last_cited") or ""
    entity.add("date", [date for date in (first, last) if date])
    if first and row.get("first_is_start"):
        entity.add("startDate", first)
    if last and row.get("open_end") == "E":
        entity.add("endDate", last)
    _facts(entity, {FIRST: first, LAST: last, START: "Y" if row.get("first_is_start") else "N",
                    OPEN: row.get("open_end") or "N"})


def _unit(row: dict[str, Any]) -> EntityProxy:
    entity = _make("PublicBody", PREFIX["unit"] + row["unit_id"])
    entity.add("name", row["name"])
    entity.add("alias", row.get("aliases") or [])
    entity.add("idNumber", row.get("identifiers") or [])
    entity.add("classification", row.get("classification") or None)
    entity.add("country", row.get("country") or None)
    entity.add("incorporationDate", row.get("founded") or None)
    entity.add("dissolutionDate", row.get("dissolved") or None)
    _cite(entity, row.get("citations", []), "notes")
    return entity


def _person(row: dict[str, Any]) -> EntityProxy:
    entity = _make("Person", PREFIX["person"] + row["person_id"])
    entity.add("name", row["name"])
    entity.add("alias", row.get("aliases") or [])
    entity.add("birthDate", row.get("date_of_birth") or None)
    _cite(entity, row.get("citations", []), "notes")
    return entity


def _relation(row: dict[str, Any]) -> EntityProxy:
    entity = model.make_entity("Membership")
    entity.make_id("tergeu-relation", row["unit_id"], row["parent_unit_id"], row.get("classification"),
                   row.get("first_cited"), row.get("last_cited"))
    entity.add("member", PREFIX["unit"] + row["unit_id"])
    entity.add("organization", PREFIX["unit"] + row["parent_unit_id"])
    classification = row.get("classification") or "command"
    entity.add("role", f"subordinate unit ({classification})")
    _facts(entity, {"classification": classification})
    _dated(entity, row)
    _cite(entity, row.get("citations", []), "description")
    return entity


def _posting(row: dict[str, Any]) -> EntityProxy:
    leading = row["role"] in LEADING_ROLES
    entity = model.make_entity("Directorship" if leading else "Membership")
    entity.make_id("tergeu-posting", row["person_id"], row["unit_id"], row["role"], row.get("first_cited"),
                   row.get("last_cited"))
    entity.add("director" if leading else "member", PREFIX["person"] + row["person_id"])
    entity.add("organization", PREFIX["unit"] + row["unit_id"])
    entity.add("role", row["role"])
    _facts(entity, {"title": row.get("title") or "", "rank": row.get("rank") or ""})
    _dated(entity, row)
    _cite(entity, row.get("citations", []), "description")
    return entity


def _incident(row: dict[str, Any]) -> EntityProxy:
    entity = _make("Event", PREFIX["incident"] + row["incident_id"])
    entity.add("name", ": ".join(part for part in (row["incident_id"], row.get("place")) if part))
    entity.add("startDate", row.get("start") or None)
    entity.add("endDate", row.get("end") or None)
    entity.add("location", row.get("place") or None)
    entity.add("description", row.get("description") or None)
    entity.add("keywords", row.get("violation_types") or [])
    entity.add("involved", [PREFIX["unit"] + unit for unit in row.get("involved_units", [])])
    entity.add("involved", [PREFIX["person"] + person for person in row.get("involved_persons", [])])
    entity.add("namesMentioned", row.get("mentions") or [])
    _facts(entity, {UNITS_WRITTEN: row.get("perpetrator_units") or "",
                    PERSONS_WRITTEN: row.get("perpetrator_persons") or ""})
    _cite(entity, row.get("citations", []), "notes")
    return entity


def to_entities(rows: ForceRows) -> Iterator[dict[str, Any]]:
    """The entity dicts (``{"id", "schema", "properties"}``) of every row: units and persons first, so a
    reader meets each entity before the links that name it."""
    for build, items in ((_unit, rows.units), (_person, rows.persons), (_relation, rows.relations),
                         (_posting, rows.postings), (_incident, rows.incidents)):
        for row in items:
            yield build(row).to_dict()
