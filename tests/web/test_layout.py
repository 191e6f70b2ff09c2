"""Every page starts with a skip link to its content (the browser tests check the phone layout)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db
FOCUSABLE = re.compile(r'<(a|button|select|textarea)\b|<input\b(?![^>]*type="hidden")')


@pytest.mark.parametrize("path", ["/", "/registry/", "/history/", "/review/", "/estimates/", "/no-such-page/"])
def test_the_first_focusable_element_skips_to_the_content(client_as, path) -> None:
    page = client_as("admin").get(path).content.decode()
    body = page.split("<body", 1)[1]
    first = FOCUSABLE.search(body)
    assert first is not None and body[first.start():].startswith('<a class="tg-skip" href="#content"')
    assert "Skip to content" in body[first.start():first.start() + 120]
    assert '<main id="content"' in body


def test_the_sign_in_page_has_it_too(client) -> None:
    page = client.get("/accounts/login/").content.decode()
    assert page.split("<body", 1)[1].split("<a ", 1)[1].startswith('class="tg-skip"')
