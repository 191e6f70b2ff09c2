"""The public surface of tergeu.core.names and the rule that core code stays pure Python."""

import ast
import os
import pathlib
import subprocess
import sys

import tergeu.core.names as names

PACKAGE_DIR = pathlib.Path(names.__file__).parent
ALLOWED_IMPORTS = {"__future__", "dataclasses", "datetime", "enum", "functools", "re", "unicodedata"}
MAX_MODULE_LINES = 400


def test_it_exports_exactly_the_public_api():
    assert sorted(names.__all__) == [
        "IinInfo",
        "NameKeys",
        "NameToken",
        "ParsedName",
        "Script",
        "detect_script",
        "iin_check_digit",
        "in_nominative",
        "is_unidentified",
        "make_iin",
        "matching_key",
        "parse_iin",
        "parse_name",
        "parse_name_parts",
        "skeleton_key",
    ]
    for name in names.__all__:
        assert getattr(names, name).__doc__, f"{name} needs a docstring"


def _imports(path: pathlib.Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add((node.module or "").split(".")[0])
    return found


def test_it_imports_only_the_standard_library():
    modules = sorted(PACKAGE_DIR.glob("*.py"))
    assert modules
    for path in modules:
        assert _imports(path) <= ALLOWED_IMPORTS, path.name
        assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES, path.name


def test_it_loads_without_django():
    src = PACKAGE_DIR.parents[2]
    code = "import sys, tergeu.core.names; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
