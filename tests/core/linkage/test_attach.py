"""The last pass that lets a sparse record join the person it matches, when the rest merely lacks evidence."""

from __future__ import annotations

import itertools

from tergeu.core.linkage.clustering import Constraints, ScoredPair, cluster_records


def person(members: tuple[int, ...], p: float = 0.9) -> list[ScoredPair]:
    return [ScoredPair(a, b, p) for a, b in itertools.combinations(members, 2)]


def groups(pairs: list[ScoredPair], records: range, constraints: Constraints | None = None,
           threshold: float = 0.5) -> list[tuple[int, ...]]:
    return [c.records for c in cluster_records(records, pairs, constraints or Constraints(), threshold,
                                               attach_sparse=True)]


# "Кашафутдинов А.Д." (4): 0.91 with the official record that has the patronymic, weak with the others
SPARSE = person((1, 2, 3)) + [ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3), ScoredPair(4, 3, 0.18)]


def test_a_sparse_record_joins_the_person_it_matches_on_its_best_link() -> None:
    assert [c.records for c in cluster_records(range(1, 5), SPARSE)] == [(1, 2, 3), (4,)]  # average 0.46
    clusters = cluster_records(range(1, 5), SPARSE, attach_sparse=True)
    assert [c.records for c in clusters] == [(1, 2, 3, 4)]
    assert clusters[0].cohesion == 0.18 and clusters[0].suspicious  # still shown to a reviewer


def test_it_stays_alone_when_a_member_contradicts_it() -> None:
    near_floor = person((1, 2, 3)) + [ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3), ScoredPair(4, 3, 0.06)]
    assert groups(near_floor, range(1, 5)) == [(1, 2, 3), (4,)]


def test_one_member_may_be_unscored_when_the_others_match_it_strongly() -> None:
    """"Мухаммед Қайратұлы" and the morgue's "Алгулов М.К." share two initials: their pair is never kept,
    though nothing disagrees. The others' pairs must then reach 0.8 together; two unscored members, or
    an unscored and an implausible one, keep the record alone."""
    one_unscored = person((1, 2, 3)) + [ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3)]  # 1 - 0.09 x 0.7 = 0.94
    assert groups(one_unscored, range(1, 5)) == [(1, 2, 3, 4)]
    weaker = person((1, 2, 3)) + [ScoredPair(4, 1, 0.7), ScoredPair(4, 2, 0.3)]  # 0.79: enough if 4-3 were scored
    assert groups(weaker, range(1, 5)) == [(1, 2, 3), (4,)]
    assert groups(weaker + [ScoredPair(4, 3, 0.2)], range(1, 5)) == [(1, 2, 3, 4)]
    two_unscored = person((1, 2, 3, 4)) + [ScoredPair(5, 1, 0.91), ScoredPair(5, 2, 0.9)]
    assert groups(two_unscored, range(1, 6)) == [(1, 2, 3, 4), (5,)]
    vetoed = person((1, 2, 3, 4)) + [ScoredPair(5, 1, 0.91), ScoredPair(5, 2, 0.6), ScoredPair(5, 3, 0.2),
                                     ScoredPair(5, 4, 0.2, contradicted=True)]  # averages 0.48
    assert groups(vetoed, range(1, 6)) == [(1, 2, 3, 4), (5,)]
    assert groups(vetoed[:-1], range(1, 6)) == [(1, 2, 3, 4, 5)]  # the same without the disagreeing pair


def test_an_unscored_member_never_lowers_the_bar() -> None:
    """At a threshold above 0.8 a record with an unscored member needs the threshold, as with none."""
    strong = person((1, 2, 3), 0.95) + [ScoredPair(4, 1, 0.7), ScoredPair(4, 2, 0.5)]  # together 0.85
    assert groups(strong + [ScoredPair(4, 3, 0.2)], range(1, 5), threshold=0.9) == [(1, 2, 3), (4,)]
    assert groups(strong, range(1, 5), threshold=0.9) == [(1, 2, 3), (4,)]
    assert groups(strong, range(1, 5), threshold=0.8) == [(1, 2, 3, 4)]


def test_a_lone_record_with_the_smaller_id_joins_alike() -> None:
    """The pass reads each pair from the lone record's side, whichever id is smaller."""
    assert groups(person((2, 3, 4)) + [ScoredPair(1, 2, 0.91), ScoredPair(3, 1, 0.3)], range(1, 5)) == [(1, 2, 3, 4)]
    vetoed = person((2, 3, 4, 5)) + [ScoredPair(1, 2, 0.91), ScoredPair(1, 3, 0.6), ScoredPair(1, 4, 0.2),
                                     ScoredPair(5, 1, 0.2, contradicted=True)]
    assert groups(vetoed, range(1, 6)) == [(1,), (2, 3, 4, 5)]


