"""The chain of command of a unit as of a day, and finding a unit by any name, alias or number.

``tergeu forces command``, the unit page and the API all answer from :func:`command_on`: the stored
relations and commanders' postings are handed to ``core.forces.CommandGraph`` by external id, and the
answer comes back with each link's dates, how it holds on the day (cited, at a fuzzy edge, or
assumed after its last citation) and the sources the viewer may see.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet

from tergeu.core.forces import (
    COMMAND_ROLES,
    CommandGraph,
    FuzzyDate,
    Link,
    OpenEnd,
    Period,
    Posting,
    Relation,
    bare_identifier,
    identifier_key,
)
from tergeu.core.names import matching_key
from tergeu.forces import models
from tergeu.forces.resolution import Resolver
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation


class UnitNotFound(LookupError):
    """No unit, or several equally likely: the message says which, for the CLI, the page and the API."""


def period_of(row: models.Dated) -> Period:
    return Period(FuzzyDate.parse(row.first_cited), FuzzyDate.parse(row.last_cited), row.first_is_start,
                  OpenEnd(row.open_end))


def lookup_keys(text: str) -> list[str]:
    """The ``UnitName`` keys ``text`` is found by: its unit number's key, else its spelling keys."""
    number = identifier_key(text) or bare_identifier(text)
    keys = [number] if number else [matching_key(text), " ".join(text.casefold().split())]
    return [key for key in keys if key]


def find_unit(text: str, units: QuerySet[models.Unit]) -> models.Unit:
    """The one unit among ``units`` that ``text`` names: its id, a unit number in any form, a name or
    alias in any script; else ``UnitNotFound`` naming the candidates."""
    text = text.strip()
    exact = units.filter(external_id=text).first()
    if exact is not None:
        return exact
    found = list(units.filter(names__match_key__in=lookup_keys(text)).distinct())
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UnitNotFound(f"{text!r} names {len(found)} units: " + ", ".join(f"{u.external_id} ({u.name})"
                                                                         for u in found[:10]))
    resolution = Resolver("unit").index.resolve(text, "unit")
    best = resolution.best
    if best is not None and resolution.verdict == "resolved":
        chosen = units.filter(external_id=best.id).first()
        if chosen is not None:
            return chosen
    close = ", ".join(f"{c.id} ({c.name}, {c.score:.2f})" for c in resolution.candidates[:5])
    raise UnitNotFound(f"no unit is surely named {text!r}" + (f"; closest: {close}" if close else ""))


Loaded = tuple[CommandGraph, dict[int, models.Posting]]


def load_graph() -> Loaded:
    """Every relation and commander's posting as a ``CommandGraph`` (refs: row keys), and the postings by key."""
    relations = [Relation(child, parent, period_of(row), row.classification, row.pk)
                 for row, child, parent in ((r, r.child.external_id, r.parent.external_id) for r in
                                            models.UnitRelation.objects.select_related("child", "parent"))]
    rows = {row.pk: row for row in models.Posting.objects.filter(role__in=COMMAND_ROLES)
            .select_related("official", "unit")}
    postings = [Posting(row.official.external_id, row.unit.external_id, row.role, period_of(row), row.title,
                        row.rank, pk) for pk, row in rows.items()]
    return CommandGraph(relations, postings), rows


def sources_of(rows: list[Any], seen: QuerySet[Citation]) -> dict[int, list[str]]:
    if not rows:
        return {}
    return {pk: sorted({c.source.name for c in cited}) for pk, cited in citations_of(rows, seen).items()}


def _unit_link(link: Link, names: dict[str, str]) -> dict[str, Any]:
    return {"unit": link.unit, "name": names.get(link.unit, ""), "depth": link.depth, "holds": link.holding.value,
            "first_cited": link.relation.period.first_cited and link.relation.period.first_cited.text,
            "last_cited": link.relation.period.last_cited and link.relation.period.last_cited.text}


def commanders_on(units: list[str], day: datetime.date, seen: QuerySet[Citation],
                  loaded: Loaded) -> dict[str, list[dict[str, Any]]]:
    """Each unit's commanders on ``day`` (units by external id), from one loaded graph, their sources read
    together: a page naming several units reads the graph once, not once per unit."""
    graph, posting_rows = loaded
    serving = {unit: graph.commanders_on(unit, day) for unit in units}
    sources = sources_of([posting_rows[s.posting.ref] for found in serving.values() for s in found], seen)
    answer: dict[str, list[dict[str, Any]]] = {}
    for unit, found in serving.items():
        rows = [(s, posting_rows[s.posting.ref]) for s in found]
        answer[unit] = [{"person": s.posting.person, "name": row.official.name, "role": row.role, "title": row.title,
                         "rank": row.rank, "first_cited": row.first_cited or None,
                         "last_cited": row.last_cited or None, "holds": s.holding.value,
                         "sources": sources.get(row.pk, [])} for s, row in rows]
    return answer


def command_on(unit: models.Unit, day: datetime.date, seen: QuerySet[Citation],
               loaded: Loaded | None = None) -> dict[str, Any]:
    """``{"unit", "on", "parents" (nearest first), "children", "commanders"}`` as the CLI prints it;
    ``seen``: the citations the viewer may see (their sources are listed); ``loaded``: the graph, when the
    caller has read it already."""
    loaded = loaded or load_graph()
    graph = loaded[0]
    parents, children = graph.parents_on(unit.external_id, day), graph.children_on(unit.external_id, day)
    names = dict(models.Unit.objects.filter(external_id__in={link.unit for link in (*parents, *children)})
                 .values_list("external_id", "name"))
    return {"unit": unit.external_id, "name": unit.name, "on": day.isoformat(),
            "parents": [_unit_link(link, names) for link in parents],
            "children": [_unit_link(link, names) for link in children],
            "commanders": commanders_on([unit.external_id], day, seen, loaded)[unit.external_id]}
