"""Serve the WSGI application with waitress: pure Python, production-grade, works offline."""

from __future__ import annotations

from rich.console import Console


def run(host: str, port: int, threads: int, console: Console) -> None:
    from waitress import serve

    from tergeu.wsgi import application

    console.print(f"Tergeu is running at [bold]http://{host}:{port}/[/bold]  (Ctrl+C stops it)")
    serve(application, host=host, port=port, threads=threads, ident="tergeu")
