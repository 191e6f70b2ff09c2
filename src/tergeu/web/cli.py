"""The web face's command: ``tergeu serve``."""

from __future__ import annotations

import click

from tergeu.toolkit.cli import console, with_django


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_django
def serve(host: str, port: int, threads: int) -> None:
    """Serve the web application and API (waitress; static files included, no CDN)."""
    from tergeu.web.server import run

    run(host, port, threads, console)


COMMANDS = [serve]
