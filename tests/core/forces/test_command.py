"""Parents, children and commanders of a unit as of a day (core.forces.CommandGraph), on invented units."""

from __future__ import annotations

import datetime

import pytest

from tergeu.core.forces import CommandGraph, FuzzyDate, Holding, OpenEnd, Period, Posting, Relation

pytestmark = pytest.mark.pure


def dated(first: str, last: str | None = None, open_end: str = "N") -> Period:
    return Period(FuzzyDate.parse(first), FuzzyDate.parse(last), open_end=OpenEnd(open_end))


def on(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# An invented force: ministry → east command → brigade → battalion → company; the brigade moves directly
# under the ministry in February 2022.
RELATIONS = [
    Relation("EAST", "MOD", dated("2015", "2023-06", "Y")),
    Relation("BDE", "EAST", dated("2018-03-01", "2021-12-20")),
    Relation("BDE", "MOD", dated("2022-02-01", "2023-01-10", "Y")),
    Relation("BAT", "BDE", dated("2019-05", "2022-01-15", "Y")),
    Relation("COY", "BAT", dated("2020-01-01", "2022-03-01")),
]
POSTINGS = [
    Posting("P1", "BAT", "commander", dated("2020-09-01", "2021-12-31", "Y")),
    Posting("P2", "BAT", "commander", dated("2022-01-20", "2022-12-01")),
    Posting("P3", "BAT", "deputy", dated("2020-01-01", "2022-12-31")),
]
GRAPH = CommandGraph(RELATIONS, POSTINGS)


def test_a_commander_posted_after_the_incident_is_not_returned() -> None:
    serving = GRAPH.commanders_on("BAT", on("2022-01-06"))
    assert [(s.posting.person, s.holding) for s in serving] == [("P1", Holding.ASSUMED)]


def test_the_successor_ends_the_assumed_command() -> None:
    assert [s.posting.person for s in GRAPH.commanders_on("BAT", on("2022-02-01"))] == ["P2"]
    assert [s.posting.person for s in GRAPH.commanders_on("BAT", on("2023-01-01"))] == []


def test_a_deputy_is_not_a_commander_but_is_serving() -> None:
    assert "P3" not in [s.posting.person for s in GRAPH.commanders_on("BAT", on("2021-01-01"))]
    assert [s.posting.person for s in GRAPH.serving_on("BAT", on("2021-01-01"), ["deputy"])] == ["P3"]


def test_parents_are_nearest_first_and_follow_the_date() -> None:
    before = GRAPH.parents_on("BAT", on("2021-06-01"))
    assert [(link.unit, link.depth) for link in before] == [("BDE", 1), ("EAST", 2), ("MOD", 3)]
    after = GRAPH.parents_on("BAT", on("2022-02-10"))
    assert [(link.unit, link.depth, link.holding) for link in after] == [
        ("BDE", 1, Holding.ASSUMED), ("MOD", 2, Holding.ASSUMED)]
    # between the two brigade relations the brigade has no cited parent
    assert [link.unit for link in GRAPH.parents_on("BAT", on("2022-01-06"))] == ["BDE"]


def test_children_are_at_the_date() -> None:
    assert [(link.unit, link.depth) for link in GRAPH.children_on("EAST", on("2021-06-01"))] == [
        ("BDE", 1), ("BAT", 2), ("COY", 3)]
    assert [link.unit for link in GRAPH.children_on("EAST", on("2022-02-10"))] == []
    assert [link.unit for link in GRAPH.children_on("MOD", on("2022-02-10"))] == ["EAST", "BDE", "BAT", "COY"]
    assert [link.unit for link in GRAPH.children_on("MOD", on("2022-03-10"))] == ["EAST", "BDE", "BAT"]
    assert GRAPH.children_on("BAT", on("2019-12-31")) == []


def test_a_link_holds_as_its_weakest_step() -> None:
    links = {link.unit: link.holding for link in GRAPH.parents_on("COY", on("2022-02-10"))}
    assert links == {"BAT": Holding.CITED, "BDE": Holding.ASSUMED, "MOD": Holding.ASSUMED}


def test_a_new_parent_ends_an_assumed_one() -> None:
    graph = CommandGraph([Relation("X", "A", dated("2020-01-01", "2020-06-01", "Y")),
                          Relation("X", "B", dated("2021-01-01", "2021-06-01", "Y"))], [])
    assert [link.unit for link in graph.parents_on("X", on("2020-09-01"))] == ["A"]
    assert [link.unit for link in graph.parents_on("X", on("2021-09-01"))] == ["B"]


def test_a_cycle_in_the_data_does_not_loop() -> None:
    graph = CommandGraph([Relation("A", "B", dated("2020")), Relation("B", "A", dated("2020"))], [])
    assert [link.unit for link in graph.parents_on("A", on("2020-05-05"))] == ["B"]
    assert [link.unit for link in graph.children_on("A", on("2020-05-05"))] == ["B"]
