"""Records left alone joined to someone by the linkage draws, at shares reviewers' answers support."""

import numpy as np
import pytest

from tergeu.core.linkage.clustering import Constraints, ScoredPair, assignment
from tergeu.core.linkage.left_alone import (
    UNREVIEWED_RATES,
    LeftAloneJoiner,
    LeftAloneRates,
    LeftAloneReview,
    keeping_nobody_alone,
    left_alone,
    left_alone_review,
    left_alone_sample,
    rates_from_decisions,
)
from tergeu.core.linkage.uncertainty import plausible_clusterings

ALWAYS = LeftAloneRates(with_pair=(1e6, 1e-6), without_pair=(1e6, 1e-6))
NEVER = LeftAloneRates(with_pair=(1e-6, 1e6), without_pair=(1e-6, 1e6))


def join(groups, pairs, rates, constraints=None, answers=None, seed=1):
    """One draw's joins, the best guess being ``groups`` themselves."""
    review = left_alone_review(groups, pairs, answers, rates)
    return LeftAloneJoiner(pairs, constraints or Constraints(), review).join(groups, np.random.default_rng(seed))


def test_records_alone_are_told_apart_by_whether_they_have_a_scored_pair_to_someone_else() -> None:
    groups = [(1, 2), (3,), (4,), (5,)]
    pairs = [ScoredPair(1, 2, 0.99), ScoredPair(3, 1, 0.1), ScoredPair(4, 4, 0.9)]
    assert left_alone(groups, pairs) == {3: True, 4: False, 5: False}


def test_the_sample_is_chosen_by_a_hash_alone() -> None:
    first = left_alone_sample(range(1, 500), size=30)
    assert first == left_alone_sample(reversed(range(1, 500)), size=30)
    assert len(first) == 30 and first != list(range(1, 31))
    # more records only displace some of the sample, never reorder it
    assert set(left_alone_sample(range(1, 1000), size=30)) & set(range(1, 500)) <= set(first)


def test_answers_are_added_per_stratum_to_the_unreviewed_shares_taken_as_a_prior() -> None:
    answers = [(True, True)] * 6 + [(True, False)] * 4 + [(False, True)] * 1 + [(False, False)] * 29
    rates = rates_from_decisions(answers)
    a, b = UNREVIEWED_RATES.with_pair
    c, d = UNREVIEWED_RATES.without_pair
    assert rates.with_pair == (a + 6, b + 4) and rates.without_pair == (c + 1, d + 29)
    assert rates.source == "reviewed" and rates.decisions == 40
    assert rates_from_decisions([]) == UNREVIEWED_RATES  # nothing read: nothing reviewed


def test_a_record_with_a_scored_pair_joins_its_best_allowed_partner() -> None:
    groups = [(1,), (2, 3), (4, 5)]
    pairs = [ScoredPair(1, 2, 0.1), ScoredPair(1, 4, 0.3)]
    assert join(groups, pairs, ALWAYS) == [(2, 3), (1, 4, 5)]


def test_two_records_alone_that_join_each_other_spend_the_share_twice() -> None:
    """Both alone, each the other's only partner: "all of them are someone found" is one join, not two."""
    groups = [(1,), (2, 3), (6,)]
    for seed in range(10):
        assert sorted(join(groups, [ScoredPair(6, 1, 0.05)], ALWAYS, seed=seed)) == [(1, 6), (2, 3)]


def test_a_join_never_breaks_a_list_that_names_each_person_once_or_a_reviewers_different() -> None:
    groups = [(1,), (2, 3), (4,)]
    pairs = [ScoredPair(1, 2, 0.4), ScoredPair(1, 4, 0.1)]
    constraints = Constraints(cannot_link=frozenset({(1, 4)}), group_of={1: "morgue", 2: "ngo", 3: "morgue", 4: "x"},
                              exclusive_groups=frozenset({"morgue"}))
    joined = join(groups, pairs, ALWAYS, constraints)
    assert (1,) in joined  # both partners are forbidden: it stays alone


def test_chains_of_joins_keep_the_constraints() -> None:
    """1 joins 2; then 3, of 1's list that names each person once, may not follow into that person."""
    groups = [(1,), (2,), (3,)]
    pairs = [ScoredPair(1, 2, 0.6), ScoredPair(3, 1, 0.5), ScoredPair(3, 2, 0.4)]
    constraints = Constraints(group_of={1: "morgue", 2: "ngo", 3: "morgue"}, exclusive_groups=frozenset({"morgue"}))
    for seed in range(20):
        for person in join(groups, pairs, ALWAYS, constraints, seed=seed):
            assert sum(constraints.group_of[r] == "morgue" for r in person) <= 1


def test_a_record_with_no_scored_pair_joins_an_allowed_person_at_random() -> None:
    groups = [(1,), (2, 3), (4, 5), (6, 7)]
    constraints = Constraints(group_of={1: "a", 2: "a", 4: "b", 6: "b"}, exclusive_groups=frozenset({"a"}))
    seen = set()
    for seed in range(40):
        joined = join(groups, [], ALWAYS, constraints, seed=seed)
        assert len(joined) == 3 and (2, 3) in joined
        seen.update(group for group in joined if 1 in group)
    assert seen == {(1, 4, 5), (1, 6, 7)}


def test_at_a_share_of_nothing_no_record_is_joined() -> None:
    groups = [(1,), (2, 3), (4,)]
    assert join(groups, [ScoredPair(1, 2, 0.3)], NEVER) == [(1,), (2, 3), (4,)]


