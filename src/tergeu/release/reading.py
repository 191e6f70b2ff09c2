"""Everything a release reads from the database, read in one consistent snapshot.

A linkage run (started from the web, in the background) may commit while a release is being made. The
people, the withheld flags, the fates of removed people and what the last check looks for must all come
from the same state: people read after a relink and flags read before it would publish the name of
every person the relink carried a flag to. So they are read inside one transaction that sees a single
snapshot: REPEATABLE READ on PostgreSQL, and on SQLite the write lock its transactions take when they
start (settings: IMMEDIATE), which keeps a linkage from committing until the release has read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from tergeu.core.release import UNLISTED, Changes, Forbidden, compare, forbidden
from tergeu.linkage.models import Person
from tergeu.linkage.withholding import withheld_spellings
from tergeu.registry.models import Record
from tergeu.release.access import public_records
from tergeu.release.diffing import PreviousRelease, fate_in, named_then_withheld_now
from tergeu.release.entries import COMPARED_FIELDS, public_entries, public_rows


class NotLinkedError(ValueError):
    """Records of published lists belong to no person yet: the release would silently leave them out."""


@dataclass(frozen=True)
class Snapshot:
    entries: list[dict[str, Any]]
    changes: Changes
    banned: Forbidden  # what no file of the release may contain
    synthetic: bool  # a published list comes from a synthetic (demo) source
    named_then_withheld: list[str]  # previous entries' ids: for the operator's eyes only


def _unconnect_withheld(changes: Changes, named: set[str]) -> None:
    """Drop the corrections of withheld entries: a withheld entry corrected (more lists, more sources) in the
    release that removes a named entry would tell the reader that the named entry went into it."""
    for key in [key for key in changes.corrected if key not in named]:
        del changes.corrected[key]


@contextmanager
def one_snapshot() -> Iterator[None]:
    """A transaction whose reads all see one state of the database (see the module's docstring). Inside a
    transaction already (a test, a caller's own), that transaction's isolation is the caller's to choose."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def read(previous: PreviousRelease | None) -> Snapshot:
    """The release's people, its diff with ``previous`` and what its last check looks for, in one snapshot.
    Refuses (``NotLinkedError``) while a published list has records the linkage has not placed yet."""
    with one_snapshot():
        unlinked = public_records().filter(membership__isnull=True).count()
        if unlinked:
            raise NotLinkedError(f"{unlinked} record(s) of published lists are not linked to a person yet, so the "
                                 "release would leave them out: run `tergeu link` first")
        synthetic = public_records().filter(imported_list__source__is_synthetic=True).exists()
        rows = public_rows()
        entries = public_entries(rows, synthetic)
        named = {entry["id"] for entry in entries if not entry["name_withheld"]}
        changes = compare(previous.people if previous else [], entries, COMPARED_FIELDS, fate_in(named))
        _unconnect_withheld(changes, named)
        removed = [removal.id for removal in changes.removed if removal.reason == UNLISTED]
        released = Person.objects.current().filter(memberships__record__in=public_records().values("pk"))
        births = Record.objects.filter(membership__person__in=released.values("pk")).values_list(
            "facts__date_of_birth", flat=True)
        banned = forbidden(withheld_spellings(), [day for day in births if isinstance(day, str)])
        return Snapshot(entries, changes, banned, synthetic, named_then_withheld_now(removed))
