"""Score a linkage against a ground truth by counting record pairs, without listing them.

A linkage is judged pair by pair: two records put in one cluster are a *predicted* pair, two records
of one person are a *true* pair. With ``n`` records there are ``n(n-1)/2`` pairs, far too many to
enumerate for a million records, but every count needed is a sum of ``C(k, 2)`` over group sizes:

* true pairs       = Σ over persons  C(records of that person, 2)
* predicted pairs  = Σ over clusters C(records in that cluster, 2)
* true positives   = Σ over (cluster, person) cells C(records in both, 2)

so one pass over the records with three counters is enough (linear time and memory).

Conventions, chosen so that the figures mean the same on every data set:

* Records are those of ``truth``. A record missing from ``predicted`` is a singleton (the matcher
  left it alone); a record in ``predicted`` but not in ``truth`` is an error, because silently
  dropping it would hide a bug in the caller's ids.
* Precision is 1.0 when no pair is predicted (nothing claimed, nothing wrong); recall is 1.0 when the
  truth has no pair (nothing to find). F1 is their harmonic mean, 0.0 when both are 0.
* Cluster and person ids are only compared for equality within their own mapping; they may be any
  hashable values and need not share a type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


@dataclass(frozen=True)
class PairScores:
    """Pair counts and the precision, recall and F1 computed from them (see the module conventions)."""

    true_positives: int
    false_positives: int
    false_negatives: int
    precision: float
    recall: float
    f1: float

    @property
    def predicted_pairs(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def true_pairs(self) -> int:
        return self.true_positives + self.false_negatives

    @classmethod
    def from_counts(cls, true_positives: int, predicted_pairs: int, true_pairs: int) -> PairScores:
        """Scores from the three pair counts; raises if they are inconsistent."""
        if not 0 <= true_positives <= min(predicted_pairs, true_pairs):
            raise ValueError(f"inconsistent counts: {true_positives} true positives, "
                             f"{predicted_pairs} predicted pairs, {true_pairs} true pairs")
        precision = true_positives / predicted_pairs if predicted_pairs else 1.0
        recall = true_positives / true_pairs if true_pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(true_positives=true_positives, false_positives=predicted_pairs - true_positives,
                   false_negatives=true_pairs - true_positives, precision=precision, recall=recall, f1=f1)


def pairwise_scores(predicted: Mapping[Hashable, Hashable], truth: Mapping[Hashable, Hashable]) -> PairScores:
    """Pairwise precision, recall and F1 of ``predicted`` (record → cluster) against ``truth`` (record → person).

    Linear in the number of records; see the module docstring for the conventions on missing records
    and empty pair sets.
    """
    unknown = [record for record in predicted if record not in truth]
    if unknown:
        shown = ", ".join(repr(record) for record in unknown[:5])
        raise ValueError(f"{len(unknown)} predicted record(s) are not in the truth, e.g. {shown}")
    per_person = Counter(truth.values())
    per_cluster: Counter[Hashable] = Counter()
    per_cell: Counter[tuple[Hashable, Hashable]] = Counter()
    for record, cluster in predicted.items():
        per_cluster[cluster] += 1
        per_cell[cluster, truth[record]] += 1
    return PairScores.from_counts(
        true_positives=sum(_pairs(n) for n in per_cell.values()),
        predicted_pairs=sum(_pairs(n) for n in per_cluster.values()),
        true_pairs=sum(_pairs(n) for n in per_person.values()),
    )
