"""A record's facts carry source, confidence and status; reviewers' assessments override the defaults."""

from __future__ import annotations

import pytest

from tergeu.registry.facts import assess, facts_of
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(write_csv, run_import) -> Record:
    run_import(write_csv("a.csv", ["ФИО", "Возраст", "Место гибели"], [["Нурланов Ж.С.", "~30", "Алматы"]]),
               list_name="morgue", source_name="Morgue", source_kind="medical", reliability="D")
    return Record.objects.get()


def test_it_gives_every_fact_its_source_and_the_list_defaults(record: Record) -> None:
    facts = {fact.field: fact for fact in facts_of(record)}
    assert set(facts) == {"full_name", "age", "place_of_death"}
    assert {(f.source.name, f.record.pk, f.confidence, f.status) for f in facts.values()} == {
        ("Morgue", record.pk, "low", "pending")}
    assert facts["age"].note == "approximate"


def test_it_applies_a_reviewers_assessment_to_one_fact(record: Record) -> None:
    assess(record, "place_of_death", status="confirmed", confidence="high", note="burial record seen")
    facts = {fact.field: fact for fact in facts_of(record)}
    assert (facts["place_of_death"].status, facts["place_of_death"].confidence) == ("confirmed", "high")
    assert facts["place_of_death"].assessed and facts["place_of_death"].note == "burial record seen"
    assert (facts["age"].status, facts["age"].assessed) == ("pending", False)


def test_it_refuses_to_assess_a_fact_the_record_does_not_state(record: Record) -> None:
    with pytest.raises(KeyError, match="states no 'sex'"):
        assess(record, "sex", status="confirmed")
