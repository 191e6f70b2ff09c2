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
    """Pairs (left id, right id, probability, match weight, contradicted) as five aligned NumPy arrays."""

    __slots__ = ("contradicted", "left", "match_weight", "probability", "right")

    def __init__(self, left: np.ndarray, right: np.ndarray, probability: np.ndarray,
                 match_weight: np.ndarray, contradicted: np.ndarray | None = None) -> None:
        self.left = np.asarray(left, dtype=np.int64)
        self.right = np.asarray(right, dtype=np.int64)
        self.probability = np.asarray(probability, dtype=np.float64)
        self.match_weight = np.asarray(match_weight, dtype=np.float64)
        self.contradicted = np.zeros(self.left.size, dtype=bool) if contradicted is None else np.asarray(
            contradicted, dtype=bool)
        if not self.left.size == self.right.size == self.probability.size == self.match_weight.size \
                == self.contradicted.size:
            raise ValueError("scored pairs need columns of one length")

    def __len__(self) -> int:
        return int(self.left.size)

    @overload
    def __getitem__(self, index: int) -> Scored: ...

    @overload
    def __getitem__(self, index: slice) -> ScoredPairs: ...

    def __getitem__(self, index: int | slice) -> Scored | ScoredPairs:
        if isinstance(index, slice):
            return ScoredPairs(self.left[index], self.right[index], self.probability[index], self.match_weight[index],
                               self.contradicted[index])
        return Scored(int(self.left[index]), int(self.right[index]), float(self.probability[index]),
                      float(self.match_weight[index]), contradicted=bool(self.contradicted[index]))

    def __iter__(self) -> Iterator[Scored]:
        columns = (self.left.tolist(), self.right.tolist(), self.probability.tolist(), self.match_weight.tolist(),
                   self.contradicted.tolist())
        return (Scored(a, b, p, w, contradicted=c) for a, b, p, w, c in zip(*columns, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ScoredPairs | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ScoredPairs({len(self)} pairs)"
