"""Reviewers' decisions that contradict each other are refused, and a run never crashes on them."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from tergeu.cli import cli
from tergeu.linkage.linking import DecisionConflict, LinkageBlocked, decide_pair, run_linkage
from tergeu.linkage.models import Membership, PairDecision
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = [["Нурланов Жанболат", "Алматы", "05.01.2022"], ["Нурланов Жанболат", "Алматы", "05.01.2022"],
        ["Нурланов Жанболат", "Алматы", "05.01.2022"]]
HEADER = ["ФИО", "Место гибели", "Дата гибели"]


@pytest.fixture
def three(write_csv, run_import) -> list[int]:
    run_import(write_csv("a.csv", HEADER, ROWS), list_name="volunteers")
    return list(Record.objects.order_by("pk").values_list("pk", flat=True))


@pytest.fixture
def reviewer():
    return get_user_model().objects.create_superuser("reviewer-one")


def test_it_refuses_a_same_that_would_join_records_decided_different(three, reviewer) -> None:
    a, b, c = three
    decide_pair(reviewer, a, b, "same")
    decide_pair(reviewer, b, c, "different")
    named = dict(Record.objects.values_list("pk", "public_id"))  # messages name records as pages do
    with pytest.raises(DecisionConflict, match=f"records {named[b]} and {named[c]} were decided to be different"):
        decide_pair(reviewer, a, c, "same")
    assert not PairDecision.objects.filter(left_id=a, right_id=c).exists()
    decide_pair(reviewer, a, c, "unsure")  # doubt contradicts nothing
    decide_pair(reviewer, b, c, "same")  # changing a decision is judged without its old value
    assert PairDecision.objects.get(left_id=b, right_id=c).decision == "same"


def test_it_refuses_a_different_between_records_already_joined(three, reviewer) -> None:
    a, b, c = three
    decide_pair(reviewer, a, b, "same")
    decide_pair(reviewer, b, c, "same")
    with pytest.raises(DecisionConflict, match="already one person"):
        decide_pair(reviewer, a, c, "different")


def test_it_refuses_joining_two_records_of_a_list_that_names_each_person_once(three, reviewer) -> None:
    a, b, _c = three
    ImportedList.objects.update(one_per_person=True)
    with pytest.raises(DecisionConflict, match="list volunteers names each person once"):
        decide_pair(reviewer, a, b, "same")


def test_it_reports_decisions_stored_before_they_were_checked_without_crashing(three) -> None:
    a, b, c = three
    for left, right, decision in ((a, b, "same"), (b, c, "same"), (a, c, "different")):
        PairDecision.objects.create(left_id=left, right_id=right, decision=decision, decided_by="old import")
    with pytest.raises(LinkageBlocked, match="decisions contradict each other") as blocked:
        run_linkage(full=True)
    named = {Record.objects.get(pk=pk).public_id for pk in (a, c)}
    assert all(public_id in str(blocked.value) for public_id in named)  # records as pages and the API name them
    assert not re.search(rf"\brecords {a} and {c}\b", str(blocked.value))
    result = CliRunner().invoke(cli, ["link", "--full"])
    assert result.exit_code == 1 and "contradict each other" in result.output and "Traceback" not in result.output


def test_it_relinks_when_a_list_is_marked_one_per_person_after_a_run(three) -> None:
    run_linkage()
    a, b, _c = three
    person = Membership.objects.get(record_id=a).person_id
    Membership.objects.filter(record_id=b).update(person_id=person)  # as a run before the list was marked
    ImportedList.objects.update(one_per_person=True)
    summary = run_linkage()
    assert summary.mode == "full" and "names each person once" in summary.reason
    assert len(set(Membership.objects.values_list("person_id", flat=True))) == 3
