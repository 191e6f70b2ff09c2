"""Fixtures for the browser tests: a live server, one Chromium for all of them, a page per test.

Why it is built this way:

* pytest-django's ``live_server`` serves the app from a thread of this process. Requesting it gives the
  test transactional database access, so what the test writes (users, imported lists) is committed and
  the server sees it; with SQLite the test database is in memory and shared with the server thread.
* Playwright's sync API leaves its event loop marked as *running* in the main thread between calls.
  Django then refuses ORM calls from the test ("SynchronousOnlyOperation") although nothing runs
  concurrently, so ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set while Playwright runs. The Playwright fixture is
  package-scoped (this directory is a package for that reason): one Chromium serves every browser test,
  and it is stopped, clearing both the marker and the flag, before tests outside tests/browser run.
* Chromium is Debian's (/usr/bin/chromium): Playwright must never download a browser.
* Every test leaves ``test-artifacts/screenshots/<test name>.png``, pass or fail, so a failure in CI can
  be seen, not only read.
* Most tests sign in with a session cookie (Django's ``force_login``): only the sign-in test pays for
  Argon2 and goes through the form, which keeps the whole browser suite fast.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "a long browser-test password"
TIMEOUT_MS = 10_000  # a page that needs longer than this is a failure, not something to wait for

# Synthetic people only: a Russian-style list in Cyrillic, as an official list would write them.
LIST_HEADER = ["№", "Фамилия Имя Отчество", "Дата рождения", "Место гибели", "Дата гибели"]
LIST_ROWS = [
    ["1", "Нурланов Жанболат Серикович", "12.03.1990", "Алматы", "05.01.2022"],
    ["2", "Ахметова Айгерим Кайратовна", "01.07.1985", "Талдыкорган", "06.01.2022"],
    ["3", "Сериков Ерлан Маратович", "23.11.1979", "Алматы", "05.01.2022"],
]
LIST_NAME = "Synthetic morgue list"
SOURCE_NAME = "Synthetic city morgue"


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """One headless Chromium for every browser test (launching it costs about a second)."""
    if not Path(CHROMIUM).exists():
        message = f"browser tests need Debian's Chromium at {CHROMIUM}"
        if os.environ.get("TERGEU_REQUIRE_BROWSER"):  # scripts/test installs it: a skip there would hide a gap
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser context (no cookies) on the live server; screenshots itself when the test ends."""
    context = browser.new_context(base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the test's own failure
            warnings.warn(f"no screenshot for {name}: {exc}", stacklevel=1)
        context.close()


@pytest.fixture
def make_user(transactional_db) -> Callable[..., object]:
    """Create a user holding one role (a Django group); with ``password`` it can sign in by the form."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tergeu.accounts.roles import ensure_role_groups

    def make(role: str, password: str | None = None) -> object:
        # The flush after each transactional test also empties the groups the migration created.
        ensure_role_groups()
        user = get_user_model().objects.create_user(f"{role}-user", password=password)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def sign_in_as(page, live_server, make_user) -> Callable[[str], object]:
    """Sign the page's browser in as a new user of ``role`` by planting a real session cookie."""
    from django.conf import settings
    from django.test import Client

    def sign_in(role: str) -> object:
        user = make_user(role)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value,
                                   "url": live_server.url}])
        return user

    return sign_in


def speaking(user: object, language: str) -> object:
    """``user`` with ``language`` as the language of their pages (their profile's, as the account page sets)."""
    from tergeu.accounts.models import profile_of

    profile = profile_of(user)
    profile.language = language
    profile.save()
    return user


@pytest.fixture
def synthetic_list(transactional_db, write_csv, run_import) -> object:
    """A small Cyrillic list (synthetic people) imported through the real pipeline, not shared."""
    from tergeu.registry.models import ImportedList

    report = run_import(write_csv("morgue.csv", LIST_HEADER, LIST_ROWS), list_name=LIST_NAME,
                        source_name=SOURCE_NAME, source_kind="medical", synthetic=True)
    assert report.ok, report.errors
    return ImportedList.objects.get(pk=report.imported_list_id)
