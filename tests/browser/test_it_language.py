"""Switching the interface language from the header select (families and local staff read Kazakh)."""

from __future__ import annotations

from playwright.sync_api import expect


def test_it_switches_the_interface_to_kazakh(page, sign_in_as) -> None:
    """The select submits itself on change; the choice is kept and the very next page is in Kazakh."""
    sign_in_as("analyst")
    page.goto("/registry/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".tg-nav")).to_contain_text("Registry")

    page.select_option("#tg-language-select", "kk")

    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page).to_have_url("/registry/")  # back where the user was
    expect(page.locator(".tg-nav")).to_contain_text("Тізілім")
    expect(page.locator(".tg-nav")).not_to_contain_text("Registry")
    page.goto("/lists/")  # kept for the next pages too, not just the redirect
    expect(page.locator("html")).to_have_attribute("lang", "kk")