def test_answered_records_are_not_drawn_nobody_stays_alone_and_found_always_joins() -> None:
    groups = [(1,), (2,), (3, 4)]
    for seed in range(20):
        joined = join(groups, [ScoredPair(1, 3, 0.2)], ALWAYS, answers={1: False, 2: True}, seed=seed)
        assert (1,) in joined and (2,) not in joined and len(joined) == 2
    never = join(groups, [], NEVER, answers={1: True}, seed=3)
    assert (1,) not in never


def test_the_records_a_draws_shift_joined_count_against_the_share() -> None:
    """Half the population are someone found; a draw whose shift joined that many already joins no more."""
    best = [(i,) for i in range(1, 401)] + [(1000, 1001)]
    review = LeftAloneReview(dict.fromkeys(range(1, 401), False), {}, LeftAloneRates((1, 1), (5e5, 5e5)))
    shifted = [(i, i + 1) for i in range(1, 400, 2)][:100] + [(i,) for i in range(201, 401)] + [(1000, 1001)]
    joiner = LeftAloneJoiner([], Constraints(), review)
    assert joiner.join(shifted, np.random.default_rng(1), (0.5, 0.5)) == [tuple(sorted(g)) for g in shifted]
    unshifted = joiner.join(best, np.random.default_rng(1))
    no_longer_alone = sum(len(group) - (1000 in group) * 2 for group in unshifted if len(group) > 1)
    assert 190 <= no_longer_alone <= 201  # half of 400, whether they joined each other or the pair


def test_a_record_alone_only_because_a_draw_split_its_person_is_left_so() -> None:
    review = LeftAloneReview({}, {}, ALWAYS)  # the best guess left no one alone
    assert LeftAloneJoiner([], Constraints(), review).join([(1,), (2, 3)], np.random.default_rng(1)) == [(1,), (2, 3)]


@pytest.mark.parametrize("with_review", [True, False])
def test_the_draws_join_records_left_alone_only_when_given_a_review(with_review) -> None:
    pairs = [ScoredPair(i, i + 1, 0.1) for i in range(1, 200, 2)]
    review = left_alone_review([(i,) for i in range(1, 201)], pairs) if with_review else None
    draws = plausible_clusterings(range(1, 201), pairs, draws=20, seed=1, left_alone=review)
    people = [len(clusters) for clusters in draws]
    if not with_review:
        assert people == [200] * 20
    else:
        assert max(people) < 200 and len(set(people)) > 1  # fewer people, and by amounts that differ
        joined = [c for clusters in draws for c in clusters if len(c.records) > 1]
        assert all(c.suspicious and c.cohesion == 0.0 for c in joined)


def test_the_draws_are_the_same_whatever_the_order_of_the_pairs() -> None:
    pairs = [ScoredPair(i, i + 1, 0.1 + (i % 7) / 10) for i in range(1, 120)]
    review = left_alone_review([(i,) for i in range(1, 121)], pairs)
    first = [assignment(c) for c in plausible_clusterings(range(1, 121), pairs, draws=5, seed=4, left_alone=review)]
    again = [assignment(c) for c in plausible_clusterings(range(1, 121), pairs[::-1], draws=5, seed=4,
                                                          left_alone=review)]
    assert first == again


def test_nobody_found_holds_through_the_draws_shift_too() -> None:
    """A record answered "nobody found" is joined neither by the shift of the band nor by a share."""
    pairs = [ScoredPair(1, 2, 0.3), ScoredPair(3, 1, 0.3), ScoredPair(3, 2, 0.3), ScoredPair(5, 6, 0.4)]
    best = [(1, 2), (3,), (5,), (6,)]
    review = left_alone_review(best, pairs, {3: False, 5: False}, ALWAYS)
    for clusters in plausible_clusterings(range(1, 7), pairs, draws=30, seed=2, left_alone=review):
        people = {c.records for c in clusters}
        assert (3,) in people and (5,) in people


def test_a_nobody_answer_a_reviewer_has_since_overruled_with_same_person_gives_way() -> None:
    pairs = [ScoredPair(1, 2, 0.3)]
    constraints = Constraints(must_link=frozenset({(1, 2)}))
    assert keeping_nobody_alone(constraints, pairs, {1: False}) == constraints
    assert keeping_nobody_alone(Constraints(), pairs, {1: False}).cannot_link == frozenset({(1, 2)})


def test_a_draws_shares_are_the_distributions_quantiles() -> None:
    """The share joined is the Beta distribution's quantile the draw was given: low quantiles join few."""
    best = [(i,) for i in range(1, 1001)] + [(5000, 5001)]
    review = LeftAloneReview(dict.fromkeys(range(1, 1001), False), {}, LeftAloneRates((1, 1), (2, 18)))
    joiner = LeftAloneJoiner([], Constraints(), review)
    joined = {}
    for quantile in (0.05, 0.5, 0.95):
        groups = joiner.join(best, np.random.default_rng(3), (0.5, quantile))
        joined[quantile] = sum(len(g) for g in groups if len(g) > 1 and 5000 not in g) + sum(
            len(g) - 2 for g in groups if 5000 in g)
    # Beta(2, 18): 5 %, 50 % and 95 % quantiles 0.019, 0.092, 0.25 of 1,000 records (give or take the coins)
    assert joined[0.05] < 45 < joined[0.5] < 150 < joined[0.95]
