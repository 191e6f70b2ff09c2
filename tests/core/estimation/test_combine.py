"""Combining strata and imputations, and imputing missing strata within capture patterns."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from tergeu.core.estimation import (
    Estimate,
    EstimationError,
    combine_imputations,
    combine_replicates_verdata,
    combine_strata,
    impute_missing_strata,
)


def _with_draws(centre: float, spread: float, seed: int, size: int = 4000, observed: int = 100) -> Estimate:
    draws = np.random.default_rng(seed).normal(centre, spread, size)
    return Estimate(
        method="test",
        observed=observed,
        estimate=float(np.median(draws)),
        interval=(float(np.quantile(draws, 0.025)), float(np.quantile(draws, 0.975))),
        draws=draws,
    )


def _without_draws(centre: float, low: float, high: float, observed: int = 100) -> Estimate:
    return Estimate(method="test", observed=observed, estimate=centre, interval=(low, high))


def test_it_adds_strata_draw_by_draw() -> None:
    parts = [_with_draws(500, 40, 1), _with_draws(800, 60, 2)]
    total = combine_strata(parts, seed=3)
    expected = parts[0].draws + parts[1].draws
    assert np.array_equal(total.draws, expected)
    assert total.estimate == pytest.approx(np.median(expected))
    assert total.interval == pytest.approx((np.quantile(expected, 0.025), np.quantile(expected, 0.975)))
    assert total.observed == 200
    assert total.warnings == []


def test_it_resamples_strata_draws_to_a_common_length() -> None:
    parts = [_with_draws(500, 40, 1, size=1000), _with_draws(800, 60, 2, size=3000)]
    first, second = combine_strata(parts, seed=5), combine_strata(parts, seed=5)
    assert first.draws.shape == (3000,)
    assert np.array_equal(first.draws, second.draws)
    assert first.estimate == pytest.approx(1300, rel=0.02)


def test_it_makes_the_interval_of_a_sum_wider_than_each_part() -> None:
    parts = [_with_draws(500, 40, 1), _with_draws(800, 60, 2)]
    total = combine_strata(parts, seed=3)
    width = total.interval[1] - total.interval[0]
    assert all(width > p.interval[1] - p.interval[0] for p in parts)


def test_it_approximates_strata_without_draws_and_says_so() -> None:
    parts = [_without_draws(500, 420, 620), _without_draws(800, 700, 900)]
    total = combine_strata(parts)
    assert total.estimate == 1300
    assert total.interval == pytest.approx((1300 - np.hypot(80, 100), 1300 + np.hypot(120, 100)))
    assert total.draws is None
    assert any("normal approximation" in w for w in total.warnings)
    assert all(total.interval[1] - total.interval[0] > p.interval[1] - p.interval[0] for p in parts)


def test_it_finds_no_between_share_when_imputations_agree() -> None:
    same = _with_draws(1000, 50, 1)
    pooled = combine_imputations([same, same, same], seed=1)
    assert pooled.diagnostics["between_share"] == 0
    assert pooled.interval == pytest.approx(same.interval, rel=1e-3)
    rubin = combine_imputations([_without_draws(1000, 900, 1100)] * 3)
    assert rubin.diagnostics["between_share"] == 0
    assert rubin.interval == pytest.approx((1000 - 100, 1000 + 100), rel=1e-6)


def test_it_widens_the_interval_when_imputations_differ() -> None:
    imputations = [_with_draws(centre, 50, seed) for seed, centre in enumerate((900, 1000, 1100))]
    pooled = combine_imputations(imputations, seed=1)
    assert pooled.draws.shape == (12000,)
    assert 0.5 < pooled.diagnostics["between_share"] < 1
    assert all(pooled.interval[1] - pooled.interval[0] > e.interval[1] - e.interval[0] for e in imputations)
    assert [i["estimate"] for i in pooled.diagnostics["imputations"]] == [e.estimate for e in imputations]
    rubin = combine_imputations([_without_draws(c, c - 100, c + 100) for c in (900, 1000, 1100)])
    assert rubin.estimate == 1000
    assert rubin.interval[1] - rubin.interval[0] > 200
    assert 0 < rubin.diagnostics["between_share"] < 1


def test_it_refuses_nothing_to_combine() -> None:
    with pytest.raises(EstimationError):
        combine_strata([])
    with pytest.raises(EstimationError):
        combine_imputations([])


def test_it_imputes_from_people_with_the_same_capture_pattern() -> None:
    histories = [(1, 0, 0)] * 400 + [(0, 1, 1)] * 100 + [(1, 0, 0)] * 2000 + [(0, 1, 1)] * 1000
    strata = ["north"] * 300 + ["south"] * 100 + ["south"] * 100 + [None] * 3000
    completed = impute_missing_strata(histories, strata, np.random.default_rng(42))
    assert completed[:500] == strata[:500]
    first_pattern = Counter(completed[500:2500])
    assert first_pattern["north"] / 2000 == pytest.approx(0.75, abs=0.03)
    assert Counter(completed[2500:]) == {"south": 1000}
    again = impute_missing_strata(histories, strata, np.random.default_rng(42))
    assert again == completed


def test_it_falls_back_to_everyone_when_a_pattern_has_no_known_stratum() -> None:
    histories = [(1, 0)] * 10 + [(0, 1)] * 2000
    strata = ["east"] * 5 + ["west"] * 5 + [None] * 2000
    completed = impute_missing_strata(histories, strata, 0)
    assert Counter(completed[10:])["east"] / 2000 == pytest.approx(0.5, abs=0.04)
    proper = impute_missing_strata(histories, strata, 0, bayesian_bootstrap=True)
    assert set(proper[10:]) <= {"east", "west"}


def test_it_refuses_imputation_without_any_known_stratum() -> None:
    with pytest.raises(EstimationError):
        impute_missing_strata([(1, 0), (0, 1)], [None, None], 0)
    with pytest.raises(EstimationError):
        impute_missing_strata([(1, 0)], ["a", "b"], 0)


def test_it_adds_model_averaged_strata() -> None:
    from tergeu.core.estimation import bma_estimate, from_histories

    cells = {(1, 1, 1): 12, (1, 1, 0): 142, (1, 0, 1): 112, (1, 0, 0): 247, (0, 1, 1): 4, (0, 1, 0): 49, (0, 0, 1): 60}
    half = from_histories(((k, v // 2 + 1) for k, v in cells.items()), ["A", "B", "C"])
    parts = [bma_estimate(half, seed=s, draws=1000) for s in (1, 2)]
    total = combine_strata(parts, seed=0)
    assert total.observed == 2 * half.observed
    assert total.estimate == pytest.approx(2 * parts[0].estimate, rel=0.05)
    assert total.interval[1] - total.interval[0] > parts[0].interval[1] - parts[0].interval[0]


def _verdata_replicates() -> list[Estimate]:
    """HRDAG's published LCMCR posteriors of one Colombian stratum (recruitment, men, 1999) in each of 20
    imputed replicates: 1,000 draws each, with the replicate's observed count in the column name."""
    from mse_data import MSE_DATA

    path = MSE_DATA / "verdata_reclutamiento_1999_hombre_published_N.csv"
    header = path.read_text().splitlines()[0].split(",")
    draws = np.loadtxt(path, delimiter=",", skiprows=1)
    return [
        Estimate(method="lcmcr", observed=int(name.split("_")[1]), estimate=float(np.median(column)),
                 interval=(float(np.quantile(column, 0.025)), float(np.quantile(column, 0.975))),
                 draws=column, mean=float(column.mean()))
        for name, column in zip(header, draws.T, strict=True)
    ]


