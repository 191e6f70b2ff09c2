"""Finding 3: two reviewers deciding at the same moment must not store contradicting decisions."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from racing import held_until_all_arrive
from tergeu.linkage import linking
from tergeu.linkage.linking import DecisionConflict, decide_pair
from tergeu.linkage.models import PairDecision
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = ["ФИО", "Место гибели", "Дата гибели"]
ROWS = [["Омарова Дания", "Алматы", "05.01.2022"]] * 3


def test_decisions_made_at_once_are_checked_one_after_the_other(write_csv, run_import, monkeypatch) -> None:
    """Both reviewers pass the check before either saves, unless the check and the save are one step.

    Records a = b is stored; then one reviewer says b = c and the other a ≠ c at the same moment: each
    is fine alone, together they contradict. A barrier holds each check open until both have checked
    (or a second has passed, when a lock keeps the other out, as it must).
    """
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("an in-memory SQLite test database is shared through one cache with table locks, not "
                    "the file locks the IMMEDIATE transactions rely on; PostgreSQL runs this test")
    run_import(write_csv("a.csv", HEADER, ROWS), list_name="volunteers")
    a, b, c = Record.objects.order_by("pk").values_list("pk", flat=True)
    reviewer = get_user_model().objects.create_superuser("reviewer-two")
    decide_pair(reviewer, a, b, "same")
    monkeypatch.setattr(linking, "decision_conflict", held_until_all_arrive(linking.decision_conflict, 2))
    outcomes: list[str] = []

    def decide(first: int, second: int, decision: str) -> None:
        try:
            decide_pair(reviewer, first, second, decision)
            outcomes.append("stored")
        except DecisionConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(b, c, "same")),
               threading.Thread(target=decide, args=(a, c, "different"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "stored"]
    assert PairDecision.objects.count() == 2
