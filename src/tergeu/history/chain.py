"""The change log as a hash chain: each sealed entry commits to the one sealed before it.

An entry's hash is SHA-256 over its canonical JSON (sorted keys, no spaces, UTF-8) together with the
previous entry's hash. Changing, removing or inserting a sealed entry changes every hash after it; a
copy of the newest hash kept elsewhere (a report, an email, the evidence ledger of issue 8) also
proves that nothing was cut off the end (``verify(expected_head=...)``). Anyone who can write the
database can recompute the whole chain, so the kept copy, not the chain alone, is the proof.

**When entries are sealed.** Not while their transaction is open: an import writes its entry at the
start of a transaction that may last minutes, and a lock held that long would stall every other
writer. An entry is written with no position; once its transaction commits, ``seal_pending`` gives
every committed unsealed entry the next position and hash, in id order, under a short lock
(PostgreSQL: an advisory lock; SQLite: its write lock). The chain runs in position order. An entry
whose process died before sealing is sealed by the next write or by ``tergeu history --verify``.

**What is hashed** is what the database gives back at sealing time: ids, the actor's name (not the
account's id, which deleting the account clears), the time to the microsecond, and the JSON
before/after with whole-valued floats below 2**53 written as integers (PostgreSQL's JSON storage turns
5.0 into 5). A database moved to another engine verifies the same except for floats past 2**53.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection, transaction

from tergeu.toolkit import locks

GENESIS = "0" * 64  # the "previous hash" of the first entry
_EXACT = 2**53  # integers up to here are exact as floats


def _number(value: float | int) -> float | int:
    """One form per number: integers as they are, whole-valued floats an integer can hold exactly as int."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if math.isfinite(value) and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    return value


def _canonical_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_json(v) for v in value]
    if isinstance(value, int | float):
        return _number(value)
    return value


def canonical(entry: Any, previous: str) -> bytes:
    """The bytes an entry's hash is taken over: every stored field and the previous hash."""
    fields = {
        "id": entry.pk, "position": entry.chain_position, "previous": previous,
        "at": entry.at.isoformat(timespec="microseconds"), "actor": entry.actor,
        "action": entry.action, "object_type": entry.object_type_id, "object_id": entry.object_id,
        "object_repr": entry.object_repr, "before": _canonical_json(entry.before),
        "after": _canonical_json(entry.after), "reason": entry.reason, "scope_type": entry.scope_type_id,
        "scope_id": entry.scope_id,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(entry: Any, previous: str) -> str:
    return hashlib.sha256(canonical(entry, previous)).hexdigest()


def seal_pending() -> int:
    """Seal every committed entry that has no position yet, in id order; how many were sealed."""
    entries = apps.get_model("history", "ChangeEntry").objects
    with transaction.atomic():
        locks.hold(locks.CHANGE_LOG)
        last = entries.exclude(chain_position=None).order_by("-chain_position").first()
        position, previous = (last.chain_position, last.entry_hash) if last else (0, GENESIS)
        pending = list(entries.filter(chain_position=None).order_by("pk"))
        for entry in pending:
            position += 1
            entry.chain_position, entry.previous_hash = position, previous
            entry.entry_hash = previous = digest(entry, previous)
        entries.bulk_update(pending, ["chain_position", "previous_hash", "entry_hash"], batch_size=500)
    return len(pending)


def seal_after_commit() -> None:
    """Have the entries of the current transaction sealed once it commits (at once outside one); once
    per transaction, however many entries it writes."""
    pending = getattr(connection, "run_on_commit", None) or []  # Django's list of (savepoints, callback, robust)
    if not any(callback is seal_pending for _savepoints, callback, *_ in pending):
        transaction.on_commit(seal_pending, robust=True)


@dataclass(frozen=True)
class ChainCheck:
    """What ``verify`` found: how many sealed entries it checked, the newest hash, the first break if any."""

    checked: int
    head: str
    broken_at: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None and not self.problem


def verify(entries: Iterable[Any], expected_head: str | None = None) -> ChainCheck:
    """Recompute the chain over sealed ``entries`` in position order; stop at the first that does not fit.

    With ``expected_head`` (a hash kept elsewhere earlier), also check that the chain still contains it,
    so entries cut off the end, or a log emptied, show too. Reads only: it seals nothing.
    """
    expected_head = expected_head.strip().lower() if expected_head else None
    previous, checked = GENESIS, 0
    seen_head = expected_head is None or expected_head == GENESIS
    for number, entry in enumerate(entries, start=1):
        if entry.chain_position != number:
            return ChainCheck(checked, previous, entry.pk, f"it is at position {entry.chain_position}, not {number}")
        if entry.previous_hash != previous:
            return ChainCheck(checked, previous, entry.pk, "its previous hash is not the hash of the entry before it")
        if entry.entry_hash != digest(entry, previous):
            return ChainCheck(checked, previous, entry.pk, "its content does not match its hash")
        previous, checked = entry.entry_hash, checked + 1
        seen_head = seen_head or previous == expected_head
    if not seen_head:
        return ChainCheck(checked, previous, None, f"the hash kept earlier, {expected_head}, is not in the chain: "
                                                   "entries were removed from its end or the log was rewritten")
    return ChainCheck(checked, previous)
