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

from tergeu.core.linkage.attach import PLAUSIBLE
from tergeu.core.linkage.explain import EXPLAIN_AT_MOST, EXPLAIN_BETWEEN, Explanation, explain, level_labels

# A comparison weighing this many bits against a match (odds of 8 to 1 or more) is a fact in
# disagreement, not a missing one: birth years decades apart (about -5), a place outside the other
# record's area (about -5), another patronymic (about -4). Levels meant to forgive a disagreement
# (a woman's other family name, held at -1 bit by ``model._capped_disagreements``) stay above it.
CONTRADICTION_BITS = -3.0
# Pairs checked: those the attach pass would count as plausible, short of near-certain ones, where the
# rest of the evidence has already outweighed any one disagreeing fact by far.
CHECKED_BETWEEN = (PLAUSIBLE, 0.95)


def rescored(db_api: Any, table: Any, linker: Linker, left: np.ndarray, right: np.ndarray, name: str) -> Any:
    """The pairs (``left[i]``, ``right[i]``) scored again with every comparison's gamma and weight
    (a DuckDB relation; ``name`` is the scratch table holding the pairs)."""
    con = db_api.duckdb_con
    con.register("tergeu_wanted", pa.table({"join_key_l": left.astype(np.int64), "join_key_r": right.astype(np.int64)}))
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT '0' AS match_key, join_key_l, join_key_r FROM tergeu_wanted")
    con.unregister("tergeu_wanted")
    settings = {**linker.misc.save_model_to_json(), "retain_intermediate_calculation_columns": True}
    scoring = Linker(table, settings, log_level=logging.ERROR)
    scoring.table_management.register_blocked_pairs_for_predict(db_api.register(name, dataset_display_name=name))
    return scoring.inference.predict(warning_mode="never").as_duckdbpyrelation()


def _bits(comparison: str, columns: list[str]) -> str:
    """SQL for one comparison's bits: its level's weight plus the term-frequency adjustment, if any."""
    terms = [f"coalesce({c}, 0)" for c in (f"mw_{comparison}", f"mw_tf_adj_{comparison}") if c in columns]
    return " + ".join(terms) or "0"


def contradicted_pairs(db_api: Any, table: Any, linker: Linker, left: np.ndarray, right: np.ndarray,
                       probabilities: np.ndarray) -> np.ndarray:
    """Mask of the pairs (of ``CHECKED_BETWEEN`` probability) where some comparison weighs
    ``CONTRADICTION_BITS`` or more against a match."""
    low, high = CHECKED_BETWEEN
    checked = (probabilities >= low) & (probabilities < high)
    found = np.zeros(probabilities.size, dtype=bool)
    if not checked.any():
        return found
    relation = rescored(db_api, table, linker, left[checked], right[checked], "tergeu_checked_pairs")
    names = [c["output_column_name"] for c in linker.misc.save_model_to_json()["comparisons"]]
    worst = "least(" + ", ".join(_bits(n, relation.columns) for n in names) + ")" if len(names) > 1 \
        else _bits(names[0], relation.columns)
    rows = relation.select(f"unique_id_l, unique_id_r, {worst} AS worst").filter(
        f"worst <= {CONTRADICTION_BITS}").fetchnumpy()
    db_api.duckdb_con.execute("DROP TABLE IF EXISTS tergeu_checked_pairs")
    bad = {(int(a), int(b)) for a, b in zip(rows["unique_id_l"], rows["unique_id_r"], strict=True)}
    if bad:
        positions = np.flatnonzero(checked)
        hits = [(int(a), int(b)) in bad or (int(b), int(a)) in bad
                for a, b in zip(left[checked].tolist(), right[checked].tolist(), strict=True)]
        found[positions[np.asarray(hits, dtype=bool)]] = True
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
    wanted = {(int(a), int(b)): float(s - w) for a, b, s, w in zip(
        left, right, shifted[uncertain], weights["match_weight"][uncertain], strict=True)}
    relation = rescored(db_api, table, linker, left, right, "tergeu_explained_pairs")
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
            found[key] = explain(model, prior + wanted[key], row, labels)
    return found
