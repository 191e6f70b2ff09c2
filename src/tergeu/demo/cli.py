"""The demo's command: ``tergeu demo`` (a synthetic case in an empty data directory)."""

from __future__ import annotations

import click
from rich.markup import escape

from tergeu.toolkit.cli import console, fail, with_django


@click.command()
@click.option("--serve/--no-serve", "then_serve", default=True, show_default=True,
              help="Start the web application afterwards.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--seed", default=2022, show_default=True, type=int, help="Seed of the synthetic case.")
@click.option("--into-existing-registry", "into_existing", is_flag=True,
              help="Add the synthetic lists even to a registry holding real lists or accounts (never wise).")
@with_django
def demo(then_serve: bool, port: int, seed: int, into_existing: bool) -> None:
    """Build the synthetic January 2022 demo case (four overlapping lists) and serve it.

    Only in an empty data directory, or one an earlier demo filled: invented people must not mix with
    real ones. Use a fresh TERGEU_HOME for the demo.
    """
    from tergeu.demo.build import NotADemoRegistry, build_demo

    try:
        summary = build_demo(seed=seed, console=console, into_existing=into_existing)
    except NotADemoRegistry as refusal:
        fail(str(refusal))
    console.print(f"[bold]Demo case ready[/bold] (SYNTHETIC people only): {summary}")
    from django.conf import settings

    # Another shell's `tergeu` reads the default data directory unless told: say how to reach this one.
    home = escape(str(settings.TERGEU_HOME))
    console.print(f"To use this data from the command line: [bold]export TERGEU_HOME={home}[/bold]")
    if then_serve:
        from tergeu.web.cli import serve_until_stopped

        serve_until_stopped("127.0.0.1", port, 8)


COMMANDS = [demo]
