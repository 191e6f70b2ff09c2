"""Values that gather on some lists weigh less there: the lists' concentration, and value counts."""

from __future__ import annotations

import math
from collections import Counter

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.explain import LISTS_STEP
from tergeu.core.linkage.list_frequencies import (
    MOST_BITS_GAINED,
    add_concentration,
    concentration,
    name_bits,
    with_value_counts,
)
from tergeu.core.linkage.model import score_pairs

# A mosques' list of fathers' names (two of them) beside a register of ten family names.
MOSQUE = ["nurlanuli"] * 6 + ["serikuli"] * 4
REGISTER = ["ahmetov", "bekov", "nurlanuli", "serikov", "omarov", "kasymov", "ismailov", "tulegenov", "sadykov",
            "ospanov"]


def _records(con: duckdb.DuckDBPyConnection, lists: dict[str, list[str]]) -> None:
    rows = [(list_name, family) for list_name, values in lists.items() for family in values]
    con.register("source", pa.table({
        "unique_id": list(range(1, len(rows) + 1)), "source_dataset": [r[0] for r in rows],
        "family": [r[1] for r in rows], "given": ["erlan"] * len(rows), "patronymic": [None] * len(rows),
        "names_lift": [1.0] * len(rows)}))  # names that go together by chance only: no dependence bits
    con.execute("CREATE TABLE records AS SELECT * FROM source")


def _expected_z(lists: dict[str, list[str]], a: str, b: str) -> float:
    """Σ_v f_A(v) f_B(v) / f(v), counted here in Python; within one list, of pairs of two records."""
    overall = Counter(v for values in lists.values() for v in values)
    total = sum(overall.values())
    count_a, count_b = Counter(lists[a]), Counter(lists[b])
    others = 1 if a == b else 0  # within a list, b is another record than a
    return sum(count_a[v] / len(lists[a]) * (count_b[v] - others) / (len(lists[b]) - others) / (overall[v] / total)
               for v in count_a)


def test_a_list_gathering_few_values_is_concentrated_and_one_like_the_whole_is_not() -> None:
    lists = {"mosque": MOSQUE, "register": REGISTER}
    con = duckdb.connect()
    _records(con, lists)
    z = concentration(con, "records", "family")
    assert z[("mosque", "mosque")] == pytest.approx(_expected_z(lists, "mosque", "mosque"))
    assert z[("mosque", "mosque")] > 1.5  # two of its records agreeing is common there
    assert z[("mosque", "register")] == pytest.approx(_expected_z(lists, "mosque", "register"))
    alike = duckdb.connect()
    _records(alike, {"a": REGISTER, "b": REGISTER})
    z = concentration(alike, "records", "family")
    assert z[("a", "b")] == pytest.approx(1.0) and z[("b", "a")] == pytest.approx(1.0)
    assert z[("a", "a")] == 0.0  # no two records of one list share a name: no agreement there to weigh


def test_lists_drawn_from_one_pool_of_names_are_not_concentrated_at_any_size() -> None:
    """Three lists of 60, 300 and 3,000 records drawn from one pool of names (a few common, many rare):
    agreeing within any of them is no commoner than in the whole. Counting each record paired with itself
    made the list of 300 look concentrated (Z near 14)."""
    rng = np.random.default_rng(3)
    lists = {name: [f"f{value}" for value in rng.zipf(1.3, size) % 5000]
             for name, size in (("small", 60), ("middle", 300), ("large", 3000))}
    con = duckdb.connect()
    _records(con, lists)
    z = concentration(con, "records", "family")
    for name in lists:
        assert z[(name, name)] == pytest.approx(_expected_z(lists, name, name))
    assert z[("middle", "middle")] < 1.5 and z[("large", "large")] < 1.2
    assert 0.7 < z[("middle", "large")] < 1.3


