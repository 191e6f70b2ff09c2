"""The building blocks of the linkage's comparisons: levels with prior m probabilities, fixed or trained."""

from __future__ import annotations

import splink.comparison_level_library as cll

SIMILAR = 0.88  # Jaro-Winkler on matching keys: transliteration leftovers and late one-letter typos pass


def level(sql: str, label: str, m: float, tf_column: str | None = None) -> cll.CustomLevel:
    """A level with a prior m probability (share of true matches that fall in it), refined by training.

    With ``tf_column``, agreement on a rare value (an unusual surname) weighs more than on a common one.
    """
    created = cll.CustomLevel(sql, label).configure(m_probability=m)
    if tf_column:
        created.configure(tf_adjustment_column=tf_column, tf_adjustment_weight=1.0)
    return created


def else_level(m: float) -> cll.ElseLevel:
    return cll.ElseLevel().configure(m_probability=m)


def fixed_m(created: cll.ComparisonLevelCreator) -> cll.ComparisonLevelCreator:
    """A level whose m probability training must not change: for what the data cannot teach EM."""
    return created.configure(fix_m_probability=True)


def similar(left: str, right: str) -> str:
    """SQL: the two columns' keys are alike (Jaro-Winkler at least ``SIMILAR``)."""
    return f"jaro_winkler_similarity({left}, {right}) >= {SIMILAR}"
