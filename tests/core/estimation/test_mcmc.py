"""MCMC checks: bulk ESS and rank-normalised R-hat across chains, and chains grouped into modes.

The chains here are synthetic, drawn to be bimodal the way LCMCR's are on a hard table (a narrow mode
near 1,410 and a wide one near 2,200), so what each check says of them is known.
"""

from __future__ import annotations

import numpy as np
import pytest

from tergeu.core.estimation import bulk_ess, find_modes, rank_rhat, split_rhat
from tergeu.core.estimation.mcmc import chain_summary, finite


def bimodal_chains(stuck: int, free: int, seed: int = 0, length: int = 500) -> list[np.ndarray]:
    """`stuck` chains in the narrow low mode, `free` chains in the wide high one (log-normal, right tail)."""
    rng = np.random.default_rng(seed)
    low = [rng.normal(1_410, 48, length).round() for _ in range(stuck)]
    high = [np.exp(rng.normal(np.log(2_150), 0.2, length)).round() for _ in range(free)]
    return low + high


def test_it_counts_independent_draws_of_agreeing_chains_in_full():
    chains = [np.random.default_rng(i).normal(size=1_000) for i in range(4)]
    assert 3_400 <= bulk_ess(chains) <= 4_600
    assert rank_rhat(chains) == pytest.approx(1.0, abs=0.01)


def test_it_counts_chains_in_two_modes_as_a_handful_of_draws():
    chains = bimodal_chains(stuck=2, free=2)
    assert bulk_ess(chains) < 20  # 2,000 draws, but the chains' means disagree
    assert rank_rhat(chains) > 1.5 and split_rhat(chains) > 1.5


def test_it_catches_chains_that_differ_in_spread_only():
    rng = np.random.default_rng(3)
    chains = [rng.normal(0, 1, 2_000), rng.normal(0, 1, 2_000), rng.normal(0, 4, 2_000), rng.normal(0, 4, 2_000)]
    assert split_rhat(chains) < 1.01  # same means: the classic R-hat sees nothing
    assert rank_rhat(chains) > 1.05  # the folded draws do


def test_it_groups_chains_into_the_modes_they_settled_in():
    modes = find_modes(bimodal_chains(stuck=1, free=3))
    assert [mode["chains"] for mode in modes] == [[0], [1, 2, 3]]
    low, high = modes
    assert low["median"] == pytest.approx(1_410, abs=15) and high["median"] == pytest.approx(2_150, abs=60)
    assert high["interval"][1] > 2_900 and low["interval"][1] < 1_520


def test_it_finds_one_mode_when_chains_agree_even_if_short():
    rng = np.random.default_rng(4)
    chains = [np.exp(rng.normal(np.log(10_400), 0.1, 60)) for _ in range(4)]
    assert len(find_modes(chains)) == 1


def test_it_reports_no_number_rather_than_nan_for_a_constant_chain():
    # results are stored as JSON, which has no NaN (PostgreSQL refuses it)
    assert chain_summary(np.full(100, 503.0))["ess"] is None
    assert finite(float("nan")) is None and finite(12.345) == 12.3
