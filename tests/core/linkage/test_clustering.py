"""Clustering scored pairs into people: no chaining, constraints, warnings, and brute-force invariants."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tergeu.core.linkage.clustering import (
    LOG_ODDS_CAP,
    UNSCORED,
    Cluster,
    Constraints,
    ScoredPair,
    assignment,
    cluster_records,
    suspicious_clusters,
)


def scored(*triples: tuple[int, int, float]) -> list[ScoredPair]:
    return [ScoredPair(a, b, p) for a, b, p in triples]


def groups(clusters: list[Cluster]) -> list[tuple[int, ...]]:
    return [cluster.records for cluster in clusters]


def clique(members: tuple[int, ...], p: float) -> list[ScoredPair]:
    return [ScoredPair(a, b, p) for a, b in itertools.combinations(members, 2)]


# --- behaviour on hand examples ---------------------------------------------------------------------


def test_it_keeps_two_tight_groups_apart_despite_one_strong_wrong_edge() -> None:
    # The wrong edge 3-4 is the strongest pair of all, so plain greedy merging takes it first.
    pairs = clique((1, 2, 3), 0.95) + clique((4, 5, 6), 0.95) + scored((3, 4, 0.99))
    assert groups(cluster_records(range(1, 7), pairs)) == [(1, 2, 3), (4, 5, 6)]


def test_it_keeps_two_tight_groups_apart_when_the_wrong_edge_is_weaker() -> None:
    pairs = clique((1, 2, 3, 4), 0.9) + clique((5, 6, 7), 0.85) + scored((4, 5, 0.8), (1, 7, 0.7))
    assert groups(cluster_records(range(1, 8), pairs)) == [(1, 2, 3, 4), (5, 6, 7)]


def test_it_does_not_chain_through_a_middle_record() -> None:
    # A~B and B~C are matches, A vs C clearly differ: the weaker side (C) stays apart.
    assert groups(cluster_records([1, 2, 3], scored((1, 2, 0.9), (2, 3, 0.8), (1, 3, 0.05)))) == [(1, 2), (3,)]
    assert groups(cluster_records([1, 2, 3], scored((1, 2, 0.7), (2, 3, 0.9), (1, 3, 0.05)))) == [(1,), (2, 3)]


def test_log_odds_weigh_a_pair_the_model_is_sure_of_more_than_doubts() -> None:
    # Record 4 fits two of a person's records well (0.9) and the third not at all (0.001): a namesake
    # whose date of birth contradicts the official record. By probabilities it joins (average 0.6);
    # by log-odds the sure "different" outweighs the two "probably same" (2.2 + 2.2 - 6.9 < 0).
    pairs = clique((1, 2, 3), 0.99) + scored((1, 4, 0.9), (2, 4, 0.9), (3, 4, 0.001))
    assert groups(cluster_records(range(1, 5), pairs)) == [(1, 2, 3, 4)]
    assert groups(cluster_records(range(1, 5), pairs, log_odds=True)) == [(1, 2, 3), (4,)]


def test_log_odds_never_make_an_unscored_pair_a_match_nor_flatten_a_high_threshold() -> None:
    # A threshold under UNSCORED: an unscored pair still counts below it (half of it).
    assert groups(cluster_records([1, 2, 3], scored((1, 2, 0.03), (2, 3, 0.03)), threshold=0.02,
                                  log_odds=True)) == [(1, 2), (3,)]
    # A threshold beyond the cap: the probabilities themselves, or every strong pair would weigh alike.
    pairs = scored((1, 2, 1.0), (1, 3, 1.0), (2, 3, 0.9991))
    assert groups(cluster_records([1, 2, 3], pairs, threshold=1.0, log_odds=True)) == groups(
        cluster_records([1, 2, 3], pairs, threshold=1.0))


def test_log_odds_count_an_unscored_pair_as_weak_evidence_against() -> None:
    # 4 matches 1 and 2 and was never compared with 3. At 0.9 each: 2.2 + 2.2 + logit(0.025) = 0.73 > 0,
    # it joins. At 0.8 each: 1.39 + 1.39 - 3.66 < 0, it stays alone (by probabilities, with unscored
    # pairs at 0, it would join: (0.8 + 0.8 + 0) / 3 = 0.53).
    pairs = clique((1, 2, 3), 0.99)
    assert groups(cluster_records(range(1, 5), pairs + scored((1, 4, 0.9), (2, 4, 0.9)), log_odds=True)) == [
        (1, 2, 3, 4)]
    weaker = pairs + scored((1, 4, 0.8), (2, 4, 0.8))
    assert groups(cluster_records(range(1, 5), weaker, log_odds=True)) == [(1, 2, 3), (4,)]
    assert groups(cluster_records(range(1, 5), weaker)) == [(1, 2, 3, 4)]


def test_it_does_not_chain_when_the_far_pair_was_never_scored() -> None:
    pairs = scored(*[(k, k + 1, 0.95) for k in range(10)])  # a long chain, nothing else compared
    clusters = cluster_records(range(11), pairs)
    assert max(len(cluster.records) for cluster in clusters) == 2


def test_it_lets_a_record_join_a_cluster_it_matches_on_average() -> None:
    # 4 matches 1 and 2 strongly and was never compared with 3: average (0.9 + 0.9 + 0) / 3 = 0.6.
    pairs = clique((1, 2, 3), 0.9) + scored((1, 4, 0.9), (2, 4, 0.9))
    assert groups(cluster_records(range(1, 5), pairs)) == [(1, 2, 3, 4)]
    stricter = cluster_records(range(1, 5), pairs, threshold=0.7)
    assert groups(stricter) == [(1, 2, 3), (4,)]


def test_it_lets_a_record_dragged_in_by_a_merge_leave_again() -> None:
    # Greedy merging builds {0, 2} and {1, 3}, then joins them on an average of exactly 0.5; record 1
    # then averages only 0.42 with the other three, so the sweep puts it back on its own.
    pairs = scored((0, 1, 0.4375), (0, 2, 0.875), (0, 3, 0.875), (1, 3, 0.8125), (2, 3, 0.6875))
    assert groups(cluster_records(range(4), pairs)) == [(0, 2, 3), (1,)]


def test_it_counts_unscored_pairs_as_the_missing_probability() -> None:
    pairs = clique((1, 2), 0.9) + scored((1, 3, 0.8))
    assert groups(cluster_records([1, 2, 3], pairs)) == [(1, 2), (3,)]  # (0.8 + 0) / 2 < 0.5
    together = cluster_records([1, 2, 3], pairs, missing_pair_probability=0.3)  # (0.8 + 0.3) / 2
    assert groups(together) == [(1, 2, 3)]
    assert together[0].cohesion == pytest.approx(0.3)


def test_it_never_merges_across_a_cannot_link() -> None:
    pairs = clique((1, 2, 3), 0.95)
    clusters = cluster_records([1, 2, 3], pairs, Constraints(cannot_link=frozenset({(3, 1)})))
    assert groups(clusters) == [(1, 2), (3,)]
    two = cluster_records([1, 2], scored((1, 2, 0.99)), Constraints(cannot_link=frozenset({(1, 2)})))
    assert groups(two) == [(1,), (2,)]


def test_it_never_puts_two_records_of_an_exclusive_list_together() -> None:
    pairs = scored((1, 2, 0.9), (2, 3, 0.95), (1, 3, 0.9))
    lists = {1: "police", 2: "hospital", 3: "police"}
    exclusive = Constraints(group_of=lists, exclusive_groups=frozenset({"police"}))
    assert groups(cluster_records([1, 2, 3], pairs, exclusive)) == [(1,), (2, 3)]
    two = cluster_records([1, 3], scored((1, 3, 0.99)), exclusive)
    assert groups(two) == [(1,), (3,)]
    # Not exclusive: merged, but flagged for review.
    relaxed = cluster_records([1, 2, 3], pairs, Constraints(group_of=lists))
    assert groups(relaxed) == [(1, 2, 3)]
    assert relaxed[0].suspicious
    assert relaxed[0].reasons == ("two records of list police: possible duplicate or two people",)


def test_it_forces_must_links_even_against_the_scores() -> None:
    pairs = scored((1, 2, 0.02), (3, 4, 0.9), (3, 5, 0.3))
    clusters = cluster_records(range(1, 6), pairs, Constraints(must_link=frozenset({(2, 1), (4, 5)})))
    assert groups(clusters) == [(1, 2), (3, 4, 5)]  # 3 joins {4, 5} on average (0.9 + 0.3) / 2
    assert clusters[0].cohesion == 1.0  # the reviewer's word replaces the score
    assert clusters[1].cohesion == 0.3  # 4-5 was never compared but counts 1.0: a reviewer joined them


def test_it_closes_must_links_transitively() -> None:
    must = Constraints(must_link=frozenset({(1, 2), (2, 3)}))
    clusters = cluster_records([1, 2, 3, 4], scored((3, 4, 0.9)), must)
    assert groups(clusters) == [(1, 2, 3), (4,)]  # 4 matches only one of three confirmed records


def test_it_rejects_must_links_contradicting_cannot_links() -> None:
    direct = Constraints(must_link=frozenset({(3, 7)}), cannot_link=frozenset({(7, 3)}))
    with pytest.raises(ValueError, match=r"records 3 and 7 are cannot-linked but joined by must-links"):
        cluster_records([3, 7], [], direct)
    chained = Constraints(must_link=frozenset({(1, 2), (2, 3)}), cannot_link=frozenset({(1, 3)}))
    with pytest.raises(ValueError, match=r"records 1 and 3"):
        cluster_records([1, 2, 3], [], chained)


def test_it_rejects_must_links_inside_an_exclusive_list() -> None:
    bad = Constraints(must_link=frozenset({(1, 2)}), group_of={1: "x", 2: "x"}, exclusive_groups=frozenset({"x"}))
    with pytest.raises(ValueError, match=r"records 1, 2 include two records of one exclusive list"):
        cluster_records([1, 2], [], bad)


@pytest.mark.parametrize(
    ("pairs", "constraints", "kwargs", "message"),
    [
        (scored((1, 9, 0.5)), Constraints(), {}, "record 9, which is not among the records"),
        ([], Constraints(must_link=frozenset({(1, 8)})), {}, "must-link names record 8"),
        ([], Constraints(cannot_link=frozenset({(1, 1)})), {}, "cannot-linked but joined"),
        (scored((1, 2, 1.5)), Constraints(), {}, "probability must be in"),
        (scored((1, 2, float("nan"))), Constraints(), {}, "probability must be in"),
        ([], Constraints(), {"threshold": 0.0}, "threshold must be in"),
        ([], Constraints(), {"missing_pair_probability": 0.5}, "missing_pair_probability"),
    ],
)
def test_it_rejects_bad_input(pairs, constraints, kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        cluster_records([1, 2], pairs, constraints, **kwargs)


def test_it_flags_a_weakly_held_cluster() -> None:
    # 3 joins {1, 2} on average (0.95 + 0.1) / 2 = 0.525, but the model thinks 2 and 3 differ.
    clusters = cluster_records([1, 2, 3], scored((1, 2, 0.95), (1, 3, 0.95), (2, 3, 0.1)))
    assert groups(clusters) == [(1, 2, 3)]
    assert clusters[0].cohesion == pytest.approx(0.1)
    assert clusters[0].reasons == ("weakest link 0.10 is below 0.25: may be two people",)
    quiet = cluster_records([1, 2, 3], scored((1, 2, 0.95), (1, 3, 0.95), (2, 3, 0.1)), cohesion_floor=0.05)
    assert not quiet[0].suspicious and quiet[0].reasons == ()


def test_it_flags_more_records_than_lists_can_explain() -> None:
    lists = {1: "a", 2: "a", 3: "b", 4: "b"}
    clusters = cluster_records(range(1, 5), clique((1, 2, 3, 4), 0.9), Constraints(group_of=lists))
    assert clusters[0].reasons == (
        "two records of list a: possible duplicate or two people",
        "two records of list b: possible duplicate or two people",
        "4 records from only 2 lists: more records than one person explains",
    )
    assert suspicious_clusters(clusters) == clusters


def test_it_counts_records_without_a_list_as_separate_sources() -> None:
    clusters = cluster_records(range(1, 5), clique((1, 2, 3, 4), 0.9), Constraints(group_of={1: "a"}))
    assert groups(clusters) == [(1, 2, 3, 4)] and not clusters[0].suspicious


def test_it_orders_clusters_and_their_records() -> None:
    pairs = scored((50, 7, 0.9), (-3, 12, 0.8))
    clusters = cluster_records([50, 12, 7, -3, 99], pairs)
    assert groups(clusters) == [(-3, 12), (7, 50), (99,)]
    assert assignment(clusters) == {-3: 0, 12: 0, 7: 1, 50: 1, 99: 2}
    assert suspicious_clusters(clusters) == []


def test_it_keeps_the_highest_score_of_a_repeated_pair_and_ignores_self_pairs() -> None:
    clusters = cluster_records([1, 2], scored((1, 2, 0.2), (2, 1, 0.8), (1, 1, 1.0)))
    assert clusters == [Cluster((1, 2), 0.8, False, ())]


def test_it_handles_no_records() -> None:
    assert cluster_records([], []) == []


def test_it_refuses_an_assignment_with_a_record_twice() -> None:
    with pytest.raises(ValueError, match="record 1 is in clusters 0 and 1"):
        assignment([Cluster((1,), 1.0, False, ()), Cluster((1, 2), 1.0, False, ())])


def test_it_finds_the_people_in_a_noisy_many_list_example() -> None:
    """Not timed: a smoke test that a mid-sized mixed input runs through every code path."""
    rng = np.random.default_rng(7)
    person = np.repeat(np.arange(400), rng.integers(1, 5, 400))
    n = person.size
    a, b = np.triu_indices(n, 1)
    same = person[a] == person[b]
    noise = rng.random(a.size) < 3.0 / n
    keep = same | noise
    prob = np.where(same, rng.uniform(0.6, 1.0, a.size), rng.uniform(0.0, 0.7, a.size))[keep]
    pairs = [ScoredPair(x, y, p) for x, y, p in zip(a[keep].tolist(), b[keep].tolist(), prob.tolist(), strict=True)]
    clusters = cluster_records(range(n), pairs)
    truth = {record: int(person[record]) for record in range(n)}
    exact = sum(len({truth[r] for r in c.records}) == 1 for c in clusters)
    assert sorted(assignment(clusters)) == list(range(n))
    assert exact >= 0.9 * len(clusters)


# --- properties checked against brute force ---------------------------------------------------------

GRID = [k / 16 for k in range(17)]  # exact binary fractions: sums and averages are exact in both codes


@st.composite
def problems(draw: st.DrawFn) -> dict:
    n = draw(st.integers(1, 9))
    ids = draw(st.lists(st.integers(-50, 10**12), min_size=n, max_size=n, unique=True))
    index_pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(GRID))
    pairs = [ScoredPair(ids[i], ids[j], p) for i, j, p in draw(st.lists(index_pairs, max_size=20)) if i != j]
    record_pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda t: t[0] != t[1])
    constraints = Constraints(
        must_link=frozenset(draw(st.lists(record_pairs, max_size=2))),
        cannot_link=frozenset(draw(st.lists(record_pairs, max_size=3))),
        group_of={record: draw(st.sampled_from("xyz")) for record in ids if draw(st.booleans())},
        exclusive_groups=frozenset(draw(st.sets(st.sampled_from("xyz")))),
    )
    threshold = draw(st.sampled_from([0.5, 0.625, 0.75]))
    missing = draw(st.sampled_from([m for m in (0.0, 0.125, 0.25) if m < threshold]))
    return {"ids": ids, "pairs": pairs, "constraints": constraints, "threshold": threshold, "missing": missing}


def units_of(ids: list[int], must_link: frozenset[tuple[int, int]]) -> dict[int, frozenset[int]]:
    unit = {record: frozenset({record}) for record in ids}
    for a, b in must_link:
        merged = unit[a] | unit[b]
        for record in merged:
            unit[record] = merged
    return unit


def contradictory(ids: list[int], constraints: Constraints) -> bool:
    unit = units_of(ids, constraints.must_link)
    exclusive = constraints.exclusive_groups
    return any(b in unit[a] for a, b in constraints.cannot_link) or any(
        len([r for r in members if constraints.group_of.get(r) in exclusive])
        != len({constraints.group_of[r] for r in members if constraints.group_of.get(r) in exclusive})
        for members in set(unit.values())
    )


def compatible(left: set[int] | frozenset[int], right: set[int] | frozenset[int], constraints: Constraints) -> bool:
    lists = constraints.group_of
    exclusive = {lists.get(r) for r in left} & {lists.get(r) for r in right} & constraints.exclusive_groups
    cannot = constraints.cannot_link
    return not exclusive and not any((a, b) in cannot or (b, a) in cannot for a in left for b in right)


def run(problem: dict, pairs: list[ScoredPair] | None = None, ids: list[int] | None = None,
        log_odds: bool = False) -> list[Cluster]:
    return cluster_records(
        problem["ids"] if ids is None else ids,
        problem["pairs"] if pairs is None else pairs,
        problem["constraints"],
        problem["threshold"],
        missing_pair_probability=problem["missing"],
        log_odds=log_odds,
    )


def log_odds(p: float) -> float:
    """The weight ``cluster_records(log_odds=True)`` gives a pair, written out again here."""
    held = min(max(p, 1 - LOG_ODDS_CAP), LOG_ODDS_CAP)
    return math.log(held / (1 - held))


def score_table(problem: dict) -> dict[frozenset[int], float]:
    table: dict[frozenset[int], float] = {}
    for pair in problem["pairs"]:
        key = frozenset({pair.left, pair.right})
        table[key] = max(table.get(key, 0.0), pair.probability)
    return table


@settings(max_examples=400, deadline=None)
@given(problems())
def test_it_returns_an_ordered_partition_or_rejects_only_real_contradictions(problem: dict) -> None:
    if contradictory(problem["ids"], problem["constraints"]):
        with pytest.raises(ValueError):
            run(problem)
        return
    clusters = run(problem)
    records = [record for cluster in clusters for record in cluster.records]
    assert sorted(records) == sorted(problem["ids"])  # every record exactly once
    assert all(list(c.records) == sorted(c.records) for c in clusters)
    assert [c.records[0] for c in clusters] == sorted(c.records[0] for c in clusters)
    assert all(c.suspicious == bool(c.reasons) for c in clusters)


@settings(max_examples=400, deadline=None)
@given(problems(), st.booleans())
def test_it_respects_constraints_and_is_locally_optimal(problem: dict, by_log_odds: bool) -> None:
    constraints, t, m = problem["constraints"], problem["threshold"], problem["missing"]
    if contradictory(problem["ids"], constraints):
        return
    clusters = [frozenset(c.records) for c in run(problem, log_odds=by_log_odds)]
    table, unit = score_table(problem), units_of(problem["ids"], constraints.must_link)
    weight = log_odds if by_log_odds else (lambda p: p)
    missing = max(m, min(UNSCORED, t / 2)) if by_log_odds else m

    def gain(left: frozenset[int], right: frozenset[int]) -> float:
        return sum(weight(table.get(frozenset({a, b}), missing)) - weight(t) for a in left for b in right)

    for cluster in clusters:
        assert all(unit[r] <= cluster for r in cluster)  # must-link groups whole
        assert all(compatible({a}, {b}, constraints) for a, b in itertools.combinations(cluster, 2))
    for left, right in itertools.combinations(clusters, 2):  # (1) no merge left that does not lower the score
        assert gain(left, right) < 1e-9 or not compatible(left, right, constraints)
    for cluster in clusters:  # (2) no unit gains by leaving or by moving to another cluster
        for members in {unit[r] for r in cluster}:
            stay = gain(members, cluster - members)
            assert stay >= -1e-9 or cluster == members
            for other in clusters:
                if other != cluster and compatible(members, other, constraints):
                    assert gain(members, other) <= stay + 1e-9


@settings(max_examples=200, deadline=None)
@given(problems())
def test_it_reports_the_weakest_link_as_cohesion(problem: dict) -> None:
    if contradictory(problem["ids"], problem["constraints"]):
        return
    table, unit = score_table(problem), units_of(problem["ids"], problem["constraints"].must_link)
    for cluster in run(problem):
        links = [
            1.0 if b in unit[a] else table.get(frozenset({a, b}), problem["missing"])
            for a, b in itertools.combinations(cluster.records, 2)
        ]
        assert cluster.cohesion == min(links, default=1.0)


@settings(max_examples=200, deadline=None)
@given(problems(), st.randoms(use_true_random=False))
def test_it_ignores_the_order_and_orientation_of_pairs_and_records(problem: dict, rnd: random.Random) -> None:
    if contradictory(problem["ids"], problem["constraints"]):
        return
    shuffled = [ScoredPair(p.right, p.left, p.probability) if rnd.random() < 0.5 else p for p in problem["pairs"]]
    shuffled += [ScoredPair(p.left, p.right, 0.0) for p in problem["pairs"] if rnd.random() < 0.3]  # weaker repeats
    rnd.shuffle(shuffled)
    ids = list(problem["ids"])
    rnd.shuffle(ids)
    assert run(problem, pairs=shuffled, ids=ids) == run(problem)


@settings(max_examples=200, deadline=None)
@given(problems())
def test_it_never_joins_records_the_strong_pairs_do_not_connect(problem: dict) -> None:
    if contradictory(problem["ids"], problem["constraints"]):
        return
    component = {record: {record} for record in problem["ids"]}
    strong = [(p.left, p.right) for p in problem["pairs"] if p.probability >= problem["threshold"]]
    for a, b in strong + list(problem["constraints"].must_link):
        merged = component[a] | component[b]
        for record in merged:
            component[record] = merged
    for cluster in run(problem):
        assert set(cluster.records) <= component[cluster.records[0]]
    alone = run(problem, pairs=[])
    must_linked = {r for pair in problem["constraints"].must_link for r in pair}
    assert all(len(c.records) == 1 for c in alone if not set(c.records) & must_linked)
    if not problem["constraints"].must_link:
        assert groups(alone) == [(record,) for record in sorted(problem["ids"])]


@settings(max_examples=100, deadline=None)
@given(problems(), st.lists(st.integers(10**13, 10**13 + 100), unique=True, max_size=5))
def test_it_leaves_clusters_alone_when_unpaired_records_are_added(problem: dict, extra: list[int]) -> None:
    if contradictory(problem["ids"], problem["constraints"]):
        return
    before = run(problem)
    after = run(problem, ids=problem["ids"] + extra)
    assert [c for c in after if c.records[0] not in extra] == before
    assert [c.records for c in after if c.records[0] in extra] == [(r,) for r in sorted(extra)]
