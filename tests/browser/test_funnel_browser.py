"""The funnel page draws the demo's register as bars in proportion to the counts, each with its count."""

from __future__ import annotations

import json

from click.testing import CliRunner
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tergeu.cli import cli
from tergeu.core.cases import STAGES
from tergeu.demo.cases_build import add_demo_cases


def test_it_draws_the_funnel_of_the_demo_register(page, sign_in_as, master_key) -> None:
    get_user_model().objects.create_user("demo")
    add_demo_cases(2022)
    funnel = json.loads(CliRunner().invoke(cli, ["report", "funnel", "--json"]).output)
    sign_in_as("analyst")
    page.goto("/cases/funnel/")
    chart = page.get_by_test_id("funnel-chart")
    expect(chart).to_be_visible()
    widths = [float(page.locator(f'g[data-stage="{stage}"] rect').get_attribute("width")) for stage in STAGES]
    assert max(widths) == widths[0] and min(widths) > 0  # complaints the widest; no stage vanishes
    for stage, width in zip(STAGES, widths, strict=True):
        assert abs(width / widths[0] - funnel[stage] / funnel["complaints"]) < 2 / widths[0], stage
    for stage in STAGES:  # the exact text: "15" must not pass for "115" or "1 (15%)"
        share = funnel["shares"].get(stage)
        expect(page.get_by_test_id(f"count-{stage}")).to_have_text(
            str(funnel[stage]) if share is None else f"{funnel[stage]} ({round(share * 100)}%)")
    expect(page.get_by_test_id("count-complaints")).to_have_text("234")
    expect(page.get_by_test_id("count-officials_investigated")).to_have_text("15")  # a count, no share
    assert all(share is None or 0 <= share <= 1 for share in funnel["shares"].values())
    expect(page.get_by_test_id("by-kind")).to_contain_text("Death in custody")
    box = chart.bounding_box()
    assert box is not None and box["height"] > 100  # drawn, not collapsed
