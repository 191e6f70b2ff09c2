"""One writer at a time for a named step (checking then storing a decision, sealing the change log,
starting an estimate), until the surrounding transaction ends.

SQLite transactions here start IMMEDIATE (settings), which already takes the database's one write lock;
on PostgreSQL a transaction-scoped advisory lock does the same for that step only, leaving other writers
alone. Call it first thing inside ``transaction.atomic()``.
"""

from __future__ import annotations

from django.db import connection

DECISIONS = 0x7465726765750001  # checking and storing a reviewer's decision
CHANGE_LOG = 7_221_020_301  # sealing entries into the change log's hash chain
ESTIMATES = 0x7465726765750002  # starting an estimate (one runs at a time)
LINKAGE_JOBS = 0x7465726765750003  # starting a linkage from the web (one runs at a time)


def hold(key: int) -> None:
    """Hold the lock ``key`` until the current transaction ends (PostgreSQL; SQLite holds its write lock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
