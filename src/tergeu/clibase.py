"""What every ``tergeu`` command shares: the console, one-line errors, and Django set up on demand.

Apart from ``tergeu.cli`` so that modules of commands (``tergeu.cliaccounts``) can use it without
importing the group that registers them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.markup import escape

console = Console(stderr=True)


def setup_django(migrate: bool = True) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tergeu.settings")
    django.setup()
    if migrate:
        from django.core.management import call_command
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            console.print("[dim]Bringing the database schema up to date…[/dim]")
            call_command("migrate", interactive=False, verbosity=0)


def with_django(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run the command with Django configured and the schema migrated (cf. Flask's ``with_appcontext``)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        setup_django()
        return command(*args, **kwargs)

    return wrapper


def fail(message: str) -> None:
    """Print one error line and exit 1; the message (file, list and column names) is never read as markup."""
    # never wrapped: a path broken over lines cannot be copied, and a wrap at "path:" splits the two
    console.print(f"[bold red]Error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True)
    sys.exit(1)
