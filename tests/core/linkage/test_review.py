from __future__ import annotations

from tergeu.core.linkage.clustering import Cluster
from tergeu.core.linkage.review import calibration_sample, review_queue


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


def test_the_calibration_sample_is_the_band_s_smallest_hashes_in_any_order_of_the_pairs() -> None:
    pairs = [(a, a + 1, 0.2 + 0.6 * (a % 97) / 97) for a in range(0, 2000, 2)]  # 1,000 pairs across the band
    pairs += [(5, 7, 0.19), (9, 11, 0.8), (13, 15, 0.95)]  # just outside the band: never chosen
    sample = calibration_sample(pairs, size=50)
    assert [item.sample_rank for item in sample] == list(range(50))
    assert all(0.2 <= item.probability < 0.8 and item.kind == "pair" for item in sample)
    shuffled = [(b, a, p) for a, b, p in reversed(pairs)] + [(pairs[0][0], pairs[0][1], 0.1)]  # repeated: higher kept
    assert [item.records for item in calibration_sample(shuffled, size=50)] == [item.records for item in sample]
    # chosen by the hash alone: not the highest, lowest or first pairs
    chosen = {item.records[0] for item in sample}
    assert chosen != set(range(0, 100, 2)) and min(chosen) < 1000 < max(chosen)

