"""The dashboard with its map, the home page showing it, and a person's page, in a real browser: at desktop
and phone width, in Kazakh, Russian and English, with every request outside Tergeu's own server blocked
(no tile server, no CDN).
With the people index and review page screenshots (test_people_index_browser.py,
test_review_and_history_pages.py) this makes the issue's set: four pages x two widths x three languages.
Names are invented (people_fixtures.linked)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import speaking
from .test_people_index_browser import WIDTHS, block_outside
from .test_review_and_history_pages import fits, shot

WORDS = {  # what each page must say in each language
    "kk": {"dashboard": "Көрсеткіштер", "by_region": "Өңірлер бойынша", "almaty_region": "Алматы облысы: 1",
           "facts": "Ең көп расталған деректер"},
    "ru": {"dashboard": "Сводка", "by_region": "По регионам", "almaty_region": "Алматинская область: 1",
           "facts": "Наиболее подтверждённые факты"},
    "en": {"dashboard": "Dashboard", "by_region": "By region", "almaty_region": "Almaty Region: 1",
           "facts": "Best-supported facts"},
}


@pytest.mark.parametrize("language", list(WORDS))
def test_the_dashboard_and_a_person_page_in_every_language_and_width(page, live_server, linked, sign_in_as,
                                                                    language: str) -> None:
    from tergeu.registry.models import Record

    blocked = block_outside(page, live_server.url)
    words = WORDS[language]
    speaking(sign_in_as("investigator"), language)
    person = Record.objects.get(imported_list=linked.ngo, row_number=1).membership.person
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/dashboard/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_text(words["dashboard"])
        board_map = page.get_by_test_id("region-map")
        expect(board_map.locator("h2")).to_have_text(words["by_region"])
        expect(board_map.locator("svg a[data-region]")).to_have_count(17)
        expect(board_map.locator('a[data-region="almaty-region"]')).to_have_attribute("aria-label",
                                                                                       words["almaty_region"])
        assert board_map.locator("svg").bounding_box()["width"] >= min(width - 60, 900)  # the map uses the screen
        expect(page.get_by_test_id("documented-count")).to_have_text("4")
        fits(page, width)
        shot(page, f"dashboard_{language}_{width_name}")

        page.goto("/")  # the home page shows the totals, the map and the days too
        expect(page.get_by_test_id("home-dashboard").get_by_test_id("region-map")).to_be_visible()
        expect(page.get_by_test_id("dashboard-link")).to_be_visible()
        fits(page, width)
        shot(page, f"home_{language}_{width_name}")

        page.goto(f"/people/{person.public_id}/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_test_id("best-facts")).to_be_visible()
        expect(page.locator("h2").first).to_be_visible()
        expect(page.get_by_role("heading", name=words["facts"])).to_be_visible()
        fits(page, width)
        shot(page, f"person_{language}_{width_name}")

    page.goto("/dashboard/")
    page.locator('svg a[data-region="almaty"] circle').click()  # a region of the map is the people behind its count
    expect(page).to_have_url(f"{live_server.url}/people/?region=almaty")
    expect(page.get_by_test_id("people").locator("tbody tr")).to_have_count(3)
    assert blocked == []
