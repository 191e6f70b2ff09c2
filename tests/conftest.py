"""Shared fixtures. Tests under tests/core/ and tests/demo/ touch no database and are marked ``pure``."""

from __future__ import annotations

from pathlib import Path

import pytest

PURE_DIRS = ("core", "demo")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests_root = Path(__file__).parent
    for item in items:
        relative = Path(item.fspath).relative_to(tests_root)
        if relative.parts and relative.parts[0] in PURE_DIRS:
            item.add_marker(pytest.mark.pure)
