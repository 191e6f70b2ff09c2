"""The public release opened as a reader would open it from a disk: file://, the network cut off, in each
language, at desktop and phone width (screenshots in test-artifacts/screenshots/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from browser.conftest import SCREENSHOTS, TIMEOUT_MS
from release_fixtures import PUBLISHED_NAMES, canaried  # noqa: F401  (fixture)
from tergeu.cli import cli

pytestmark = pytest.mark.django_db
TITLES = {"kk": "Қаза тапқандар: ашық тізім", "ru": "Погибшие: открытый список", "en": "The dead: public list"}
GUNSHOT = {"kk": "Оқ жарақаты", "ru": "Огнестрельное ранение", "en": "Gunshot wound"}  # a category, in each language
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_release_opens_from_disk_with_no_network(browser, canaried, tmp_path: Path, width: str) -> None:  # noqa: F811
    folder = tmp_path / "release"
    result = CliRunner().invoke(cli, ["release", "public", "--to", str(folder)])
    assert result.exit_code == 0, result.output
    context = browser.new_context(offline=True, viewport=WIDTHS[width])
    context.set_default_timeout(TIMEOUT_MS)
    requested: list[str] = []
    tab = context.new_page()
    tab.on("request", lambda request: requested.append(request.url))
    try:
        tab.goto((folder / "index.html").as_uri())
        for code, title in TITLES.items():
            tab.get_by_role("link", name=title).click()
            assert tab.locator("h1").inner_text() == title
            table = tab.get_by_test_id("people")
            assert table.locator("tbody tr").count() == 4
            assert all(table.get_by_text(name).count() == 1 for name in PUBLISHED_NAMES)
            assert table.get_by_text(GUNSHOT[code], exact=True).count() == 1
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(SCREENSHOTS / f"release_{code}_{width}.png"), full_page=True)
            tab.goto((folder / "index.html").as_uri())
        tab.goto((folder / "en" / "changes.html").as_uri())
        assert tab.get_by_test_id("added-count").inner_text() == "4"
        tab.get_by_role("link", name="Русский").click()
        assert tab.url.endswith("/ru/changes.html")
    finally:
        context.close()
    assert requested and all(url.startswith("file://") for url in requested), requested
