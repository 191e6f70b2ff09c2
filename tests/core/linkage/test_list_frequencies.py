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
    """Σ_v f_A(v) f_B(v) / f(v), counted here in Python."""
    overall = Counter(v for values in lists.values() for v in values)
    total = sum(overall.values())
    share_a, share_b = Counter(lists[a]), Counter(lists[b])
    return sum(share_a[v] / len(lists[a]) * share_b[v] / len(lists[b]) / (overall[v] / total) for v in share_a)


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
    assert all(value == pytest.approx(1.0) for value in concentration(alike, "records", "family").values())


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
    assert moved.get(("press", "press"), {False}) == {False}
