"""The forces pages in a real browser: from a unit to its commander and its incident and back, then the
findings PDF (the invented force of tests/forces/data)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from forces.conftest import DATA, FILES
from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
from tergeu.forces.models import Unit


def test_an_investigator_walks_unit_commander_incident_and_prints_findings(page, sign_in_as) -> None:
    for name, kind in FILES:
        assert import_forces_file(DATA / name, ForcesImportOptions(kind, synthetic=True)).ok
    battalion = Unit.objects.get(external_id="U-BAT")
    sign_in_as("investigator")
    page.goto(f"/forces/units/{battalion.public_id}/?on=2022-01-06")
    page.get_by_test_id("commanders").get_by_role("link", name="Серікболов Ержан Қайратұлы").click()
    expect(page).to_have_url(re.compile(r"/forces/persons/"))
    expect(page.get_by_test_id("postings")).to_contain_text("assumed to continue until a source shows otherwise")
    page.get_by_test_id("postings").get_by_role("link", name="Дала күзеті батальоны").click()
    page.get_by_test_id("timeline").get_by_role("link", name=re.compile("I-1")).click()
    expect(page).to_have_url(re.compile(r"/forces/incidents/"))
    expect(page.get_by_test_id("perpetrators")).to_contain_text("в/ч 30417")
    expect(page.get_by_test_id("incident-commanders")).to_contain_text("assumed (open-ended)")
    page.get_by_test_id("perpetrators").get_by_role("link", name="Дала күзеті батальоны").first.click()
    expect(page).to_have_url(re.compile(r"on=2022-01-06"))
    with page.expect_download() as download:
        page.get_by_test_id("findings-pdf").get_by_role("button").click()
    assert re.fullmatch(r"vetting-unit-\d{4}-\d\d-\d\d\.pdf", download.value.suggested_filename)
