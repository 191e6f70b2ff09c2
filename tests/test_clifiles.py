"""Exports are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tergeu.toolkit.cli import write_to


def _refuse(message: str) -> None:
    raise SystemExit(message)


def test_it_keeps_the_old_file_and_no_temporary_when_writing_fails_midway(tmp_path: Path) -> None:
    target = tmp_path / "links.csv"
    target.write_text("old export\n", encoding="utf-8")

    def half_then_fail(stream) -> int:
        stream.write("list,row,person\n")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_to(target, half_then_fail, _refuse)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["links.csv"]


def test_it_replaces_the_file_when_writing_completes(tmp_path: Path) -> None:
    target = tmp_path / "links.csv"
    target.write_text("old export\n", encoding="utf-8")
    assert write_to(target, lambda stream: stream.write("list,row,person\n") and 0, _refuse) == 0
    assert target.read_text(encoding="utf-8") == "list,row,person\n"
    assert [p.name for p in tmp_path.iterdir()] == ["links.csv"]


def test_it_names_a_folder_it_cannot_write_in(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="cannot write .*missing/links.csv"):
        write_to(tmp_path / "missing" / "links.csv", lambda stream: 0, _refuse)
