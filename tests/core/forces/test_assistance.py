"""The review of assistance: each incident's units on its day and the trainings resolved to them."""

from __future__ import annotations

import pytest

from tergeu.core.forces import (
    CommandGraph,
    FuzzyDate,
    IncidentFacts,
    OpenEnd,
    Period,
    Relation,
    UnitInvolved,
    units_involved,
)

pytestmark = pytest.mark.pure


def dated(first: str, last: str | None = None, open_end: str = "N") -> Period:
    return Period(FuzzyDate.parse(first), FuzzyDate.parse(last), open_end=OpenEnd(open_end))


GRAPH = CommandGraph([Relation("BDE", "MOD", dated("2015", "2021-12-01")),
                      Relation("BAT", "BDE", dated("2019-05", "2022-01-15", "Y")),
                      Relation("COY", "BAT", dated("2020-01-01", "2022-03-01")),
                      Relation("OLD", "BAT", dated("2019-01-01", "2020-06-01"))], [])
TRAININGS = {"BAT": ["T-1", "T-3"], "BDE": ["T-2"], "OLD": ["T-9"]}


def test_it_lists_direct_units_then_parents_then_children_on_the_day_with_their_trainings() -> None:
    incident = IncidentFacts("I-1", FuzzyDate.parse("2022-01-06"), units=("BAT",))
    [reviewed] = units_involved([incident], GRAPH, TRAININGS)
    assert reviewed.units == (UnitInvolved("BAT", "direct", ("T-1", "T-3")), UnitInvolved("BDE", "parent", ("T-2",)),
                              UnitInvolved("COY", "child", ()))
    # the ministry was no longer above the brigade, and the old company had left the battalion: neither listed


def test_a_unit_reached_two_ways_is_listed_once_by_the_closest_relation() -> None:
    incident = IncidentFacts("I-2", FuzzyDate.parse("2021-06-01"), units=("BAT", "COY"))
    [reviewed] = units_involved([incident], GRAPH, TRAININGS)
    assert [(u.unit, u.relation) for u in reviewed.units] == [("BAT", "direct"), ("COY", "direct"),
                                                             ("BDE", "parent"), ("MOD", "parent")]


def test_an_undated_incident_lists_only_its_direct_units() -> None:
    [reviewed] = units_involved([IncidentFacts("I-3", None, units=("BAT",))], GRAPH, TRAININGS)
    assert [(u.unit, u.relation) for u in reviewed.units] == [("BAT", "direct")]
