import numpy as np

from tergeu.core.linkage.calibration import (
    LIMIT,
    MINIMUM,
    calibration_from_decisions,
    calibration_from_sample,
    leaning_calibration,
    why_uncalibrated,
)


def _decisions(shift: float, count: int, seed: int) -> list[tuple[float, bool]]:
    """Pairs scored across the band whose truth follows the model's log-odds moved by ``shift``."""
    rng = np.random.default_rng(seed)
    probability = rng.uniform(0.2, 0.8, count)
    truth = rng.random(count) < 1 / (1 + np.exp(-(np.log(probability / (1 - probability)) + shift)))
    return list(zip(probability.tolist(), truth.tolist(), strict=True))


def test_it_recovers_the_shift_the_decisions_follow() -> None:
    for shift in (-1.0, 0.0, 0.9):
        found = calibration_from_decisions(_decisions(shift, 400, seed=int(10 * shift) + 20))
        assert found is not None and found.decisions == 400
        assert abs(found.shift - shift) < 3 * found.standard_error
        assert 0.05 < found.standard_error < 0.2


def test_more_decisions_give_a_smaller_error() -> None:
    few, many = (calibration_from_decisions(_decisions(0.5, n, seed=4)) for n in (40, 1000))
    assert few is not None and many is not None and many.standard_error < few.standard_error / 3


def test_it_says_nothing_from_too_few_or_one_sided_or_certain_decisions() -> None:
    assert calibration_from_decisions(_decisions(0.5, MINIMUM - 1, seed=1)) is None
    assert calibration_from_decisions([(0.5, True)] * 50) is None
    # pairs the model was already sure of are not read: these 60 are all out of the band
    assert calibration_from_decisions([(0.001, False)] * 30 + [(0.999, True)] * 30) is None


def test_a_fit_that_runs_off_gives_no_shift() -> None:
    """Forty "same" and one "different" among pairs scored 0.3: the likelihood rises past any sane shift."""
    assert calibration_from_decisions([(0.3, True)] * 40 + [(0.3, False)]) is None


def test_only_the_decided_start_of_the_sample_is_read() -> None:
    """Decisions past the first undecided pair are not read: reviewers skipping about would choose them.
    A pair that came into the sample after the reviewing (a list added since) was skipped by no one."""
    ranked = [(p, "same" if same else "different", True) for p, same in _decisions(0.5, 60, seed=8)]
    ranked[40] = (ranked[40][0], None, True)  # offered, not decided yet
    ranked[3] = (ranked[3][0], "unsure", True)
    ranked += [(0.3, "same", True)] * 30  # decided, but after the gap
    found = calibration_from_sample(ranked)
    assert found is not None and (found.decisions, found.unsure, found.sample) == (39, 1, 90)
    start = calibration_from_sample(ranked[:40])
    assert start is not None and found.shift == start.shift and found.standard_error == start.standard_error
    assert calibration_from_sample([(0.5, None, True), *ranked]) is None
    arrived = [ranked[0], (0.5, None, False), *ranked[1:40]]  # came in after the last decision
    later = calibration_from_sample(arrived)
    assert later is not None and later.decisions == 39 and later.shift == start.shift


def test_it_says_why_there_is_no_shift() -> None:
    assert "no calibration sample" in why_uncalibrated([])
    few = [(0.5, "same", True)] * 5 + [(0.5, None, True)] + [(0.5, "different", True)] * 30
    assert why_uncalibrated(few).startswith("5 of the calibration sample's pairs are decided in its order")
    assert "far too cautious" in why_uncalibrated([(0.4, "same", True)] * 25)
    assert "far too ready to link" in why_uncalibrated([(0.6, "different", True)] * 25)
    assert "more than 4 in log-odds" in why_uncalibrated([(0.3, "same", True)] * 40 + [(0.3, "different", True)])


def test_decisions_that_give_no_fit_still_say_which_way_the_draws_lean() -> None:
    """Twenty "different" in a row give no fit, but the draws must not then lean to linking by the
    unreviewed default: they lean as far as a calibration may, the reviewers' way. Fewer than
    ``MINIMUM`` decisions say nothing either way."""
    all_different = [(0.6, "different", True)] * MINIMUM
    assert calibration_from_sample(all_different) is None
    leaning = leaning_calibration(all_different)
    assert leaning is not None and leaning.shift == -LIMIT and leaning.decisions == MINIMUM
    all_same = [(0.3, "same", True)] * 40 + [(0.3, "different", True)]
    assert calibration_from_sample(all_same) is None and leaning_calibration(all_same).shift == LIMIT
    assert leaning_calibration([(0.6, "different", True)] * (MINIMUM - 1)) is None


def test_a_fit_near_the_limit_is_found_where_newton_s_first_steps_would_overshoot() -> None:
    """Pairs scored low (0.02-0.5) whose truth follows a shift of 3.3: the best fit lies inside ±4, and
    is found, although Newton's method from 0 stepped past 4 on such samples and gave up."""
    rng = np.random.default_rng(11)
    probability = rng.uniform(0.02, 0.5, 300)
    truth = rng.random(300) < 1 / (1 + np.exp(-(np.log(probability / (1 - probability)) + 3.3)))
    found = calibration_from_decisions(list(zip(probability.tolist(), truth.tolist(), strict=True)))
    assert found is not None and abs(found.shift - 3.3) < 3 * found.standard_error and found.shift < LIMIT
