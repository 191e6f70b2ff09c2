"""Vetting a unit or a person against incidents, on the chain of command of each incident's day."""

from __future__ import annotations

import datetime

import pytest

from tergeu.core.forces import (
    CLEAR,
    FLAGGED,
    REVIEW_VERDICT,
    Candidate,
    CommandGraph,
    FuzzyDate,
    Holding,
    IncidentFacts,
    OpenEnd,
    Period,
    Posting,
    Relation,
    verdict_of,
    vet_person,
    vet_unit,
)

pytestmark = pytest.mark.pure


def dated(first: str, last: str | None = None, open_end: str = "N") -> Period:
    return Period(FuzzyDate.parse(first), FuzzyDate.parse(last), open_end=OpenEnd(open_end))


GRAPH = CommandGraph(
    [Relation("BDE", "MOD", dated("2015", "2023")), Relation("BAT", "BDE", dated("2019-05", "2022-01-15", "Y"), ref=7),
     Relation("COY", "BAT", dated("2020-01-01", "2022-03-01"))],
    [Posting("P-OLD", "BAT", "commander", dated("2020-09-01", "2021-12-31", "Y"), ref=11),
     Posting("P-NEW", "BAT", "commander", dated("2022-01-20", "2022-12-01"), ref=12),
     Posting("P-COY", "COY", "commander", dated("2021-01-01", "2022-06-01"), ref=13)])
INCIDENTS = [
    IncidentFacts("I-COY", FuzzyDate.parse("2022-01-06"), units=("COY",)),
    IncidentFacts("I-BAT", FuzzyDate.parse("2022-02-10"), units=("BAT",)),
    IncidentFacts("I-NAMED", FuzzyDate.parse("2021-05-01"), persons=("P-NEW",)),
    IncidentFacts("I-MONTH", FuzzyDate.parse("2022-01"), units=("COY",)),
    IncidentFacts("I-UNDATED", None, units=("COY",)),
]


def test_a_unit_is_flagged_for_its_own_incidents_and_those_under_it_on_the_day() -> None:
    findings = {(f.incident, f.via, f.unit) for f in vet_unit("BDE", GRAPH, INCIDENTS)}
    assert findings == {("I-COY", "child-unit", "COY"), ("I-BAT", "child-unit", "BAT"),
                        ("I-MONTH", "child-unit", "COY")}
    assert {(f.incident, f.via) for f in vet_unit("COY", GRAPH, INCIDENTS)} == {
        ("I-COY", "direct"), ("I-MONTH", "direct")}


def test_a_unit_is_not_flagged_for_a_unit_that_was_not_under_it_that_day() -> None:
    late = [IncidentFacts("I-LATE", FuzzyDate.parse("2022-06-01"), units=("COY",))]
    assert vet_unit("BAT", GRAPH, late) == []  # the company left the battalion on 2022-03-01


def test_a_commander_is_flagged_and_a_namesake_who_took_command_after_is_not() -> None:
    old = vet_person("P-OLD", GRAPH, INCIDENTS)
    assert [(f.incident, f.via, f.holding, f.evidence) for f in old] == []  # the company has its own commander
    battalion = [IncidentFacts("I-SQUARE", FuzzyDate.parse("2022-01-06"), units=("BAT",))]
    assert [(f.via, f.holding, f.evidence) for f in vet_person("P-OLD", GRAPH, battalion)] == [
        ("commander", Holding.ASSUMED, (11,))]
    assert vet_person("P-NEW", GRAPH, battalion) == []


def test_a_person_named_in_an_incident_is_flagged_directly() -> None:
    assert {(f.incident, f.via) for f in vet_person("P-NEW", GRAPH, INCIDENTS)} == {
        ("I-NAMED", "direct"), ("I-BAT", "commander")}


def test_a_partial_incident_date_is_an_edge_and_until_cuts_later_incidents() -> None:
    month = [f for f in vet_person("P-COY", GRAPH, INCIDENTS) if f.incident == "I-MONTH"]
    assert month[0].holding == Holding.EDGE
    until = vet_unit("COY", GRAPH, INCIDENTS, until=datetime.date(2021, 12, 31))
    assert until == []


def candidate(person: str, score: float) -> Candidate:
    return Candidate("person", person, person, score, "")


def test_the_verdict() -> None:
    battalion = [IncidentFacts("I-SQUARE", FuzzyDate.parse("2022-01-06"), units=("BAT",))]
    cited = {"P-NEW": vet_person("P-NEW", GRAPH, INCIDENTS)}
    assumed = {"P-OLD": vet_person("P-OLD", GRAPH, battalion)}
    assert verdict_of([candidate("P-NEW", 1.0)], cited) == FLAGGED
    assert verdict_of([candidate("P-OLD", 1.0)], assumed) == REVIEW_VERDICT
    assert verdict_of([candidate("P-NEW", 0.97), candidate("P-OLD", 0.95)], cited) == REVIEW_VERDICT  # namesakes
    assert verdict_of([candidate("P-NEW", 0.8)], cited) == REVIEW_VERDICT  # an unsure match
    assert verdict_of([candidate("P-X", 1.0)], {"P-X": []}) == CLEAR
    assert verdict_of([], {}) == CLEAR
