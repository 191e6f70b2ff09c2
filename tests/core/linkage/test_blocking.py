"""Blocking keys: which records a rule puts in one block (the pairs Splink will compare)."""

from __future__ import annotations

import duckdb

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.blocking import (
    CLOSING_DEGREE,
    CLOSING_LINK,
    EDIT_KEYS,
    add_block_keys,
    add_closing_pairs,
    add_edit_pairs,
)
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


def _closing(links: list[tuple[int, int, float]], new: set[int] | None = None) -> list[tuple[int, int]]:
    """The closing pairs ``add_closing_pairs`` proposes for ``links`` (l, r, probability)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE links (l BIGINT, r BIGINT, probability DOUBLE)")
    con.executemany("INSERT INTO links VALUES (?, ?, ?)", links)
    new_in = None
    if new is not None:
        con.execute("CREATE TABLE records AS SELECT range AS unique_id, range IN ? AS is_new FROM range(1, 20)",
                    [sorted(new)])
        new_in = "records"
    count = add_closing_pairs(con, "pairs", "links", new_in)
    found = sorted(con.execute("SELECT join_key_l, join_key_r FROM pairs").fetchall())
    assert count == len(found)
    return found


def test_closing_pairs_join_two_records_linked_to_a_third() -> None:
    # 1~2 and 2~3 are links; 3~4 is too weak to be one; 5~6 and 6~5 both ways round still one pair
    assert _closing([(1, 2, 0.9), (3, 2, 0.3), (3, 4, CLOSING_LINK / 2), (5, 6, 0.9), (7, 6, 0.9)]) == [(1, 3), (5, 7)]


def test_closing_pairs_come_from_each_records_strongest_links_only() -> None:
    hub = [(1, 100 + k, 0.99 - k / 100) for k in range(CLOSING_DEGREE + 3)]
    found = _closing(hub)
    strongest = [100 + k for k in range(CLOSING_DEGREE)]
    assert found == [(a, b) for i, a in enumerate(strongest) for b in strongest[i + 1:]]


def test_closing_pairs_of_an_incremental_run_have_a_new_record() -> None:
    links = [(1, 2, 0.9), (2, 3, 0.9), (4, 5, 0.9), (5, 6, 0.9)]
    assert _closing(links, new={3, 5}) == [(1, 3)]
