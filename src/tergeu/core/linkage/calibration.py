"""How far the model's pair probabilities are off on these lists, read from reviewers' decisions.

Why. A linkage model trained on lists by EM gives each pair a probability that two records name one
person, but on lists it was not made for those probabilities lean one way: measured on six
independently written generators, pairs the model scored between 0.2 and 0.8 were the same person
more often than it said, on every one of them (by 0.2 to 1.5 in log-odds). An estimate of the toll
that draws linkages from such probabilities keeps people split that are one, and the interval misses
the truth from above. Only someone who knows the answer can say how far off the probabilities are on
*these* lists: a reviewer. Each decided pair ("same person" or "not the same") is a labelled
example, and the queue shows reviewers exactly the pairs near 0.5, where the shift matters.

What. One number, the shift ``a`` that turns the model's log-odds ``l`` into calibrated ones,
``P(same) = 1 / (1 + exp(-(l + a)))``, fitted by maximum likelihood (a logistic regression with the
model's log-odds as offset and only an intercept), and its standard error. One parameter, not two,
because a hundred decisions cannot say more. It is read on the uncertain band only (the sample's
pairs), and the band is where it is applied in full (``uncertainty``): measured by band, the shift
below and above it was often smaller and once of the other sign. Decisions on pairs the model was
already sure of (below ``FLOOR`` or above ``1 - FLOOR``) are ignored; fewer than ``MINIMUM``
decisions give no shift at all; decisions all alike, or a fit that runs to ``LIMIT``, give no fit, and
the draws then lean ``LIMIT`` the way the decisions do (``leaning_calibration``), with a warning.

Which decisions. Only the decided start of the sample, in its order (``calibration_from_sample``):
reviewers who skip about the sample (or decided some of its pairs from the impact-ordered queue)
would otherwise choose which pairs count. "Unsure" keeps the start going but is not read (a missing
answer: if unsure pairs differ from the others, the shift leans; the result says how many there were).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

FLOOR = 0.02  # decisions on pairs the model scored below this (or above 1 - this) are not read
MINIMUM = 20  # fewer decided pairs than this, and no shift is estimated
LIMIT = 4.0  # a fit that runs beyond this many log-odds, either way, gives no shift: the decisions set no level


@dataclass(frozen=True)
class Calibration:
    """The shift of every pair's log-odds that reviewers' decisions support, with its standard error."""

    shift: float
    standard_error: float
    decisions: int
    unsure: int = 0  # sample pairs in the decided start that reviewers were unsure of (not read)
    sample: int = 0  # pairs in the sample


def calibration_from_sample(ranked: Sequence[tuple[float, str | None, bool]]) -> Calibration | None:
    """The shift read on the decided start of a calibration sample.

    ``ranked`` holds, in the sample's order, each pair's probability, its decision ("same",
    "different", "unsure", or None while undecided) and whether reviewers were offered it (it was in
    the sample before the last decision on the sample). The start ends at the first undecided pair
    that was offered: one that came in later (a list added since) was not skipped by anyone.
    """
    read, unsure = _decided_start(ranked)
    found = calibration_from_decisions(read)
    if found is None:
        return None
    return Calibration(found.shift, found.standard_error, found.decisions, unsure, len(ranked))


def leaning_calibration(ranked: Sequence[tuple[float, str | None, bool]]) -> Calibration | None:
    """Where enough decisions were read but gave no fit (all alike, or a fit past ``LIMIT``): a shift of
    ``LIMIT`` the way they lean, more "same" than the model expected or fewer.

    Why: with no calibration the draws centre on a default measured on generated lists (``uncertainty``),
    which leans to linking; twenty reviewers' "different" must not be overruled by it. None when fewer
    than ``MINIMUM`` decisions were read: then the reviewers have not said enough either way.
    """
    read, unsure = _decided_start(ranked)
    usable = _usable(read)
    if len(usable) < MINIMUM:
        return None
    expected = sum(p for p, _same in usable)
    found = sum(1 for _p, same in usable if same)
    return Calibration(LIMIT if found > expected else -LIMIT, 0.0, len(usable), unsure, len(ranked))


def why_uncalibrated(ranked: Sequence[tuple[float, str | None, bool]]) -> str:
    """Why ``calibration_from_sample`` gives no shift for ``ranked``: what the reader should do about it."""
    read, _unsure = _decided_start(ranked)
    usable = [same for _probability, same in _usable(read)]
    if not ranked:
        return "the linkage run has no calibration sample (no pair in the uncertain band)"
    if len(usable) < MINIMUM:
        return (f"{len(usable)} of the calibration sample's pairs are decided in its order; "
                f"{MINIMUM} are needed")
    if all(usable) or not any(usable):
        lean = "as trained, far too cautious (its toll would be too high)" if all(usable) else \
            "as trained, far too ready to link (its toll would be too low)"
        return f"every decided pair of the calibration sample says the same, so the model is {lean}; review the linkage"
    return f"the decisions put the model off by more than {LIMIT:g} in log-odds; review the linkage"


def read_calibration(ranked: Sequence[tuple[float, str | None, bool]]) -> tuple[Calibration | None, str]:
    """What ``tergeu estimate`` centres the draws on, from ``ranked`` (as ``calibration_from_sample``):
    the fitted shift; else, where enough decisions gave no fit, the leaning one; else None (the
    unreviewed default). With why there is no fit ("" when there is one)."""
    found = calibration_from_sample(ranked)
    if found is not None:
        return found, ""
    return leaning_calibration(ranked), why_uncalibrated(ranked)


def decisions_read(ranked: Sequence[tuple[float, str | None, bool]]) -> int:
    """How many decisions (unsure ones too) the sample's decided start holds: what ``read_calibration``
    reads of ``ranked``, which a reviewer sees as progress."""
    read, unsure = _decided_start(ranked)
    return len(read) + unsure


def _usable(decided: Iterable[tuple[float, bool]]) -> list[tuple[float, bool]]:
    """The decisions a shift is read from: on pairs the model was not already sure of (``FLOOR``)."""
    return [(probability, same) for probability, same in decided if FLOOR <= probability <= 1.0 - FLOOR]


def _decided_start(ranked: Sequence[tuple[float, str | None, bool]]) -> tuple[list[tuple[float, bool]], int]:
    """The decisions read from the sample's decided start (probability, "same"?), and how many were unsure."""
    read, unsure = [], 0
    for probability, decision, offered in ranked:
        if decision is None:
            if offered:
                break
            continue
        if decision == "unsure":
            unsure += 1
        else:
            read.append((probability, decision == "same"))
    return read, unsure


