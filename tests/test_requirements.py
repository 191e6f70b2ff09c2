"""The demo installs what Tergeu runs on, and only that; the test tools come with scripts/test.

``requirements.lock`` pins the closure of pyproject.toml's dependencies, ``requirements-test.lock``
what the ``test`` extra adds. The closure is read from the installed packages' own metadata, so a
dependency added to pyproject.toml without regenerating the locks fails here.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

pytestmark = pytest.mark.pure
ROOT = Path(__file__).resolve().parents[1]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    found = [line.split("==") for line in lines if line and not line.startswith("#")]
    assert all(len(parts) == 2 for parts in found), "every line pins one version"
    return {norm(name): version for name, version in found}


def closure(requirements: list[str]) -> set[str]:
    """Every distribution ``requirements`` need, through the installed packages' declared requirements."""
    installed = {norm(d.metadata["Name"]): d for d in metadata.distributions()}
    seen: set[str] = set()
    stack = [Requirement(text) for text in requirements]
    while stack:
        requirement = stack.pop()
        name = norm(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for text in installed[name].requires or []:
            needed = Requirement(text)
            extras = ["", *requirement.extras]
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                stack.append(needed)
    return seen


def test_the_runtime_lock_holds_what_tergeu_runs_on_and_no_test_tool() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, tests = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-test.lock")
    needed = closure(project["dependencies"])
    assert set(runtime) == needed
    assert not set(runtime) & set(tests)
    for text in project["optional-dependencies"]["test"]:
        requirement = Requirement(text)
        assert norm(requirement.name) in tests and norm(requirement.name) not in runtime
        assert requirement.specifier.contains(tests[norm(requirement.name)])
    assert set(tests) == closure(project["dependencies"] + project["optional-dependencies"]["test"]) - needed
    for text in project["dependencies"]:
        requirement = Requirement(text)
        assert requirement.specifier.contains(runtime[norm(requirement.name)])


def test_the_demo_installs_the_runtime_lock_and_the_tests_add_theirs() -> None:
    def commands(name: str) -> str:  # the script without its comments
        lines = (ROOT / "scripts" / name).read_text(encoding="utf-8").splitlines()
        return "\n".join(line.split(" # ")[0] for line in lines if not line.lstrip().startswith("#"))

    bootstrap, demo, test = commands("bootstrap"), commands("demo"), commands("test")
    assert "-r requirements.lock" in bootstrap and "requirements-test" not in bootstrap and "[test]" not in bootstrap
    assert "scripts/bootstrap" in demo and "requirements-test" not in demo
    assert "-r requirements-test.lock" in test and test.index("scripts/bootstrap") < test.index("requirements-test")