def test_it_stays_alone_when_a_member_disagrees_on_a_fact_despite_a_plausible_score() -> None:
    """A 15-year-old and a 66-year-old with one common name score 0.23: not weak for want of evidence."""
    plausible = person((1, 2, 3)) + [ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3), ScoredPair(4, 3, 0.23)]
    assert groups(plausible, range(1, 5)) == [(1, 2, 3, 4)]
    disagreeing = plausible[:-1] + [ScoredPair(4, 3, 0.23, contradicted=True)]
    assert groups(disagreeing, range(1, 5)) == [(1, 2, 3), (4,)]
    either_way_round = plausible[:-1] + [ScoredPair(3, 4, 0.23, contradicted=True)]
    assert groups(either_way_round, range(1, 5)) == [(1, 2, 3), (4,)]
    best_link_disagreeing = plausible[:3] + [ScoredPair(4, 1, 0.91, contradicted=True)] + plausible[4:]
    assert groups(best_link_disagreeing, range(1, 5)) == [(1, 2, 3), (4,)]


def test_a_disagreeing_pair_does_not_stop_average_linkage() -> None:
    """The mark is read by the last pass only: a record that matches the whole cluster on average joins."""
    strong = person((1, 2, 3)) + [ScoredPair(4, 1, 0.99), ScoredPair(4, 2, 0.99),
                                  ScoredPair(4, 3, 0.3, contradicted=True)]
    clusters = cluster_records(range(1, 5), strong, attach_sparse=True, log_odds=True)
    assert [c.records for c in clusters] == [(1, 2, 3, 4)]


def test_it_stays_alone_when_two_people_fit() -> None:
    """Brothers: "Ахмадиев А.А." matches Абдинур Агзамович and Азамат Агынович alike."""
    brothers = person((1, 2)) + person((3, 4)) + [
        ScoredPair(5, 1, 0.75), ScoredPair(5, 2, 0.2), ScoredPair(5, 3, 0.75), ScoredPair(5, 4, 0.2)]
    assert groups(brothers, range(1, 6)) == [(1, 2), (3, 4), (5,)]
    one_brother = brothers[:-2]
    assert groups(one_brother, range(1, 6)) == [(1, 2, 5), (3, 4)]


def test_a_brother_whose_pair_disagrees_on_a_fact_is_no_second_candidate() -> None:
    """The record fits one brother, and another fact rules the other out."""
    brothers = person((1, 2)) + person((3, 4)) + [
        ScoredPair(5, 1, 0.75), ScoredPair(5, 2, 0.2), ScoredPair(5, 3, 0.75), ScoredPair(5, 4, 0.2, contradicted=True)]
    assert groups(brothers, range(1, 6)) == [(1, 2, 5), (3, 4)]


def test_it_respects_cannot_links_and_exclusive_lists() -> None:
    assert groups(SPARSE, range(1, 5), Constraints(cannot_link=frozenset({(2, 4)}))) == [(1, 2, 3), (4,)]
    exclusive = Constraints(group_of={1: "official", 2: "ngo", 3: "morgue", 4: "morgue"},
                            exclusive_groups=frozenset({"morgue"}))
    assert groups(SPARSE, range(1, 5), exclusive) == [(1, 2, 3), (4,)]


def test_one_record_joins_a_cluster_per_pass_the_best_matching() -> None:
    pairs = SPARSE + [ScoredPair(5, 1, 0.7), ScoredPair(5, 2, 0.3), ScoredPair(5, 3, 0.2)]
    assert groups(pairs, range(1, 6)) == [(1, 2, 3, 4), (5,)]


def test_it_keeps_clusters_named_by_their_smallest_record() -> None:
    pairs = person((5, 6, 7)) + [ScoredPair(1, 5, 0.91), ScoredPair(1, 6, 0.3), ScoredPair(1, 7, 0.2)]
    assert groups(pairs, range(1, 8)) == [(1, 5, 6, 7), (2,), (3,), (4,)]


def test_pairs_each_under_the_threshold_can_join_together() -> None:
    # A media record 0.47 with the official entry and 0.44 with the NGO entry of one man: 1 - 0.53 * 0.56 = 0.70.
    together = person((1, 2)) + [ScoredPair(3, 1, 0.47), ScoredPair(3, 2, 0.44)]
    assert groups(together, range(1, 4)) == [(1, 2, 3)]
    weak = person((1, 2)) + [ScoredPair(3, 1, 0.25), ScoredPair(3, 2, 0.2)]  # 1 - 0.75 * 0.8 = 0.4
    assert groups(weak, range(1, 4)) == [(1, 2), (3,)]


def test_many_weak_pairs_with_a_large_cluster_do_not_add_up_to_a_match() -> None:
    members = tuple(range(1, 8))
    weak = person(members) + [ScoredPair(8, m, 0.11) for m in members]  # all seven: 1 - 0.89**7 = 0.56
    assert groups(weak, range(1, 9)) == [members, (8,)]
