"""The registry in a real browser: cross-script name search (htmx) and a record's facts with their source."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from browser.conftest import SOURCE_NAME

PERSON = "Нурланов Жанболат Серикович"  # synthetic, recorded in Cyrillic


def test_it_finds_a_cyrillic_name_from_latin_spellings(page, sign_in_as, synthetic_list) -> None:
    """Investigators type names as a wire story or a relative spells them; the list wrote them in Cyrillic."""
    sign_in_as("analyst")
    page.goto("/registry/")
    results = page.get_by_test_id("registry")
    expect(results).to_contain_text("Ахметова Айгерим Кайратовна")

    for spelling in ("Zhanbolat", "Janbolat"):  # BGN/PCGN, then the informal/Kazakh-Latin spelling
        page.fill("#tg-q", spelling)  # htmx searches as the user types
        expect(results.locator("tbody tr")).to_have_count(1)
        expect(results).to_contain_text(PERSON)
        expect(results).not_to_contain_text("Ахметова")
        expect(page).to_have_url(re.compile(rf"q={spelling}"))


def test_it_shows_a_records_facts_with_their_source(page, sign_in_as, synthetic_list) -> None:
    """Every fact shown must say where it came from: that is what makes the registry usable as evidence."""
    sign_in_as("analyst")
    page.goto("/registry/?q=Zhanbolat")
    page.get_by_test_id("registry").get_by_role("link", name=PERSON).click()

    expect(page.locator("h1")).to_have_text(PERSON)
    facts = page.get_by_test_id("facts")
    expect(facts).to_contain_text("Алматы")
    expect(facts).to_contain_text("5 Jan 2022")  # day first, the month in letters
    rows = facts.locator("tbody tr")
    assert rows.count() >= 3  # name, date of birth, place and date of death at least
    for row in rows.all():
        expect(row.locator("td").nth(2)).to_contain_text(SOURCE_NAME)
