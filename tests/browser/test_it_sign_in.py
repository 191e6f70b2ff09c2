"""Signing in through the real form, in a real browser (password hashing, CSRF and redirect included)."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.conftest import PASSWORD


def test_it_signs_in_with_the_form_and_refuses_a_wrong_password(page, make_user) -> None:
    """The one test that goes through the form: the others plant a session cookie to stay fast."""
    make_user("analyst", password=PASSWORD)
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")

    page.fill("#id_username", "analyst-user")
    page.fill("#id_password", "not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".errorlist")).to_be_visible()
    expect(page.locator(".tg-nav")).to_have_count(0)

    page.fill("#id_username", "analyst-user")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url("/")
    expect(page.locator(".tg-nav")).to_contain_text("Sign out (analyst-user)")
