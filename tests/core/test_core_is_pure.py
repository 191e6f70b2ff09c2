"""The core's one rule (src/tergeu/core/README.md): it never imports Django or a Tergeu app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "src" / "tergeu" / "core"


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            names.append("." * node.level + (node.module or ""))
    return names


def crossing(name: str) -> bool:
    if name.startswith("."):
        return False  # relative imports stay inside the package they are in
    top = name.split(".")[0]
    return top == "django" or (top == "tergeu" and not name.startswith("tergeu.core"))


CORE_MODULES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_it_imports_nothing_outside_the_core(path: Path) -> None:
    offending = [name for name in imported_modules(path) if crossing(name)]
    assert offending == [], f"{path} imports {offending}"


def test_it_finds_the_core_modules() -> None:
    assert len(CORE_MODULES) >= 5


@pytest.mark.parametrize("name,expected", [
    ("django.db", True), ("tergeu.provenance.models", True), ("tergeu.core.names", False),
    ("re", False), ("..names", False), ("tergeu", True),
])
def test_it_tells_crossing_imports(name: str, expected: bool) -> None:
    assert crossing(name) is expected
