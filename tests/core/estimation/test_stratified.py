import numpy as np
import pytest

from tergeu.core.estimation import Estimate, EstimationError
from tergeu.core.estimation.loglinear import loglinear_estimate
from tergeu.core.estimation.stratified import OTHER, Unit, estimate_toll

LISTS = ("A", "B", "C")


def population(size: int, capture: tuple[float, ...], stratum: str | None, rng: np.random.Generator) -> list[Unit]:
    seen = rng.random((size, len(capture))) < np.array(capture)
    return [Unit(tuple(int(bit) for bit in row), stratum) for row in seen if row.any()]


def independence(table):
    return loglinear_estimate(table, max_order=1)


def test_it_adds_strata_up_to_a_total_whose_interval_covers_the_truth() -> None:
    covered = 0
    for seed in range(8):  # a 95% interval may miss now and then; it must not miss often
        rng = np.random.default_rng(seed)
        units = population(2000, (0.5, 0.4, 0.3), "north", rng) + population(1000, (0.2, 0.3, 0.25), "south", rng)
        result = estimate_toll([units], LISTS, independence, stratified=True)
        assert set(result.strata) == {"north", "south"} and result.total.observed == len(units)
        assert result.total.estimate == pytest.approx(sum(e.estimate for e in result.strata.values()), rel=0.02)
        covered += result.total.interval[0] <= 3000 <= result.total.interval[1]
    assert covered >= 6


def test_it_imputes_missing_strata_and_widens_the_interval_for_it() -> None:
    rng = np.random.default_rng(5)
    units = population(2000, (0.5, 0.4, 0.3), "north", rng) + population(1000, (0.2, 0.3, 0.25), "south", rng)
    known = estimate_toll([units], LISTS, independence, stratified=True).total
    for unit in units[::4]:
        unit.stratum = None
    imputed = estimate_toll([units], LISTS, independence, stratified=True, imputations=8, seed=2).total
    assert imputed.settings["imputations"] == 8
    assert imputed.interval[1] - imputed.interval[0] >= 0.9 * (known.interval[1] - known.interval[0])
    assert imputed.interval[0] <= 3000 <= imputed.interval[1]


def test_it_pools_strata_too_small_to_estimate_alone_and_else_does_not_stratify() -> None:
    rng = np.random.default_rng(6)
    big = population(2000, (0.5, 0.4, 0.3), "big", rng)
    small = population(150, (0.5, 0.4, 0.3), "small", rng) + population(150, (0.5, 0.4, 0.3), "smaller", rng)
    for unit in small:
        unit.history = (unit.history[0], unit.history[1], 0)  # list C names no one there: dropped, 2 lists left
    pooled = estimate_toll([big + small], LISTS, independence, stratified=True)
    assert set(pooled.problems) == {"small", "smaller", OTHER} and OTHER not in pooled.strata
    assert any("not stratified" in warning for warning in pooled.total.warnings)
    west = [Unit((1, 1, 0), "west"), Unit((1, 0, 0), "west")]  # list C names no one: two lists left
    south = [Unit((0, 0, 1), "south"), Unit((1, 0, 1), "south"), Unit((0, 1, 1), "south")]  # C names everyone
    mixed = big + west + south
    result = estimate_toll([mixed], LISTS, independence, stratified=True)
    assert set(result.problems) == {"west", "south"} and set(result.strata) == {"big", OTHER}
    assert result.total.estimate >= len(mixed)


def test_it_reports_how_much_of_the_uncertainty_the_linkage_adds() -> None:
    rng = np.random.default_rng(7)
    best = population(3000, (0.5, 0.4, 0.3), None, rng)
    split = best + [Unit((1, 0, 0)) for _ in range(150)]  # a draw where 150 people were split in two
    steady = estimate_toll([best, best, best], LISTS, independence)
    moving = estimate_toll([best, split, best, split], LISTS, independence)
    assert steady.total.diagnostics["linkage_share"] == pytest.approx(0.0, abs=1e-9)
    assert moving.total.diagnostics["linkage_share"] > 0.1
    assert moving.total.interval[1] - moving.total.interval[0] > steady.total.interval[1] - steady.total.interval[0]


