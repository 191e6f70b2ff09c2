"""The generator runs without Django (notebooks, benchmarks); only the modules that write the database
(build.py, and *_build.py for a domain's part of it, such as cases_build.py) and cli.py (the command) use
Django."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tergeu.demo

DEMO_DIR = Path(tergeu.demo.__file__).parent
MODULES = sorted(path for path in DEMO_DIR.glob("*.py")
                 if path.name not in ("build.py", "cli.py") and not path.name.endswith("_build.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_it_imports_no_django(path: Path) -> None:
    allowed_tergeu = ("tergeu.demo", "tergeu.core")
    for name in _imports(path):
        assert not name.startswith("django"), f"{path.name} imports {name}"
        if name.startswith("tergeu"):
            assert name.startswith(allowed_tergeu), f"{path.name} imports {name}"
