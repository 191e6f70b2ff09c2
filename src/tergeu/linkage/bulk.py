"""Many rows written with one prepared statement (``executemany``): the tables a linkage run rewrites.

``bulk_create`` builds a model instance per row and, on SQLite, sends one INSERT per 999 parameters
(111 claims); ``bulk_update`` resolves a CASE expression per field over every row of a batch. For the
some 270,000 fact claims, 82,000 memberships and 100,000 scored pairs of 40,000 people, that was most
of the time left in storing a run. Here rows are plain tuples, each value prepared by its field's own
``get_db_prep_save``, so it is stored exactly as the ORM would store it, except in columns of plain
numbers, text and foreign keys (``AS_GIVEN``), whose values go as they are: the callers give Python
ints, floats and strings there, which those fields would pass unchanged, and preparing 475,000 rows
cost more than inserting them. Like the bulk methods, these send no signals: they are for tables that
keep no history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import islice
from typing import Any

from django.db import connections, models

CHUNK = 5000  # rows per executemany: bounds the prepared parameters held at once
AS_GIVEN = frozenset({"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField",
                      "PositiveBigIntegerField", "FloatField", "CharField", "TextField", "ForeignKey", "OneToOneField",
                      "BooleanField"})


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (values in the order of ``fields``, by name or attname); how many were inserted.

    A column left out whose default is a callable (a public id, ``tergeu.toolkit.public_ids``) gets a
    value from it for each row, as the ORM would give; the database has no defaults of its own.
    """
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    given = [model._meta.get_field(name) for name in fields]
    made = [f for f in model._meta.concrete_fields
            if f not in given and not f.primary_key and f.has_default() and callable(f.default)]
    columns = [*given, *made]
    # bandit B608: quote_name()d identifiers; values are parameters
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) "  # nosec B608
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    return _run(connection, sql, columns, ((*row, *(f.default() for f in made)) for row in rows))


def update_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple[Any, Sequence[Any]]]) -> int:
    """Set ``fields`` of each row given as (primary key, values in the order of ``fields``)."""
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    sets = ", ".join(f"{quote(f.column)} = %s" for f in columns)
    # bandit B608: quote_name()d identifiers; values are parameters
    sql = f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote(model._meta.pk.column)} = %s"  # nosec B608
    pk = model._meta.pk
    return _run(connection, sql, [*columns, pk], ((*values, key) for key, values in rows))


def _run(connection: Any, sql: str, columns: Sequence[models.Field], rows: Iterable[tuple[Any, ...]]) -> int:
    """Execute ``sql`` once per row, ``CHUNK`` rows per ``executemany``, values prepared by their fields."""
    prepare: list[Callable[[Any], Any] | None] = [
        None if field.get_internal_type() in AS_GIVEN else partial(field.get_db_prep_save, connection=connection)
        for field in columns]
    rows = iter(rows)
    done = 0
    with connection.cursor() as cursor:
        while chunk := list(islice(rows, CHUNK)):
            cursor.executemany(sql, [[value if how is None else how(value)
                                      for how, value in zip(prepare, row, strict=True)] for row in chunk])
            done += len(chunk)
    return done
