"""The ``tergeu`` command: one click group that mounts every app's commands.

Each app defines its commands in its ``cli`` module (``COMMANDS``, and ``EXPORTS`` for ``tergeu export``);
this module only mounts them. Commands that need the database are wrapped in ``with_django``
(``tergeu.toolkit.cli``), which configures Django from the environment (``TERGEU_HOME``,
``DATABASE_URL``) and brings the schema up to date first, so a fresh machine needs no set-up step.
"""

from __future__ import annotations

import click

from tergeu import __version__
from tergeu.accounts import cli as accounts_cli
from tergeu.cases import cli as cases_cli
from tergeu.demo import cli as demo_cli
from tergeu.estimation import cli as estimation_cli
from tergeu.forces import cli as forces_cli
from tergeu.history import cli as history_cli
from tergeu.linkage import cli as linkage_cli
from tergeu.registry import cli as registry_cli
from tergeu.release import cli as release_cli
from tergeu.reports import cli as reports_cli
from tergeu.toolkit.cli import console, fail, setup_django, with_django
from tergeu.web import cli as web_cli
from tergeu.witnesses import cli as witnesses_cli

__all__ = ["cli", "console", "fail", "main", "setup_django", "with_django"]

APPS = (accounts_cli, registry_cli, linkage_cli, estimation_cli, witnesses_cli, cases_cli, forces_cli, reports_cli,
        release_cli, history_cli, web_cli, demo_cli)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tergeu")
def cli() -> None:
    """Tergeu: casualty registry, list linkage and accountability records.

    Configuration comes from the environment: TERGEU_HOME (data directory, default
    ~/.local/share/tergeu) and DATABASE_URL (default: SQLite inside TERGEU_HOME).
    """


@cli.group()
def export() -> None:
    """Export data for other systems (formats in docs/export-formats.md)."""


for app in APPS:
    for command in app.COMMANDS:
        cli.add_command(command)
    for command in getattr(app, "EXPORTS", ()):
        export.add_command(command)


def main() -> None:
    cli(prog_name="tergeu")
