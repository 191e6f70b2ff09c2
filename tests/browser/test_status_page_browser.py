"""A complainant follows their case on a phone: types the code, reads the steps in Kazakh, then in Russian;
a wrong code answers 404, and the 21st wrong code from one address 429 (a cool-down)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from browser.conftest import TIMEOUT_MS

PHONE = {"width": 360, "height": 740}
WRONG = "AAAAA-CCCCC-DDDDD-EEEEE"


@pytest.fixture
def phone(browser, live_server) -> Iterator[object]:
    """A small touch screen whose browser asks for Kazakh (a complainant in Taldykorgan), with no cookies."""
    context = browser.new_context(base_url=live_server.url, locale="kk-KZ", viewport=PHONE, is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    tab.screenshot(path="test-artifacts/status-phone.png", full_page=True)
    context.close()


def _submit(tab, code: str) -> int:
    tab.goto("/status/")
    tab.fill("#tg-status-code", code)
    with tab.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/status/")) as answer:
        tab.get_by_role("button", name="Менің ісімді көрсету").click()
    return answer.value.status


def test_a_complainant_reads_their_steps_in_kazakh_and_in_russian(transactional_db, two_complaints, phone) -> None:
    typed = two_complaints["code_a"].lower()  # typed in small letters, as on a phone
    assert _submit(phone, typed) == 302
    expect(phone.locator("html")).to_have_attribute("lang", "kk")
    steps = phone.get_by_test_id("steps")
    expect(steps).to_contain_text("Тіркелді")  # registered
    expect(steps).to_contain_text("Тергеу басталды")  # investigation opened
    expect(steps).to_contain_text("alpha public note opened")
    expect(phone.get_by_test_id("next-step")).to_contain_text("Күдікті анықталды")
    expect(phone.get_by_test_id("status")).not_to_contain_text("internal")
    expect(phone.get_by_test_id("status")).not_to_contain_text("SYN-B-1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling

    phone.select_option("#tg-language-select", "ru")
    expect(phone.locator("html")).to_have_attribute("lang", "ru")
    expect(phone).to_have_url("/status/case/")
    expect(steps).to_contain_text("Зарегистрировано")
    expect(steps).to_contain_text("Начато расследование")
    expect(phone.get_by_test_id("next-step")).to_contain_text("Установлен подозреваемый")


def test_a_wrong_code_is_404_and_the_21st_wrong_one_429(transactional_db, two_complaints, phone) -> None:
    assert _submit(phone, WRONG) == 404
    expect(phone.get_by_test_id("not-found")).to_be_visible()
    expect(phone.get_by_test_id("status-form")).to_be_visible()  # the form again, no hint
    for _attempt in range(19):
        assert _submit(phone, WRONG) == 404
    assert _submit(phone, WRONG) == 429
    expect(phone.get_by_test_id("cool-down")).to_be_visible()
    assert _submit(phone, two_complaints["code_a"]) == 429  # even the right code, until the cool-down ends
