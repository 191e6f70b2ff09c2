"""Vetting a unit or a person against the incidents on record (the Leahy-law screening).

Given the chain of command (``CommandGraph``) and the incidents with their resolved perpetrators, a
unit is **flagged** for incidents it took part in (``direct``) and for those of units under it on the
incident's date (``child-unit``); a person for incidents they are named in (``direct``) and for those
of a unit they commanded on the incident's date (``commander``). A namesake who took command after the
incident is not flagged: command is read on the incident's own date, by the timeline rules.

A partial incident date ("2022-01") is read on its first and its last day: a finding on either counts,
marked ``edge``. Findings that rest on an assumption (an open-ended posting or relation) or on a
partial date, and matches that are not sure (namesakes, close spellings), make the verdict
``review``, not ``flagged``: a person must look before a unit or a person is refused.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tergeu.core.forces.command import CommandGraph
from tergeu.core.forces.resolve import Candidate
from tergeu.core.forces.timeline import FuzzyDate, Holding

__all__ = ["CLEAR", "FLAGGED", "REVIEW_VERDICT", "Finding", "IncidentFacts", "sure_match", "verdict_of",
           "vet_person", "vet_unit"]

CLEAR, FLAGGED, REVIEW_VERDICT = "clear", "flagged", "review"
SURE_MATCH = 0.9


@dataclass(frozen=True)
class IncidentFacts:
    """An incident as vetting needs it: id, date, and the units and persons surely resolved as perpetrators."""

    id: str
    date: FuzzyDate | None
    units: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    incident: str
    via: str  # direct | child-unit | commander
    unit: str | None
    person: str | None
    date: str
    holding: Holding
    evidence: tuple[object, ...] = ()  # the refs of the relation or posting it rests on (their citations)


def _days(date: FuzzyDate) -> tuple[datetime.date, ...]:
    return (date.earliest,) if date.earliest == date.latest else (date.earliest, date.latest)


def _strength(date: FuzzyDate, holding: Holding) -> Holding:
    if holding == Holding.ASSUMED:
        return holding
    return Holding.EDGE if date.earliest != date.latest else holding


def _before(incidents: Iterable[IncidentFacts], until: datetime.date | None) -> list[IncidentFacts]:
    return [i for i in incidents if i.date is not None and (until is None or i.date.earliest <= until)]


def vet_unit(unit: str, graph: CommandGraph, incidents: Sequence[IncidentFacts],
             until: datetime.date | None = None) -> list[Finding]:
    """Incidents of ``unit`` itself and of units under it on each incident's date (up to ``until``)."""
    findings = []
    for incident in _before(incidents, until):
        if unit in incident.units:
            findings.append(Finding(incident.id, "direct", unit, None, incident.date.text,
                                    _strength(incident.date, Holding.CITED)))
            continue
        for day in _days(incident.date):
            below = {link.unit: link for link in graph.children_on(unit, day)}
            involved = [u for u in incident.units if u in below]
            if involved:
                link = below[involved[0]]
                findings.append(Finding(incident.id, "child-unit", link.unit, None, incident.date.text,
                                        _strength(incident.date, link.holding), (link.relation.ref,)))
                break
    return findings


def vet_person(person: str, graph: CommandGraph, incidents: Sequence[IncidentFacts],
               until: datetime.date | None = None) -> list[Finding]:
    """Incidents naming ``person``, and those of a unit ``person`` commanded on the incident's date."""
    findings = []
    for incident in _before(incidents, until):
        if person in incident.persons:
            findings.append(Finding(incident.id, "direct", None, person, incident.date.text,
                                    _strength(incident.date, Holding.CITED)))
            continue
        found = _commanded(person, graph, incident)
        if found is not None:
            findings.append(found)
    return findings


def _commanded(person: str, graph: CommandGraph, incident: IncidentFacts) -> Finding | None:
    for day in _days(incident.date):
        for unit in incident.units:
            for serving in graph.commanders_on(unit, day):
                if serving.posting.person == person:
                    return Finding(incident.id, "commander", unit, person, incident.date.text,
                                   _strength(incident.date, serving.holding), (serving.posting.ref,))
    return None


def sure_match(matches: Sequence[Candidate]) -> Candidate | None:
    """The best match when it is sure (0.9 or more) and no other comes within 0.05 of it, else None."""
    if not matches or matches[0].score < SURE_MATCH:
        return None
    best = matches[0]
    return None if any(best.score - other.score < 0.05 for other in matches[1:]) else best


def verdict_of(matches: Sequence[Candidate], findings_by_match: dict[str, list[Finding]]) -> str:
    """With a sure match: ``flagged`` when it has a cited finding, ``review`` when its findings rest on an
    assumption or a partial date, ``clear`` when it has none. Without one (namesakes, close spellings):
    ``review`` when any candidate has a finding, else ``clear``."""
    sure = sure_match(matches)
    if sure is None:
        return REVIEW_VERDICT if any(findings_by_match.values()) else CLEAR
    findings = findings_by_match.get(sure.id, [])
    if any(f.holding == Holding.CITED for f in findings):
        return FLAGGED
    return REVIEW_VERDICT if findings else CLEAR
