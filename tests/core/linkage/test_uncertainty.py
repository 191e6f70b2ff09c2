from tergeu.core.linkage.clustering import Constraints, ScoredPair, assignment
from tergeu.core.linkage.uncertainty import plausible_clusterings


def people(clusters) -> set[tuple[int, ...]]:
    return {cluster.records for cluster in clusters}


def test_it_redraws_uncertain_pairs_in_proportion_to_their_probability() -> None:
    pairs = [ScoredPair(1, 2, 0.7), ScoredPair(3, 4, 0.999), ScoredPair(5, 6, 0.001)]
    draws = plausible_clusterings(range(1, 7), pairs, draws=400, seed=7)
    joined = sum((1, 2) in people(clusters) for clusters in draws) / len(draws)
    assert 0.62 < joined < 0.78
    assert all((3, 4) in people(clusters) and (5,) in people(clusters) for clusters in draws)


def test_it_is_reproducible_with_a_seed() -> None:
    pairs = [ScoredPair(1, 2, 0.5), ScoredPair(2, 3, 0.4), ScoredPair(1, 3, 0.6)]
    first = [assignment(c) for c in plausible_clusterings([1, 2, 3], pairs, draws=20, seed=3)]
    again = [assignment(c) for c in plausible_clusterings([1, 2, 3], pairs, draws=20, seed=3)]
    assert first == again and len({tuple(sorted(a.items())) for a in first}) > 1


def test_it_keeps_reviewers_decisions_and_does_not_chain() -> None:
    pairs = [ScoredPair(1, 2, 0.6), ScoredPair(2, 3, 0.6), ScoredPair(1, 3, 0.01)]
    constraints = Constraints(cannot_link=frozenset({(1, 2)}))
    for clusters in plausible_clusterings([1, 2, 3], pairs, constraints, draws=50, seed=1):
        found = assignment(clusters)
        assert found[1] != found[2] and found[1] != found[3]


def test_a_well_matched_person_stays_whole_where_pair_coins_would_break_it() -> None:
    """Four records, every pair 0.9: a coin per pair breaks one of six pairs nearly half the time
    (1 - 0.9**6); moving records by their average link keeps the person whole nearly always."""
    pairs = [ScoredPair(a, b, 0.9) for a in range(1, 5) for b in range(a + 1, 5)]
    draws = plausible_clusterings(range(1, 5), pairs, draws=200, seed=5, calibration_spread=0.0)
    whole = sum((1, 2, 3, 4) in people(clusters) for clusters in draws) / len(draws)
    assert whole > 0.9


def test_draws_scatter_around_the_best_guess_not_only_towards_splitting() -> None:
    """Three people of two records at 0.8, three pairs of strangers at 0.2: on average as many
    people as the best guess has (six, up to the doubt's symmetry), where coins would split and merge
    alike but a bias towards splitting would show as more."""
    pairs = [ScoredPair(1, 2, 0.8), ScoredPair(3, 4, 0.8), ScoredPair(5, 6, 0.8),
             ScoredPair(7, 8, 0.2), ScoredPair(9, 10, 0.2), ScoredPair(11, 12, 0.2)]
    draws = plausible_clusterings(range(1, 13), pairs, draws=400, seed=2)
    mean_people = sum(len(clusters) for clusters in draws) / len(draws)
    assert 8.6 < mean_people < 9.4


def test_must_linked_records_move_together_and_exclusive_lists_hold() -> None:
    pairs = [ScoredPair(1, 3, 0.6), ScoredPair(2, 3, 0.6), ScoredPair(1, 4, 0.6), ScoredPair(3, 4, 0.4)]
    constraints = Constraints(must_link=frozenset({(1, 2)}), group_of={1: "a", 2: "b", 3: "c", 4: "c"},
                              exclusive_groups=frozenset({"c"}))
    for clusters in plausible_clusterings(range(1, 5), pairs, constraints, draws=100, seed=4):
        found = assignment(clusters)
        assert found[1] == found[2] and found[3] != found[4]


def test_the_best_guess_given_is_where_draws_start() -> None:
    """Records the caller's best guess put together stay together when nothing in the pairs doubts it."""
    pairs = [ScoredPair(1, 2, 0.999), ScoredPair(3, 4, 0.7)]
    draws = plausible_clusterings(range(1, 6), pairs, draws=30, seed=1, start=[[1, 2], [3], [4], [5]])
    assert all((1, 2) in people(clusters) and (5,) in people(clusters) for clusters in draws)
    assert any((3, 4) in people(clusters) for clusters in draws) and any((3,) in people(c) for c in draws)