def test_a_father_s_name_alone_is_weighed_by_its_lists_too() -> None:
    """"Ерлан Нурланович" has no family name: the patronymic's agreement is still corrected."""
    con = duckdb.connect()
    con.register("source", pa.table({
        "unique_id": [1, 2, 3, 4], "source_dataset": ["mosque", "mosque", "register", "register"],
        "family": pa.nulls(4, pa.string()), "given": [None, None, "ержан", "арман"],
        "patronymic": ["nurlan", "nurlan", "serik", "bolat"], "names_lift": [1.0] * 4}))
    con.execute("CREATE TABLE records AS SELECT * FROM source")
    add_concentration(con, "records")
    bits, _ = name_bits(con, "records", np.array([1]), np.array([2]))
    assert bits[0] == pytest.approx(min(-math.log2(concentration(con, "records", "patronymic")[("mosque", "mosque")]),
                                        MOST_BITS_GAINED))
    assert bits[0] < 0


def test_pairs_lose_the_bits_of_the_values_they_agree_on_and_no_more() -> None:
    lists = {"mosque": MOSQUE, "register": REGISTER}
    con = duckdb.connect()
    _records(con, lists)
    left, right = np.array([1, 1, 1, 11]), np.array([2, 7, 13, 16])  # mosque pairs agreeing or not; register
    add_concentration(con, "records")
    bits, together = name_bits(con, "records", left, right)
    assert (together == 0).all()
    given_z = concentration(con, "records", "given")
    family_bits = -math.log2(_expected_z(lists, "mosque", "mosque"))
    given_bits = lambda a, b: -math.log2(given_z[(a, b)])  # noqa: E731 -- everyone is "erlan"
    assert bits[0] == pytest.approx(family_bits + given_bits("mosque", "mosque"))
    assert bits[1] == pytest.approx(given_bits("mosque", "mosque"))  # nurlanuli and serikuli: given only
    assert bits[2] == pytest.approx(min(-math.log2(_expected_z(lists, "mosque", "register")), MOST_BITS_GAINED)
                                    + given_bits("mosque", "register"))
    assert bits[3] == pytest.approx(given_bits("register", "register"))  # two register names, unlike
    assert name_bits(con, "records", np.array([], dtype=np.int64), np.array([], dtype=np.int64))[0].size == 0


def test_each_record_knows_how_many_records_share_its_given_name() -> None:
    table = with_value_counts(pa.table({"given": ["erlan", "erjan", None, "erlan"]}))
    assert table.column("given_count").to_pylist() == [2, 1, None, 2]


def test_pairs_of_a_list_of_few_names_are_explained_with_what_their_lists_move() -> None:
    """An official list of four names twenty times over, and a press list naming only two of them: the
    press list's names are commoner there than overall, so its pairs are explained with the step for
    their lists (bits taken within the press list, given across), and each waterfall still adds up."""
    names = [("Нурланов Жанболат Серикович", "Zhanbolat Nurlanov"), ("Ахметова Айгерим", "Aigerim Akhmetova"),
             ("Сериков Ерлан", "Yerlan Serikov"), ("Бекова Сауле", "Saule Bekova")]
    rows = []
    for copy in range(20):
        for index, (cyrillic, latin) in enumerate(names):
            facts = {"full_name": cyrillic, "date_of_death": "2022-01-05", "date_of_birth": f"{1980 + copy}-03-12"}
            rows.append(features_of(RecordFacts(len(rows) + 1, "official", facts)))
            if index < 2:
                rows.append(features_of(RecordFacts(len(rows) + 1, "press", {"full_name": latin,
                                                                            "date_of_death": "2022-01-05"})))
    lists = {row["unique_id"]: row["source_dataset"] for row in rows}
    model = score_pairs(rows, threshold=0.001, em=True)
    by_pair = {(p.left, p.right): p for p in model.pairs}
    moved = {}
    for key, explanation in model.explanations.items():
        for step in explanation.steps:
            if (step.comparison, step.level) == LISTS_STEP:
                moved.setdefault(tuple(sorted((lists[key[0]], lists[key[1]]))), set()).add(step.bits > 0)
        if key in by_pair:
            assert math.isclose(explanation.total_bits, by_pair[key].match_weight, abs_tol=0.01)
    assert moved.get(("official", "press")) == {True}, "the press list's names are rarer on the official list"
    assert moved.get(("press", "press")) == {False}, "namesakes on the press list must be explained, losing bits"
