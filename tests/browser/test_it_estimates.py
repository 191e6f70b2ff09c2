"""The demo case end to end in a real browser: linked people, the estimated toll and its interval, a re-run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from rich.console import Console


@pytest.fixture
def demo_case(transactional_db, settings_home) -> object:
    from tergeu.demo.build import build_demo
    from tergeu.estimation.models import EstimateRun

    with open("/dev/null", "w") as quiet:
        build_demo(console=Console(file=quiet))
    return EstimateRun.objects.get()


def test_it_shows_the_estimated_toll_with_its_interval_and_the_overlaps(page, sign_in_as, demo_case) -> None:
    """What an expert mission reads first: how many, how sure, and from which overlaps."""
    sign_in_as("analyst")
    page.goto("/")
    page.get_by_role("link", name="Estimated toll").click()
    estimate = page.get_by_test_id("estimate")
    low, high = (round(x) for x in demo_case.result["interval"])
    expect(estimate).to_contain_text(re.compile(r"\d"))
    text = estimate.inner_text().replace(",", "").replace("\u00a0", "").replace(" ", "")
    assert f"{low}–{high}" in text and str(demo_case.result["observed"]) in text
    expect(page.get_by_test_id("strata-chart").locator("circle")).to_have_count(1)  # the total, no strata yet
    expect(page.get_by_test_id("overlaps").locator("tbody tr")).to_have_count(len(demo_case.result["overlaps"]))
    expect(page.get_by_test_id("what-it-means")).to_contain_text("closed")


def test_it_runs_a_stratified_estimate_from_the_page(page, sign_in_as, demo_case) -> None:
    sign_in_as("analyst")
    page.goto("/estimates/")
    form = page.get_by_test_id("estimate-form")
    form.locator("select[name=method]").select_option("stepwise")
    form.locator("input[name=strata][value=place]").check()
    form.locator("input[name=linkage_draws]").fill("2")
    form.get_by_role("button", name="Estimate").click()
    expect(page.get_by_test_id("estimate")).to_contain_text("stepwise")
    assert page.get_by_test_id("strata-table").locator("tbody tr").count() >= 1
    expect(page.get_by_role("heading", name="Earlier estimates")).to_be_visible()


def test_it_shows_a_persons_preferred_names_and_cited_facts(page, sign_in_as, demo_case) -> None:
    from tergeu.linkage.models import Person

    person = next(p for p in Person.objects.all() if len(p.lists) >= 3 and len(p.names) >= 2)
    sign_in_as("analyst")
    page.goto(f"/people/{person.public_id}/")
    names = page.get_by_test_id("preferred-names")
    for name in person.names.values():
        expect(names).to_contain_text(name)
    best = page.get_by_test_id("best-facts")
    expect(best).to_contain_text("best supported")
    assert best.locator("a").count() >= 3  # each fact cites the records stating it