def test_it_refuses_when_nobody_is_linked() -> None:
    with pytest.raises(EstimationError, match="run the linkage first"):
        estimate_toll([[]], LISTS, independence)


def test_it_keeps_a_stratum_whose_list_shares_no_one_when_the_method_allows_it() -> None:
    from tergeu.core.estimation import lcmcr_estimate

    rng = np.random.default_rng(8)
    four = ("A", "B", "C", "D")
    north = population(1500, (0.5, 0.4, 0.3, 0.2), "north", rng)
    south = [Unit((*u.history, 0), "south") for u in population(1500, (0.4, 0.5, 0.3), None, rng)]
    south += [Unit((0, 0, 0, 1), "south") for _ in range(3)]  # in the south, D names three people no one else does

    def light(table):
        return lcmcr_estimate(table, burnin=300, samples=100, thinning=5, seed=1)

    strict = estimate_toll([north + south], four, independence, stratified=True)
    assert "share no one" in strict.problems["south"]
    allowed = estimate_toll([north + south], four, light, stratified=True, allow_isolated=True)
    assert set(allowed.strata) == {"north", "south"} and not allowed.problems
    assert any("D (3 named) share no one" in warning for warning in allowed.total.warnings)
    with pytest.raises(EstimationError, match="D share no one"):
        estimate_toll([south], four, light)  # unstratified, the table is refused before any method runs


def test_no_total_is_estimated_below_the_people_every_draw_names() -> None:
    """Pooled linkage draws must not give fewer deaths than the fewest people any of them names; but
    the best guess's count is no floor when every draw joins people it split (a calibrated draw).

    Lists that name nearly everyone leave almost no one unobserved, so a draw with 40 people merged
    into others estimates about 40 fewer (seen in the demo: a pooled stratum with 57 observed
    estimated at 54 [53, 80]).
    """
    rng = np.random.default_rng(3)
    best = population(400, (0.9, 0.85, 0.9), None, rng)
    merged = best[40:]
    result = estimate_toll([best, merged, merged, merged], LISTS, independence)
    total = result.total
    assert total.observed == len(best)  # what the stored linkage names, as shown
    assert len(merged) <= total.interval[0] <= total.estimate < len(best)  # not raised back to the phantoms
    mixed = estimate_toll([best, best, merged, merged], LISTS, independence).total
    assert mixed.interval[0] >= len(merged) and "raised_to_observed" not in mixed.diagnostics


def with_draws(table):
    """An estimator with posterior draws a little above each table's observed count (lists naming nearly all)."""
    draws = table.observed + np.random.default_rng(table.observed).poisson(2, 400).astype(float)
    return Estimate("draws", table.observed, float(np.median(draws)),
                    (float(np.quantile(draws, 0.025)), float(np.quantile(draws, 0.975))), draws=draws)


def test_a_stratum_pooled_over_draws_is_raised_to_its_observed_count_and_says_so() -> None:
    rng = np.random.default_rng(4)
    north = population(300, (0.9, 0.85, 0.9), "north", rng)
    south = population(300, (0.9, 0.85, 0.9), "south", rng)
    fewer_north = north[60:]  # draws where 60 people of the north were merged into others
    # the best guess first (it is not pooled), then the draws: one as the best guess, two merging
    result = estimate_toll([north + south, north + south, fewer_north + south, fewer_north + south], LISTS,
                           with_draws, stratified=True)
    stratum = result.strata["north"]
    assert stratum.diagnostics["raised_to_observed"]["estimate"] < stratum.observed
    assert stratum.estimate >= stratum.observed and stratum.interval[0] >= stratum.observed
    assert any("stratum north" in warning and "raised" in warning for warning in result.total.warnings)
    untouched = result.strata["south"]
    assert "raised_to_observed" not in untouched.diagnostics and untouched.estimate >= untouched.observed
