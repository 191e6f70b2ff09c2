"""The estimation page: what it shows of stored runs (raised figures, failures beside the last good one)."""

from __future__ import annotations

import pytest

from tergeu.estimation.models import EstimateRun
from tergeu.estimation.service import INTERRUPTED

pytestmark = pytest.mark.django_db


def stored_result(estimate: float, observed: int, strata: dict | None = None) -> dict:
    """A result as ``service.result_json`` stores it (three lists, one overlap row per pattern)."""
    return {"method": "loglinear", "observed": observed, "estimate": estimate, "interval": [observed, estimate + 20],
            "level": 0.95, "settings": {"linkage_draws": 0}, "diagnostics": {}, "warnings": [], "mean": None,
            "strata": strata or {}, "problems": {}, "lists": ["a", "b", "c"], "list_sizes": {},
            "overlaps": [[1, 1, 0, observed]]}


def finished_run(**fields) -> EstimateRun:
    from django.utils import timezone

    return EstimateRun.objects.create(created_by="analyst-user", method="loglinear", settings={},
                                      finished_at=timezone.now(), **fields)


def test_a_stratum_raised_to_the_people_already_named_is_marked_on_the_page(client_as) -> None:
    raised = stored_result(57, 57)
    raised["diagnostics"]["raised_to_observed"] = {"estimate": 54.0, "interval": [53.0, 80.0], "observed": 57}
    finished_run(result=stored_result(130, 120, {"north": raised, "south": stored_result(70, 63)}))
    page = client_as("analyst").get("/estimates/").content.decode()
    assert page.count('data-testid="raised-to-observed"') == 1
    assert "raised to the number already named" in page


def test_a_failed_estimate_keeps_the_last_good_one_on_the_page_and_says_why_apart(client_as) -> None:
    finished_run(result=stored_result(1234, 1100))
    finished_run(error="only two lists name anyone: at least three are needed")
    page = client_as("analyst").get("/estimates/").content.decode()
    assert 'data-testid="estimate"' in page and "1,234" in page  # the last good figure stays
    error = page.split('data-testid="estimate-error"')[1].split("</p>")[0]
    assert "failed" in error and "only two lists name anyone" in error
    assert 'data-testid="last-good-note"' in page


def test_an_interrupted_estimate_after_a_good_one_keeps_the_good_one(client_as) -> None:
    finished_run(result=stored_result(500, 480))
    finished_run(error=INTERRUPTED)
    page = client_as("analyst").get("/estimates/").content.decode()
    assert "500" in page and "interrupted" in page


def test_with_no_good_estimate_the_failure_alone_is_shown(client_as) -> None:
    finished_run(error="no linked people to estimate from; run the linkage first")
    page = client_as("analyst").get("/estimates/").content.decode()
    assert 'data-testid="estimate"' not in page and 'data-testid="last-good-note"' not in page
    assert "run the linkage first" in page
