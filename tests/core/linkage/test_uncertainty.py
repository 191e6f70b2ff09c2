import numpy as np
import pytest

from tergeu.core.linkage.calibration import Calibration
from tergeu.core.linkage.clustering import Constraints, ScoredPair, assignment
from tergeu.core.linkage.uncertainty import (
    BAND,
    UNREVIEWED_SHIFT,
    _moved,
    plausible_clusterings,
    shift_distribution,
    stratified_quantiles,
)

# Reviewers found the model right on average: the draws centre on its probabilities as they are.
RIGHT_ON_AVERAGE = Calibration(shift=0.0, standard_error=0.0, decisions=100)


def people(clusters) -> set[tuple[int, ...]]:
    return {cluster.records for cluster in clusters}


def test_it_redraws_uncertain_pairs_in_proportion_to_their_probability() -> None:
    pairs = [ScoredPair(1, 2, 0.7), ScoredPair(3, 4, 0.999), ScoredPair(5, 6, 0.001)]
    draws = plausible_clusterings(range(1, 7), pairs, draws=400, seed=7, sweeps=6, calibration=RIGHT_ON_AVERAGE)
    joined = sum((1, 2) in people(clusters) for clusters in draws) / len(draws)
    assert 0.62 < joined < 0.78
    assert all((3, 4) in people(clusters) and (5,) in people(clusters) for clusters in draws)


def test_it_is_reproducible_with_a_seed() -> None:
    pairs = [ScoredPair(1, 2, 0.5), ScoredPair(2, 3, 0.4), ScoredPair(1, 3, 0.6)]
    first = [assignment(c) for c in plausible_clusterings([1, 2, 3], pairs, draws=20, seed=3,
                                                          calibration=RIGHT_ON_AVERAGE)]
    again = [assignment(c) for c in plausible_clusterings([1, 2, 3], pairs, draws=20, seed=3,
                                                          calibration=RIGHT_ON_AVERAGE)]
    assert first == again and len({tuple(sorted(a.items())) for a in first}) > 1


def test_it_keeps_reviewers_decisions_and_does_not_chain() -> None:
    pairs = [ScoredPair(1, 2, 0.6), ScoredPair(2, 3, 0.6), ScoredPair(1, 3, 0.01)]
    constraints = Constraints(cannot_link=frozenset({(1, 2)}))
    for clusters in plausible_clusterings([1, 2, 3], pairs, constraints, draws=50, seed=1):
        found = assignment(clusters)
        assert found[1] != found[2] and found[1] != found[3]


def test_a_person_stays_whole_more_often_than_pair_coins_would_keep_it() -> None:
    """Four records, every pair 0.7: with a coin per pair the person stayed whole in about half the
    draws (measured: 51 %); moving records by their average link keeps it whole about two times in
    three (67 %), as the link of each record with the other three says."""
    pairs = [ScoredPair(a, b, 0.7) for a in range(1, 5) for b in range(a + 1, 5)]
    draws = plausible_clusterings(range(1, 5), pairs, draws=400, seed=5, calibration_spread=0.0, sweeps=6)
    whole = sum((1, 2, 3, 4) in people(clusters) for clusters in draws) / len(draws)
    assert whole > 0.6


def test_draws_scatter_around_the_best_guess() -> None:
    """Three pairs at 0.8 (joined in the best guess), three at 0.2 (apart): the best guess has nine
    people, and the draws too on average; a sampler that leaned to splitting or merging would not."""
    pairs = [ScoredPair(1, 2, 0.8), ScoredPair(3, 4, 0.8), ScoredPair(5, 6, 0.8),
             ScoredPair(7, 8, 0.2), ScoredPair(9, 10, 0.2), ScoredPair(11, 12, 0.2)]
    draws = plausible_clusterings(range(1, 13), pairs, draws=400, seed=2, calibration=RIGHT_ON_AVERAGE)
    mean_people = sum(len(clusters) for clusters in draws) / len(draws)
    assert 8.6 < mean_people < 9.4


def test_must_linked_records_move_together_and_exclusive_lists_hold() -> None:
    pairs = [ScoredPair(1, 3, 0.6), ScoredPair(2, 3, 0.6), ScoredPair(1, 4, 0.6), ScoredPair(3, 4, 0.4)]
    constraints = Constraints(must_link=frozenset({(1, 2)}), group_of={1: "a", 2: "b", 3: "c", 4: "c"},
                              exclusive_groups=frozenset({"c"}))
    for clusters in plausible_clusterings(range(1, 5), pairs, constraints, draws=100, seed=4):
        found = assignment(clusters)
        assert found[1] == found[2] and found[3] != found[4]


