"""F12: while another connection holds the write lock, pages, the API and commands say "busy, try again".

The lock is held from a second connection; the wait is cut to a fraction of a second (SQLite's
``busy_timeout``, PostgreSQL's ``lock_timeout``) so the test stays quick.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tergeu.registry.models import Record

BUSY = "database is busy with another write"
LOCKED_TABLES = ("auth_user", "accounts_loginfailure", "django_session", "provenance_claim", "casualties_pairdecision")


@contextmanager
def write_lock_held_elsewhere() -> Iterator[None]:
    """Another connection to the test database holds the write lock (on PostgreSQL: of the tables written here)."""
    other = connection.get_new_connection(connection.get_connection_params())
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            other.isolation_level = None
            other.execute("BEGIN IMMEDIATE")  # the write lock only: readers go on, as in WAL mode
            cursor.execute("PRAGMA busy_timeout = 200")
        else:
            other.autocommit = False
            other.execute(f"LOCK TABLE {', '.join(LOCKED_TABLES)} IN EXCLUSIVE MODE")  # reads go on, writes wait
            cursor.execute("SET lock_timeout = '200ms'")
    try:
        yield
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 30000" if connection.vendor == "sqlite" else "RESET lock_timeout")


@pytest.mark.django_db(transaction=True)
def test_sign_in_and_assessments_get_a_503_page(client, client_as, write_csv, run_import) -> None:
    rows = [["Тестов Нурлан"], ["Тестова Дана"]]  # invented
    assert run_import(write_csv("list.csv", ["ФИО"], rows), list_name="synthetic list").ok
    record, other = Record.objects.order_by("pk")
    get_user_model().objects.create_user("signer", password="a long test password")
    reviewer = client_as("reviewer")
    with write_lock_held_elsewhere():
        signed_in = client.post("/accounts/login/", {"username": "signer", "password": "a long test password"})
        assessed = reviewer.post(f"/records/{record.public_id}/assess/", {"field": "full_name", "status": "confirmed"})
        decided = reviewer.post("/api/review/decisions", {"left": record.public_id, "right": other.public_id,
                                                          "decision": "different"}, content_type="application/json")
    for response in (signed_in, assessed):
        assert response.status_code == 503 and response["Retry-After"] == "30"
        assert BUSY in response.content.decode()
    assert decided.status_code == 503 and BUSY in decided.json()["detail"]


@pytest.mark.pure
def test_a_command_on_a_locked_database_says_so_in_one_line(tmp_path: Path) -> None:
    database = tmp_path / "tergeu.sqlite3"
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE held (x)")
    try:
        env = {**{name: os.environ[name] for name in ("PATH", "PYTHONPATH") if name in os.environ},
               "TERGEU_HOME": str(tmp_path), "TERGEU_SQLITE_TIMEOUT": "1"}
        done = subprocess.run([str(Path(sys.executable).parent / "tergeu"), "history"], env=env,
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.rollback()
        holder.close()
    assert done.returncode == 1
    assert BUSY in done.stderr and "Traceback" not in done.stderr, done.stderr
