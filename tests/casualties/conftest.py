"""Fixtures for import tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import csv_bytes

from tergeu.casualties.importing.pipeline import ImportOptions, ImportReport, import_file


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, header: list[str], rows: list[list[str]], **kwargs: str) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_bytes(header, rows, **kwargs))
        return path

    return write


@pytest.fixture
def run_import() -> Callable[..., ImportReport]:
    def run(path: Path, list_name: str = "test list", **options: object) -> ImportReport:
        return import_file(path, ImportOptions(list_name=list_name, **options))

    return run
