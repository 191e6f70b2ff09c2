"""A database busy with another write answers "busy, try again", not a 500 traceback.

SQLite lets one writer at a time: while a long import holds the write lock, another write (a sign-in,
an assessment, a second import) waits ``timeout`` seconds (settings) and then fails with "database is
locked". PostgreSQL fails the same way when a ``lock_timeout`` runs out. Nothing is wrong with the
request or the data, so pages get a 503 page, the API a 503 JSON error, and commands a one-line error;
all say to try again, with ``Retry-After``.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from types import TracebackType

from django.db import DatabaseError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger("tergeu.busy")
RETRY_AFTER_SECONDS = 30
_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock_timeout that ran out


def is_database_busy(exc: BaseException) -> bool:
    """True when ``exc`` or an error it was raised from (the driver's, under Django's or a migration's)
    says another transaction holds a lock this one needs."""
    error: BaseException | None = exc
    for _depth in range(5):  # a short chain: Django's wrapper, the driver's error, a migration's
        if error is None:
            return False
        if getattr(error, "sqlstate", None) == _LOCK_NOT_AVAILABLE:  # psycopg's error under Django's
            return True
        locked = str(error).lower().startswith(("database is locked", "database table is locked"))
        if locked and isinstance(error, DatabaseError | sqlite3.OperationalError):
            return True
        error = error.__cause__ or error.__context__
    return False


def busy_message() -> str:
    return _("The database is busy with another write (an import, probably); try again in a minute.")


class DatabaseBusyMiddleware:
    """Turn a view's "database is locked" into a 503 page that needs no database to render."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError) or not is_database_busy(exception):
            return None
        logger.warning("database busy on %s %s: %s", request.method, request.path, exception)
        page = render_to_string("web/busy.html", {"message": busy_message()})  # no request: no queries
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def install_command_hook() -> None:
    """Make a command that dies on a busy database print one clear line instead of a traceback.

    Only uncaught exceptions reach ``sys.excepthook``, i.e. a ``tergeu`` command; the server and the
    tests catch theirs. Any other exception goes to the hook that was there before.
    """
    previous = sys.excepthook
    if getattr(previous, "tergeu_busy_hook", False):
        return

    def hook(kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
        if is_database_busy(value):
            print(f"Error: {busy_message()} ({value})", file=sys.stderr)
            return
        previous(kind, value, traceback)

    hook.tergeu_busy_hook = True  # type: ignore[attr-defined]
    sys.excepthook = hook
