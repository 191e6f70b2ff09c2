"""Pairwise linkage scores from contingency counts: hand examples, brute force, edge conventions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tergeu.core.linkage.evaluation import PairScores, pairwise_scores


def brute_force(predicted: dict, truth: dict) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) by listing every pair of records."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(list(truth), 2):
        same_cluster = a in predicted and b in predicted and predicted[a] == predicted[b]
        same_person = truth[a] == truth[b]
        tp += same_cluster and same_person
        fp += same_cluster and not same_person
        fn += same_person and not same_cluster
    return tp, fp, fn


def test_a_hand_example() -> None:
    truth = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
    # Cluster 1 holds a1, a2 and b1: pairs a1a2 (true), a1b1, a2b1 (false). a3 alone. b2 with c1 (false).
    predicted = {"a1": 1, "a2": 1, "b1": 1, "a3": 2, "b2": 3, "c1": 3}
    scores = pairwise_scores(predicted, truth)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 3, 3)
    assert scores.predicted_pairs == 4 and scores.true_pairs == 4
    assert scores.precision == pytest.approx(0.25)
    assert scores.recall == pytest.approx(0.25)
    assert scores.f1 == pytest.approx(0.25)


def test_a_perfect_linkage_scores_one() -> None:
    truth = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z"}
    scores = pairwise_scores({1: "c", 2: "c", 3: "d", 4: "d", 5: "e"}, truth)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert scores.false_positives == scores.false_negatives == 0


def test_missing_records_are_singletons() -> None:
    truth = {"a": 1, "b": 1, "c": 1}
    scores = pairwise_scores({"a": "k", "b": "k"}, truth)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 0, 2)
    assert pairwise_scores({}, truth) == pairwise_scores({"a": 1, "b": 2, "c": 3}, truth)


def test_no_predicted_pairs_means_precision_one_and_recall_zero() -> None:
    scores = pairwise_scores({}, {"a": 1, "b": 1})
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 0.0, 0.0)


def test_no_true_pairs_means_recall_one() -> None:
    scores = pairwise_scores({"a": 0, "b": 0}, {"a": 1, "b": 2})
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 1.0, 0.0)
    assert pairwise_scores({}, {"a": 1, "b": 2}).f1 == 1.0
    assert pairwise_scores({}, {}).f1 == 1.0


def test_a_predicted_record_unknown_to_the_truth_is_an_error() -> None:
    with pytest.raises(ValueError, match="not in the truth"):
        pairwise_scores({"a": 1, "ghost": 1}, {"a": 1})


def test_cluster_ids_need_not_share_a_type_with_person_ids() -> None:
    truth = {"r1": "P1", "r2": "P1"}
    assert pairwise_scores({"r1": 7, "r2": 7}, truth).f1 == 1.0
    assert pairwise_scores({"r1": ("x", 1), "r2": ("x", 1)}, truth).f1 == 1.0


def test_merging_everything_finds_every_true_pair() -> None:
    truth = {i: i % 7 for i in range(200)}
    scores = pairwise_scores(dict.fromkeys(truth, "all"), truth)
    assert scores.recall == 1.0
    assert scores.predicted_pairs == 200 * 199 // 2
    assert scores.precision == pytest.approx(scores.true_pairs / scores.predicted_pairs)


def test_inconsistent_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        PairScores.from_counts(true_positives=3, predicted_pairs=2, true_pairs=5)


records = st.integers(min_value=0, max_value=29)


@given(
    truth_labels=st.dictionaries(records, st.integers(0, 5), max_size=30),
    cluster_labels=st.dictionaries(records, st.integers(0, 5), max_size=30),
)
def test_it_equals_brute_force_pair_enumeration(truth_labels: dict, cluster_labels: dict) -> None:
    predicted = {record: cluster for record, cluster in cluster_labels.items() if record in truth_labels}
    scores = pairwise_scores(predicted, truth_labels)
    tp, fp, fn = brute_force(predicted, truth_labels)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (tp, fp, fn)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    assert scores.precision == pytest.approx(precision)
    assert scores.recall == pytest.approx(recall)
    assert 0.0 <= scores.f1 <= 1.0


def test_scores_are_counted_not_enumerated_pair_by_pair() -> None:
    """One predicted cluster of 200,000 records holds 2 * 10**10 pairs: enumerating them would not end
    within the test run, counting them is exact. (No timing: speed belongs to ``bench/``.)"""
    truth = {i: i // 3 for i in range(200_000)}
    predicted = dict.fromkeys(range(200_000), "all")
    scores = pairwise_scores(predicted, truth)
    assert scores.predicted_pairs == 200_000 * 199_999 // 2
    # 66,666 persons of 3 records (3 pairs each) and one of 2 (1 pair); all of them inside the one cluster
    assert scores.true_pairs == scores.true_positives == 66_666 * 3 + 1
    assert scores.false_negatives == 0
