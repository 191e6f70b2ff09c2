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
because a few dozen decisions cannot say more, and because the errors measured were shifts: the
order of the pairs was right, their level was not. Decisions on pairs the model was already sure
of (below ``FLOOR`` or above ``1 - FLOOR``) say nothing about the band that matters and are ignored;
so are fewer than ``MINIMUM`` decisions, or decisions that are all alike (the fit would run off to
infinity).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

FLOOR = 0.02  # decisions on pairs the model scored below this (or above 1 - this) are not read
MINIMUM = 20  # fewer decided pairs than this, and no shift is estimated
LIMIT = 4.0  # no estimated shift beyond this many log-odds, either way: past it the model is useless


@dataclass(frozen=True)
class Calibration:
    """The shift of every pair's log-odds that reviewers' decisions support, with its standard error."""

    shift: float
    standard_error: float
    decisions: int


def calibration_from_decisions(decided: Iterable[tuple[float, bool]]) -> Calibration | None:
    """The shift fitted to ``decided`` (the model's probability of a pair, whether a reviewer said "same").

    None when the decisions cannot support one: too few, or all one way.
    """
    usable = [(p, same) for p, same in decided if FLOOR <= p <= 1.0 - FLOOR]
    if len(usable) < MINIMUM:
        return None
    probability = np.array([p for p, _ in usable], dtype=float)
    same = np.array([1.0 if s else 0.0 for _, s in usable])
    if same.min() == same.max():
        return None
    log_odds = np.log(probability / (1.0 - probability))
    shift, information = 0.0, 1.0
    for _ in range(100):  # Newton's method on a concave one-parameter likelihood: a few steps suffice
        fitted = 1.0 / (1.0 + np.exp(-(log_odds + shift)))
        information = float(np.sum(fitted * (1.0 - fitted)))
        step = float(np.sum(same - fitted)) / max(information, 1e-9)
        shift = float(np.clip(shift + step, -LIMIT, LIMIT))
        if abs(step) < 1e-8:
            break
    return Calibration(shift, float(1.0 / np.sqrt(max(information, 1e-9))), len(usable))
