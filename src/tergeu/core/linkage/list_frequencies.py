"""How common a value is where two records come from: in their two lists, not in all lists together.

Splink weighs agreement on a value by how common it is among all records (term frequency). Lists are
not drawn from one pool: the mosques' funeral list names people by their fathers' names, which are
given names and far more concentrated than family names; a regional list holds its region's clans.
Two records of such a list agreeing on one of its common values are namesakes more often than the
value's overall frequency says. If appearing on a list depends on a person's value alone, a value
``v`` with shares ``f_A(v)`` and ``f_B(v)`` on lists A and B and ``f(v)`` overall, two people of A and
B are alike in ``v`` with probability ``f_A(v) f_B(v) / f(v)`` times that of two people of the whole,
up to a constant ``Z_AB = Σ_v f_A(v) f_B(v) / f(v)``, whatever the value. So a pair of A and B agreeing
exactly on it weighs ``log2 Z_AB`` bits less than Splink says. ``Z`` is 1 where both lists look like
the whole and above 1 for two records of one concentrated list: at 40,000 people of ``balkhash``, the
mosques' list pays about 1.9 bits on a family name that there is a father's name (Z 3.8).

``with_value_counts`` gives the comparisons the other frequency they need: how many records share a
record's value, so that two alike spellings both common are read as two names, not one and a slip.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tergeu.core.linkage.name_classes import DEPENDENCE_BITS

# Each exact level with a term-frequency adjustment whose value can gather on one list, and the SQL
# (records a and b) that puts a pair in it: family and given names as they are, the patronymic unless
# it only repeats the family name (``comparisons.patronymic_comparison`` does not compare those).
AGREEING = {
    "family": "a.family = b.family",
    "given": "a.given = b.given",
    "patronymic": "a.patronymic = b.patronymic "
                  "AND NOT coalesce(a.family = b.family AND starts_with(a.family, a.patronymic), FALSE)",
}
# Two lists with unlike values make agreement rarer than overall (Z below 1); a weight is not raised
# by more than this, as a few odd lists must not turn a common name into strong evidence.
MOST_BITS_GAINED = 1.0
# Changes with any change to how these corrections weigh a pair: a stored model scored under another
# version must not score new records (``comparisons.comparisons_fingerprint`` includes it).
CORRECTIONS_VERSION = "2: lists' concentration without self-pairs; name classes per list"
COUNTED = ("given",)  # columns whose values' counts the comparisons read, as ``<column>_count``


def concentration(con: duckdb.DuckDBPyConnection, records: str, column: str) -> dict[tuple[str, str], float]:
    """``Z_AB`` of ``column`` for every ordered pair of lists of table ``records`` that share a value.

    Within one list a record is never paired with itself, so there the two shares are ``c / n`` and
    ``(c - 1) / (n - 1)``: counting the self-pairs added about (distinct values / records) to ``Z``, which
    took 4 bits from a list of 300 records drawn from the same names as the rest (the review measured it).
    """
    # bandit B608: internal table and column names (``AGREEING``'s keys), never input
    rows = con.execute(f"""
        WITH counts AS (SELECT source_dataset AS list_name, {column} AS value, count(*) AS n FROM {records}
                        WHERE {column} IS NOT NULL GROUP BY ALL),
             per_list AS (SELECT list_name, sum(n) AS total FROM counts GROUP BY list_name),
             overall AS (SELECT value, sum(n) / (SELECT sum(n) FROM counts) AS share FROM counts GROUP BY value),
             shares AS (SELECT c.list_name, c.value, c.n / p.total AS share,
                               CASE WHEN p.total > 1 THEN (c.n - 1) / (p.total - 1) ELSE 0 END AS share_of_others
                        FROM counts AS c JOIN per_list AS p USING (list_name))
        SELECT a.list_name, b.list_name,
               sum(a.share * CASE WHEN a.list_name = b.list_name THEN b.share_of_others ELSE b.share END / o.share)
        FROM shares AS a JOIN shares AS b USING (value) JOIN overall AS o USING (value)
        GROUP BY a.list_name, b.list_name""").fetchall()  # nosec B608
    return {(a, b): float(z) for a, b, z in rows}


CONCENTRATION = "tergeu_concentration"  # the table ``add_concentration`` makes: bits per pair of lists


def add_concentration(con: duckdb.DuckDBPyConnection, records: str) -> None:
    """Create table ``CONCENTRATION``: for each ordered pair of lists of ``records``, the bits an agreement
    on each of ``AGREEING`` gains (``-log2 Z``, at most ``MOST_BITS_GAINED``); once per run."""
    by_column = {column: concentration(con, records, column) for column in AGREEING}
    pairs_of_lists = sorted({key for z in by_column.values() for key in z})
    con.register("tergeu_concentration_rows", pa.table({
        "list_l": pa.array([a for a, _ in pairs_of_lists], type=pa.string()),
        "list_r": pa.array([b for _, b in pairs_of_lists], type=pa.string()),
        **{column: pa.array([_bits(z.get(key, 1.0)) for key in pairs_of_lists], type=pa.float64())
           for column, z in by_column.items()}}))
    # bandit B608: an internal table name, never input
    con.execute(f"CREATE OR REPLACE TABLE {CONCENTRATION} AS SELECT * FROM tergeu_concentration_rows")  # nosec B608
    con.unregister("tergeu_concentration_rows")


def name_bits(con: duckdb.DuckDBPyConnection, records: str, left: np.ndarray,
              right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pair (``left[i]``, ``right[i]``: unique ids of table ``records``), the bits it gains (or
    mostly loses) for the values of ``AGREEING`` it agrees on given its two lists (``add_concentration``
    made the table), and those it loses for agreeing on two names of one group
    (``name_classes.DEPENDENCE_BITS``): one join for both."""
    on_lists, together = np.zeros(len(left)), np.zeros(len(left))
    if not len(left):
        return on_lists, together
    con.register("tergeu_name_bits_pairs", pa.table({
        "i": np.arange(len(left)), "l": np.asarray(left, dtype=np.int64), "r": np.asarray(right, dtype=np.int64)}))
    gained = " + ".join(f"CASE WHEN {sql} THEN coalesce(z.{column}, 0) ELSE 0 END" for column, sql in AGREEING.items())
    # bandit B608: internal table and column names, never input
    rows = con.execute(f"""
        SELECT p.i, {gained} AS on_lists, {DEPENDENCE_BITS} AS together FROM tergeu_name_bits_pairs AS p
        JOIN {records} AS a ON a.unique_id = p.l JOIN {records} AS b ON b.unique_id = p.r
        LEFT JOIN {CONCENTRATION} AS z ON z.list_l = a.source_dataset AND z.list_r = b.source_dataset
        """).fetchnumpy()  # nosec B608
    con.unregister("tergeu_name_bits_pairs")
    at = np.asarray(rows["i"], dtype=np.int64)
    on_lists[at] = np.nan_to_num(np.asarray(rows["on_lists"], dtype=float))
    together[at] = np.nan_to_num(np.asarray(rows["together"], dtype=float))
    return on_lists, together


def _bits(z: float) -> float:
    return float(min(-np.log2(max(z, 1e-12)), MOST_BITS_GAINED))


def with_value_counts(table: pa.Table) -> pa.Table:
    """``table`` with ``<column>_count`` for each of ``COUNTED``: how many records have that record's value."""
    for column in COUNTED:
        values = table.column(column)
        if pa.types.is_dictionary(values.type):
            values = values.cast(values.type.value_type)
        counts = pc.value_counts(values.drop_null())
        found = pc.index_in(values, value_set=counts.field("values"))
        table = table.append_column(f"{column}_count", pc.take(counts.field("counts"), found).cast(pa.int64()))
    return table
