"""The first cited / last cited rules, open ends and partial dates (core.forces.timeline)."""

from __future__ import annotations

import datetime

import pytest

from tergeu.core.forces import FuzzyDate, Holding, OpenEnd, Period, holds_amid

pytestmark = pytest.mark.pure


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def period(first: str | None, last: str | None = None, open_end: OpenEnd = OpenEnd.UNKNOWN) -> Period:
    return Period(FuzzyDate.parse(first), FuzzyDate.parse(last), open_end=open_end)


@pytest.mark.parametrize(("text", "earliest", "latest"), [
    ("2021", "2021-01-01", "2021-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2022-01-06", "2022-01-06", "2022-01-06"), ("2022-1-6", "2022-01-06", "2022-01-06"),
])
def test_a_partial_date_covers_its_span(text: str, earliest: str, latest: str) -> None:
    read = FuzzyDate.parse(text)
    assert (read.earliest, read.latest) == (day(earliest), day(latest))


@pytest.mark.parametrize("text", ["2022-13", "06.01.2022", "soon", "2022-02-30"])
def test_it_refuses_what_is_not_an_iso_date(text: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


def test_it_refuses_a_last_cited_date_before_the_first() -> None:
    with pytest.raises(ValueError, match="before first cited"):
        period("2022-01-06", "2021-12-31")


@pytest.mark.parametrize(("on", "holding"), [
    ("2020-08-31", None),  # before the first cited date nothing is assumed
    ("2020-09-01", Holding.CITED), ("2021-06-15", Holding.CITED), ("2021-12-31", Holding.CITED),
    ("2022-01-01", None),  # N: nothing assumed after the last cited date
])
def test_it_holds_from_first_to_last_cited(on: str, holding: Holding | None) -> None:
    assert period("2020-09-01", "2021-12-31").holds_on(day(on)) == holding


def test_an_exact_end_ends_it() -> None:
    ended = period("2020-09-01", "2021-12-31", OpenEnd.EXACT)
    assert ended.holds_on(day("2021-12-31")) == Holding.CITED
    assert ended.holds_on(day("2022-01-01")) is None


def test_an_open_end_is_assumed_onwards_and_said_to_be_assumed() -> None:
    open_ended = period("2020-09-01", "2021-12-31", OpenEnd.CONTINUES)
    assert open_ended.holds_on(day("2021-12-31")) == Holding.CITED
    assert open_ended.holds_on(day("2030-01-01")) == Holding.ASSUMED


def test_only_a_first_cited_date_holds_on_that_date_only_unless_open_ended() -> None:
    single = period("2022-01-06")
    assert single.holds_on(day("2022-01-06")) == Holding.CITED
    assert single.holds_on(day("2022-01-07")) is None
    assert period("2022-01-06", open_end=OpenEnd.CONTINUES).holds_on(day("2022-01-07")) == Holding.ASSUMED


def test_an_undated_relation_holds_on_no_day() -> None:
    assert Period().holds_on(day("2022-01-06")) is None
    assert Period(open_end=OpenEnd.CONTINUES).holds_on(day("2022-01-06")) is None


def test_a_day_within_a_partial_end_is_only_possibly_held() -> None:
    months = period("2021-11", "2022-01")
    assert months.holds_on(day("2021-11-05")) == Holding.EDGE
    assert months.holds_on(day("2021-12-15")) == Holding.CITED
    assert months.holds_on(day("2022-01-20")) == Holding.EDGE
    assert months.holds_on(day("2022-02-01")) is None
    assert period("2022").holds_on(day("2022-06-01")) == Holding.EDGE


def test_a_rival_first_cited_later_ends_an_assumption_but_not_a_citation() -> None:
    first = period("2020-09-01", "2021-12-31", OpenEnd.CONTINUES)
    successor = period("2022-01-20", "2022-12-01")
    assert holds_amid(first, [successor], day("2022-01-10")) == Holding.ASSUMED
    assert holds_amid(first, [successor], day("2022-01-20")) is None
    assert holds_amid(first, [successor], day("2021-06-01")) == Holding.CITED
    overlapping = period("2021-01-01", "2021-03-01")  # cited while the first was cited too: both hold
    assert holds_amid(first, [overlapping], day("2021-02-01")) == Holding.CITED
    assert holds_amid(first, [overlapping], day("2022-06-01")) == Holding.ASSUMED
