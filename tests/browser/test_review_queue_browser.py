"""The review queue in a real browser: a reviewer pages on to the items after the first 30 (names invented)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from web.test_review_queue import queue_of_pairs


def test_it_goes_on_to_page_two_of_the_queue(page, sign_in_as, write_csv, run_import) -> None:
    records = queue_of_pairs(write_csv, run_import, 33)
    sign_in_as("reviewer")
    page.goto("/review/")
    expect(page.get_by_test_id("review-item")).to_have_count(30)
    expect(page.locator(".tg-pages")).to_contain_text("page 1 of 2")

    page.locator(".tg-pages").get_by_role("link", name="next").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    items = page.get_by_test_id("review-item")
    expect(items).to_have_count(3)
    expect(items.first).to_contain_text(records[31].display_name)  # item 31 opens page 2
    expect(page.locator(".tg-pages")).to_contain_text("page 2 of 2")

    items.first.get_by_role("button", name="not the same").click()  # decided: gone, and page 2 stays
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.get_by_test_id("review-item")).to_have_count(2)
    expect(page.get_by_test_id("decided-count")).to_have_text("1 decided since the last linkage run")
