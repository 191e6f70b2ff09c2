"""Work too long for a web request (an estimate with thousands of Gibbs sweeps), run in the background.

A job runs in a daemon thread of the serving process and writes its own result rows; the page that
started it shows the job as running and polls until it is done. A job whose process dies leaves its
row unfinished: the app marks such rows interrupted when the server starts again, and treats a row
unfinished for longer than the job could take as cut off. ``wait_for_jobs`` lets tests wait for the
jobs started so far.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger("tergeu.jobs")
_started: list[threading.Thread] = []


def run_in_background(name: str, work: Callable[..., Any], *args: Any) -> None:
    """Run ``work(*args)`` in a daemon thread with its own database connection, closed at the end."""

    def job() -> None:
        try:
            work(*args)
        except Exception:  # the job's own rows say what failed; the log keeps the traceback
            logger.exception("background job %s failed", name)
        finally:
            close_old_connections()

    thread = threading.Thread(target=job, name=f"tergeu-{name}", daemon=True)
    _started[:] = [started for started in _started if started.is_alive()]
    _started.append(thread)
    thread.start()


def wait_for_jobs(timeout: float = 600.0) -> bool:
    """Wait for every job started so far; whether all finished within ``timeout`` seconds each."""
    done = True
    while _started:
        thread = _started.pop()
        thread.join(timeout)
        done = done and not thread.is_alive()
    return done


@contextmanager
def finishing(row: Any, expected: type[Exception], unexpected: str) -> Iterator[None]:
    """Run a job's work for ``row`` (a model with ``error`` and ``finished_at``) and finish the row, whatever
    happens: an ``expected`` failure becomes the row's error (a reason the user can act on); any other is
    stored as ``unexpected`` (no internals on the page) and raised again, for the log to keep the trace."""
    try:
        yield
    except expected as problem:
        row.error = str(problem)
    except Exception:
        row.error = unexpected
        row.finished_at = timezone.now()
        row.save()
        raise
    row.finished_at = timezone.now()
    row.save()
