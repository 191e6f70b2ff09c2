"""Records joined transitively by pairs: "same" decisions, must-links, links through new records.

Reviewers' "same" decisions and must-links join records transitively (A = T and T = B join A and B),
and several parts of Tergeu need the groups this makes: the clustering's must-link units, a check
that a new decision contradicts none, the estimate's constraints among the records it counts. They
share this one definition.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from scipy.cluster.hierarchy import DisjointSet

__all__ = ["joined"]

Item = TypeVar("Item", bound=Hashable)


def joined(pairs: Iterable[tuple[Item, Item]], items: Iterable[Item] = ()) -> DisjointSet:
    """The groups ``pairs`` join, as a ``DisjointSet`` that also holds ``items`` (each alone unless joined)."""
    groups: DisjointSet = DisjointSet(items)
    for left, right in pairs:
        groups.add(left)  # adding an item already there does nothing
        groups.add(right)
        groups.merge(left, right)
    return groups
