"""Synthetic events: seeded, of the stated design, and recovered by LCMCR on the method's published design."""

import numpy as np
import pytest

from tergeu.core.estimation import DESIGNS, design_event, lcmcr_estimate, random_event


def test_it_draws_the_same_event_from_the_same_seed():
    first, second = design_event(7, "mv2016"), design_event(7, "mv2016")
    assert first.total == second.total
    assert np.array_equal(first.table.patterns, second.table.patterns)
    assert np.array_equal(first.table.counts, second.table.counts)
    assert np.array_equal(random_event(7).table.counts, random_event(7).table.counts)


def test_it_observes_what_the_design_says_it_should():
    shares, capture = DESIGNS["mv2016"]
    expected_seen = 1.0 - float((shares * np.prod(1.0 - capture, axis=1)).sum())
    seen = [design_event(seed, "mv2016") for seed in range(20)]
    share = sum(e.table.observed for e in seen) / sum(e.total for e in seen)
    assert abs(share - expected_seen) < 0.02
    assert all(500 <= e.total <= 5_000 and e.table.list_count == 5 for e in seen)


def test_it_refuses_an_unknown_design():
    with pytest.raises(ValueError, match="unknown design 'kosovo'"):
        design_event(1, "kosovo")


def test_it_recovers_the_total_of_a_published_design_event():
    # Manrique-Vallier (2016): 90 % of people on each list with 3-13 % probability; most are never listed.
    event = design_event(1003, "mv2016")
    assert event.table.observed < 0.5 * event.total
    estimate = lcmcr_estimate(event.table, burnin=2_000, samples=1_000, thinning=50, seed=1003)
    assert estimate.interval[0] <= event.total <= estimate.interval[1]
    assert abs(estimate.estimate - event.total) / event.total < 0.2
