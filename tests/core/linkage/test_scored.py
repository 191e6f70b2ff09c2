"""Scored pairs kept as NumPy columns read back as the pairs they are, the contradiction mark included."""

from __future__ import annotations

import numpy as np
import pytest

from tergeu.core.linkage.scored import Scored, ScoredPairs


def test_columns_read_back_as_pairs_with_their_marks() -> None:
    pairs = ScoredPairs(np.array([1, 3]), np.array([2, 4]), np.array([0.9, 0.3]), np.array([3.2, -1.2]),
                        np.array([False, True]))
    assert list(pairs) == [Scored(1, 2, 0.9, 3.2), Scored(3, 4, 0.3, -1.2, contradicted=True)]
    assert pairs[1].contradicted and not pairs[0].contradicted
    assert pairs[1:].contradicted.tolist() == [True]


def test_without_marks_no_pair_is_contradicted() -> None:
    pairs = ScoredPairs(np.array([1]), np.array([2]), np.array([0.4]), np.array([-0.5]))
    assert pairs[0] == Scored(1, 2, 0.4, -0.5)


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="one length"):
        ScoredPairs(np.array([1]), np.array([2]), np.array([0.4]), np.array([-0.5]), np.array([True, False]))
