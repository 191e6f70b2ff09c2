"""Explanations: the waterfall of an uncertain pair adds up to its match weight."""

from __future__ import annotations

import math

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.comparisons import casualty_comparisons
from tergeu.core.linkage.explain import level_label
from tergeu.core.linkage.model import score_pairs

NAMES = [("Нурланов Жанболат Серикович", "Zhanbolat Nurlanov"), ("Ахметова Айгерим", "Aigerim Akhmetova"),
         ("Сериков Ерлан", "Yerlan Serikov"), ("Бекова Сауле", "Saule Bekova")]


def test_it_explains_uncertain_pairs_comparison_by_comparison() -> None:
    rows, number = [], 0
    for copy in range(20):
        for cyrillic, latin in NAMES:
            for list_name, name, born in (("official", cyrillic, f"{1980 + copy}-03-12"), ("media", latin, None)):
                number += 1
                facts = {"full_name": name, "date_of_death": "2022-01-05"}
                if born:
                    facts["date_of_birth"] = born
                rows.append(features_of(RecordFacts(number, list_name, facts)))
    model = score_pairs(rows, threshold=0.01, em=True)
    assert model.explanations, "namesakes across 20 copies must leave some pairs uncertain"
    by_pair = {(p.left, p.right): p for p in model.pairs}
    for key, explanation in list(model.explanations.items())[:20]:
        assert {step.comparison for step in explanation.steps} >= {"family", "given", "birth", "death_date"}
        if key in by_pair:
            assert math.isclose(explanation.total_bits, by_pair[key].match_weight, abs_tol=0.01)
        assert any("not compared" in step.level for step in explanation.steps)  # media has no birth date


def test_a_comparison_left_out_for_a_reason_of_its_own_says_which() -> None:
    settings = {"comparisons": [c.get_comparison("duckdb").as_dict() for c in casualty_comparisons()]}
    assert level_label(settings, "family", -1) == "not compared (missing on one side)"
    assert level_label(settings, "place", -1) == (
        "not compared (no place, a district and its city, or a site and a settlement)")
    assert level_label(settings, "death_date", -1) == "not compared (no date of death, or day and month swapped)"
