"""The demo's complaint register: the funnel computed from the database equals the plan's own counts,
which are the reference case's scale (234 complaints, 8 deaths in custody, 15 officials investigated)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from tergeu.cases.models import Case, CaseStep
from tergeu.cli import cli
from tergeu.demo.cases_build import add_demo_cases
from tergeu.demo.cases_plan import demo_plan
from tergeu.provenance.models import Citation

pytestmark = pytest.mark.django_db

# What each stage counts, written out here (not imported from the code under test).
OPENING = frozenset({"investigation-opened", "suspect-identified", "charged", "suspended", "reopened",
                     "sent-to-court", "verdict-guilty", "verdict-acquitted", "appeal"})
INVESTIGATED = frozenset({"investigated", "amnestied", "charged", "acquitted", "convicted"})
CHARGED = frozenset({"charged", "acquitted", "convicted"})


def test_the_funnel_on_the_demo_equals_the_demos_counts(master_key) -> None:
    get_user_model().objects.create_user("demo")
    plan = demo_plan(2022)
    codes = add_demo_cases(2022, plan)
    assert len(codes) == 3 and add_demo_cases(2022, plan) == []  # a second run adds nothing
    result = CliRunner().invoke(cli, ["report", "funnel", "--json"])
    assert result.exit_code == 0, result.output
    funnel = json.loads(result.output)
    expected = plan.expected(OPENING, INVESTIGATED, CHARGED)
    assert {stage: funnel[stage] for stage in expected} == expected
    assert funnel["complaints"] == 234 and funnel["officials_investigated"] == 15
    assert funnel["by_kind"]["death-in-custody"]["complaints"] == 8
    assert set(CaseStep.objects.values_list("status", flat=True)) == {  # cases in every state
        "registered", "investigation-opened", "suspect-identified", "charged", "suspended", "closed", "reopened",
        "sent-to-court", "verdict-guilty", "verdict-acquitted", "appeal"}
    assert Citation.objects.count() == CaseStep.objects.count()  # each step cites its source
    assert Citation.objects.filter(source__is_synthetic=True).count() == Citation.objects.count()
    assert Case.objects.count() == len(plan.cases)


def test_tergeu_demo_prints_codes_that_open_the_status_page(settings_home, master_key) -> None:
    """The whole demo: its deaths in custody name people of its registry, and the printed codes work."""
    import io
    import re

    from django.test import Client
    from rich.console import Console

    from tergeu.demo.build import build_demo

    printed = io.StringIO()
    build_demo(seed=2022, console=Console(file=printed, width=200))
    codes = re.findall(r"\b[A-Z]{5}-[A-Z]{5}-[A-Z]{5}-[A-Z]{5}\b", printed.getvalue())
    assert len(codes) == 3
    for code in codes:
        phone = Client()
        assert phone.post("/status/", {"code": code}).status_code == 302
        assert "[synthetic] step 1: registered" in phone.get("/status/case/").content.decode()
    funnel = json.loads(CliRunner().invoke(cli, ["report", "funnel", "--json"]).output)
    assert funnel["deaths"]["with_complaint"] == 8 and funnel["deaths"]["registry_deaths"] > 200
    plan = demo_plan(2022)
    deaths = {c.number for c in plan.complaints if c.kind == "death-in-custody"}
    opened = {number for case in plan.cases if OPENING & set(case.statuses) for number in case.complaints}
    assert funnel["deaths"]["with_case_opened"] == len(deaths & opened) > 0