def test_a_draw_that_links_more_readily_joins_whole_groups() -> None:
    """Two pairs of records, each pair sure, every pair across at 0.4: the best guess keeps two people.
    Moving one record at a time would join them only by a rare first step (a record leaving its sure
    partner for a person it links to at 0.4); a draw whose probabilities lean to linking joins the
    groups whole, and one that does not keeps the best guess."""
    pairs = [ScoredPair(1, 2, 0.99), ScoredPair(3, 4, 0.99)] + [ScoredPair(a, b, 0.4) for a in (1, 2) for b in (3, 4)]
    plain = plausible_clusterings(range(1, 5), pairs, draws=50, seed=1, calibration_spread=0.0,
                                  calibration=RIGHT_ON_AVERAGE)
    assert all(people(clusters) == {(1, 2), (3, 4)} for clusters in plain)
    leaning = plausible_clusterings(range(1, 5), pairs, draws=50, seed=1, calibration_spread=0.0,
                                    calibration=Calibration(shift=2.0, standard_error=0.0, decisions=100))
    assert all(people(clusters) == {(1, 2, 3, 4)} for clusters in leaning)


def test_the_shifts_centre_on_the_reviewed_calibration_and_widen_by_its_error() -> None:
    assert shift_distribution(None, 0.5) == (UNREVIEWED_SHIFT, 0.5)
    centre, spread = shift_distribution(Calibration(shift=0.8, standard_error=0.3, decisions=60), 0.4)
    assert centre == 0.8 and abs(spread - 0.5) < 1e-12


def test_a_reviewer_s_decision_holds_in_every_draw_even_when_draws_lean_to_linking() -> None:
    pairs = [ScoredPair(1, 2, 0.999), ScoredPair(3, 4, 0.999)]
    constraints = Constraints(cannot_link=frozenset({(1, 2)}), group_of={3: "morgue", 4: "morgue"},
                              exclusive_groups=frozenset({"morgue"}))
    for clusters in plausible_clusterings(range(1, 5), pairs, constraints, draws=10, seed=3,
                                          calibration=Calibration(shift=3.0, standard_error=0.1, decisions=50)):
        found = assignment(clusters)
        assert found[1] != found[2] and found[3] != found[4]


def test_the_order_and_repetition_of_pairs_change_nothing() -> None:
    pairs = [ScoredPair(1, 2, 0.4), ScoredPair(2, 3, 0.6), ScoredPair(1, 3, 0.5), ScoredPair(3, 4, 0.3)]
    shuffled = [ScoredPair(p.right, p.left, p.probability) for p in reversed(pairs)] + [ScoredPair(2, 1, 0.1)]
    first = [assignment(c) for c in plausible_clusterings(range(1, 5), pairs, draws=30, seed=9)]
    again = [assignment(c) for c in plausible_clusterings(range(1, 5), shuffled, draws=30, seed=9)]
    assert first == again


def test_the_shift_moves_the_uncertain_band_and_leaves_sure_pairs_alone() -> None:
    """A reviewed shift read on the band (0.2-0.8) moves a pair at 0.4 to a match, and not one at 0.05
    (moved in full it would reach 0.64): what the band says of the model is not what it says of pairs
    the model is sure of."""
    pairs = [ScoredPair(1, 2, 0.4), ScoredPair(3, 4, 0.05)]
    calibration = Calibration(shift=3.5, standard_error=0.0, decisions=100)
    for clusters in plausible_clusterings(range(1, 5), pairs, draws=20, seed=2, calibration_spread=0.0,
                                          calibration=calibration):
        assert people(clusters) == {(1, 2), (3,), (4,)}


@pytest.mark.parametrize("shift", [-4.0, -2.5, -0.7, 0.7, 2.5, 4.0])
def test_the_moved_log_odds_keep_the_pairs_order_whatever_the_shift(shift: float) -> None:
    log_odds = np.linspace(-8, 8, 801)
    moved = _moved(log_odds, shift)
    assert np.all(np.diff(moved) >= -1e-12)
    whole, _faded = BAND
    inside = np.abs(log_odds) <= whole
    assert np.allclose(moved[inside], log_odds[inside] + shift) and moved[0] == log_odds[0]


