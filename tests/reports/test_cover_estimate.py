"""The cover's line on the toll: what it starts from, and what it says when it is below the people named."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from tergeu.reports.casualties import CasualtyReport, TollEstimate
from tergeu.reports.cover import estimate_text

BELOW = {"en": "The estimate is below the people named", "ru": "Оценка ниже числа названных людей",
         "kk": "Баға аталған адамдар санынан төмен"}


def _report(estimate: int, observed: int, filters: list[tuple[str, str]] | None = None) -> CasualtyReport:
    made = datetime.datetime(2026, 12, 6, 9, 0, tzinfo=datetime.UTC)
    toll = TollEstimate(estimate=estimate, low=estimate - 40, high=estimate + 90, observed=observed,
                        method="lcmcr", made_at=made)
    return CasualtyReport(rows=[], visible_people=0, filters=filters or [], list_names={}, list_sources={},
                          estimate=toll, synthetic_lists=frozenset(), language="en", generated_at=timezone.now())


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_estimate_below_the_people_named_says_why(language: str) -> None:
    with translation.override(language):
        below, above = estimate_text(_report(4962, 5010)), estimate_text(_report(5120, 4850))
    assert BELOW[language] in below
    assert BELOW[language] not in above


def test_the_sentences_of_the_estimate_end_once() -> None:
    with translation.override("en"):
        text = estimate_text(_report(4962, 5010, filters=[("Sex", "female")]))
    assert BELOW["en"] in text and "The estimate is for every list" in text and ".." not in text
    with translation.override("en"):
        alone = estimate_text(_report(4962, 5010))
    assert alone.endswith("named twice.")
