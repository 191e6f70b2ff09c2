"""The whole linkage, in one call: features, trained pair scores, clusters that do not chain.

The Django side (``tergeu link``) and the quality benchmark both call ``link_records``, so what is
measured is what runs. ``link_new_records`` is the incremental form: one more list is scored with the
model already trained and attached to the people already found, who are not taken apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tergeu.core.linkage.clustering import Cluster, Constraints, cluster_records
from tergeu.core.linkage.features import RecordFacts, feature_table
from tergeu.core.linkage.joined import joined
from tergeu.core.linkage.model import TrainedModel, score_pairs

MATCH_THRESHOLD = 0.5
Progress = Callable[[str], None]  # told the stage being entered ("training the model on 30,000 records")


def _silent(_message: str) -> None:
    """The default progress: say nothing."""


@dataclass
class Linkage:
    model: TrainedModel
    clusters: list[Cluster]


def link_records(records: Sequence[RecordFacts], constraints: Constraints | None = None,
                 threshold: float = MATCH_THRESHOLD, seed: int = 1, progress: Progress | None = None) -> Linkage:
    """Link and deduplicate ``records`` of every list at once; ``progress`` hears of each stage."""
    step = progress or _silent
    step(f"features of {len(records):,} records")
    rows = feature_table(records)
    model = score_pairs(rows, threshold=min(0.05, threshold), seed=seed, em=True, progress=step)
    step(f"clustering {len(model.pairs):,} scored pairs")
    clusters = cluster_records([r.record_id for r in records], model.pairs, constraints or Constraints(), threshold,
                               attach_sparse=True, log_odds=True)
    return Linkage(model, clusters)


def link_new_records(records: Sequence[RecordFacts], new_ids: frozenset[int], saved_model: dict[str, Any],
                     person_of: Mapping[int, int], constraints: Constraints | None = None,
                     threshold: float = MATCH_THRESHOLD, progress: Progress | None = None) -> Linkage:
    """Link the records in ``new_ids`` to each other and to the people already found (``person_of``).

    Only pairs with a new record are scored, with the earlier run's model. A person already found stays
    whole (its records are must-linked) and two people already found are never merged here (cannot-link),
    even through a new record that resembles both: that is a question for a reviewer or a full run, not
    something to decide as a side effect of importing a list. The clusters returned cover the new
    records and the records of every person a new record may join; everyone else is untouched.
    """
    constraints = constraints or Constraints()
    step = progress or _silent
    step(f"features of {len(records):,} records")
    rows = feature_table(records)
    model = score_pairs(rows, threshold=min(0.05, threshold), saved_model=saved_model, new_ids=new_ids,
                        progress=step)
    step(f"clustering {len(model.pairs):,} scored pairs")
    strong = [(p.left, p.right) for p in model.pairs if p.probability >= threshold]
    decided = [pair for pair in constraints.must_link if new_ids.intersection(pair)]
    touched = {person_of[r] for pair in strong + decided for r in pair if r in person_of}
    members: dict[int, list[int]] = {}
    for record, person in person_of.items():
        if person in touched:
            members.setdefault(person, []).append(record)
    involved = set(new_ids).union(*members.values())
    kept_pairs = [p for p in model.pairs if p.left in involved and p.right in involved]
    whole = {(group[i], group[i + 1]) for group in map(sorted, members.values()) for i in range(len(group) - 1)}
    apart = _people_kept_apart(strong + decided, person_of, members, new_ids)
    local = replace(
        constraints,
        must_link=frozenset(p for p in constraints.must_link if involved.issuperset(p)) | whole,
        cannot_link=frozenset(p for p in constraints.cannot_link if involved.issuperset(p)) | apart,
    )
    return Linkage(model, cluster_records(sorted(involved), kept_pairs, local, threshold, attach_sparse=True,
                                          log_odds=True))


def _people_kept_apart(links: list[tuple[int, int]], person_of: Mapping[int, int],
                       members: Mapping[int, list[int]], new_ids: frozenset[int]) -> frozenset[tuple[int, int]]:
    """Cannot-links between every two existing people that new records could bring into one cluster."""
    def node(record: int) -> tuple[str, int]:
        return ("person", person_of[record]) if record not in new_ids else ("record", record)

    apart = set()
    for subset in joined((node(left), node(right)) for left, right in links).subsets():
        people = sorted(person for kind, person in subset if kind == "person")
        heads = [min(members[person]) for person in people]
        apart.update((a, b) for i, a in enumerate(heads) for b in heads[i + 1:])
    return frozenset(apart)
