"""The people index in a browser: facet counts at desktop and phone width, in Kazakh, Russian and English,
with every request outside Tergeu's own server blocked (the page must work on an air-gapped network)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS

ALMATY = {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"}
PEOPLE = {"kk": "Адамдар", "ru": "Люди", "en": "People"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def block_outside(page, own: str) -> list[str]:
    """Abort every request not to ``own`` (the live server); returns the list the blocked URLs go into."""
    blocked: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(own) or url.startswith("data:"):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.context.route("**/*", route)
    return blocked


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_people_index_shows_facet_counts_in_every_language_and_width(page, live_server, sign_in_as, linked,
                                                                          language: str) -> None:
    blocked = block_outside(page, live_server.url)
    sign_in_as("investigator")
    page.goto("/people/")
    if language != "en":
        page.select_option("#tg-language-select", language)  # the header's choice, kept for the next pages
        expect(page.locator("html")).to_have_attribute("lang", language)
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/people/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_text(PEOPLE[language])
        places = page.locator('[data-facet="place"] li')
        expect(places).to_have_count(2)  # г. Алматы, Алматы and Alma-Ata are one place; Taldykorgan the other
        expect(places.first).to_contain_text(ALMATY[language])
        expect(places.first.get_by_test_id("facet-count")).to_have_text("3")
        expect(page.get_by_test_id("people").locator("tbody tr")).to_have_count(4)
        facets = page.get_by_test_id("people-facets").bounding_box()
        table = page.get_by_test_id("people").bounding_box()
        if width_name == "phone":  # facets above the list, nothing wider than the screen
            assert facets["y"] + facets["height"] <= table["y"] and facets["x"] + facets["width"] <= width
        else:  # facets beside the list
            assert facets["x"] + facets["width"] <= table["x"]
        page.screenshot(path=str(SCREENSHOTS / f"people_index_{language}_{width_name}.png"), full_page=True)
    places.first.locator("a").click()  # a facet value filters the list
    expect(page.get_by_test_id("people").locator("tbody tr")).to_have_count(3)
    expect(page.get_by_test_id("active-filters")).to_contain_text(ALMATY[language])
    assert blocked == []
