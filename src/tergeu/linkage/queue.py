"""The review queue: which of the latest run's items are still open for a reviewer, for page and API alike.

The queue is ``LinkageRun.review`` in its order of impact. An item naming a record the reviewer may
not see is left out (as if it did not exist); a pair decided since the run is done and left out too.
Clusters stay until each of their pairs is decided (the page shows which).

Some pair items are marked ``"sample": true`` with a ``"sample_rank"``: the calibration sample, pairs
of the uncertain band chosen by a hash alone (``tergeu.core.linkage.calibration_sample``). Reviewers
can take them alone (``sample_only``), in their rank order; the estimate reads the decided start of
that order (``tergeu.estimation.capture.reviewed_calibration``) to tell how far the model's
probabilities are off.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tergeu.core.linkage import decisions_read, is_identifiable, pair_hash
from tergeu.linkage.facts import record_facts
from tergeu.linkage.models import LinkageRun, PairDecision
from tergeu.registry.access import visible_records
from tergeu.registry.models import ImportedList, Record
from tergeu.toolkit.public_ids import is_public_id

_ID_CHUNK = 500  # ids per query, well under SQLite's limit on query parameters

Pair = tuple[int, int]


def pair_key(first: int, second: int) -> Pair:
    """Two records as ``PairDecision`` stores them: the smaller id first."""
    return (first, second) if first < second else (second, first)


def decisions_now() -> dict[Pair, str]:
    """Every stored pair decision (same, different or unsure), keyed by ``pair_key``."""
    return {pair_key(left, right): decision
            for left, right, decision in PairDecision.objects.values_list("left_id", "right_id", "decision")}


def _visible_ids(user: Any, ids: Iterable[int]) -> set[int]:
    """Those of ``ids`` naming records the user may see (and that still exist)."""
    wanted, visible = sorted(set(ids)), set()
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start:start + _ID_CHUNK]
        visible.update(visible_records(user).filter(pk__in=chunk).values_list("pk", flat=True))
    return visible


def public_ids_of(ids: Iterable[int]) -> dict[int, str]:
    """The public ids of these records, by primary key: how pages and the API name a queue's records."""
    wanted, found = sorted(set(ids)), {}
    for start in range(0, len(wanted), _ID_CHUNK):
        found.update(Record.objects.filter(pk__in=wanted[start:start + _ID_CHUNK]).values_list("pk", "public_id"))
    return found


def records_named(user: Any, public_ids: Iterable[str]) -> dict[str, int]:
    """The primary keys of the records with these public ids that the user may see (others are left out)."""
    wanted = sorted({name for name in public_ids if is_public_id(name)})
    return dict(visible_records(user).filter(public_id__in=wanted).values_list("public_id", "pk")) if wanted else {}


def _is_decided_pair(item: dict, decisions: dict[Pair, str]) -> bool:
    """A pair item whose two records have a decision, in either id order."""
    return item["kind"] == "pair" and pair_key(*item["records"]) in decisions


def is_sample(item: dict) -> bool:
    """A pair item of the run's calibration sample."""
    return item["kind"] == "pair" and bool(item.get("sample"))


def sample_order(item: dict) -> tuple:
    """A sample item's place: its rank; a run stored before ranks were kept is ordered by the same hash."""
    rank = item.get("sample_rank")
    return (0, rank, b"") if rank is not None else (1, 0, pair_hash(pair_key(*item["records"])))


def sample_pairs(run: LinkageRun | None) -> set[Pair]:
    """The pairs of the run's calibration sample, keyed by ``pair_key`` (the run stores them in either order)."""
    return {pair_key(*item["records"]) for item in run.review if is_sample(item)} if run is not None else set()


def open_items(run: LinkageRun, user: Any, decisions: dict[Pair, str],
               sample_only: bool = False) -> tuple[list[dict], int]:
    """The run's items still to review, most consequential first, and how many pairs were decided since.

    Items naming a record the user may not see are left out of both: the page never shows them.
    ``sample_only``: the calibration sample's pairs alone, both in the items and in the count.
    """
    queue = sorted(run.review, key=lambda item: -item["impact"])  # stable: the run's order among equals
    if sample_only:  # in the sample's own order: the estimate reads its decided start (``calibration``)
        queue = sorted((item for item in queue if is_sample(item)), key=sample_order)
    visible = _visible_ids(user, (record for item in queue for record in item["records"]))
    seen = [item for item in queue if all(record in visible for record in item["records"])]
    still_open = [item for item in seen if not _is_decided_pair(item, decisions)]
    return still_open, len(seen) - len(still_open)


