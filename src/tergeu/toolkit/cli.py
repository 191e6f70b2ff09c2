"""What every ``tergeu`` command shares: the console, one-line errors, Django set up on demand, and
output files written whole or not at all.

Each app's ``cli.py`` defines its commands with these; ``tergeu.cli`` only mounts them.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

console = Console(stderr=True)


def setup_django(migrate: bool = True) -> None:
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


def write_to(output: Path | None, write: Callable[[TextIO], int], fail: Callable[[str], None],
             binary: bool = False) -> int:
    """Write to stdout, or to ``output`` through a temporary file in its folder, renamed when complete.

    A failed export (a missing folder, a full disk, a database error, Ctrl-C) then never leaves half a
    file where a whole one was, nor a temporary file behind. A file that cannot be written is reported
    through ``fail`` (one line naming it) instead of a traceback. ``binary`` writers (a spreadsheet) are
    handed a binary stream instead of UTF-8 text.
    """
    if output is None:
        return write(sys.stdout.buffer if binary else sys.stdout)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
        raise  # fail exits; this only satisfies the type checker
    try:
        with (os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")) as stream:
            count = write(stream)
        os.replace(temporary, output)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            fail(f"cannot write {output}: {error.strerror or error}")
        raise
    return count


def json_from_stdin(fail: Callable[[str], None], keys: frozenset[str]) -> dict[str, Any]:
    """A JSON object read from stdin, for data about a person: never in argv, where ``ps`` and shell
    histories would keep it. Anything but one object, or a key not in ``keys``, is reported through
    ``fail`` naming what was wrong."""
    text = sys.stdin.read()
    try:
        data = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as error:
        fail(f"stdin: not JSON (line {error.lineno}, column {error.colno}: {error.msg})")
        raise
    if not isinstance(data, dict):
        fail("stdin: expected one JSON object, such as {\"note\": \"...\"}")
    unknown = sorted(set(data) - keys)
    if unknown:
        fail(f"stdin: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(keys))}")
    return data
