"""Serve the WSGI application with waitress: pure Python, production-grade, works offline."""

from __future__ import annotations

from rich.console import Console


class PortInUse(Exception):
    """The address to serve on is taken (another Tergeu, or another program)."""


def run(host: str, port: int, threads: int, console: Console) -> None:
    """Serve until stopped. The socket is bound before "running" is printed, so a busy port is said at once."""
    import logging

    from django.conf import settings
    from waitress import create_server

    from tergeu.estimation.service import interrupt_unfinished
    from tergeu.linkage.background import interrupt_unfinished as interrupt_linkage
    from tergeu.registry.importing.uploads import purge_stale_uploads
    from tergeu.wsgi import application

    purge_stale_uploads(settings.TERGEU_HOME)  # also on every visit to the import page
    interrupted = interrupt_unfinished()  # estimates the last server was running when it stopped
    if interrupted:
        console.print(f"[dim]{interrupted} estimate(s) the server was running when it stopped marked interrupted[/dim]")
    if interrupt_linkage():
        console.print("[dim]a linkage the server was running when it stopped marked interrupted[/dim]")

    logging.basicConfig()  # waitress reports through logging, as its serve() would set up
    try:
        server = create_server(application, host=host, port=port, threads=threads, ident="tergeu", **server_limits())
    except OSError as problem:
        raise PortInUse(f"cannot serve on {host}:{port} ({problem.strerror or problem}); "
                        "is Tergeu already running? Choose another port with --port") from None
    console.print(f"Tergeu is running at [bold]http://{host}:{port}/[/bold]  (Ctrl+C stops it)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def server_limits() -> dict[str, int]:
    """What waitress itself refuses: a body larger than the biggest import allowed (and its form)
    answers 413 before it is buffered, rather than waitress taking up to 1 GiB for Django to refuse."""
    from tergeu.conf import max_upload_bytes
    from tergeu.registry.importing.uploads import FORM_ALLOWANCE

    return {"max_request_body_size": max_upload_bytes() + FORM_ALLOWANCE}
