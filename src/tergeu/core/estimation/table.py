"""Capture-pattern tables: the input of every estimator.

A capture history says, for one person, which lists name them. Estimators only need how many people share
each history, so a table holds the observed patterns (a 0/1 row per pattern, one column per list) and their
counts. The all-zero pattern, people no list names, is what the estimators estimate, so it is never a row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class EstimationError(ValueError):
    """The data cannot give a defensible number; the message says why, in words a user can act on."""


@dataclass(frozen=True)
class CaptureTable:
    """Observed capture patterns and counts over named lists.

    `patterns` is an (m, J) array of 0/1, `counts` an (m,) array of non-negative integers. Every possible
    non-zero pattern may appear at most once; missing patterns count as zero.
    """

    lists: tuple[str, ...]
    patterns: np.ndarray
    counts: np.ndarray

    @property
    def observed(self) -> int:
        """How many distinct people the lists name together."""
        return int(self.counts.sum())

    @property
    def list_count(self) -> int:
        return len(self.lists)

    def full(self) -> tuple[np.ndarray, np.ndarray]:
        """All 2^J - 1 observable patterns (zero cells included) in a fixed order, and their counts.

        Patterns are ordered by their binary number with the first list as the highest bit, so the order
        is the same for every table with the same number of lists.
        """
        j = self.list_count
        codes = np.arange(1, 2**j)
        patterns = ((codes[:, None] >> np.arange(j - 1, -1, -1)[None, :]) & 1).astype(np.int8)
        counts = np.zeros(len(codes), dtype=np.int64)
        for row, count in zip(self.patterns, self.counts, strict=True):
            code = int("".join(str(int(bit)) for bit in row), 2)
            counts[code - 1] += int(count)
        return patterns, counts

    def list_sizes(self) -> dict[str, int]:
        """How many people each list names."""
        sizes = (self.patterns * self.counts[:, None]).sum(axis=0)
        return {name: int(size) for name, size in zip(self.lists, sizes, strict=True)}

    def restricted_to(self, keep: Sequence[str]) -> CaptureTable:
        """The table over some of the lists only (patterns that become all-zero are dropped)."""
        index = [self.lists.index(name) for name in keep]
        return from_histories(
            (tuple(int(row[i]) for i in index), int(count))
            for row, count in zip(self.patterns, self.counts, strict=True)
        ).with_lists(tuple(keep))

    def with_lists(self, lists: tuple[str, ...]) -> CaptureTable:
        return CaptureTable(lists=lists, patterns=self.patterns, counts=self.counts)


def from_histories(
    histories: Iterable[tuple[tuple[int, ...], int]], lists: Sequence[str] | None = None
) -> CaptureTable:
    """Aggregate (pattern, count) pairs, e.g. one per person with count 1, into a table.

    All-zero patterns are ignored: a person on no list cannot be observed.
    """
    totals: dict[tuple[int, ...], int] = {}
    width: int | None = None
    for pattern, count in histories:
        key = tuple(1 if bit else 0 for bit in pattern)
        if width is None:
            width = len(key)
        elif len(key) != width:
            raise EstimationError(f"capture patterns have different lengths ({width} and {len(key)})")
        if any(key):
            totals[key] = totals.get(key, 0) + int(count)
    width = width if width is not None else len(lists or ())
    names = tuple(lists) if lists is not None else tuple(f"list{i + 1}" for i in range(width))
    if len(names) != width:
        raise EstimationError(f"{len(names)} list names for patterns over {width} lists")
    ordered = sorted(totals, reverse=True)
    patterns = np.array(ordered, dtype=np.int8).reshape(len(ordered), width)
    counts = np.array([totals[key] for key in ordered], dtype=np.int64)
    return CaptureTable(lists=names, patterns=patterns, counts=counts)


def read_capture_csv(path: str | Path) -> CaptureTable:
    """Read a table in the `../shared/data/mse/` format: one 0/1 column per list, then `count`.

    Errors name the file, the 1-based data row and the column, and nothing is returned half-read.
    """
    path = Path(path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        try:
            header = [cell.strip() for cell in next(reader)]
        except StopIteration:
            raise EstimationError(f"{path}: the file is empty") from None
        if "count" not in header:
            raise EstimationError(f"{path}: no 'count' column in the header {header}")
        count_at = header.index("count")
        lists = [name for i, name in enumerate(header) if i != count_at]
        if not lists:
            raise EstimationError(f"{path}: no list columns beside 'count'")
        seen: set[tuple[int, ...]] = set()
        rows: list[tuple[tuple[int, ...], int]] = []
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise EstimationError(f"{path}: row {number}: {len(cells)} cells, the header has {len(header)}")
            pattern = []
            for i, cell in enumerate(cells):
                column = header[i]
                value = cell.strip()
                if i == count_at:
                    if not value.isdigit():
                        raise EstimationError(f"{path}: row {number}, column 'count': {value!r} is not a whole number")
                    count = int(value)
                elif value in ("0", "1"):
                    pattern.append(int(value))
                else:
                    raise EstimationError(f"{path}: row {number}, column {column!r}: {value!r} is not 0 or 1")
            key = tuple(pattern)
            if key in seen:
                raise EstimationError(f"{path}: row {number}: pattern {''.join(map(str, key))} appears twice")
            seen.add(key)
            rows.append((key, count))
    return from_histories(rows, lists)


def isolated_lists(table: CaptureTable) -> list[str]:
    """Lists that share no one with any other list: everyone they name is named by them alone."""
    shared = table.patterns.sum(axis=1) > 1
    overlapping = (table.patterns[shared] * table.counts[shared, None]).sum(axis=0)
    return [name for name, count in zip(table.lists, overlapping, strict=True) if count == 0]


def check_estimable(table: CaptureTable, minimum_lists: int = 3, allow_isolated: bool = False) -> None:
    """Refuse tables that cannot give any estimate, before an estimator tries.

    Model-specific problems (a chosen model that is not identifiable, an estimate that does not exist) are
    the estimators' to detect; this catches what no method can mend. A list that shares no one with the
    others is refused unless `allow_isolated`: a log-linear model's maximum-likelihood estimate then does
    not exist (to it, no overlap means the other lists miss nearly everyone the list names), while a
    latent-class model can borrow the list's relation to the others from the classes the other lists
    reveal (LCMCR passes True and warns); it still needs `minimum_lists` lists that do share people.
    """
    if table.list_count < minimum_lists:
        raise EstimationError(
            f"{table.list_count} list(s) given; multiple systems estimation needs at least {minimum_lists} "
            "so that dependence between lists can be modelled"
        )
    if table.observed == 0:
        raise EstimationError("no one is named on any list")
    empty = [name for name, size in table.list_sizes().items() if size == 0]
    if empty:
        raise EstimationError(f"list(s) {', '.join(empty)} name no one; drop them before estimating")
    isolated = isolated_lists(table)
    if isolated and (not allow_isolated or table.list_count - len(isolated) < minimum_lists):
        # With no one in common with any other list, such a list says nothing about who the others miss,
        # and a log-linear model "estimates" its overlap from nothing: the number would be an artefact.
        enough = "" if not allow_isolated else f", and fewer than {minimum_lists} lists share anyone"
        raise EstimationError(
            f"list(s) {', '.join(isolated)} share no one with any other list{enough}, so the overlaps estimation "
            "rests on are missing and no estimate exists; check the linkage or leave those lists out"
        )
    full = [name for name, size in table.list_sizes().items() if size == table.observed]
    if full:
        raise EstimationError(
            f"list(s) {', '.join(full)} name everyone observed, so nothing is learned about who is missed"
        )
