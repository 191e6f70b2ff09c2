"""Chan-Silverman-Vincent (2021) stepwise MSE, checked against the published figures (data README)."""

from __future__ import annotations

import numpy as np
import pytest

from mse_data import MSE_DATA, mse_table
from tergeu.core.estimation import EstimationError, from_histories, stepwise_estimate, stepwise_select
from tergeu.core.estimation.hierarchical import describe

DATA = MSE_DATA


def _table(name: str):
    return mse_table(name)


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("uk_modern_slavery_2013_5lists.csv", 11313),
        ("uk_modern_slavery_2013_6lists.csv", 11418),
        ("western_us_sex_trafficking_5lists.csv", 2483),
        ("new_orleans_trafficking_8lists.csv", 1110.5),
        ("new_orleans_trafficking_5lists.csv", 981.4),
        ("kosovo_1999_4lists.csv", 14341.7),
    ],
)
def test_it_reproduces_published_stepwise_estimates(name: str, published: float) -> None:
    estimate = stepwise_estimate(_table(name))
    assert estimate.estimate == pytest.approx(published, abs=0.5)
    assert estimate.interval[0] >= estimate.observed
    assert estimate.interval[0] < estimate.estimate < estimate.interval[1]


def test_it_chooses_the_published_western_us_model() -> None:
    estimate = stepwise_estimate(_table("western_us_sex_trafficking_5lists.csv"))
    assert estimate.diagnostics["terms"] == ["A*E"]
    assert estimate.diagnostics["steps"][0]["p_value"] < 0.02


def test_it_never_adds_an_interaction_whose_estimate_is_unusable() -> None:
    table = _table("artificial_3lists_csv2021.csv")
    with pytest.raises(EstimationError, match="C share no one with any other list"):
        stepwise_estimate(table)
    patterns, counts = table.full()
    # Even when every p-value qualifies, A*B (no finite estimate) and the full model (not identifiable) stay out.
    chosen, _steps = stepwise_select(patterns, counts, table.lists, 1.0)
    assert "A*B" not in describe(chosen.model, table.lists)
    assert np.isfinite(chosen.unobserved) and chosen.unobserved >= 0


def test_it_raises_when_even_independence_has_no_estimate() -> None:
    disjoint = from_histories([((1, 0, 0), 10), ((0, 1, 0), 12), ((0, 0, 1), 7)], ["A", "B", "C"])
    with pytest.raises(EstimationError, match="share no one"):
        stepwise_estimate(disjoint)


def test_it_needs_three_lists() -> None:
    two = from_histories([((1, 1), 5), ((1, 0), 10), ((0, 1), 12)], ["A", "B"])
    with pytest.raises(EstimationError, match="at least 3"):
        stepwise_estimate(two)


def test_it_recovers_a_known_population_from_independent_lists() -> None:
    rng = np.random.default_rng(11)
    histories = (rng.random((2000, 4)) < [0.2, 0.3, 0.25, 0.15]).astype(int)
    table = from_histories(((tuple(row), 1) for row in histories if row.any()), ["A", "B", "C", "D"])
    estimate = stepwise_estimate(table)
    assert estimate.interval[0] <= 2000 <= estimate.interval[1]
    assert stepwise_estimate(table, p_threshold=0.0).diagnostics["terms"] == []


def test_it_gives_a_reproducible_bca_interval_that_repeats_selection() -> None:
    table = _table("western_us_sex_trafficking_5lists.csv")
    first = stepwise_estimate(table, bootstrap=60, seed=5)
    second = stepwise_estimate(table, bootstrap=60, seed=5)
    assert np.array_equal(first.draws, second.draws)
    assert first.interval == second.interval
    assert first.interval[0] < first.estimate < first.interval[1]
    assert "bca" in first.diagnostics["bootstrap_interval"]
    percentile = stepwise_estimate(table, bootstrap=60, seed=5, bootstrap_interval="percentile")
    assert percentile.interval != first.interval
