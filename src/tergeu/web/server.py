"""Serve the WSGI application with waitress: pure Python, production-grade, works offline."""

from __future__ import annotations

from rich.console import Console


def run(host: str, port: int, threads: int, console: Console) -> None:
    from django.conf import settings
    from waitress import serve

    from tergeu.estimation.service import interrupt_unfinished
    from tergeu.registry.importing.uploads import purge_stale_uploads
    from tergeu.wsgi import application

    purge_stale_uploads(settings.TERGEU_HOME)  # also on every visit to the import page
    interrupted = interrupt_unfinished()  # estimates the last server was running when it stopped
    if interrupted:
        console.print(f"[dim]{interrupted} estimate(s) the server was running when it stopped marked interrupted[/dim]")

    console.print(f"Tergeu is running at [bold]http://{host}:{port}/[/bold]  (Ctrl+C stops it)")
    serve(application, host=host, port=port, threads=threads, ident="tergeu", **server_limits())


def server_limits() -> dict[str, int]:
    """What waitress itself refuses: a body larger than the biggest import allowed (and its form)
    answers 413 before it is buffered, rather than waitress taking up to 1 GiB for Django to refuse."""
    from tergeu.conf import max_upload_bytes
    from tergeu.registry.importing.uploads import FORM_ALLOWANCE

    return {"max_request_body_size": max_upload_bytes() + FORM_ALLOWANCE}
