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
