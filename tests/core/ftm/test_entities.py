"""core.ftm: forces rows ↔ FollowTheMoney entities, without a database (invented units and officials)."""

from __future__ import annotations

import pytest

from tergeu.core.ftm import ForceRows, from_entities, to_entities

pytestmark = pytest.mark.pure

CITED = [{"source": "Invented report, vol. 2", "locator": "p. 4, para. 2", "url": "https://example.org/r2"}]


def rows() -> ForceRows:
    return ForceRows(
        units=[{"unit_id": "U-A", "name": "Invented Battalion", "aliases": ["Ойдан батальон"],
                "identifiers": ["в/ч 99001"], "classification": "Army", "country": "kz", "citations": CITED},
               {"unit_id": "U-B", "name": "Invented Brigade", "citations": []}],
        persons=[{"person_id": "P-A", "name": "Синтетов Демобек", "aliases": ["Sintetov Demobek"],
                  "date_of_birth": "1970-05", "citations": CITED}],
        relations=[{"unit_id": "U-A", "parent_unit_id": "U-B", "classification": "command", "first_cited": "2021-03",
                    "last_cited": "2021", "first_is_start": False, "open_end": "Y", "citations": CITED}],
        postings=[{"person_id": "P-A", "unit_id": "U-A", "role": "deputy", "title": "Invented title", "rank": "major",
                   "first_cited": "2020-01-01", "last_cited": "2022-06", "first_is_start": True, "open_end": "E",
                   "citations": CITED}],
        incidents=[{"incident_id": "I-A", "start": "2022-01", "place": "Invented Square",
                    "violation_types": ["killing"],
                    "perpetrator_units": "в/ч 99001, unknown men", "perpetrator_persons": "", "mentions": [],
                    "involved_units": ["U-A"], "involved_persons": [], "citations": CITED}])


def entities() -> list[dict]:
    return list(to_entities(rows()))


def test_cited_dates_are_dates_and_only_a_true_start_or_end_is_one() -> None:
    relation, posting = (e for e in entities() if e["schema"] in ("Membership", "Directorship"))
    assert sorted(relation["properties"]["date"]) == ["2021", "2021-03"]
    assert "startDate" not in relation["properties"] and "endDate" not in relation["properties"]
    assert posting["schema"] == "Directorship" and posting["properties"]["startDate"] == ["2020-01-01"]
    assert posting["properties"]["endDate"] == ["2022-06"]


def test_the_handbook_fields_come_back_exactly_even_where_dates_sort_the_other_way() -> None:
    found = from_entities(enumerate(entities(), start=1))
    assert found.problems == [] and not found.skipped
    relation = found.rows["relations"][0].values
    assert (relation["first_cited"], relation["last_cited"], relation["open_ended"]) == ("2021-03", "2021", "Y")
    posting = found.rows["postings"][0].values
    assert (posting["role"], posting["title"], posting["rank"], posting["first_is_start"], posting["open_ended"]) == (
        "deputy", "Invented title", "major", "Y", "E")
    incident = found.rows["incidents"][0].values
    assert incident["perpetrator_units"] == "в/ч 99001, unknown men" and incident["start"] == "2022-01"
    unit = found.rows["units"][0]
    assert unit.values["identifiers"] == "в/ч 99001" and unit.citations == [("Invented report, vol. 2",
                                                                               "p. 4, para. 2")]


def test_citations_carry_source_address_and_locator() -> None:
    unit = entities()[0]["properties"]
    assert unit["publisher"] == ["Invented report, vol. 2"] and unit["sourceUrl"] == ["https://example.org/r2"]
    assert set(unit["notes"]) == {"cited: Invented report, vol. 2 @ p. 4, para. 2",
                                  "source address: Invented report, vol. 2 @ https://example.org/r2"}


