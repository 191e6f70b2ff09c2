"""Log-linear MSE with BIC/AIC model choice, checked against published and Rcapture figures (data README)."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from mse_data import MSE_DATA, mse_table
from tergeu.core.estimation import (
    EstimationError,
    fit_loglinear,
    from_histories,
    loglinear_estimate,
    profile_interval,
)
from tergeu.core.estimation.hierarchical import enumerate_models, fit_model, parse_terms

DATA = MSE_DATA


def _table(name: str):
    return mse_table(name)


def _simulated(total: int, probabilities: list[float], seed: int):
    rng = np.random.default_rng(seed)
    histories = (rng.random((total, len(probabilities))) < probabilities).astype(int)
    return from_histories(((tuple(row), 1) for row in histories if row.any()), [f"L{i}" for i in range(4)])


@pytest.mark.parametrize(("lists", "order", "count"), [(3, 2, 8), (4, 2, 64), (4, 3, 113), (5, 2, 1024)])
def test_it_enumerates_every_hierarchical_model(lists: int, order: int, count: int) -> None:
    assert len(enumerate_models(lists, order)) == count


def test_it_reproduces_the_kosovo_bic_model_and_its_profile_interval() -> None:
    estimate = loglinear_estimate(_table("kosovo_1999_4lists.csv"), max_order=3)
    assert estimate.diagnostics["model"] == "EXH*ABA*OSCE + EXH*HRW + OSCE*HRW"
    assert estimate.estimate == pytest.approx(10356.5, abs=0.5)
    assert estimate.interval == pytest.approx((8994, 12110), abs=2)
    assert estimate.diagnostics["models_fitted"] == 113
    assert estimate.diagnostics["top_models"][0]["model"] == estimate.diagnostics["model"]
    assert estimate.draws is None


def test_it_reproduces_kosovo_independence_and_all_two_way_models() -> None:
    table = _table("kosovo_1999_4lists.csv")
    independence = loglinear_estimate(table, max_order=1)
    assert independence.estimate == pytest.approx(7394.6, abs=0.1)
    assert independence.interval == pytest.approx((7148, 7656), abs=1)
    two_way = fit_loglinear(table, combinations(table.lists, 2))
    assert two_way.estimate == pytest.approx(14402.5, abs=0.1)
    assert profile_interval(two_way)[0] == pytest.approx((12523, 16668), abs=1)


def test_it_matches_silverman_chan_vincent_2024_bic_figures() -> None:
    assert loglinear_estimate(_table("kosovo_1999_4lists.csv")).estimate == pytest.approx(14342, abs=1)
    assert loglinear_estimate(_table("korea_palembang_comfort_women_3lists.csv")).estimate == pytest.approx(157, abs=1)
    greedy = loglinear_estimate(_table("uk_modern_slavery_2013_6lists.csv"))
    assert greedy.settings["search"] == "greedy"
    assert greedy.estimate == pytest.approx(12350, abs=1)
    assert any("greedy" in warning for warning in greedy.warnings)


def test_it_refuses_models_whose_estimate_does_not_exist_or_is_not_identifiable() -> None:
    table = _table("artificial_3lists_csv2021.csv")
    patterns, counts = table.full()
    with pytest.raises(EstimationError, match="does not exist"):
        fit_model(patterns, counts, parse_terms(table.lists, ["A*B"]), table.lists)
    with pytest.raises(EstimationError, match="not identifiable"):
        fit_model(patterns, counts, parse_terms(table.lists, ["A*B", "A*C", "B*C"]), table.lists)


def test_it_gives_a_message_not_a_number_on_the_artificial_table() -> None:
    table = _table("artificial_3lists_csv2021.csv")
    for estimate in (loglinear_estimate, lambda t: fit_loglinear(t, ["A*C"])):
        with pytest.raises(EstimationError, match="C share no one with any other list"):
            estimate(table)


def test_it_raises_when_no_model_is_estimable() -> None:
    disjoint = from_histories([((1, 0, 0), 10), ((0, 1, 0), 12), ((0, 0, 1), 7)], ["A", "B", "C"])
    with pytest.raises(EstimationError, match="share no one"):
        loglinear_estimate(disjoint)


def test_it_needs_three_lists() -> None:
    two = from_histories([((1, 1), 5), ((1, 0), 10), ((0, 1), 12)], ["A", "B"])
    with pytest.raises(EstimationError, match="at least 3"):
        loglinear_estimate(two)


def test_it_rejects_unknown_options() -> None:
    table = _simulated(500, [0.3, 0.3, 0.3, 0.3], seed=1)
    with pytest.raises(EstimationError, match="criterion"):
        loglinear_estimate(table, criterion="dic")
    with pytest.raises(EstimationError, match="unknown list"):
        fit_loglinear(table, ["L0*X"])


def test_it_recovers_a_known_population_from_independent_lists() -> None:
    table = _simulated(3000, [0.2, 0.25, 0.15, 0.3], seed=7)
    estimate = loglinear_estimate(table, max_order=1)
    assert estimate.interval[0] <= 3000 <= estimate.interval[1]
    chosen = loglinear_estimate(table, criterion="aic")
    assert chosen.estimate >= chosen.observed
    assert chosen.interval[0] >= chosen.observed
    weights = [row["weight"] for row in chosen.diagnostics["top_models"]]
    assert weights == sorted(weights, reverse=True) and sum(weights) <= 1 + 1e-9


def test_it_bootstraps_with_model_choice_repeated_and_is_reproducible() -> None:
    table = _table("kosovo_1999_4lists.csv")
    first = loglinear_estimate(table, max_order=3, bootstrap=25, seed=3)
    second = loglinear_estimate(table, max_order=3, bootstrap=25, seed=3)
    assert first.draws is not None and len(first.draws) == 25
    assert np.array_equal(first.draws, second.draws)
    assert first.interval[0] < first.estimate < first.interval[1]
    assert first.diagnostics["profile_interval"] == pytest.approx((8994, 12110), abs=2)
    assert "percentile" in first.diagnostics["bootstrap_interval"]
    parametric = loglinear_estimate(table, max_order=3, bootstrap=10, seed=3, bootstrap_kind="parametric")
    assert np.all(np.isfinite(parametric.draws))
