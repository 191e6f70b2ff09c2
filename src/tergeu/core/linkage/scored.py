"""Scored pairs kept as NumPy columns: a million-record run scores millions of pairs.

One Python object per pair costs about 150 bytes and a microsecond to build; the columns cost 24
bytes per pair. ``ScoredPairs`` is still a sequence of ``Scored`` (built when read), so code that
iterates ``model.pairs`` or indexes it works unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from tergeu.core.linkage.clustering import ScoredPair


@dataclass(frozen=True, slots=True)
class Scored(ScoredPair):
    """A ``ScoredPair`` (what clustering reads) with the match weight it came from."""

    match_weight: float


class ScoredPairs(Sequence[Scored]):
    """Pairs (left id, right id, probability, match weight) as four aligned NumPy arrays."""

    __slots__ = ("left", "match_weight", "probability", "right")

    def __init__(self, left: np.ndarray, right: np.ndarray, probability: np.ndarray,
                 match_weight: np.ndarray) -> None:
        self.left = np.asarray(left, dtype=np.int64)
        self.right = np.asarray(right, dtype=np.int64)
        self.probability = np.asarray(probability, dtype=np.float64)
        self.match_weight = np.asarray(match_weight, dtype=np.float64)

    def __len__(self) -> int:
        return int(self.left.size)

    @overload
    def __getitem__(self, index: int) -> Scored: ...

    @overload
    def __getitem__(self, index: slice) -> ScoredPairs: ...

    def __getitem__(self, index: int | slice) -> Scored | ScoredPairs:
        if isinstance(index, slice):
            return ScoredPairs(self.left[index], self.right[index], self.probability[index], self.match_weight[index])
        return Scored(int(self.left[index]), int(self.right[index]), float(self.probability[index]),
                      float(self.match_weight[index]))

    def __iter__(self) -> Iterator[Scored]:
        columns = (self.left.tolist(), self.right.tolist(), self.probability.tolist(), self.match_weight.tolist())
        return (Scored(a, b, p, w) for a, b, p, w in zip(*columns, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ScoredPairs | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ScoredPairs({len(self)} pairs)"
