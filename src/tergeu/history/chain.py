"""The change log as a hash chain: each entry commits to the one before, so a rewritten past shows.

An entry's hash is SHA-256 over its canonical JSON (sorted keys, no spaces, UTF-8) together with the
hash of the entry before it (by id). Changing, removing or inserting any entry changes every hash
after it, so a copy of the newest hash kept elsewhere (a report, an email, the evidence ledger of
issue 8) proves the whole log up to that point. ``verify`` recomputes the chain; it needs nothing
but the rows, so a third party can rerun it on an export.

Entries are appended one at a time under a lock (PostgreSQL: an advisory lock held to the end of the
transaction; SQLite: its write lock, taken at ``BEGIN IMMEDIATE``), so two writers never hang their
entries on the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection

GENESIS = "0" * 64  # the "previous hash" of the first entry
CHAIN_LOCK = 7_221_020_301  # PostgreSQL advisory lock key of the change log (arbitrary, fixed)


def canonical(entry: Any, previous: str) -> bytes:
    """The bytes an entry's hash is taken over: every stored field, the previous hash, ids for relations."""
    fields = {
        "id": entry.pk, "previous": previous, "at": entry.at.isoformat(), "actor": entry.actor,
        "user": entry.user_id, "action": entry.action, "object_type": entry.object_type_id,
        "object_id": entry.object_id, "object_repr": entry.object_repr, "before": entry.before,
        "after": entry.after, "reason": entry.reason, "scope_type": entry.scope_type_id, "scope_id": entry.scope_id,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(entry: Any, previous: str) -> str:
    return hashlib.sha256(canonical(entry, previous)).hexdigest()


def lock_chain() -> None:
    """Serialise appends for the rest of the transaction (PostgreSQL; SQLite's write lock already does)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def seal(entry: Any) -> None:
    """Hang a just-inserted ``entry`` on its predecessor: set and store its previous and own hash."""
    model = type(entry)
    last = model.objects.filter(pk__lt=entry.pk).order_by("-pk").values_list("entry_hash", flat=True).first()
    entry.previous_hash = last or GENESIS
    entry.entry_hash = digest(entry, entry.previous_hash)
    model.objects.filter(pk=entry.pk).update(previous_hash=entry.previous_hash, entry_hash=entry.entry_hash)


@dataclass(frozen=True)
class ChainCheck:
    """What ``verify`` found: how many entries it checked, the newest hash, and the first break if any."""

    checked: int
    head: str
    broken_at: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(entries: Iterable[Any]) -> ChainCheck:
    """Recompute the chain over ``entries`` in id order; stop at the first entry that does not fit."""
    previous, checked = GENESIS, 0
    for entry in entries:
        if entry.previous_hash != previous:
            return ChainCheck(checked, previous, entry.pk, "its previous hash is not the hash of the entry before it")
        if entry.entry_hash != digest(entry, previous):
            return ChainCheck(checked, previous, entry.pk, "its content does not match its hash")
        previous, checked = entry.entry_hash, checked + 1
    return ChainCheck(checked, previous)
