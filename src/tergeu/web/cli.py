"""The web face's command: ``tergeu serve``."""

from __future__ import annotations

import click

from tergeu.toolkit.cli import console, fail, with_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_django
def serve(host: str, port: int, threads: int) -> None:
    """Serve the web application and API (waitress; static files included, no CDN)."""
    serve_until_stopped(host, port, threads)


def serve_until_stopped(host: str, port: int, threads: int) -> None:
    """Serve, or say in one line why not (a failed system check, a busy port) and exit 1; ``tergeu demo``
    serves through this too."""
    from django.core import checks

    from tergeu.web.server import PortInUse, run

    serious = [found for found in checks.run_checks() if found.is_serious()]
    if serious:  # such as witnesses.E001: a key file others may read may already have been copied
        fail("the server does not start: " + "; ".join(f"{found.id}: {found.msg} ({found.hint})" for found in serious))
    try:
        run(host, port, threads, console)
    except PortInUse as busy:
        fail(str(busy))


COMMANDS = [serve]