def test_it_reproduces_verdatas_combination_of_colombian_replicates() -> None:
    replicates = _verdata_replicates()
    assert replicates[0].mean == pytest.approx(2_066, abs=0.5)  # the hard 20-list stratum, replicate R1
    combined = combine_replicates_verdata(replicates)
    # verdata's own test (tests/testthat/test-combine_estimates.R): N_025 1,266, N_mean 1,593, N_975 2,148
    assert (combined.interval, combined.estimate, combined.mean) == ((1_266, 2_148), 1_593, 1_593)
    assert combined.observed == 991 and combined.warnings == []
    assert "fewer than 10" in combine_replicates_verdata(replicates[:3]).warnings[0]
    with pytest.raises(EstimationError, match="at least two replicates"):
        combine_replicates_verdata(replicates[:1])


def test_it_reports_the_mean_beside_the_median_when_pooling() -> None:
    parts = [_with_draws(500, 40, 1), _with_draws(800, 60, 2)]
    assert combine_strata(parts, seed=3).mean == pytest.approx(np.mean(parts[0].draws + parts[1].draws))
    pooled = combine_imputations(parts, seed=3)
    assert pooled.mean == pytest.approx(np.mean(np.concatenate([p.draws for p in parts])))
    assert combine_strata([_without_draws(500, 450, 560), _without_draws(800, 700, 900)]).mean is None
