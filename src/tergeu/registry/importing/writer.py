"""Fast, atomic insertion of records.

The ORM's per-object cost (tens of µs) would cap an import far below the 20,000 rows/s Tergeu
promises, so rows go in through ``executemany`` with ids reserved up front (and a public id made for
each row here, as the ORM would from the field's default). It must run inside
``transaction.atomic()``: on SQLite the transaction is IMMEDIATE (see settings), on PostgreSQL the
table is locked, so no other writer can take the reserved ids.
"""

from __future__ import annotations

import orjson
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from tergeu.core.places import resolve_key
from tergeu.registry.models import Record
from tergeu.registry.search import display_name_of, name_keys_of
from tergeu.toolkit.public_ids import new_public_id

RECORD_COLUMNS = ("id", "public_id", "imported_list_id", "row_number", "raw", "facts", "parsed", "display_name",
                  "name_keys", "place", "place_key", "death_date")


class BulkWriter:
    """Buffers records and flushes them in batches; ``finish`` repairs the id sequence on PostgreSQL."""

    def __init__(self, batch_size: int = 5000) -> None:
        quote = connection.ops.quote_name
        table = quote(Record._meta.db_table)
        self.batch_size = batch_size
        # bandit B608: quote_name()d identifiers; values are parameters
        self.sql = (f"INSERT INTO {table} ({', '.join(quote(c) for c in RECORD_COLUMNS)}) "  # nosec B608
                    f"VALUES ({', '.join(['%s'] * len(RECORD_COLUMNS))})")
        self.rows: list[tuple] = []
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        self.next_id = (Record.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    def add(self, list_id: int, row_number: int, raw_json: str, facts: dict[str, str], parsed_json: str) -> int:
        """Queue a record (raw cells and parse results already JSON-encoded); return the id it will have."""
        record_id = self.next_id
        self.next_id += 1
        self.rows.append((record_id, new_public_id(), list_id, row_number, raw_json,
                          orjson.dumps(facts).decode("utf-8"), parsed_json, display_name_of(facts)[:300],
                          name_keys_of(facts), facts.get("place_of_death", "")[:200],
                          resolve_key(facts.get("place_of_death")), facts.get("date_of_death", "")))
        if len(self.rows) >= self.batch_size:
            self.flush()
        return record_id

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.rows.clear()

    def finish(self) -> None:
        """Flush, repair the id sequence, and refresh the planner's statistics on PostgreSQL (without
        them, right after a big import, the registry's queries scan the table instead of its indexes)."""
        self.flush()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Record]):
                cursor.execute(statement)
            if connection.vendor == "postgresql":
                cursor.execute(f"ANALYZE {connection.ops.quote_name(Record._meta.db_table)}")
