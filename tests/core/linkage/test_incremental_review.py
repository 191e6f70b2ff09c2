"""Incremental runs on the synthetic lists: the morgue's initials added last, scored and queued for review."""

from __future__ import annotations

from collections import Counter

import pytest

from tergeu.core.linkage.clustering import assignment
from tergeu.core.linkage.evaluation import pairwise_scores
from tergeu.core.linkage.features import RecordFacts
from tergeu.core.linkage.pipeline import link_new_records, link_records
from tergeu.core.linkage.review import review_queue
from tergeu.demo.linkage_data import FACT_COLUMNS, generate_linkage_set


@pytest.fixture(scope="session")
def morgue_added_last():
    """One trained first run and one incremental run, shared by the tests below (they only read them):
    training is what costs here, a few seconds each time."""
    linkage_set = generate_linkage_set(300, seed=1)
    records = [RecordFacts(number, str(row["list_name"]), {k: str(row[k]) for k in FACT_COLUMNS if row.get(k)})
               for number, row in enumerate(linkage_set.records, 1)]
    new_ids = frozenset(r.record_id for r in records if r.list_name == "morgue")
    first = link_records([r for r in records if r.record_id not in new_ids])
    person_of = assignment(first.clusters)
    return linkage_set, person_of, link_new_records(records, new_ids, first.model.settings, person_of)


def test_it_scores_initials_added_last_as_a_full_run_would(morgue_added_last) -> None:
    """The first run met no initials-only record, so its model had no u for "initials differ"; left so,
    every morgue "Нурланов Ж.С." matched every Нурланов (F1 0.92 here against 0.98 for a full run)."""
    linkage_set, person_of, added = morgue_added_last
    initials = next(c for c in added.model.settings["comparisons"] if c["output_column_name"] == "given_initial")
    assert all(level.get("u_probability") for level in initials["comparison_levels"] if not level.get("is_null_level"))
    final = {number: ("first", person) for number, person in person_of.items()}
    for index, cluster in enumerate(added.clusters):
        final.update(dict.fromkeys(cluster.records, ("added", index)))
    ids = [record["record_id"] for record in linkage_set.records]
    scores = pairwise_scores({ids[n - 1]: cluster for n, cluster in final.items()}, linkage_set.truth)
    assert scores.precision > 0.97 and scores.f1 > 0.97


def test_it_queues_pairs_between_new_records_and_people_left_alone(morgue_added_last) -> None:
    _linkage_set, person_of, added = morgue_added_last
    sizes = Counter(person_of.values())
    elsewhere = {record: sizes[person] for record, person in person_of.items()}
    pairs = [(p.left, p.right, p.probability) for p in added.model.pairs]
    redrawn = {record for cluster in added.clusters for record in cluster.records}
    queue = review_queue(pairs, added.clusters, people_elsewhere=elsewhere)
    outside = [item for item in queue if item.kind == "pair" and not redrawn.issuperset(item.records)]
    assert outside, "the seeded set has new records uncertain against people the run did not redraw"
    cluster_size = {record: len(c.records) for c in added.clusters for record in c.records}
    for item in outside:
        left_alone, new = sorted(item.records, key=lambda record: record in redrawn)
        moved = elsewhere[left_alone] + cluster_size[new]  # the whole person left alone, and the new record's
        assert item.impact == round((1 - abs(2 * item.probability - 1)) * moved, 4)
