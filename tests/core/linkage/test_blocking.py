"""Blocking keys: which records a rule puts in one block (the pairs Splink will compare)."""

from __future__ import annotations

import duckdb

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.blocking import EDIT_KEYS, add_block_keys, add_edit_pairs
from tergeu.core.linkage.features import rows_to_table


def _keyed(records: list[dict[str, str]], cap: int | None = None) -> duckdb.DuckDBPyConnection:
    """A connection holding the block keys of records stated by ``records`` facts (numbered 1..)."""
    rows = [features_of(RecordFacts(number, "list", facts)) for number, facts in enumerate(records, start=1)]
    con = duckdb.connect()
    con.register("source", rows_to_table(rows))
    add_block_keys(con, "source", "keyed", cap=cap)
    return con


def _edit_keys(records: list[dict[str, str]], cap: int | None = None) -> dict[int, set[int]]:
    """Record number -> its edit keys."""
    keys: dict[int, set[int]] = {number: set() for number in range(1, len(records) + 1)}
    for uid, key in _keyed(records, cap).execute(f"SELECT unique_id, key FROM {EDIT_KEYS}").fetchall():
        keys[uid].add(key)
    return keys


def _share(keys: dict[int, set[int]], left: int, right: int) -> bool:
    return bool(keys[left] & keys[right])


def test_a_surname_one_letter_off_at_its_start_shares_a_key_with_the_full_name() -> None:
    keys = _edit_keys([
        {"full_name": "Белов Александр", "date_of_death": "2022-01-05"},
        {"full_name": "Бслов А.В.", "date_recorded": "2022-01-09"},  # letter 2 substituted
        {"full_name": "Акжолова Акмарал Саматовна", "date_of_birth": "1990-03-12"},
        {"full_name": "Аужолова А.С."},  # letter 2 substituted
        {"full_name": "Кашкинов Бахыт"},
        {"full_name": "Ашкинов Бахыт"},  # letter 1 dropped
        {"full_name": "Малиев Азамат"},
        {"full_name": "Талиев Азамат"},  # letter 1 substituted
    ])
    assert _share(keys, 1, 2)
    assert _share(keys, 3, 4)
    assert _share(keys, 5, 6)
    assert _share(keys, 7, 8)


def test_unrelated_surnames_or_other_initials_share_no_key() -> None:
    keys = _edit_keys([
        {"full_name": "Белов Александр"},
        {"full_name": "Ахметов Александр"},  # another surname
        {"full_name": "Бслов Ерлан"},  # one edit away, but another given initial
        {"full_name": "Блинов Александр"},  # two edits away
    ])
    assert not _share(keys, 1, 2)
    assert not _share(keys, 1, 3)
    assert not _share(keys, 1, 4)


def test_very_short_surnames_get_no_edit_key() -> None:
    keys = _edit_keys([{"full_name": "Ли Вера"}, {"full_name": "Ди Вера"}, {"full_name": "Ким Вера"}])
    assert keys == {1: set(), 2: set(), 3: set()}


def test_equal_surnames_are_left_to_the_plain_family_key() -> None:
    keys = _edit_keys([{"full_name": "Белов Александр"}, {"full_name": "Белов А.В."}])
    assert keys == {1: set(), 2: set()}


def test_a_crowded_form_is_split_by_the_patronymic_initial() -> None:
    keys = _edit_keys([{"full_name": "Белов Александр Сергеевич"}, {"full_name": "Бслов А.С."},
                       {"full_name": "Белов Александр Петрович"}], cap=2)
    assert _share(keys, 1, 2)
    assert not _share(keys, 2, 3)


def test_edit_pairs_are_each_pair_of_different_surnames_once() -> None:
    con = _keyed([{"full_name": "Белов Александр"}, {"full_name": "Бслов А.В."}, {"full_name": "Белов А."},
                  {"full_name": "Ахметов Александр"}])
    assert add_edit_pairs(con, "pairs") == 2
    assert sorted(con.execute("SELECT join_key_l, join_key_r FROM pairs").fetchall()) == [(1, 2), (2, 3)]
