"""Records left alone joined to someone by the linkage draws, at rates reviewers' answers support."""

import numpy as np
import pytest

from tergeu.core.linkage.clustering import Constraints, ScoredPair
from tergeu.core.linkage.left_alone import (
    UNREVIEWED_RATES,
    LeftAloneRates,
    join_left_alone,
    left_alone,
    left_alone_sample,
    rates_from_decisions,
)
from tergeu.core.linkage.uncertainty import plausible_clusterings

ALWAYS = LeftAloneRates(with_pair=(1e6, 1e-6), without_pair=(1e6, 1e-6))
NEVER = LeftAloneRates(with_pair=(1e-6, 1e6), without_pair=(1e-6, 1e6))


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


def test_answers_become_one_beta_distribution_per_stratum() -> None:
    answers = [(True, True)] * 6 + [(True, False)] * 4 + [(False, True)] * 1 + [(False, False)] * 29
    rates = rates_from_decisions(answers)
    assert rates.with_pair == (6.5, 4.5) and rates.without_pair == (1.5, 29.5)
    assert rates.source == "reviewed" and rates.decisions == 40
    assert rates.means() == (round(6.5 / 11, 4), round(1.5 / 31, 4))


def test_a_stratum_nobody_answered_stays_wide_rather_than_borrowing_a_default() -> None:
    rates = rates_from_decisions([(False, False)] * 30)
    assert rates.with_pair == (0.5, 0.5)


def test_a_record_with_a_scored_pair_joins_its_best_allowed_partner() -> None:
    groups = [(1,), (2, 3), (4, 5), (6,)]
    pairs = [ScoredPair(1, 2, 0.1), ScoredPair(1, 4, 0.3), ScoredPair(6, 1, 0.05)]
    joined = join_left_alone(groups, pairs, Constraints(), ALWAYS, np.random.default_rng(1))
    # 1 joins its best partner's person; 6's only partner, 1, is then there, and 6 follows it
    assert joined == [(2, 3), (1, 4, 5, 6)]


def test_a_join_never_breaks_a_list_that_names_each_person_once_or_a_reviewers_different() -> None:
    groups = [(1,), (2, 3), (4,)]
    pairs = [ScoredPair(1, 2, 0.4), ScoredPair(1, 4, 0.1)]
    constraints = Constraints(cannot_link=frozenset({(1, 4)}), group_of={1: "morgue", 2: "ngo", 3: "morgue", 4: "x"},
                              exclusive_groups=frozenset({"morgue"}))
    joined = join_left_alone(groups, pairs, constraints, ALWAYS, np.random.default_rng(2))
    assert (1,) in joined  # both partners are forbidden: it stays alone


def test_a_record_with_no_scored_pair_joins_an_allowed_person_at_random() -> None:
    groups = [(1,), (2, 3), (4, 5), (6, 7)]
    constraints = Constraints(group_of={1: "a", 2: "a", 4: "b", 6: "b"}, exclusive_groups=frozenset({"a"}))
    seen = set()
    for seed in range(40):
        joined = join_left_alone(groups, [], constraints, ALWAYS, np.random.default_rng(seed))
        assert len(joined) == 3 and (2, 3) in joined
        seen.update(group for group in joined if 1 in group)
    assert seen == {(1, 4, 5), (1, 6, 7)}


def test_at_a_rate_of_nothing_no_record_is_joined() -> None:
    groups = [(1,), (2, 3), (4,)]
    assert join_left_alone(groups, [ScoredPair(1, 2, 0.3)], Constraints(), NEVER,
                           np.random.default_rng(3)) == [(1,), (2, 3), (4,)]


def test_the_share_joined_follows_the_rate() -> None:
    groups = [(i,) for i in range(1, 2001)] + [(5000, 5001)]
    rates = LeftAloneRates(with_pair=(1.0, 1.0), without_pair=(2000.0, 8000.0))  # about 0.2, firmly
    shares = [1 - (len(join_left_alone(groups, [], Constraints(), rates, np.random.default_rng(seed))) - 1) / 2000
              for seed in range(10)]
    assert 0.15 < float(np.mean(shares)) < 0.21  # two records joined together count once


@pytest.mark.parametrize("rates", [UNREVIEWED_RATES, None])
def test_the_draws_join_records_left_alone_only_when_asked(rates) -> None:
    pairs = [ScoredPair(i, i + 1, 0.1) for i in range(1, 200, 2)]
    draws = plausible_clusterings(range(1, 201), pairs, draws=20, seed=1, left_alone=rates)
    people = [len(clusters) for clusters in draws]
    if rates is None:
        assert people == [200] * 20
    else:
        assert max(people) < 200 and len(set(people)) > 1  # fewer people, and by amounts that differ
        joined = [c for clusters in draws for c in clusters if len(c.records) > 1]
        assert all(c.suspicious and c.cohesion == 0.0 for c in joined)
