import numpy as np

from tergeu.core.linkage.calibration import MINIMUM, calibration_from_decisions


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
