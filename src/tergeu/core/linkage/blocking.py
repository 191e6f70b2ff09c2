"""Which pairs of records are compared at all: blocking keys that stay linear in the number of records.

A rule such as "same family-name skeleton" is cheap on a few thousand records and quadratic on a
million: with common surnames one block holds tens of thousands of records, hundreds of millions of
pairs, nearly all of them different people that the model could not tell apart anyway. So each such
rule is a *capped key*: a list of ever finer levels (family skeleton; then with the given initial; then
with the full given name; then the date of death; ...), and a record is keyed at the first level where
its block holds at most ``block_cap(records)`` records. Two records in one block share every level, so
they are keyed at the same level and equality of the keys is equality at that level. The cap allows
``PAIR_BUDGET`` pairs per rule, but never less than ``BLOCK_CAP`` records: on the quality benchmark's sets
(15,000 records or fewer) no block reaches it and the rules are exactly the plain ones; on a large set
only the crowded blocks are split, by the facts that matter most there. A refining fact that is missing
is a value of its own (empty), so a record without a place stays in the block of those without one. A
block still crowded at the last level (``CROWDED`` caps of namesakes dying the same day in one place)
is dropped from that rule: no model could pick a match among them.

A surname with one wrong letter among its first two (an OCR-like "Бслов" for Белов, a dropped letter in
"AIEV") escapes every key above when the dates differ too. So each record also gets *edit keys*: the
family name and each form of it with one letter left out (its deletion neighbourhood), each with the
given initial, capped like the other keys (by the patronymic initial, sex, birth year and place). Two
names one substitution, insertion or deletion apart share one such form. A record has several, so
they live in a side table, one row per key, and ``add_edit_pairs`` joins it into the pairs of
different family names sharing a key; the model scores those beside the rules' pairs. (Splink's own
exploding rule does this too, but then de-duplicates every blocked pair in one aggregate, which ran
out of memory at a million records.)

The keys are computed before Splink sees the table; the rules Splink runs are equalities on them.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from splink import block_on

from tergeu.core.linkage.comparisons import KAZAKH_FORM, family_root, father_in_family, father_name

BLOCK_CAP = 50  # least records per block before it is split by the next level; pairs per rule <= records * cap / 2
CROWDED = 4  # a block still over this many caps at its last level is not blocked on at all
PAIR_BUDGET = 15_000_000  # ... on smaller sets the cap is higher, up to this many pairs per rule: they cost little

_FS, _GS, _GI = "family_skeleton", "given_skeleton", "given_initial"
_DD, _PLACE, _YEAR = "death_date", "place", "CAST(birth_year AS VARCHAR)"
_FAMILY_START, _F1, _PI = "substr(family, 1, 2)", "substr(family, 1, 1)", "patronymic_initial"
_NID_START = "substr(national_id, 1, 5)"
_FAMILY_ROOT = family_root("family")
_ROOT = f"CASE WHEN length({_FAMILY_ROOT}) >= 3 THEN {_FAMILY_ROOT} END"  # roots as short as the comparison's
# The father's name: the patronymic's, or a family name in the Kazakh form's (Болатұлы: son of Болат).
_FATHER = father_name(f"coalesce(patronymic, {father_in_family('family')})")
_FATHER_FROM_FAMILY = f"({{side}}.patronymic IS NULL AND regexp_matches({{side}}.family, '{KAZAKH_FORM}'))"

# Key column -> levels, coarsest first. Skeletons survive vowel changes; the first letters of the
# family name with the given initial survive a typo late in the surname; an IIN's first digits
# survive a typo late in it.
CAPPED_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "block_family": ((_FS,), (_FS, _GI), (_FS, _GI, _GS), (_FS, _GI, _GS, _DD), (_FS, _GI, _GS, _DD, _PLACE)),
    "block_given_year": ((_GS, _YEAR), (_GS, _YEAR, _DD), (_GS, _YEAR, _DD, _PLACE), (_GS, _YEAR, _DD, _PLACE, _F1)),
    "block_given_death": ((_GS, _DD, _PLACE), (_GS, _DD, _PLACE, _F1), (_GS, _DD, _PLACE, _F1, _YEAR),
                          (_GS, _DD, _PLACE, _F1, _YEAR, _FAMILY_START)),
    "block_family_start": ((_FAMILY_START, _GI, _DD), (_FAMILY_START, _GI, _DD, _FS),
                           (_FAMILY_START, _GI, _DD, _FS, _PLACE), (_FAMILY_START, _GI, _DD, _FS, _PLACE, _GS),
                           (_FAMILY_START, _GI, _DD, _FS, _PLACE, _GS, _PI)),
    "block_iin_start": ((_NID_START,), (_NID_START, _FS), (_NID_START, _FS, _GI)),
    # One family name in its Russian and its Kazakh form (Турсынов, Турсынұлы): skeletons differ.
    "block_family_root": ((_ROOT, _GI), (_ROOT, _GI, _DD), (_ROOT, _GI, _DD, _PLACE)),
    # "Арман Болатұлы" (no family name: Болатұлы is his father's) and "Абдирахманов Арман Болатович".
    "block_given_father": ((_GS, _FATHER), (_GS, _FATHER, _DD), (_GS, _FATHER, _DD, _PLACE)),
    # A surname with a typo late in it ("Ерболато") and no date of death on one side (a morgue's
    # date of admission): the first letters, the initial and the birth year still meet.
    "block_family_start_year": ((_FAMILY_START, _GI, _YEAR), (_FAMILY_START, _GI, _YEAR, _FS),
                                (_FAMILY_START, _GI, _YEAR, _FS, _PLACE)),
}

EDIT_KEYS = "tergeu_edit_keys"  # the side table add_block_keys makes: (unique_id, key, name)
SHORTEST_FORM = 4  # letters: a shorter family name ("Ли", "Ким") is its own key only, in block_family
_FORM = "edit_form"
_EDIT_LEVELS = ((_FORM, _GI), (_FORM, _GI, _PI), (_FORM, _GI, _PI, "sex"), (_FORM, _GI, _PI, "sex", _YEAR),
                (_FORM, _GI, _PI, "sex", _YEAR, _PLACE))

BLOCKING_RULES: tuple[Any, ...] = (
    block_on("block_family"),
    block_on("block_given_year"),
    block_on("national_id"),
    block_on("block_given_death"),
    block_on("block_family_start"),
    block_on("block_family_start_year"),
    block_on("block_family_root"),
    # ... only where one side's father comes from its family name: two full names with one patronymic
    # and given name are namesakes the other rules already pair when their family names agree
    f"l.block_given_father = r.block_given_father AND ({_FATHER_FROM_FAMILY.format(side='l')} "
    f"OR {_FATHER_FROM_FAMILY.format(side='r')})",
    block_on("birth_date"),
    block_on("block_iin_start"),  # an IIN with a typo late in it
    block_on("right(national_id, 5)"),  # ... or early in it
    "l.family_skeleton = r.given_skeleton AND l.given_skeleton = r.family_skeleton",  # name order swapped
    # "Гульнара А." read as a family name and an initial (``features``: read_as_given), and "Абдурахманова
    # Гульнара", died the same day: what the family comparison's level asks (``GIVEN_READ_AS_FAMILY``)
    *(f"{a}.read_as_given = {b}.given_skeleton || ' ' || substr({b}.family, 1, 1) AND {a}.death_date = {b}.death_date"
      for a, b in (("l", "r"), ("r", "l"))),
)


def _level_hashes(name: str, levels: tuple[tuple[str, ...], ...]) -> list[str]:
    """One 64-bit hash per level, 0 where a fact of the first level is missing (a missing refining fact
    hashes as the empty string)."""
    first = levels[0]
    present = " AND ".join(f"({expr}) IS NOT NULL" for expr in first)
    hashes = []
    for depth, level in enumerate(levels):
        parts = list(first) + [f"coalesce({expr}, '')" for expr in level[len(first):]]
        hashes.append(f"CASE WHEN {present} THEN hash({depth}, {', '.join(parts)}) ELSE 0 END AS {name}_{depth}")
    return hashes


def _capped(hashes: list[np.ndarray], cap: int) -> pa.Array:
    """Per record, the hash of the first level whose block holds at most ``cap`` records.

    A record whose block is still crowded at the last level (more than ``CROWDED`` caps: same names,
    day and place) gets no key: the model could not pick its match among so many anyway.
    """
    key = np.zeros(hashes[0].size, dtype=np.uint64)
    chosen = hashes[0] == 0
    for depth, level in enumerate(hashes):
        _, index, counts = np.unique(level, return_inverse=True, return_counts=True)
        limit = cap if depth < len(hashes) - 1 else CROWDED * cap
        take = ~chosen & (counts[index] <= limit)
        key[take] = level[take]
        chosen |= take
    return pa.array(key, type=pa.uint64(), mask=key == 0)


def block_cap(records: int) -> int:
    """Records a block may hold before it is split: ``BLOCK_CAP``, or more while that stays in ``PAIR_BUDGET``."""
    return max(BLOCK_CAP, int(2 * PAIR_BUDGET / max(records, 1)))


def _edit_forms(family: str) -> str:
    """SQL: the family name (from ``SHORTEST_FORM`` letters) and, one letter longer, each form with one
    letter left out. "belov" and "bslov" share "blov"; "aliev" and "aiev" share "aiev"."""
    dropped = (f"list_transform(range(1, length({family}) + 1), "
               f"lambda i: substr({family}, 1, i - 1) || substr({family}, i + 1))")
    return (f"CASE WHEN length({family}) > {SHORTEST_FORM} THEN list_distinct([{family}] || {dropped}) "
            f"WHEN length({family}) = {SHORTEST_FORM} THEN [{family}] END")


def _add_edit_keys(con: duckdb.DuckDBPyConnection, source: str, cap: int) -> None:
    """Create table ``EDIT_KEYS`` (unique_id, key, name: a hash of the family name), a row per capped edit
    key of every record whose family name has ``SHORTEST_FORM`` letters or more and that has a given initial.

    The cap counts the records of each form's block. Only blocks holding two different family names
    are kept: equal names are ``block_family``'s, and most forms are one name's alone. With several
    rows a record this stays in DuckDB (which spills), where NumPy would hold them all in memory.
    """
    last = len(_EDIT_LEVELS) - 1
    counts = ", ".join(f"count(*) OVER (PARTITION BY edit_{d}) AS n_{d}" for d in range(last + 1))
    chosen = " ".join(f"WHEN n_{d} <= {cap if d < last else CROWDED * cap} THEN edit_{d}" for d in range(last + 1))
    # bandit B608: internal table and column names; the cap is an int
    con.execute(f"""CREATE OR REPLACE TABLE {EDIT_KEYS} AS
        WITH forms AS (SELECT unique_id, hash(family) AS name, {", ".join(_level_hashes("edit", _EDIT_LEVELS))}
                       FROM (SELECT *, unnest({_edit_forms("family")}) AS {_FORM} FROM {source}
                             WHERE given_initial IS NOT NULL)),
             keyed AS (SELECT unique_id, name, CASE {chosen} END AS key FROM (SELECT *, {counts} FROM forms))
        SELECT DISTINCT unique_id, key, name FROM keyed WHERE key IN
            (SELECT key FROM keyed WHERE key IS NOT NULL GROUP BY key HAVING min(name) <> max(name))""")  # nosec B608


def add_block_keys(con: duckdb.DuckDBPyConnection, source: str, target: str, cap: int | None = None) -> None:
    """Create table ``target``: ``source`` with one capped key column (UBIGINT) per entry of ``CAPPED_KEYS``;
    and table ``EDIT_KEYS``.

    DuckDB hashes every level (one narrow scan); NumPy counts the blocks, a sort per level, which is
    several times faster than as many window functions carrying the whole rows; one join adds the keys.
    """
    hashes = ", ".join(h for name, levels in CAPPED_KEYS.items() for h in _level_hashes(name, levels))
    # bandit B608: internal table and column names
    columns = con.execute(f"SELECT unique_id, {hashes} FROM {source}").fetchnumpy()  # nosec B608
    keys = {"unique_id": pa.array(np.asarray(columns["unique_id"]), type=pa.int64())}
    cap = block_cap(len(keys["unique_id"])) if cap is None else cap
    for name, levels in CAPPED_KEYS.items():
        keys[name] = _capped([np.asarray(columns[f"{name}_{i}"]) for i in range(len(levels))], cap)
    del columns
    con.register("tergeu_block_keys", pa.table(keys))
    # bandit B608: internal table and column names
    con.execute(f"CREATE TABLE {target} AS SELECT s.*, {', '.join(f'k.{n}' for n in CAPPED_KEYS)} "  # nosec B608
                f"FROM {source} AS s JOIN tergeu_block_keys AS k USING (unique_id)")
    con.unregister("tergeu_block_keys")
    _add_edit_keys(con, source, cap)


def add_edit_pairs(con: duckdb.DuckDBPyConnection, target: str, new_in: str | None = None) -> int:
    """Create table ``target`` (match_key, join_key_l, join_key_r, as Splink takes blocked pairs): every
    pair of records with different family names sharing an edit key, each once; with ``new_in`` (a
    table with ``unique_id`` and ``is_new``), only pairs with a new record. Returns how many.
    """
    only_new = _with_a_new_record(new_in, "a.unique_id", "b.unique_id")
    # bandit B608: internal table names, never input
    con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT DISTINCT '0' AS match_key, "  # nosec B608
                f"a.unique_id AS join_key_l, b.unique_id AS join_key_r FROM {EDIT_KEYS} AS a JOIN {EDIT_KEYS} AS b "
                f"ON a.key = b.key AND a.unique_id < b.unique_id AND a.name <> b.name {only_new}")
    return int(con.execute(f"SELECT count(*) FROM {target}").fetchall()[0][0])  # nosec B608


CLOSING_LINK = 0.2  # a scored pair at least this likely links its records when closing triangles
CLOSING_DEGREE = 8  # a record's strongest links only: a namesake hub's candidates would grow as its links squared


def add_closing_pairs(con: duckdb.DuckDBPyConnection, target: str, links: str, new_in: str | None = None) -> int:
    """Create table ``target`` (as ``add_edit_pairs``): every pair of records that are both linked to a
    third (``links``: l, r, probability of scored pairs), each once; with ``new_in``, only pairs with a
    new record. The caller leaves out pairs already compared. Returns how many.

    Why: the clustering counts a pair it has no score for as evidence of two people, which is right
    for a pair the blocking rules compared and found unlike, and wrong for one they never met: a
    morgue's "Surname I.I." shares a rule with the prosecutor's full name and the prosecutor's with the
    NGO's "Given Surname", but the morgue's and the NGO's records share none, so a person named on all
    three was split by the one comparison nobody made.
    """
    only_new = _with_a_new_record(new_in, "x.b", "y.b")
    # bandit B608: internal table names, never input
    con.execute(f"""CREATE OR REPLACE TABLE {target} AS
        WITH sides AS (SELECT l AS a, r AS b, probability FROM {links} WHERE probability >= {CLOSING_LINK}
                       UNION ALL SELECT r, l, probability FROM {links} WHERE probability >= {CLOSING_LINK}),
             strongest AS (SELECT a, b FROM (SELECT *, row_number() OVER (PARTITION BY a ORDER BY probability DESC, b)
                                             AS k FROM sides) WHERE k <= {CLOSING_DEGREE})
        SELECT DISTINCT '0' AS match_key, x.b AS join_key_l, y.b AS join_key_r
        FROM strongest AS x JOIN strongest AS y ON x.a = y.a AND x.b < y.b {only_new}""")  # nosec B608
    return int(con.execute(f"SELECT count(*) FROM {target}").fetchall()[0][0])  # nosec B608


def _with_a_new_record(new_in: str | None, left: str, right: str) -> str:
    """SQL: a WHERE clause keeping pairs (``left``, ``right``) with a record ``new_in`` marks ``is_new``;
    nothing without ``new_in`` (a full run)."""
    # bandit B608: an internal table name, never input
    newer = f"(SELECT unique_id FROM {new_in} WHERE is_new)"  # nosec B608
    return "" if new_in is None else f"WHERE {left} IN {newer} OR {right} IN {newer}"
