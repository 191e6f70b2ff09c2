"""The review and history pages in a real browser, at desktop and phone width, in Kazakh, Russian and
English, with every request outside Tergeu blocked: they must load, fit a 390 px screen, start with a
skip link, and the review page must take decisions by key and undo them. Names are invented."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .conftest import speaking

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"  # as conftest.py
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
WORDS = {  # what each page must show in each language
    "kk": {"agree": "сәйкес", "differ": "сәйкес емес", "decision": "Шешім", "undo": "Болдырмау",
           "skip": "Мазмұнға өту"},
    "ru": {"agree": "совпадает", "differ": "различается", "decision": "Решение", "undo": "Отменить",
           "skip": "Перейти к содержанию"},
    "en": {"agree": "agree", "differ": "differ", "decision": "Decision", "undo": "Undo", "skip": "Skip to content"},
}
HEADER = ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"]
ROWS = [["Синтетов Арман Болатович", "14.02.1988", "Алматы", "05.01.2022"],
        ["Синтетов Арман", "14.02.1988", "Талдықорған", ""]]


@pytest.fixture
def offline(page, live_server) -> list[str]:
    """Abort every request that leaves the live server; the list says what was tried."""
    host = urlparse(live_server.url).netloc
    blocked: list[str] = []

    def route(request_route, request) -> None:  # noqa: ANN001 - Playwright's objects
        if urlparse(request.url).netloc == host:
            request_route.continue_()
        else:
            blocked.append(request.url)
            request_route.abort()

    page.context.route("**/*", route)
    return blocked


@pytest.fixture
def reviewer_in(page, sign_in_as, write_csv, run_import):
    """Sign a reviewer in with ``language`` as their language, with one pair waiting for review."""
    from tergeu.linkage.models import LinkageRun
    from tergeu.registry.models import Record

    def make(language: str) -> object:
        for number, row in enumerate(ROWS):
            assert run_import(write_csv(f"l{number}.csv", HEADER, [row]), list_name=f"list {number}").ok
        first, second = Record.objects.order_by("pk")
        LinkageRun.objects.create(started_by="test", review=[
            {"kind": "pair", "records": [first.pk, second.pk], "impact": 1.0, "probability": 0.55, "reasons": []}])
        return speaking(sign_in_as("reviewer"), language)

    return make


def fits(page, width: int) -> None:
    """Nothing wider than the screen: the page itself never scrolls sideways (tables scroll in place)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", list(WORDS))
def test_review_then_history(page, offline, reviewer_in, language: str, width: str) -> None:
    from tergeu.linkage.models import PairDecision

    words = WORDS[language]
    reviewer_in(language)
    page.set_viewport_size(WIDTHS[width])
    page.goto("/review/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_class(re.compile("tg-skip"))
    expect(skip).to_have_text(words["skip"])
    expect(skip).to_be_visible()  # shown when focused
    compare = page.get_by_test_id("compare")
    expect(compare.get_by_test_id("field-same").first).to_contain_text(words["agree"])
    expect(compare.get_by_test_id("field-different").first).to_contain_text(words["differ"])
    expect(compare.locator("tr.tg-same td").first).to_have_css("background-color", "rgb(233, 246, 236)")
    fits(page, WIDTHS[width]["width"])
    shot(page, f"review_{language}_{width}")

    page.locator("body").click(position={"x": 5, "y": 5})  # focus out of the skip link, then the key
    page.keyboard.press("d")
    expect(page.get_by_test_id("undo-form")).to_be_visible()
    assert PairDecision.objects.get().decision == "different"
    page.get_by_test_id("undo-form").get_by_role("button", name=words["undo"]).click()
    expect(page.get_by_test_id("undo-form")).to_have_count(0)
    assert not PairDecision.objects.exists()

    page.goto("/history/")
    changes = page.get_by_test_id("changes").first
    expect(changes).to_be_visible()
    expect(page.get_by_test_id("history")).to_contain_text(words["decision"])
    fits(page, WIDTHS[width]["width"])
    shot(page, f"history_{language}_{width}")
    assert offline == []  # nothing was asked of any other host