def sample_ranked(run: LinkageRun, counted: set[int]) -> list[tuple[float, str | None, bool]]:
    """The run's calibration sample as the estimate reads it (``tergeu.core.linkage.read_calibration``):
    in the sample's order, each pair at the probability the run gave it, with its decision wherever it
    was taken (the pair was chosen by a hash, not by what a reviewer chose to look at) and whether it
    was offered (in the sample before the last decision on it: a pair that came in later, with a list
    added since, does not end the decided start). Pairs with a record not in ``counted`` are passed over.
    """
    sample = _sample_items(run)
    return _ranked(sample, _decisions_on({pair_key(*item["records"]) for item in sample}), counted)


def _sample_items(run: LinkageRun) -> list[dict]:
    """The run's calibration sample items, in the sample's order."""
    return sorted((item for item in run.review if is_sample(item)), key=sample_order)


def _ranked(sample: list[dict], decided: dict[Pair, tuple[str, Any]],
            counted: set[int]) -> list[tuple[float, str | None, bool]]:
    """``sample_ranked`` of sample items and the decisions on them."""
    last = max((when for _decision, when in decided.values()), default=None)
    return [(item["probability"], decided.get(pair_key(*item["records"]), (None, None))[0], _offered(item, last))
            for item in sample if counted.issuperset(item["records"])]


def _offered(item: dict, last: datetime.datetime | None) -> bool:
    """Whether a sample pair was in the sample when the last decision on the sample was taken (a run
    stored before this was kept says nothing: taken as offered)."""
    since = item.get("sample_since")
    return since is None or (last is not None and datetime.datetime.fromisoformat(since) <= last)


def _decisions_on(pairs: set[Pair]) -> dict[Pair, tuple[str, Any]]:
    """The decision on each of ``pairs`` that has one, with when it was taken (a hundred pairs: one query)."""
    rows = PairDecision.objects.filter(left__in=sorted({left for left, _ in pairs}))
    return {pair_key(left, right): (decision, when)
            for left, right, decision, when in rows.values_list("left_id", "right_id", "decision", "decided_at")
            if pair_key(left, right) in pairs}


@dataclass(frozen=True)
class SampleProgress:
    """How far the reviewers are with the run's calibration sample: ``decided`` of ``size`` pairs (those
    the user may see); ``read``, the decisions the estimate reads (the sample's decided start); and
    ``waiting``, decisions it does not read yet because a pair before them in the sample's order is open."""

    decided: int
    size: int
    read: int
    waiting: int


def sample_progress(run: LinkageRun | None, user: Any) -> SampleProgress:
    """The sample pairs of the run the user may see, how many of them are decided, and what the estimate
    makes of the decisions.

    Any decision counts, wherever it was taken: the sample is chosen by a hash alone, and the estimate
    reads every decision on it. But it reads them in order and stops at the first pair still open
    (``sample_ranked``), so a decision further on waits for the pairs before it: the page says so.
    Pairs naming a record the user may not see are left out of ``decided`` and ``size``, as everywhere
    in the queue; ``read`` and ``waiting`` are the estimate's, over every pair whose records it counts
    (with all lists: ``tergeu estimate --lists`` may count fewer).
    """
    sample = _sample_items(run) if run is not None else []
    pairs = {pair_key(*item["records"]) for item in sample}
    records = {record for pair in pairs for record in pair}
    visible = _visible_ids(user, records)
    seen = {pair for pair in pairs if pair[0] in visible and pair[1] in visible}
    decided = _decisions_on(pairs) if pairs else {}  # the sample's decisions only, read once
    ranked = _ranked(sample, decided, _counted(records)) if pairs else []
    read = decisions_read(ranked)
    waiting = sum(decision is not None for _probability, decision, _offered in ranked) - read
    return SampleProgress(len(seen & decided.keys()), len(seen), read, waiting)


def _counted(ids: set[int]) -> set[int]:
    """Those of ``ids`` naming records an estimate counts (identifiable: ``tergeu.core.linkage.is_identifiable``)."""
    lists = ImportedList.objects.only("id", "name", "column_map").in_bulk()  # not their import reports
    found = set()
    wanted = sorted(ids)
    for start in range(0, len(wanted), _ID_CHUNK):
        for record in Record.objects.filter(pk__in=wanted[start:start + _ID_CHUNK]).only(
                "id", "imported_list_id", "facts"):
            record.imported_list = lists[record.imported_list_id]
            if is_identifiable(record_facts(record)):
                found.add(record.pk)
    return found
