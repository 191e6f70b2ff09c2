"""FollowTheMoney entities → rows of the canonical forces columns, each with its line and citations.

The values are read from the entities as written (not through FtM's cleaning, which drops a bad date
without a word), so the import's own checks can name the line, the property and the value at fault.
Entities written by Tergeu carry the handbook's dates as ``summary`` facts and are read back exactly;
others (Aleph, OpenSanctions) are read from ``startDate``, ``endDate`` and ``date``. Schemata that are no
forces row (a document, an address) are counted and left out, and so are organisations other than a
``PublicBody`` or a plain ``Organization``: a ``Company`` in an Aleph collection is no security-force unit.
A source marked synthetic, and a source's address, are read back for the whole file (``FtmRows.sources``).
An incident's ``involved`` entities are kept by kind (``FtmRow.involved``) so the import can check them
against the stored units and officials and name those it cannot find, rather than drop them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from followthemoney import model

from .entities import AT, CITED, FIRST, LAST, OPEN, PERSONS_WRITTEN, PREFIX, SOURCE_URL, START, SYNTHETIC, UNITS_WRITTEN

ROLES = ("commander", "deputy", "member")
UNIT_SCHEMATA = ("PublicBody", "Organization")  # not Company, Bank, …: organisations that are no force unit
FACT_COLUMNS = {FIRST: "first_cited", LAST: "last_cited", START: "first_is_start", OPEN: "open_ended",
                "title": "title", "rank": "rank", "classification": "classification",
                UNITS_WRITTEN: "perpetrator_units", PERSONS_WRITTEN: "perpetrator_persons"}
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
    involved: list[tuple[str, str]] = field(default_factory=list)  # an Event's (unit|person|"" unknown, id)
    lists: dict[str, list[str]] = field(default_factory=dict)  # list columns, values whole (not split on ";")
    from_summary: frozenset[str] = frozenset()  # columns read from ``summary`` facts (named so in problems)


@dataclass(frozen=True)
class SourceFacts:
    """What a file says about one source: marked synthetic (first on ``line``), its address."""

    line: int
    synthetic: bool = False
    url: str = ""


@dataclass
class FtmRows:
    rows: dict[str, list[FtmRow]] = field(default_factory=dict)
    problems: list[FtmProblem] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # schema -> entities left out
    sources: dict[str, SourceFacts] = field(default_factory=dict)  # source name -> what the file says of it


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


def _read_sources(data: dict[str, Any], line: int, sources: dict[str, SourceFacts]) -> None:
    """Note in ``sources`` the sources this entity marks synthetic and their addresses; an entity of another
    tool with one publisher and one ``sourceUrl`` gives that publisher the address."""
    addressed = False
    for text in [*_values(data, "notes"), *_values(data, "description")]:
        if text.startswith(SYNTHETIC):
            name = text.removeprefix(SYNTHETIC)
            known = sources.get(name, SourceFacts(line))
            sources[name] = known if known.synthetic else replace(known, line=line, synthetic=True)
        elif text.startswith(SOURCE_URL):
            name, _sep, url = text.removeprefix(SOURCE_URL).rpartition(AT)
            if name:
                sources[name] = replace(sources.get(name, SourceFacts(line)), url=url)
                addressed = True
    publishers, urls = _values(data, "publisher"), _values(data, "sourceUrl")
    if not addressed and len(publishers) == 1 and len(urls) == 1 and not sources.get(publishers[0], SourceFacts(0)).url:
        sources[publishers[0]] = replace(sources.get(publishers[0], SourceFacts(line)), url=urls[0])


def _dated(data: dict[str, Any]) -> dict[str, str]:
    facts = _facts(data)
    if {FIRST, LAST, START, OPEN} & set(facts):  # Tergeu's own, dated or not (an undated row has no FIRST)
        return {"first_cited": facts.get(FIRST, ""), "last_cited": facts.get(LAST, ""),
                "first_is_start": facts.get(START, "N"), "open_ended": facts.get(OPEN, "N")}
    start, end, dates = _first(data, "startDate"), _first(data, "endDate"), sorted(_values(data, "date"))
    first = start or (dates[0] if dates else "")
    last = end or (dates[-1] if dates and dates[-1] != first else "")
    return {"first_cited": first, "last_cited": last, "first_is_start": "Y" if start else "N",
            "open_ended": "E" if end else "N"}


def _lists(kind: str, data: dict[str, Any]) -> dict[str, list[str]]:
    """The list columns of a row, each value whole: a foreign alias may itself hold a ";"."""
    names = _values(data, "name")
    if kind == "units":
        return {"aliases": [*names[1:], *_values(data, "alias"), *_values(data, "abbreviation")],
                "identifiers": [*_values(data, "idNumber"), *_values(data, "registrationNumber")]}
    if kind == "persons":
        return {"aliases": [*names[1:], *_values(data, "alias")]}
    return {"violation_types": _values(data, "keywords")} if kind == "incidents" else {}


def _unit(data: dict[str, Any]) -> dict[str, str]:
    names, lists = _values(data, "name"), _lists("units", data)
    return {"unit_id": _external(data["id"], "unit"), "name": names[0] if names else "",
            "aliases": "; ".join(lists["aliases"]), "identifiers": "; ".join(lists["identifiers"]),
            "classification": _first(data, "classification"), "country": _first(data, "country", "jurisdiction"),
            "founded": _first(data, "incorporationDate"), "dissolved": _first(data, "dissolutionDate")}


def _person(data: dict[str, Any]) -> dict[str, str]:
    names = _values(data, "name")
    return {"person_id": _external(data["id"], "person"), "name": names[0] if names else "",
            "aliases": "; ".join(_lists("persons", data)["aliases"]), "date_of_birth": _first(data, "birthDate")}


def _posting(data: dict[str, Any], holder: str, unit: str) -> dict[str, str]:
    facts, written = _facts(data), _first(data, "role")
    role = written.lower() if written.lower() in ROLES else (
        "commander" if data["schema"] == "Directorship" else "member")
    title = facts.get("title", "" if written.lower() in ROLES else written)
    return {"person_id": _external(holder, "person"), "unit_id": _external(unit, "unit"), "role": role,
            "title": title, "rank": facts.get("rank", ""), **_dated(data)}


def _kind_by_ref(ref: str, kinds: dict[str, str]) -> str:
    """unit, person, incident or "" (left out) for an entity of the file, else by the Tergeu id prefix, else ""."""
    return kinds[ref] if ref in kinds else next((k for k, p in PREFIX.items() if ref.startswith(p)), "")


def _involved(data: dict[str, Any], kinds: dict[str, str]) -> list[tuple[str, str]]:
    """An Event's ``involved`` as (unit, person or "" when unknown, external id). An entity of the file that
    is neither (a document, a company left out) is not a perpetrator and is left out with it."""
    found = []
    for ref in _values(data, "involved"):
        kind = _kind_by_ref(ref, kinds)
        if kind in ("unit", "person"):
            found.append((kind, _external(ref, kind)))
        elif ref not in kinds:
            found.append(("", ref))
    return found


def _incident(data: dict[str, Any], kinds: dict[str, str]) -> dict[str, str]:
    facts, involved = _facts(data), _involved(data, kinds)
    by_kind = {kind: "; ".join(ref for of, ref in involved if of == kind) for kind in ("unit", "person")}
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
    if schema.name in UNIT_SCHEMATA:
        return "unit"
    return "incident" if schema.is_a("Event") else ""


def _link(data: dict[str, Any], kinds: dict[str, str]) -> tuple[str, dict[str, str]] | FtmProblem | None:
    """A relation (a unit member of a unit) or a posting (a person in a unit) from a link entity; None for
    a link to an entity of the file that is left out (a company's directors)."""
    holder_prop, unit_prop = LINKS[data["schema"]]
    holder, unit = _first(data, holder_prop), _first(data, unit_prop)
    if kinds.get(holder) == "" or kinds.get(unit) == "":
        return None
    holder_kind = _kind_by_ref(holder, kinds)
    if holder_kind == "unit" and data["schema"] == "Membership":
        facts = _facts(data)
        return "relations", {"unit_id": _external(holder, "unit"), "parent_unit_id": _external(unit, "unit"),
                             "classification": facts.get("classification", "command"), **_dated(data)}
    if holder_kind == "person" or (data["schema"] != "Membership" and holder):
        return "postings", _posting(data, holder, unit)
    return FtmProblem(0, holder_prop, holder, f"{holder_prop} {holder!r} is neither a unit nor a person of this "
                                              "file, nor a Tergeu id (tergeu-unit-…, tergeu-person-…)")


def _shape_problem(line: int, data: dict[str, Any]) -> FtmProblem | None:
    """A problem when ``properties`` is not an object of property → text or list of texts (FtM's form)."""
    props = data.get("properties")
    if props is None:
        return None
    if not isinstance(props, dict):
        return FtmProblem(line, "properties", str(props)[:200],
                          "properties must be an object: each property name → a list of texts")
    for prop, value in props.items():
        if not all(isinstance(item, str) for item in (value if isinstance(value, list) else [value])):
            return FtmProblem(line, str(prop)[:100], str(value)[:200], "a property's values must be texts "
                              "(a list of strings)")
    return None


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
        shape = _shape_problem(line, data)
        if shape is not None:
            found.problems.append(shape)
            continue
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
            involved = _involved(data, kinds) if item[0] == "incidents" else []
            summary = frozenset(FACT_COLUMNS[key] for key in _facts(data) if key in FACT_COLUMNS)
            found.rows[item[0]].append(FtmRow(line, item[1], _citations(data), involved, _lists(item[0], data),
                                              summary if item[0] != "units" else frozenset()))
            _read_sources(data, line, found.sources)
    return found
