from __future__ import annotations

from tergeu.core.linkage.clustering import Cluster
from tergeu.core.linkage.review import review_queue


def cluster(records: tuple[int, ...], cohesion: float = 0.9, suspicious: bool = False) -> Cluster:
    return Cluster(records, cohesion, suspicious, ("two records of list A",) if suspicious else ())


def test_it_puts_the_most_consequential_uncertainty_first() -> None:
    clusters = [cluster((1, 2, 3)), cluster((4,)), cluster((5,)), cluster((6,))]
    queue = review_queue([(1, 4, 0.5), (5, 6, 0.5), (5, 6, 0.95), (4, 5, 0.3)], clusters)
    assert [item.records for item in queue] == [(1, 4), (5, 6), (4, 5)]
    assert queue[0].impact == 4.0  # a coin flip that would join four records


def test_it_leaves_out_decided_pairs_and_lists_suspicious_clusters() -> None:
    clusters = [cluster((1, 2), cohesion=0.3, suspicious=True), cluster((3,))]
    queue = review_queue([(2, 3, 0.5)], clusters, decided=frozenset({(2, 3)}))
    assert [(item.kind, item.records, item.reasons) for item in queue] == [
        ("cluster", (1, 2), ("two records of list A",))]


def test_it_weighs_pairs_with_people_an_incremental_run_left_alone() -> None:
    """Record 9 is new and uncertain against record 4, whose person (4, 5, 6) the run did not redraw."""
    clusters = [cluster((9,)), cluster((1, 2))]
    queue = review_queue([(4, 9, 0.5), (1, 9, 0.5)], clusters, people_elsewhere={4: 3, 5: 3, 6: 3})
    assert [(item.records, item.impact) for item in queue] == [((4, 9), 4.0), ((1, 9), 3.0)]
    alone = review_queue([(4, 9, 0.5)], clusters)  # not named: counts as one record
    assert alone[0].impact == 2.0
