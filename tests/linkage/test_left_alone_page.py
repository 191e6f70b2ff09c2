"""The left-alone page: records the linkage left alone, answered "someone found" (naming whom) or "nobody".

Every name here is invented.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from tergeu.core.linkage import UNREVIEWED_RATES
from tergeu.history.models import ChangeEntry
from tergeu.linkage.left_alone_review import (
    AnswerRefused,
    NotInSample,
    answer_left_alone,
    open_records,
    progress,
    reviewed_answers,
)
from tergeu.linkage.left_alone_sample import stored_sample
from tergeu.linkage.linking import run_linkage
from tergeu.linkage.models import LeftAloneAnswer, LinkageRun, Membership, PairDecision
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


def latest() -> LinkageRun:
    return LinkageRun.objects.first()


def test_the_run_stores_the_records_alone_as_its_sample_and_the_page_shows_them(linked, client_as) -> None:
    assert set(stored_sample(latest())) == {linked["Серіков"].pk, linked["Омаров"].pk}
    assert open_records(latest()) == list(stored_sample(latest()))
    page = client_as("reviewer", "page-reviewer").get("/review/left-alone/").content.decode()
    assert page.count('data-testid="left-alone-item"') == 2 and "Омаров" in page and "Серіков" in page
    assert "0 answered, 2 open" in page and 'data-testid="left-alone-few"' in page


def test_someone_found_naming_whom_joins_them_and_the_answer_keeps_its_stratum(linked, client_as) -> None:
    client = client_as("reviewer", "page-reviewer")
    woman, maiden = linked["Серіков"], linked["Омаров"]  # a reviewer may know what no field shows
    response = client.post("/review/left-alone/answer/", {"record": woman.public_id, "partner": maiden.public_id})
    assert response.status_code == 302 and response["Location"] == "/review/left-alone/"
    stored = LeftAloneAnswer.objects.get()
    assert stored.record_id == woman.pk and stored.answer == "found" and stored.decided_by == "page-reviewer"
    assert stored.had_scored_pair == stored_sample(latest())[woman.pk]
    decision = PairDecision.objects.get()
    assert {decision.left_id, decision.right_id} == {woman.pk, maiden.pk} and decision.decision == "same"
    run_linkage()
    assert Membership.objects.get(record=woman).person_id == Membership.objects.get(record=maiden).person_id
    assert stored_sample(latest()) == {}  # nobody is alone any more
    user = get_user_model().objects.get(username="page-reviewer")
    assert progress(latest(), user).answered == 1 and progress(latest(), user).open == 0
    joined = {woman.pk: 1, maiden.pk: 1}
    assert reviewed_answers(joined)[0] == {woman.pk: True}  # joined by its own answer: still read
    assert stored.partner_id == maiden.pk
    entry = ChangeEntry.objects.get(object_type=ContentType.objects.get_for_model(LeftAloneAnswer))
    assert entry.actor == "page-reviewer" and "Серіков" not in str(entry.after)


def test_answers_are_read_over_the_unreviewed_shares_and_unsure_is_not_read(linked, reviewer) -> None:
    first, second = stored_sample(latest())
    apart = {first: 1, second: 2}  # each its own person, as the run left them
    assert answer_left_alone(reviewer, first, "unsure").answer == "unsure"
    answers, rates = reviewed_answers(apart)
    assert answers == {} and rates == UNREVIEWED_RATES
    assert answer_left_alone(reviewer, second, "nobody").answer == "nobody"
    answers, rates = reviewed_answers(apart)
    assert answers == {second: False} and rates.source == "reviewed" and rates.decisions == 1
    stratum = "with_pair" if stored_sample(latest())[second] else "without_pair"
    a, b = getattr(UNREVIEWED_RATES, stratum)
    assert getattr(rates, stratum) == (a, b + 1)
    assert progress(latest(), reviewer).read == 1 and progress(latest(), reviewer).few
    assert reviewed_answers({first: 1})[0] == {}  # an answer on a record not counted is not read
    # joined to someone since, not by its own answer (a new list, another decision): no longer read
    assert reviewed_answers({first: 1, second: 1})[0] == {}


def test_found_must_name_a_counted_record_of_someone_else(linked, reviewer) -> None:
    record, other = linked["Серіков"].pk, linked["Омаров"].pk
    thin = Record.objects.create(imported_list=linked["Омаров"].imported_list, row_number=99, raw={},
                                 display_name="Әлібек")
    with pytest.raises(AnswerRefused, match="too thin to be counted"):
        answer_left_alone(reviewer, record, "found", partner=thin.pk)
    Membership.objects.filter(record_id=other).update(person=Membership.objects.get(record_id=record).person)
    with pytest.raises(AnswerRefused, match="already the same person"):
        answer_left_alone(reviewer, record, "found", partner=other)
    assert not LeftAloneAnswer.objects.exists() and not PairDecision.objects.exists()


def test_a_record_outside_the_sample_cannot_be_answered(linked, reviewer, client_as) -> None:
    person = linked["Тестов"].pk  # on both lists: not alone
    with pytest.raises(NotInSample):
        answer_left_alone(reviewer, person, "nobody")
    client = client_as("reviewer", "page-reviewer")
    response = client.post("/review/left-alone/answer/", {"record": linked["Тестов"].public_id, "answer": "nobody"},
                           follow=True)
    assert "left-alone sample" in response.content.decode() and not LeftAloneAnswer.objects.exists()


def test_a_wrong_answer_or_a_record_named_twice_stores_nothing(linked, reviewer, client_as) -> None:
    record = linked["Омаров"].pk
    assert answer_left_alone(reviewer, record, "maybe") is None
    assert answer_left_alone(reviewer, record, "found", partner=record) is None
    response = client_as("reviewer", "page-reviewer").post("/review/left-alone/answer/",
                                                           {"record": "not-an-id", "answer": "nobody"}, follow=True)
    assert "no such record or answer" in response.content.decode() and not LeftAloneAnswer.objects.exists()


def test_a_run_from_before_the_sample_gets_one_when_linked_again(linked) -> None:
    LinkageRun.objects.update(left_alone=[])  # as a run stored by an earlier version
    summary = run_linkage()
    assert summary.mode == "unchanged" and set(stored_sample(latest())) == {linked["Серіков"].pk, linked["Омаров"].pk}


def test_only_reviewers_may_see_or_answer(linked, client_as) -> None:
    client = client_as("analyst", "an-analyst")
    assert client.get("/review/left-alone/").status_code == 404  # as every page a role may not see
    client.post("/review/left-alone/answer/", {"record": linked["Омаров"].public_id, "answer": "nobody"})
    assert not LeftAloneAnswer.objects.exists()


def test_a_record_found_in_the_registry_is_named_by_its_id(linked, client_as) -> None:
    client = client_as("reviewer", "page-reviewer")
    assert 'data-testid="left-alone-named"' in client.get("/review/left-alone/").content.decode()
    record, other = linked["Серіков"], linked["Омаров"]
    client.post("/review/left-alone/answer/", {"record": record.public_id, "answer": "found",
                                               "partner": f" {other.public_id} "})
    stored = LeftAloneAnswer.objects.get()
    assert stored.answer == "found" and stored.partner_id == other.pk
    assert PairDecision.objects.get().decision == "same"
