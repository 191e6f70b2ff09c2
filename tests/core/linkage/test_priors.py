"""Priors per pair of lists: a record's candidates compete, except as far as the other list names people twice."""

from __future__ import annotations

import numpy as np

from tergeu.core.linkage.priors import priors_by_list_pair

LISTS = ["media", "official"]
RECORDS = np.array([1, 2, 3, 4, 5, 6])
ON = np.array([0, 0, 0, 0, 1, 1])  # records 1-4 on the media list, 5-6 on the official register


def _probabilities(pairs: list[tuple[int, int, float]], known: dict[str, float] | None = None):
    left, right, weight = (np.array(column) for column in zip(*pairs, strict=True))
    weights, estimates = priors_by_list_pair(RECORDS, ON, LISTS, left, right, weight, 1e-3, known=known)
    return dict(zip(zip(left.tolist(), right.tolist(), strict=True), (1 / (1 + 2.0 ** -weights)).tolist(),
                    strict=True)), estimates


def test_a_list_that_names_people_twice_lets_its_duplicates_share_less() -> None:
    across = [(5, 1, 12.0), (5, 2, 12.0), (6, 3, 2.0)]  # the official record 5 fits media records 1 and 2
    without, _ = _probabilities(across)
    with_twins, estimates = _probabilities(across + [(1, 2, 20.0)])  # ... which are one person named twice
    share = estimates["media: share of its records named twice in it"]
    assert 0 < share <= 1
    assert with_twins[(5, 1)] > without[(5, 1)]  # 1 and 2 compete less for 5 when media has duplicates
    # An incremental run scores no media-media pair, yet keeps the share the full run found.
    again, _ = _probabilities(across, known=estimates)
    assert np.isclose(again[(5, 1)], with_twins[(5, 1)])
