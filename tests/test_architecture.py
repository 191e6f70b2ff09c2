"""The house's layout, enforced: layers, no import loops, small modules, facades, one access.py per app.

Layers, lowest first (``docs/architecture.md``): the pure core; configuration; the toolkit every
app's pages, API and commands stand on; the shared apps (accounts, history, provenance); the domain
apps (registry, linkage, estimation, forces); the faces that mount them (web, the API object), the demo that
fills and serves them, and the root CLI, URL and settings modules. A module imports its own package or
what lies below it, never above: so a new app can lean on the ones below without any of them
knowing it exists. Imports inside functions count too: they only defer a dependency, not remove it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.pure

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tergeu"
LAYERS = (
    ("core", "formats", "locale"),
    ("conf", "migrating"),
    ("toolkit",),
    ("accounts",),
    ("history",),
    ("provenance",),
    ("registry",),
    ("linkage",),
    ("estimation",),
    ("witnesses",),
    ("cases",),
    ("forces",),
    ("reports",),
    ("release",),
    ("web", "api", "wsgi"),
    ("demo",),
    ("cli", "urls", "settings"),
)
LAYER_OF = {part: depth for depth, parts in enumerate(LAYERS) for part in parts}
MAX_LINES = 400


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        parts = ["tergeu", *relative.with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


MODULES = dict(_modules())


def _imports(name: str, path: Path) -> list[str]:
    """Every ``tergeu`` module ``path`` imports, anywhere in it, resolved to the longest known module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found += [t for t in targets if t in MODULES and t != name]
    return sorted(set(found))


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _top(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_every_part_of_the_package_has_a_layer() -> None:
    tops = {_top(name) for name in MODULES} - {""}
    assert tops <= set(LAYER_OF), f"give these a layer: {sorted(tops - set(LAYER_OF))}"


def _upward() -> list[str]:
    return [f"{name} -> {target}" for name, targets in GRAPH.items() for target in targets
            if _top(name) and _top(target) and _top(name) != _top(target)
            and LAYER_OF[_top(target)] > LAYER_OF[_top(name)]]


def test_nothing_imports_a_layer_above_it(monkeypatch) -> None:
    assert _upward() == []
    monkeypatch.setitem(GRAPH, "tergeu.accounts.access", [*GRAPH["tergeu.accounts.access"], "tergeu.registry.models"])
    assert _upward() == ["tergeu.accounts.access -> tergeu.registry.models"]


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(GRAPH[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(GRAPH[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_there_are_no_import_loops() -> None:
    assert _cycles() == []


def test_the_loop_finder_finds_a_loop(monkeypatch) -> None:
    monkeypatch.setitem(GRAPH, "tergeu.conf", [*GRAPH["tergeu.conf"], "tergeu.settings"])
    assert any("tergeu.conf" in loop and "tergeu.settings" in loop for loop in _cycles())


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text(encoding="utf-8").splitlines()))
            > MAX_LINES}
    assert long == {}


def _named_modules(path: Path) -> list[str]:
    """The modules an ``import`` or ``from ... import`` statement names (not the names it takes from them)."""
    named = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            named.append(node.module)
    return named


def test_apps_import_the_core_through_its_facades() -> None:
    behind = [f"{name} -> {target}" for name, path in MODULES.items() if _top(name) != "core"
              for target in _named_modules(path) if target.startswith("tergeu.core.") and target.count(".") > 2]
    assert behind == []


def test_every_app_with_models_defines_visibility_in_access_py() -> None:
    apps = sorted(path.parent.name for path in PACKAGE.glob("*/models.py"))
    assert {"accounts", "history", "provenance", "registry", "linkage", "estimation", "forces"} <= set(apps)
    assert [app for app in apps if not (PACKAGE / app / "access.py").exists()] == []
