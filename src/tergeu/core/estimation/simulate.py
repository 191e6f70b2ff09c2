"""Synthetic events with a known death toll, to check that estimators recover it.

An estimator can only be trusted on data like the real thing, so the generator builds in what makes real
lists hard: heterogeneous capture (latent groups of people, e.g. urban and rural victims, that every list
finds with different ease) and dependence between lists beyond that (one list partly drawing on another,
as when a human rights group copies cases from a press list). Pure and seeded: the same seed gives the
same event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .table import CaptureTable, from_histories


@dataclass(frozen=True)
class SyntheticEvent:
    """A capture table and the true total it was drawn from (the unobserved included)."""

    table: CaptureTable
    total: int
    settings: dict[str, object] = field(default_factory=dict)


def simulate_event(
    total: int,
    group_shares: np.ndarray,
    capture: np.ndarray,
    seed: int,
    referral: tuple[int, int, float] | None = None,
) -> SyntheticEvent:
    """Draw capture histories for `total` people.

    `group_shares` (G,) sums to 1; `capture` (G, J) gives each group's probability of being on each list.
    `referral` = (source, target, p) adds dependence: someone on list `source` is also put on `target` with
    probability p if that list missed them.
    """
    rng = np.random.default_rng(seed)
    shares = np.asarray(group_shares, dtype=float)
    probs = np.asarray(capture, dtype=float)
    groups = rng.choice(len(shares), size=total, p=shares / shares.sum())
    histories = rng.random((total, probs.shape[1])) < probs[groups]
    if referral is not None:
        source, target, p = referral
        histories[:, target] |= histories[:, source] & (rng.random(total) < p)
    codes, counts = np.unique(histories.astype(np.int8), axis=0, return_counts=True)
    table = from_histories(
        ((tuple(int(bit) for bit in row), int(count)) for row, count in zip(codes, counts, strict=True)),
        lists=[f"L{j + 1}" for j in range(probs.shape[1])],
    )
    settings = {"group_shares": shares.tolist(), "capture": probs.tolist(), "referral": referral}
    return SyntheticEvent(table=table, total=total, settings=settings)


# Manrique-Vallier (2016, Biometrics 72:1246, section 5): five lists, a 90 % majority each list rarely names
# (3-13 %) and a 10 % minority most lists name. The design the method was published with, so the one its
# frequentist coverage is first judged on.
MANRIQUE_VALLIER_2016 = (
    np.array([0.9, 0.1]),
    np.array([[0.033, 0.033, 0.099, 0.132, 0.033], [0.66, 0.825, 0.759, 0.99, 0.693]]),
)
# The same two groups with an intermediate group between them (70 / 20 / 10 %): a large group that is
# almost invisible next to two better-documented ones, the case where latent-class models fail.
MANRIQUE_VALLIER_2016_MIDDLE_GROUP = (
    np.array([0.7, 0.2, 0.1]),
    np.array(
        [
            [0.033, 0.033, 0.099, 0.132, 0.033],
            [0.275, 0.25, 0.2, 0.3, 0.325],
            [0.66, 0.825, 0.759, 0.99, 0.693],
        ]
    ),
)
DESIGNS = {"mv2016": MANRIQUE_VALLIER_2016, "mv2016_middle_group": MANRIQUE_VALLIER_2016_MIDDLE_GROUP}


def design_event(seed: int, design: str, total_range: tuple[int, int] = (500, 5_000)) -> SyntheticEvent:
    """One event of a fixed published design (`DESIGNS`), its size drawn from `total_range`."""
    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}; known: {', '.join(sorted(DESIGNS))}")
    rng = np.random.default_rng(seed)
    total = int(rng.integers(total_range[0], total_range[1] + 1))
    shares, capture = DESIGNS[design]
    event = simulate_event(total, shares, capture, seed=int(rng.integers(2**62)))
    return SyntheticEvent(table=event.table, total=total, settings={**event.settings, "design": design})


def random_event(
    seed: int,
    total_range: tuple[int, int] = (500, 5_000),
    lists_range: tuple[int, int] = (3, 5),
    hardest: float = 0.35,
) -> SyntheticEvent:
    """One event with random size, 3-5 lists, 2-3 latent groups and, half the time, a referral dependence.

    Each list finds 25-60% of the easiest group; the hardest group's probabilities are scaled by `hardest`
    (0.35: ~9-21%, the hard case where a small, rarely listed group hides most of the unobserved; 0.6: a
    milder one). Hard enough that the unobserved matter, not so sparse that no method could say anything.
    """
    rng = np.random.default_rng(seed)
    total = int(rng.integers(total_range[0], total_range[1] + 1))
    lists = int(rng.integers(lists_range[0], lists_range[1] + 1))
    group_count = int(rng.integers(2, 4))
    shares = rng.dirichlet(np.full(group_count, 3.0))
    # one easy-to-find group and harder ones: heterogeneity that independence models miss
    scale = np.linspace(1.0, hardest, group_count)[:, None]
    capture = np.clip(rng.uniform(0.25, 0.6, size=(group_count, lists)) * scale, 0.05, 0.95)
    referral = None
    if rng.random() < 0.5:
        source, target = rng.choice(lists, size=2, replace=False)
        referral = (int(source), int(target), float(rng.uniform(0.1, 0.3)))
    return simulate_event(total, shares, capture, seed=int(rng.integers(2**62)), referral=referral)
