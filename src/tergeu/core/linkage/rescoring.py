"""Pairs scored a second time with every comparison's weight kept: explanations and contradictions.

The prediction over all candidate pairs keeps only ids and match weights (a million records give
millions of pairs). Two things need the weight of each comparison, for far fewer pairs:

* a reviewer's explanation of an uncertain pair (``explain``), for the few thousand nearest 0.5;
* whether a pair is weak because some fact disagrees outright, or only for want of facts to agree on
  (``contradicted_pairs``). Two records with one common name can score 0.2-0.4 although one says the
  person was 15 and the other 66: the names' agreement outweighs the birth years' disagreement in
  the sum. The clustering's last pass (``tergeu.core.linkage.attach``) completes a person with a
  record whose pairs are weak for want of evidence; it must not do so across such a contradiction.

Both score the pairs again, alone, by a linker with the same model that keeps every comparison's
level and weight.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pyarrow as pa
from splink import Linker

from tergeu.core.linkage.comparisons import DISAGREEMENT_LEVELS
from tergeu.core.linkage.explain import (
    EXPLAIN_AT_MOST,
    EXPLAIN_BETWEEN,
    EXTRA_STEPS,
    Explanation,
    Step,
    explain,
    level_labels,
)

# A comparison weighing this many bits against a match (odds of 8 to 1 or more) is a fact in
# disagreement, not a missing one: birth years decades apart (about -5), a place outside the other
# record's area (about -5), another patronymic (about -4); trained levels near the bound (years
# within ten, another place of death: about -3 on some lists) may fall either side from one training
# to the next. Levels meant to forgive a disagreement (``comparisons.DISAGREEMENT_LEVELS``: a woman's
# other family name) never count, however low EM put them.
CONTRADICTION_BITS = -3.0
# Pairs checked: every kept pair short of near-certain ones, where the rest of the evidence has already
# outweighed any one disagreeing fact by far. Not only those the attach pass counts as plausible (0.1):
# the estimate's linkage draws move a pair kept at 0.05 above that.
CHECKED_BELOW = 0.95
# Weights added to Splink's after its prediction, each its own step of an explanation: ``EXTRA_STEPS``' keys.
EXTRA_BITS = tuple(EXTRA_STEPS)


def rescored(db_api: Any, table: Any, linker: Linker, left: np.ndarray, right: np.ndarray, name: str) -> Any:
    """The pairs (``left[i]``, ``right[i]``) scored again with every comparison's gamma and weight, as a
    Splink table (drop it when read); ``name`` is the scratch table holding the pairs, dropped here."""
    con = db_api.duckdb_con
    con.register("tergeu_wanted", pa.table({"join_key_l": left.astype(np.int64), "join_key_r": right.astype(np.int64)}))
    con.execute(f"DROP TABLE IF EXISTS {name}")  # ``name``: one of this module's scratch tables, never data
    con.sql("SELECT '0' AS match_key, join_key_l, join_key_r FROM tergeu_wanted").create(name)
    con.unregister("tergeu_wanted")
    settings = {**linker.misc.save_model_to_json(), "retain_intermediate_calculation_columns": True}
    scoring = Linker(table, settings, log_level=logging.ERROR)
    scoring.table_management.register_blocked_pairs_for_predict(db_api.register(name, dataset_display_name=name))
    predicted = scoring.inference.predict(warning_mode="never")
    con.execute(f"DROP TABLE {name}")
    return predicted


def worst_bits_sql(model: dict[str, Any], columns: list[str]) -> str:
    """SQL for the weight of a pair's most disagreeing comparison (bits: the level's weight plus any
    term-frequency adjustment), leaving out the levels of ``DISAGREEMENT_LEVELS``."""
    terms = []
    for spec in model["comparisons"]:
        name = spec["output_column_name"]
        if f"mw_{name}" not in columns:
            raise ValueError(f"the prediction has no weight column for comparison {name!r}")
        bits = " + ".join(f"coalesce({c}, 0)" for c in (f"mw_{name}", f"mw_tf_adj_{name}") if c in columns)
        levels = [lvl for lvl in spec["comparison_levels"] if not lvl.get("is_null_level")]
        forgiven = [len(levels) - 1 - i for i, lvl in enumerate(levels)
                    if lvl.get("label_for_charts") in DISAGREEMENT_LEVELS]  # Splink numbers the first level highest
        if forgiven:
            bits = f"CASE WHEN gamma_{name} IN ({', '.join(map(str, forgiven))}) THEN 0 ELSE {bits} END"
        terms.append(f"({bits})")
    if not terms:
        raise ValueError("the model has no comparisons")
    return f"least({', '.join(terms)})" if len(terms) > 1 else terms[0]


def contradicted_pairs(db_api: Any, table: Any, linker: Linker, left: np.ndarray, right: np.ndarray,
                       probabilities: np.ndarray) -> np.ndarray:
    """Mask of the pairs (under ``CHECKED_BELOW``) where some comparison weighs ``CONTRADICTION_BITS``
    or more against a match."""
    checked = probabilities < CHECKED_BELOW
    found = np.zeros(probabilities.size, dtype=bool)
    if not checked.any():
        return found
    predicted = rescored(db_api, table, linker, left[checked], right[checked], "tergeu_checked_pairs")
    relation = predicted.as_duckdbpyrelation()
    worst = worst_bits_sql(linker.misc.save_model_to_json(), relation.columns)
    rows = relation.select(f"unique_id_l, unique_id_r, {worst} AS worst").filter(
        f"worst <= {CONTRADICTION_BITS}").fetchnumpy()
    predicted.drop_table_from_database_and_remove_from_cache()
    bad = {(int(a), int(b)) for a, b in zip(rows["unique_id_l"], rows["unique_id_r"], strict=True)}
    if bad:  # Splink keeps each pair's orientation; the other way round is accepted all the same
        hits = [(a, b) in bad or (b, a) in bad for a, b in zip(left[checked].tolist(), right[checked].tolist(),
                                                                strict=True)]
        found[np.flatnonzero(checked)[np.asarray(hits, dtype=bool)]] = True
    return found


def _uncertain(probabilities: np.ndarray) -> np.ndarray:
    """Mask of the pairs a reviewer may need explained: uncertain ones, those nearest 0.5 first."""
    low, high = EXPLAIN_BETWEEN
    uncertain = (probabilities >= low) & (probabilities < high)
    if uncertain.sum() > EXPLAIN_AT_MOST:
        closeness = np.where(uncertain, np.abs(probabilities - 0.5), np.inf)
        uncertain = np.zeros_like(uncertain)
        uncertain[np.argsort(closeness, kind="stable")[:EXPLAIN_AT_MOST]] = True
    return uncertain


def explanations(db_api: Any, table: Any, linker: Linker, model: dict[str, Any], weights: dict[str, np.ndarray],
                 probabilities: np.ndarray, shifted: np.ndarray) -> dict[tuple[int, int], Explanation]:
    """Waterfalls for the uncertain pairs: what a reviewer needs, without keeping one per scored pair.

    ``shifted`` are the weights re-based on the lists' priors; the prior of each waterfall is the
    model's, moved by the same amount.
    """
    uncertain = _uncertain(probabilities)
    if not uncertain.any():
        return {}
    left, right = weights["unique_id_l"][uncertain], weights["unique_id_r"][uncertain]
    added = np.column_stack([weights[name][uncertain] for name in EXTRA_BITS])
    wanted, extra = {}, {}
    for a, b, s, w, bits in zip(left, right, shifted[uncertain], weights["match_weight"][uncertain], added,
                                strict=True):
        wanted[(int(a), int(b))] = float(s - w)
        extra[(int(a), int(b))] = [Step(*EXTRA_STEPS[name], float(value))
                                   for name, value in zip(EXTRA_BITS, bits, strict=True)]
    predicted = rescored(db_api, table, linker, left, right, "tergeu_explained_pairs")
    relation = predicted.as_duckdbpyrelation()
    names = [c["output_column_name"] for c in model["comparisons"]]
    columns = ["unique_id_l", "unique_id_r"] + [f"gamma_{n}" for n in names] + [
        c for n in names for c in (f"mw_{n}", f"mw_tf_adj_{n}") if c in relation.columns]
    prior = float(np.log2(model["probability_two_random_records_match"] /
                          (1 - model["probability_two_random_records_match"])))
    labels = level_labels(model)
    found = {}
    for values in relation.select(", ".join(columns)).fetchall():
        row = dict(zip(columns, values, strict=True))
        key = (int(row["unique_id_l"]), int(row["unique_id_r"]))
        if key in wanted:
            found[key] = explain(model, prior + wanted[key], row, labels, extra[key])
    predicted.drop_table_from_database_and_remove_from_cache()
    return found