def calibration_from_decisions(decided: Iterable[tuple[float, bool]]) -> Calibration | None:
    """The shift fitted to ``decided`` (the model's probability of a pair, whether a reviewer said "same").

    None when the decisions cannot support one: too few, or all one way.
    """
    usable = _usable(decided)
    if len(usable) < MINIMUM:
        return None
    probability = np.array([p for p, _ in usable], dtype=float)
    same = np.array([1.0 if s else 0.0 for _, s in usable])
    if same.min() == same.max():
        return None
    log_odds = np.log(probability / (1.0 - probability))

    def score(shift: float) -> float:  # the likelihood's slope; it falls as the shift rises (concave)
        return float(np.sum(same - _fitted(log_odds, shift)))

    if score(-LIMIT) < 0 or score(LIMIT) > 0:
        return None  # the decisions are (nearly) all one way for pairs the model doubted: no level inside ±LIMIT
    # Root of the slope by Brent's method: Newton's steps could leave ±LIMIT on their way to a fit inside it.
    shift = float(brentq(score, -LIMIT, LIMIT, xtol=1e-10))
    return Calibration(shift, float(1.0 / np.sqrt(max(_information(log_odds, shift), 1e-9))), len(usable))


def _fitted(log_odds: np.ndarray, shift: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(log_odds + shift)))


def _information(log_odds: np.ndarray, shift: float) -> float:
    fitted = _fitted(log_odds, shift)
    return float(np.sum(fitted * (1.0 - fitted)))
