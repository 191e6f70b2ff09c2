"""The left-alone page: records the linkage left alone, answered "someone found" (naming whom) or "nobody".

Every name here is invented.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from tergeu.history.models import ChangeEntry
from tergeu.linkage.left_alone_review import (
    alone_now,
    answer_left_alone,
    counted_records,
    progress,
    reviewed_rates,
    sample_now,
)
from tergeu.linkage.linking import run_linkage
from tergeu.linkage.models import LeftAloneAnswer, Membership, PairDecision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
HEADER = ["ФИО", "Дата рождения", "Место гибели"]
FIRST = [["Тестов Ерлан Маратович", "12.03.1990", "Алматы"], ["Қалиева Дана Нұрланқызы", "01.02.1985", "Алматы"],
         ["Серіков Әлібек Асқарұлы", "07.07.1971", "Тараз"]]
SECOND = [["Тестов Ерлан Маратович", "12.03.1990", "Алматы"], ["Жанғожина Дана Нұрланқызы", "01.02.1985", "Алматы"],
          ["Омаров Бекзат Ерланович", "30.11.2001", "Талдыкорган"]]


@pytest.fixture
def linked(write_csv, run_import) -> dict[str, Record]:
    """Two lists: two people on both (a woman under another family name on the second), one on each alone."""
    assert run_import(write_csv("first.csv", HEADER, FIRST), list_name="first").ok
    assert run_import(write_csv("second.csv", HEADER, SECOND), list_name="second").ok
    run_linkage(full=True)
    return {record.display_name.split()[0]: record for record in Record.objects.order_by("pk")}


@pytest.fixture
def reviewer(client_as):
    client_as("reviewer", "alone-reviewer")
    return get_user_model().objects.get(username="alone-reviewer")


def test_the_records_alone_are_the_sample_and_the_page_shows_them_with_candidates(linked, client_as) -> None:
    counted = counted_records()
    alone = alone_now(counted)
    assert set(alone) == {linked["Серіков"].pk, linked["Омаров"].pk}
    assert sorted(sample_now(counted)) == sorted(alone)
    page = client_as("reviewer", "page-reviewer").get("/review/left-alone/").content.decode()
    assert page.count('data-testid="left-alone-item"') == 2 and "Омаров" in page and "Серіков" in page
    assert "0 of 100 answered" in page and 'data-testid="left-alone-not-enough"' in page


def test_someone_found_naming_whom_joins_them_and_the_answer_keeps_its_place(linked, client_as) -> None:
    client = client_as("reviewer", "page-reviewer")
    woman, maiden = linked["Серіков"], linked["Омаров"]  # a reviewer may know what no field shows
    response = client.post("/review/left-alone/answer/", {"record": woman.public_id, "partner": maiden.public_id})
    assert response.status_code == 302 and response["Location"] == "/review/left-alone/"
    stored = LeftAloneAnswer.objects.get()
    assert stored.record_id == woman.pk and stored.answer == "found" and stored.decided_by == "page-reviewer"
    decision = PairDecision.objects.get()
    assert {decision.left_id, decision.right_id} == {woman.pk, maiden.pk} and decision.decision == "same"
    run_linkage()
    assert Membership.objects.get(record=woman).person_id == Membership.objects.get(record=maiden).person_id
    counted = counted_records()
    assert woman.pk in sample_now(counted) and woman.pk not in alone_now(counted)  # answered: still in the sample
    assert progress(counted).answered == 1
    entry = ChangeEntry.objects.get(object_type=ContentType.objects.get_for_model(LeftAloneAnswer))
    assert entry.actor == "page-reviewer" and "Серіков" not in str(entry.after)  # in the history, as decisions are


def test_nobody_found_and_unsure_are_stored_and_unsure_is_not_read(linked, reviewer) -> None:
    counted = counted_records()
    first, second = sample_now(counted)
    assert answer_left_alone(reviewer, first, "unsure").answer == "unsure"
    rates, why = reviewed_rates(counted)
    assert rates is None and "0 record(s) of the left-alone sample answered" in why
    assert answer_left_alone(reviewer, second, "nobody").answer == "nobody"
    assert progress(counted).answered == 2 and progress(counted).counted_answers == 1
    rates, why = reviewed_rates(counted)  # the whole sample answered: what is read is all there is
    assert why == "" and rates.decisions == 1


def test_every_record_of_a_small_sample_answered_is_enough(linked, reviewer) -> None:
    counted = counted_records()
    for record in sample_now(counted):
        answer_left_alone(reviewer, record, "nobody")
    rates, why = reviewed_rates(counted)
    assert why == "" and rates.source == "reviewed" and rates.decisions == 2
    assert rates.without_pair == (0.5, 2.5) and rates.with_pair == (0.5, 0.5)  # neither has a scored pair


def test_a_wrong_answer_or_a_record_named_twice_stores_nothing(linked, reviewer, client_as) -> None:
    record = linked["Омаров"].pk
    assert answer_left_alone(reviewer, record, "maybe") is None
    assert answer_left_alone(reviewer, record, "found", partner=record) is None
    response = client_as("reviewer", "page-reviewer").post("/review/left-alone/answer/",
                                                           {"record": "not-an-id", "answer": "nobody"})
    assert response.status_code == 302 and not LeftAloneAnswer.objects.exists()


def test_only_reviewers_may_see_or_answer(linked, client_as) -> None:
    client = client_as("analyst", "an-analyst")
    assert client.get("/review/left-alone/").status_code == 404  # as every page a role may not see
    client.post("/review/left-alone/answer/", {"record": linked["Омаров"].public_id, "answer": "nobody"})
    assert not LeftAloneAnswer.objects.exists()
