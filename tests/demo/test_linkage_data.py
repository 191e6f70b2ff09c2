"""The labelled linkage set: deterministic, complete truth, and the hard cases it promises."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tergeu.demo.linkage_data import COLUMNS, KINDS, STATED, LinkageSet, generate_linkage_set
from tergeu.demo.naming import family_from_given

CYRILLIC = re.compile("[А-Яа-яЁё]")
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LATIN = re.compile("[A-Za-z]")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


@pytest.fixture(scope="module")
def small() -> LinkageSet:
    return generate_linkage_set(300, seed=1)


@pytest.fixture(scope="module")
def six_lists() -> LinkageSet:
    return generate_linkage_set(600, seed=3, lists=6)


def _name(record: dict) -> str:
    parts = [record["full_name"]] if record["full_name"] else [record["family_name"], record["given_name"]]
    return " ".join(part for part in parts if part)


def test_it_is_deterministic_for_a_seed() -> None:
    first, again = generate_linkage_set(300, seed=5), generate_linkage_set(300, seed=5)
    assert first.records == again.records
    assert first.truth == again.truth
    assert generate_linkage_set(300, seed=6).records != first.records


def test_every_record_has_every_column_and_a_person(small: LinkageSet) -> None:
    ids = [record["record_id"] for record in small.records]
    assert len(ids) == len(set(ids))
    assert set(small.truth) == set(ids)
    person_ids = {person.person_id for person in small.people}
    assert set(small.truth.values()) <= person_ids
    for record in small.records:
        assert tuple(record) == COLUMNS
        assert record["record_id"] == f"{record['list_name']}:{record['row']}"


def test_sizes(small: LinkageSet) -> None:
    assert len(small.people) == 300
    assert small.list_names == ("official", "ngo", "media", "morgue")
    assert 600 <= len(small.records) <= 1200
    # Not everyone is listed, and many people are on several lists.
    per_person = Counter(small.truth.values())
    assert len(per_person) < 300
    assert sum(1 for count in per_person.values() if count >= 3) > 50


def test_lists_state_only_their_facts(six_lists: LinkageSet) -> None:
    assert six_lists.list_names == KINDS
    for record in six_lists.records:
        stated = {column for column in COLUMNS[3:] if record[column] is not None}
        assert stated <= set(STATED[record["list_name"]]), record


def test_dates_are_iso_and_some_births_are_a_year_only(six_lists: LinkageSet) -> None:
    births = [r["date_of_birth"] for r in six_lists.records if r["date_of_birth"]]
    deaths = [r["date_of_death"] for r in six_lists.records if r["date_of_death"]]
    assert all(ISO_DATE.match(value) for value in births + deaths)
    assert any(len(value) == 4 for value in births)
    assert any(len(value) == 10 for value in births)
    assert {r["sex"] for r in six_lists.records} == {"M", "F", None}


def test_one_list_has_birth_dates_one_ages_one_neither(small: LinkageSet) -> None:
    def share(list_name: str, column: str) -> float:
        rows = small.records_of(list_name)
        return sum(1 for r in rows if r[column]) / len(rows)

    assert share("official", "date_of_birth") > 0.8
    assert share("ngo", "age") > 0.8
    assert share("morgue", "age") == share("morgue", "date_of_birth") == 0


def test_brothers_are_present_and_listed(small: LinkageSet) -> None:
    assert small.brothers
    people = {person.person_id: person for person in small.people}
    listed = set(small.truth.values())
    both_listed = [pair for pair in small.brothers if set(pair) <= listed]
    assert both_listed
    for elder, younger in small.brothers:
        a, b = people[elder], people[younger]
        assert (a.family, a.father_given, a.place_of_death, a.date_of_death) == (
            b.family, b.father_given, b.place_of_death, b.date_of_death)
        assert a.given != b.given


def test_some_people_appear_twice_in_one_list(small: LinkageSet) -> None:
    twice = Counter((small.truth[r["record_id"]], r["list_name"]) for r in small.records)
    duplicated = {list_name for (_, list_name), count in twice.items() if count > 1}
    assert {"ngo", "morgue"} <= duplicated
    # The second entry is not a copy of the first.
    for (person_id, list_name), count in twice.items():
        if count > 1 and list_name == "ngo":
            rows = [r for r in small.records_of(list_name) if small.truth[r["record_id"]] == person_id]
            assert len({_name(r) for r in rows}) > 1 or len({r["age"] for r in rows}) > 1


def test_scripts_mix(small: LinkageSet) -> None:
    names = [_name(r) for r in small.records]
    assert any(LATIN.search(n) and not CYRILLIC.search(n) for n in names)
    assert any(KAZAKH_LETTERS.search(n) for n in names)
    assert any(CYRILLIC.search(n) and not KAZAKH_LETTERS.search(n) for n in names)
    assert any(n.isupper() for n in names)  # ICAO passport spelling
    assert any(re.search(r" [А-Я]\.([А-Я]\.)?$", n) for n in names)  # morgue initials


def test_places_are_written_many_ways(six_lists: LinkageSet) -> None:
    almaty = {r["place_of_death"] for r in six_lists.records if r["place_of_death"]
              and ("лмат" in r["place_of_death"].lower() or "lmat" in r["place_of_death"].lower()
                   or "алма-ата" in r["place_of_death"].lower())}
    assert {"Алматы", "г. Алматы", "Almaty", "Алма-Ата"} <= almaty


def test_common_names_are_shared_by_different_people() -> None:
    linkage_set = generate_linkage_set(2000, seed=2)
    people = linkage_set.people
    given = Counter(person.given for person in people)
    full = Counter((person.given, person.family) for person in people)
    assert given.most_common(1)[0][1] >= 0.015 * len(people)  # the commonest given name: a few percent
    # Unrelated full-name namesakes: 3 % of 2,000 people (7 % of Kazakh people at 5,000).
    assert sum(count for count in full.values() if count > 1) >= 0.02 * len(people)


def test_family_names_are_as_many_as_in_life() -> None:
    """Kazakh family names come from mimesis' corpus and from fathers' names, so full-name namesakes are
    common (a few percent) but no longer one person in seven, which no matcher could sort out."""
    people = [p for p in generate_linkage_set(2000, seed=2).people if p.ethnicity == "kazakh"]
    families = Counter(person.family for person in people if person.sex == "M")
    formed = {family_from_given(person.father_given) for person in people}
    assert len(families) > 300
    assert len(set(families) & formed) > 100
    assert families.most_common(1)[0][1] <= 0.02 * sum(families.values())


def test_more_lists_repeat_the_kinds() -> None:
    linkage_set = generate_linkage_set(100, seed=1, lists=8)
    assert linkage_set.list_names == (*KINDS, "official_2", "ngo_2")
    with pytest.raises(ValueError):
        generate_linkage_set(100, lists=0)


@pytest.mark.slow
def test_it_scales_past_twenty_thousand_records() -> None:
    linkage_set = generate_linkage_set(5000, seed=1, lists=6)
    assert len(linkage_set.records) >= 20_000
    assert len(set(linkage_set.truth.values())) > 4000
