"""What one vetting question needs from the database: the names index, and one entity's dated neighbourhood.

Why not the whole graph: ``load_graph`` reads every relation and every commander's posting, and vetting
then walks the chain of command for every incident on record; with 20,000 units and 100,000 officials
that is seconds per question. A unit's findings can only come from incidents of the unit itself or of a
unit that was ever under it, and a person's only from incidents naming them or of a unit they ever
commanded, so those are all that is read (a few indexed queries), with every relation and posting the
timeline rules compare them with (the rivals that end an assumption). ``core.forces.vet_unit`` and
``vet_person`` then run unchanged on that part of the graph and give what they give on all of it
(``tests/forces/test_neighbourhood.py`` compares the two on random forces).

The names are different: finding who a query may name needs every name, so the index of them
(``core.forces.BlockedNameIndex``) is built once and kept in the process under a version of the data
(the newest ids of units, their names, officials, forces imports and change-log entries about units or
officials), which an import or a tracked edit of a unit or an official changes. A long-running server
builds it once per change; a one-off ``tergeu vet`` builds it on its question.
"""

from __future__ import annotations

import threading
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q

from tergeu.core.forces import (
    COMMAND_ROLES,
    BlockedNameIndex,
    CommandGraph,
    FuzzyDate,
    IncidentFacts,
    OpenEnd,
    Period,
    Posting,
    Relation,
)
from tergeu.forces.models import ForcesImport, Incident, Official, Perpetrator, Unit, UnitName, UnitRelation
from tergeu.forces.models import Posting as PostingRow
from tergeu.forces.resolution import official_entities, unit_entities
from tergeu.history.models import ChangeEntry

_BUILT: dict[str, tuple[str, BlockedNameIndex]] = {}
_BUILDING = threading.Lock()
_DATED = ("first_cited", "last_cited", "first_is_start", "open_end")


def names_version(kind: str) -> str:
    """A key that changes whenever the names of ``kind`` (unit or person) may have changed: the newest ids
    of the named rows (an insert), of the forces imports, and of the change log's entries about units or
    officials (a tracked edit or delete; edits elsewhere in Tergeu leave the index alone). Newest ids
    only: each is one step down an index, where counting 80,000 names took 9 ms a question."""
    named = Unit if kind == "unit" else Official
    tables = (Unit, UnitName, ForcesImport) if kind == "unit" else (Official, ForcesImport)
    parts = [table.objects.aggregate(top=Max("id"))["top"] for table in tables]
    parts.append(ChangeEntry.objects.filter(object_type=ContentType.objects.get_for_model(named))
                 .aggregate(top=Max("id"))["top"])
    return repr(parts)


def names_index(kind: str) -> BlockedNameIndex:
    """The names index of units or persons for the data as it is now, built at most once per version."""
    version = names_version(kind)
    kept = _BUILT.get(kind)
    if kept is not None and kept[0] == version:
        return kept[1]
    with _BUILDING:
        kept = _BUILT.get(kind)
        if kept is None or kept[0] != version:
            kept = (version, BlockedNameIndex(unit_entities() if kind == "unit" else official_entities()))
            _BUILT[kind] = kept
    return kept[1]


def forget_names_indexes() -> None:
    """Drop the kept indexes (tests: a rolled-back test database gives the next test the same ids)."""
    with _BUILDING:
        _BUILT.clear()


def _period(first: str, last: str, first_is_start: bool, open_end: str) -> Period:
    return Period(FuzzyDate.parse(first), FuzzyDate.parse(last), first_is_start, OpenEnd(open_end))


def _relations(where: Q) -> list[Relation]:
    """The relations ``where`` selects, by their units' external ids (read apart: joined twice to the units
    table, PostgreSQL hashes all 20,000 units for a few relations)."""
    rows = list(UnitRelation.objects.filter(where).values_list("pk", "child_id", "parent_id", "classification",
                                                               *_DATED))
    external = dict(Unit.objects.filter(pk__in={pk for row in rows for pk in row[1:3]})
                    .values_list("pk", "external_id"))
    return [Relation(external[child], external[parent], _period(*dates), classification, pk)
            for pk, child, parent, classification, *dates in rows]


def _postings(**where: Any) -> list[Posting]:
    rows = (PostingRow.objects.filter(role__in=COMMAND_ROLES, **where)
            .values_list("pk", "official__external_id", "unit__external_id", "role", "title", "rank", *_DATED))
    return [Posting(person, unit, role, _period(*dates), title, rank, pk)
            for pk, person, unit, role, title, rank, *dates in rows]


def _incidents(units: set[int], officials: set[int] = frozenset()) -> list[IncidentFacts]:
    """The incidents with a surely resolved perpetrator among ``units`` (or ``officials``), in the
    incidents' own order, each with all its resolved perpetrators (as ``forces.facts.incident_facts`` reads
    them)."""
    chosen = set(Perpetrator.objects.filter(verdict="resolved", unit_id__in=units).values_list("incident_id",
                                                                                                flat=True))
    if officials:
        chosen |= set(Perpetrator.objects.filter(verdict="resolved", official_id__in=officials)
                      .values_list("incident_id", flat=True))
    if not chosen:
        return []
    named: dict[int, tuple[list[str], list[str]]] = {pk: ([], []) for pk in chosen}
    for incident, unit, official in (Perpetrator.objects.filter(incident_id__in=chosen, verdict="resolved")
                                     .order_by("pk").values_list("incident_id", "unit__external_id",
                                                                 "official__external_id")):
        if unit is not None:
            named[incident][0].append(unit)
        if official is not None:
            named[incident][1].append(official)
    return [IncidentFacts(external_id, FuzzyDate.parse(start), tuple(named[pk][0]), tuple(named[pk][1]))
            for pk, external_id, start in Incident.objects.filter(pk__in=chosen).values_list("pk", "external_id",
                                                                                               "start")]


def unit_neighbourhood(external_ids: list[str]) -> tuple[CommandGraph, list[IncidentFacts]]:
    """The units, every unit ever under them, their relations (and rivals), and their incidents.

    One neighbourhood for several matches: each one's findings on it are those on its own, since what
    is added (other units' relations and incidents) can reach none of its findings."""
    start = set(Unit.objects.filter(external_id__in=external_ids).values_list("pk", flat=True))
    below, frontier = set(start), set(start)
    while frontier:
        reached = set(UnitRelation.objects.filter(parent_id__in=frontier).values_list("child_id", flat=True))
        frontier = reached - below
        below |= frontier
    if not below:
        return CommandGraph([], []), []
    relations = _relations(Q(parent_id__in=below) | Q(child_id__in=below))
    return CommandGraph(relations, []), _incidents(below)


def person_neighbourhood(external_ids: list[str]) -> tuple[CommandGraph, list[IncidentFacts]]:
    """The commanders' postings at every unit the persons ever commanded, those units' incidents and theirs."""
    persons = set(Official.objects.filter(external_id__in=external_ids).values_list("pk", flat=True))
    if not persons:
        return CommandGraph([], []), []
    units = set(PostingRow.objects.filter(official_id__in=persons, role__in=COMMAND_ROLES)
                .values_list("unit_id", flat=True))
    return CommandGraph([], _postings(unit_id__in=units)), _incidents(units, persons)
