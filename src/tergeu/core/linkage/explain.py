"""Why two records were (or were not) called one person: the match weight, comparison by comparison.

Splink's waterfall: the prior (here, the one Tergeu re-based for the two records' lists), then for each
comparison the level the pair fell in and the bits of evidence it added (log2 of m/u, plus the
term-frequency adjustment for a rare or common value). Reviewers see this beside the two records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

EXPLAIN_BETWEEN = (0.05, 0.95)  # pairs this uncertain get an explanation kept with the run
EXPLAIN_AT_MOST = 5000  # ... the ones nearest 0.5 first: a review queue never needs more


@dataclass(frozen=True)
class Step:
    comparison: str
    level: str
    bits: float


@dataclass(frozen=True)
class Explanation:
    prior_bits: float
    steps: tuple[Step, ...]

    @property
    def total_bits(self) -> float:
        return self.prior_bits + sum(step.bits for step in self.steps)


def level_label(settings: dict[str, Any], comparison: str, gamma: int) -> str:
    """The label of the level Splink numbered ``gamma`` (-1 = null; else highest number = first level)."""
    for spec in settings["comparisons"]:
        if spec["output_column_name"] != comparison:
            continue
        levels = [lvl for lvl in spec["comparison_levels"] if not lvl.get("is_null_level")]
        if gamma < 0:
            return _not_compared(spec)
        index = len(levels) - 1 - gamma
        return levels[index].get("label_for_charts") or levels[index].get("sql_condition", "")
    raise KeyError(f"no comparison {comparison!r} in the model")


def _not_compared(spec: dict[str, Any]) -> str:
    """Why a comparison said nothing: a value missing on one side, or the reason its own null level gives
    (a district and its city, a date with day and month swapped, places compared instead)."""
    null = next((lvl for lvl in spec["comparison_levels"] if lvl.get("is_null_level")), {})
    label = null.get("label_for_charts") or ""
    if label and not label.endswith(" is NULL"):
        return f"not compared ({label})"
    return "not compared (missing on one side)"


def level_labels(settings: dict[str, Any]) -> dict[tuple[str, int], str]:
    """Every (comparison, gamma) → label, computed once per model rather than once per explained pair."""
    labels = {}
    for spec in settings["comparisons"]:
        name = spec["output_column_name"]
        count = sum(1 for lvl in spec["comparison_levels"] if not lvl.get("is_null_level"))
        for gamma in range(-1, count):
            labels[(name, gamma)] = level_label(settings, name, gamma)
    return labels


# Steps after the comparisons': names that gather on the pair's two lists (``list_frequencies``), and a
# family and a given name of one group of names (``name_classes``); keyed as ``rescoring.EXTRA_BITS``.
LISTS_STEP = ("lists", "how common its names are on these two lists")
NAMES_STEP = ("names", "how often its family and given names go together")
EXTRA_STEPS = {"concentration_bits": LISTS_STEP, "dependence_bits": NAMES_STEP}


def explain(settings: dict[str, Any], prior_bits: float, row: dict[str, Any],
            labels: dict[tuple[str, int], str] | None = None, extra: Sequence[Step] = ()) -> Explanation:
    """Build the waterfall from one prediction row holding gamma_<c>, mw_<c> and mw_tf_adj_<c> values,
    then the ``extra`` steps (weights added after Splink's) that moved the pair's weight."""
    labels = labels or level_labels(settings)
    steps = []
    for spec in settings["comparisons"]:
        name = spec["output_column_name"]
        gamma = int(row[f"gamma_{name}"])
        bits = float(row.get(f"mw_{name}") or 0.0) + float(row.get(f"mw_tf_adj_{name}") or 0.0)
        steps.append(Step(name, labels[(name, gamma)], round(bits, 3)))
    steps.extend(Step(step.comparison, step.level, round(step.bits, 3)) for step in extra if round(step.bits, 3))
    return Explanation(round(prior_bits, 3), tuple(steps))
