"""Which records the left-alone sample holds: drawn when a linkage run is stored, read by page, API and estimate.

The sample is the ``LEFT_ALONE_SAMPLE`` records with the smallest hash of their ids among the records the
estimate counts (identifiable: ``is_identifiable``) that are the only counted record of their person,
each with whether it has a scored pair to a counted record of someone else: the stratum its answer
counts in (``tergeu.core.linkage.left_alone``). It is drawn once per run and stored with it
(``LinkageRun.left_alone``), so a page or an answer does not read the whole registry again.
"""

from __future__ import annotations

from tergeu.core.linkage import LEFT_ALONE_SAMPLE, ScoredPair, left_alone, left_alone_sample
from tergeu.linkage.models import LinkageRun, Membership, ScoredPairRow


def alone_now(counted: set[int]) -> dict[int, bool]:
    """Counted records that are the only counted record of their person, each with whether it has a scored
    pair to a counted record of someone else (``tergeu.core.linkage.left_alone``)."""
    groups: dict[int, list[int]] = {}
    for record, person in Membership.objects.values_list("record_id", "person_id").iterator(chunk_size=10_000):
        if record in counted:
            groups.setdefault(person, []).append(record)
    pairs = [ScoredPair(a, b, p) for a, b, p in ScoredPairRow.objects.values_list(
        "left_id", "right_id", "probability").iterator(chunk_size=10_000) if a in counted and b in counted]
    return left_alone(groups.values(), pairs)


def draw_sample(counted: set[int]) -> list[list[int]]:
    """The run's sample as stored: ``[record id, 1 if it has a scored pair to someone else else 0]``, in
    hash order (after the run's people and pairs are stored), among ``counted`` (the records the estimate
    counts: identifiable enough to be told from namesakes, ``is_identifiable``)."""
    alone = alone_now(counted)
    return [[record, int(alone[record])] for record in left_alone_sample(alone, LEFT_ALONE_SAMPLE)]


def stored_sample(run: LinkageRun | None) -> dict[int, bool]:
    """The latest run's sample: record id -> whether it had a scored pair to someone else (hash order)."""
    return {record: bool(paired) for record, paired in (run.left_alone if run is not None else [])}
