"""Which comparison disagrees most, in SQL: a woman's other family name is never a fact in disagreement."""

from __future__ import annotations

import duckdb
import pytest

from tergeu.core.linkage.comparisons import WOMAN_S_OTHER_NAME
from tergeu.core.linkage.rescoring import CONTRADICTION_BITS, worst_bits_sql

# Splink numbers a comparison's levels from the last (0) up; the null level is -1.
MODEL = {"comparisons": [
    {"output_column_name": "family", "comparison_levels": [
        {"label_for_charts": "null", "is_null_level": True}, {"label_for_charts": "exact"},
        {"label_for_charts": WOMAN_S_OTHER_NAME}, {"label_for_charts": "All other comparisons"}]},
    {"output_column_name": "birth", "comparison_levels": [
        {"label_for_charts": "null", "is_null_level": True}, {"label_for_charts": "same date"},
        {"label_for_charts": "decades apart"}]},
]}


def worst(rows: str) -> list[float]:
    con = duckdb.connect()
    relation = con.sql(f"SELECT * FROM (VALUES {rows}) AS t(gamma_family, mw_family, mw_tf_adj_family, "
                       "gamma_birth, mw_birth)")
    return [float(row[0]) for row in relation.select(worst_bits_sql(MODEL, relation.columns)).fetchall()]


def test_the_most_disagreeing_comparison_counts_with_its_term_frequency_adjustment() -> None:
    assert worst("(2, 7.0, 1.5, 0, -5.1), (2, 7.0, -0.5, 1, 3.0), (-1, 0.0, NULL, -1, 0.0)") == [-5.1, 3.0, 0.0]


def test_a_woman_s_other_family_name_never_counts_however_low_it_weighs() -> None:
    other_name, different_name = f"(1, {CONTRADICTION_BITS - 1}, NULL, 1, 3.0)", "(0, -6.0, NULL, 1, 3.0)"
    assert worst(f"{other_name}, {different_name}") == [0.0, -6.0]


def test_a_comparison_without_its_weight_column_is_an_error_not_a_silent_zero() -> None:
    con = duckdb.connect()
    relation = con.sql("SELECT 1 AS gamma_family, -4.0 AS mw_family")
    with pytest.raises(ValueError, match="'birth'"):
        worst_bits_sql(MODEL, relation.columns)
