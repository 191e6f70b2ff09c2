"""The package build compiles the translation catalogues, so ``pip install .`` and wheels carry them.

Everything else about the package is in pyproject.toml. The compiler is loaded by its path: at build
time neither Django nor Tergeu can be imported (``src/tergeu/toolkit/catalogues.py``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _catalogues():  # noqa: ANN202 - a module loaded from a file
    spec = importlib.util.spec_from_file_location("tergeu_catalogues", HERE / "src/tergeu/toolkit/catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithCatalogues(build_py):
    """``build_py`` that also writes each catalogue's .mo beside its .po in the build tree."""

    def run(self) -> None:
        super().run()
        # An editable install may copy no package data here; scripts/bootstrap compiles the source tree.
        _catalogues().compile_tree(Path(self.build_lib) / "tergeu" / "locale")


setup(cmdclass={"build_py": BuildWithCatalogues})