def test_a_synthetic_source_and_each_source_address_come_back_with_that_source() -> None:
    cited = [{"source": "Invented A", "locator": "", "url": "https://example.org/a", "synthetic": True},
             {"source": "Invented B", "locator": "p. 2", "url": "https://example.org/b"}]
    written = list(to_entities(ForceRows(units=[{"unit_id": "U-A", "name": "Invented Post", "citations": cited}])))
    found = from_entities(enumerate(written, start=1))
    assert found.rows["units"][0].citations == [("Invented A", ""), ("Invented B", "p. 2")]
    assert {name: (facts.synthetic, facts.url) for name, facts in found.sources.items()} == {
        "Invented A": (True, "https://example.org/a"), "Invented B": (False, "https://example.org/b")}
    other = from_entities([(1, {"id": "o1", "schema": "PublicBody", "properties": {
        "name": ["Invented Post"], "publisher": ["Invented C"], "sourceUrl": ["https://example.org/c"]}})])
    assert other.sources["Invented C"].url == "https://example.org/c" and not other.sources["Invented C"].synthetic


@pytest.mark.parametrize(("properties", "column"), [
    (["name", "Invented Post"], "properties"), ("Invented Post", "properties"),
    ({"name": [{"text": "Invented Post"}]}, "name"), ({"name": ["Invented Post"], "alias": [3]}, "alias")])
def test_properties_that_are_not_texts_are_named_by_line_and_property(properties, column) -> None:
    found = from_entities([(7, {"id": "o1", "schema": "PublicBody", "properties": properties})])
    assert [(p.line, p.column) for p in found.problems] == [(7, column)] and not found.rows["units"]


def test_an_organisation_that_is_no_force_unit_is_left_out_and_counted() -> None:
    found = from_entities([
        (1, {"id": "c1", "schema": "Company", "properties": {"name": ["Invented Trading LLP"]}}),
        (2, {"id": "p1", "schema": "Person", "properties": {"name": ["Synthetic Director"]}}),
        (3, {"id": "d1", "schema": "Directorship", "properties": {"director": ["p1"], "organization": ["c1"]}}),
        (4, {"id": "o1", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}}),
        (5, {"id": "e1", "schema": "Event", "properties": {"involved": ["c1", "o1", "tergeu-unit-U-OLD", "x9"]}}),
    ])
    assert found.problems == [] and [r.values["unit_id"] for r in found.rows["units"]] == ["o1"]
    assert found.skipped == {"Company": 1, "Directorship": 1} and not found.rows["postings"]
    assert found.rows["incidents"][0].involved == [("unit", "o1"), ("unit", "U-OLD"), ("", "x9")]


def test_links_of_another_tool_are_read_by_the_schema_of_what_they_link() -> None:
    found = from_entities([
        (1, {"id": "o1", "schema": "Organization", "properties": {"name": ["Invented Post"]}}),
        (2, {"id": "e1", "schema": "Event", "properties": {"involved": ["o1", "p1"], "date": ["2022-01-05"]}}),
        (3, {"id": "p1", "schema": "Person", "properties": {"name": ["Synthetic Officer"]}}),
        (4, {"id": "m1", "schema": "Membership", "properties": {"member": ["nobody"], "organization": ["o1"]}}),
        (5, {"id": "x1", "schema": "Sanctionz", "properties": {}}),
        (6, {"id": "d1", "schema": "Document", "properties": {}}),
        (7, {"schema": "Person"}),
    ])
    incident = found.rows["incidents"][0].values
    assert (incident["perpetrator_units"], incident["perpetrator_persons"], incident["start"]) == (
        "o1", "p1", "2022-01-05")
    assert [(p.line, p.column) for p in found.problems] == [(4, "member"), (5, "schema"), (7, "id")]
    assert found.skipped == {"Document": 1}


def test_an_undated_open_ended_relation_comes_back_open_ended() -> None:
    undated = ForceRows(relations=[{"unit_id": "U-A", "parent_unit_id": "U-B", "classification": "command",
                                    "first_cited": "", "last_cited": "", "first_is_start": False, "open_end": "Y",
                                    "citations": []}])
    found = from_entities(enumerate(to_entities(undated), start=1))
    relation = found.rows["relations"][0].values
    assert (relation["first_cited"], relation["last_cited"], relation["open_ended"]) == ("", "", "Y")
