"""The review of security assistance: for each incident, the units involved and the training each received.

A government reviewing its assistance asks whether units it trained took part in an incident. For each
incident the perpetrator units (``direct``), every unit above them (``parent``) and every unit under
them (``child``) on the incident's day are listed, each with the training records resolved to it. A
unit reached two ways is listed once, by the closest relation (direct, then parent, then child). An
incident dated by month or year is read on its first and its last day.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tergeu.core.forces.command import CommandGraph
from tergeu.core.forces.vetting import IncidentFacts

__all__ = ["IncidentUnits", "UnitInvolved", "units_involved"]

_ORDER = ("direct", "parent", "child")


@dataclass(frozen=True)
class UnitInvolved:
    unit: str
    relation: str  # direct | parent | child
    trainings: tuple[str, ...]


@dataclass(frozen=True)
class IncidentUnits:
    incident: str
    units: tuple[UnitInvolved, ...]


def _days(incident: IncidentFacts) -> list[datetime.date]:
    date = incident.date
    return [] if date is None else sorted({date.earliest, date.latest})


def units_involved(incidents: Sequence[IncidentFacts], graph: CommandGraph,
                   trainings_by_unit: Mapping[str, Sequence[str]]) -> list[IncidentUnits]:
    """Each incident with its direct units, their parents and children on its day, and their trainings."""
    reviewed = []
    for incident in incidents:
        relation_of: dict[str, str] = dict.fromkeys(incident.units, "direct")
        for day in _days(incident):
            for unit in incident.units:
                for kind, links in (("parent", graph.parents_on(unit, day)), ("child", graph.children_on(unit, day))):
                    for link in links:
                        known = relation_of.get(link.unit)
                        if known is None or _ORDER.index(kind) < _ORDER.index(known):
                            relation_of[link.unit] = kind
        units = sorted(relation_of.items(), key=lambda item: (_ORDER.index(item[1]), item[0]))
        reviewed.append(IncidentUnits(incident.id, tuple(
            UnitInvolved(unit, kind, tuple(trainings_by_unit.get(unit, ()))) for unit, kind in units)))
    return reviewed
