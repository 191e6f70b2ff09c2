"""Docs coverage: every CLI command has help text and a README entry (after sqlite-utils and datasette)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tergeu.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        if isinstance(command, click.Group):
            found += all_commands(command, path)
        else:
            found.append(path)
    return found


COMMANDS = all_commands(cli)


def test_it_finds_the_commands() -> None:
    assert {("import",), ("demo",), ("serve",), ("init",), ("export", "records")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_it_has_help_for_every_command(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output
    command = cli
    for name in path:
        command = command.commands[name]
    assert command.help and len(command.help) > 20


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_it_documents_every_command_in_the_readme(path: tuple[str, ...]) -> None:
    assert f"### `tergeu {' '.join(path)}" in README

