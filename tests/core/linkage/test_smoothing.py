"""No trained level may rule a match out: EM's zeros are floored, unseen agreement gets a small u."""

import math

from tergeu.core.linkage.comparisons import WOMAN_S_OTHER_NAME
from tergeu.core.linkage.model import (
    M_FLOOR,
    MAX_DISAGREEMENT_BAYES_FACTOR,
    U_SAMPLED_PAIRS,
    _capped_disagreements,
    _smoothed,
)


def _model(levels: list[dict]) -> dict:
    return {"comparisons": [{"output_column_name": "family",
                             "comparison_levels": [{"is_null_level": True}, *levels]}]}


def _levels(model: dict) -> list[dict]:
    return model["comparisons"][0]["comparison_levels"][1:]


def test_a_zero_m_is_raised_and_the_levels_keep_their_total() -> None:
    model = _model([{"m_probability": 0.96, "u_probability": 0.01}, {"m_probability": 0.04, "u_probability": 0.02},
                    {"m_probability": 0.0, "u_probability": 0.97}])
    levels = _levels(_smoothed(model))
    assert math.isclose(sum(lvl["m_probability"] for lvl in levels), 1.0)
    assert M_FLOOR * 0.99 < levels[-1]["m_probability"] < M_FLOOR
    assert levels[0]["m_probability"] < 0.96
    assert _levels(model)[-1]["m_probability"] == 0.0  # the input is not changed in place


def test_fixed_levels_keep_their_m_and_a_level_em_never_saw_gets_one() -> None:
    model = _model([{"m_probability": 0.88, "fix_m_probability": True, "u_probability": 0.2},
                    {"u_probability": 0.5}, {"m_probability": 0.12, "fix_m_probability": True, "u_probability": 0.3}])
    levels = _levels(_smoothed(model))
    assert levels[0]["m_probability"] == 0.88 and levels[2]["m_probability"] == 0.12
    assert levels[1]["m_probability"] > 0


def test_agreement_no_random_pair_met_gets_a_small_u_but_unmet_comparisons_stay_empty() -> None:
    met = _model([{"m_probability": 0.9}, {"m_probability": 0.1, "u_probability": 1.0}])
    assert _levels(_smoothed(met))[0]["u_probability"] == 1 / U_SAMPLED_PAIRS
    unmet = _model([{"m_probability": 0.95}, {"m_probability": 0.05}])
    assert all(lvl.get("u_probability") is None for lvl in _levels(_smoothed(unmet)))


def test_em_solutions_where_disagreeing_says_nothing_are_not_kept() -> None:
    """EM at 40,000 people let the date of birth drift until m was within a few per cent of u at every
    level: such a comparison no longer tells people apart, and the prior values are kept instead."""
    from tergeu.core.linkage.model import _implausible

    def comparison(levels: list[tuple[float, float]]) -> dict:
        return {"comparison_levels": [{"is_null_level": True},
                                      *({"m_probability": m, "u_probability": u} for m, u in levels)]}

    assert _implausible(comparison([(0.5, 0.001), (0.45, 0.4), (0.05, 0.057)]))  # last level: m ≈ u
    assert not _implausible(comparison([(0.5, 0.001), (0.45, 0.4), (0.05, 0.599)]))
    assert _implausible(comparison([(0.3, 0.001), (0.3, 0.4), (0.4, 0.599)]))  # most matches disagree


def test_a_woman_s_other_family_name_is_never_evidence_for_a_match() -> None:
    """EM on a list with many married names gave this level m 0.029 against u 0.016 (bazaar, 2,000
    people): a Bayes factor of 1.8 *for* one person. It is held at the disagreement bound."""
    model = _model([{"m_probability": 0.9, "u_probability": 0.01},
                    {"m_probability": 0.029, "u_probability": 0.016, "label_for_charts": WOMAN_S_OTHER_NAME},
                    {"m_probability": 0.071, "u_probability": 0.974}])
    woman = _levels(_smoothed(model))[1]
    assert woman["m_probability"] <= MAX_DISAGREEMENT_BAYES_FACTOR * woman["u_probability"] + 1e-12
    rare = _model([{"m_probability": 0.9, "u_probability": 0.01},
                   {"m_probability": 0.005, "u_probability": 0.03, "label_for_charts": WOMAN_S_OTHER_NAME},
                   {"m_probability": 0.095, "u_probability": 0.96}])
    assert math.isclose(_levels(_smoothed(rare))[1]["m_probability"], 0.005)  # already a disagreement: kept


def test_a_model_saved_before_the_bound_is_held_to_it_too() -> None:
    """Incremental runs reuse the saved model without smoothing it again: the bound applies there too."""
    saved = _model([{"m_probability": 0.7, "u_probability": 0.01},
                    {"m_probability": 0.2, "u_probability": 0.0557, "label_for_charts": WOMAN_S_OTHER_NAME},
                    {"m_probability": 0.1, "u_probability": 0.93}])
    capped = _levels(_capped_disagreements(saved))
    assert math.isclose(capped[1]["m_probability"], MAX_DISAGREEMENT_BAYES_FACTOR * 0.0557)
    assert capped[0]["m_probability"] == 0.7 and _levels(saved)[1]["m_probability"] == 0.2