def test_unreviewed_draws_lean_to_linking_by_the_shift_measured_on_generated_lists() -> None:
    """With no reviewed calibration the draws are centred on ``UNREVIEWED_SHIFT`` (+0.7 log-odds): a
    person whose records the model links at 0.4 (best guess: apart) is whole in every draw without
    spread, and in most draws with it."""
    pairs = [ScoredPair(1, 2, 0.4), ScoredPair(3, 4, 0.999)]
    assert UNREVIEWED_SHIFT > 0.5
    steady = plausible_clusterings(range(1, 5), pairs, draws=20, seed=1, calibration_spread=0.0)
    assert all(people(clusters) == {(1, 2), (3, 4)} for clusters in steady)
    spread = plausible_clusterings(range(1, 5), pairs, draws=400, seed=1)
    joined = sum((1, 2) in people(clusters) for clusters in spread) / len(spread)
    assert 0.6 < joined < 0.95


def test_draws_keep_which_pairs_disagree_on_a_fact(monkeypatch) -> None:
    """A draw moves the probabilities, not the facts: a pair marked contradicted stays so in every draw,
    so the draws' last pass refuses what the best guess's refused."""
    import tergeu.core.linkage.uncertainty as uncertainty

    seen = []
    real = uncertainty.cluster_records

    def recording(ids, pairs, *args, **kwargs):
        seen.append({(p.left, p.right): p.contradicted for p in pairs})
        return real(ids, pairs, *args, **kwargs)

    monkeypatch.setattr(uncertainty, "cluster_records", recording)
    pairs = [ScoredPair(1, 2, 0.9), ScoredPair(1, 3, 0.6), ScoredPair(2, 3, 0.3, contradicted=True)]
    plausible_clusterings([1, 2, 3], pairs, draws=3, seed=4)
    assert seen == [{(1, 2): False, (1, 3): False, (2, 3): True}] * 3


def test_the_draws_sweeps_do_not_attach_a_record_across_a_pair_in_disagreement() -> None:
    """The sweeps (off by default) copy the attach pass's rule, the mark included: a lone record that
    only the two-strongest-pairs rule would join is then weighed by its average link alone."""
    record = [ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3)]
    assert _swept_in(record + [ScoredPair(4, 3, 0.23)]) > 0.85  # odds of the two strongest together: about 15 to 1
    assert _swept_in(record + [ScoredPair(4, 3, 0.23, contradicted=True)]) < 0.65  # average link 0.48


def test_the_draws_sweeps_let_one_member_be_unscored_as_the_attach_pass_does() -> None:
    """A lone record whose pair with one member was never kept joins as often as when every pair is scored,
    once its two strongest pairs reach 0.8 together; under that, its average link alone weighs it."""
    assert _swept_in([ScoredPair(4, 1, 0.91), ScoredPair(4, 2, 0.3)]) > 0.85  # 4-3 unscored; together 0.94
    assert _swept_in([ScoredPair(4, 1, 0.7), ScoredPair(4, 2, 0.3)]) < 0.5  # together 0.79: average link 0.33


def _swept_in(record: list[ScoredPair]) -> float:
    """How often one sweep of the draws puts lone record 4 (its pairs ``record``) into the person 1-2-3."""
    from tergeu.core.linkage.partitions import PartitionSampler

    person = [ScoredPair(1, 2, 0.9), ScoredPair(1, 3, 0.9), ScoredPair(2, 3, 0.9)]
    sampler = PartitionSampler([1, 2, 3, 4], person + record, Constraints(), 0.5, [(1, 2, 3), (4,)])
    rng = np.random.default_rng(7)
    draws = [sampler.draw(rng, sweeps=1) for _ in range(300)]
    return sum(any(c.records == (1, 2, 3, 4) for c in found) for found in draws) / len(draws)


@pytest.mark.parametrize("draws", [1, 5, 20])
def test_each_draw_takes_its_own_slice_of_every_quantity(draws: int) -> None:
    """A Latin hypercube: in every column one quantile per slice of (0, 1), so no draws bunch up."""
    quantiles = stratified_quantiles(draws, 3, np.random.default_rng(draws))
    assert quantiles.shape == (draws, 3)
    for column in quantiles.T:
        assert sorted(np.floor(column * draws).astype(int).tolist()) == list(range(draws))
    assert stratified_quantiles(0, 3, np.random.default_rng(1)).shape == (0, 3)


def test_two_draws_fall_on_either_side_of_the_shifts_median() -> None:
    """A pair linked only by a shift above the median: of two draws, exactly one links it, for every seed
    (independent draws would agree half of the time)."""
    pairs = [ScoredPair(1, 2, float(1 / (1 + np.exp(UNREVIEWED_SHIFT))))]  # log-odds -UNREVIEWED_SHIFT
    for seed in range(20):
        linked = [len(clusters) == 1 for clusters in plausible_clusterings([1, 2], pairs, draws=2, seed=seed)]
        assert sorted(linked) == [False, True]
