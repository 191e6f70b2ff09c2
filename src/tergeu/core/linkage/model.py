"""Score pairs of records with Splink 5 on DuckDB: train without labels, predict match probabilities.

All lists are linked and deduplicated at once (one table, ``dedupe_only``, with the list name kept as
a column), because a list may hold a person twice and a person may be on every list.

Cost on large sets: the records go to DuckDB once, as columns; blocking keys are capped
(``tergeu.core.linkage.blocking``), so the candidate pairs grow with the records, not their square;
prediction keeps only ids and weights, and the per-comparison columns are computed again only for the
pairs that need them (``rescoring``: explanations of the few thousand uncertain pairs, and which
kept pairs under 0.95 disagree on a fact); the pairs stay NumPy arrays.
"""

from __future__ import annotations

import copy
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

# Splink 5.0 exports no public name for an EM run that fails to converge; this is the one private
# import, pinned with Splink itself (pyproject.toml), so an upgrade that moves it fails at import.
from splink.internals.exceptions import EMTrainingException

from tergeu.core.linkage.blocking import BLOCKING_RULES, add_block_keys, add_closing_pairs, add_edit_pairs
from tergeu.core.linkage.comparisons import (
    DISAGREEMENT_LEVELS,
    casualty_comparisons,
    comparisons_fingerprint,
    father_as_family,
)
from tergeu.core.linkage.explain import Explanation
from tergeu.core.linkage.features import rows_to_table
from tergeu.core.linkage.list_frequencies import add_concentration, name_bits, with_value_counts
from tergeu.core.linkage.name_classes import with_combination_lift
from tergeu.core.linkage.priors import priors_by_list_pair, self_consistent_shift
from tergeu.core.linkage.rescoring import CONTRADICTION_BITS, EXTRA_BITS, contradicted_pairs, explanations
from tergeu.core.linkage.scored import Scored, ScoredPairs

__all__ = ["BLOCKING_RULES", "Scored", "ScoredPairs", "TrainedModel", "score_pairs", "self_consistent_shift"]

TRAIN_AT_MOST = 30_000  # records the model is trained on; all are scored
EM_RULES = (block_on("family_skeleton", "given_initial"), block_on("birth_year", "given_initial"))
EM_PAIRS_AT_MOST = 400_000  # per EM rule, when training on a sample of a large set (Splink samples records)
MAX_DISAGREEING_M = 0.35  # if EM says more true matches disagree than this, it has learned something else
MAX_DISAGREEMENT_BAYES_FACTOR = 0.5  # ... or if full disagreement is not at least twice as likely for non-matches
M_FLOOR = 0.005  # least share of true matches a trained level keeps (see ``_smoothed``)
U_SAMPLED_PAIRS = 2e6  # random pairs the u probabilities are estimated from
LOWEST_WEIGHT = -12.0  # pairs scored below this are not worth keeping, whatever the prior turns out to be
DUCKDB_MEMORY = "1536MB"  # DuckDB spills beyond this, so a million records fit the benchmark's 4 GB


@dataclass
class TrainedModel:
    settings: dict[str, Any]
    pairs: Sequence[Scored]  # a ScoredPairs: NumPy columns read as Scored objects
    explanations: dict[tuple[int, int], Explanation] = field(default_factory=dict)  # uncertain pairs only


def _table(rows: Sequence[dict[str, Any]] | pa.Table, new_ids: frozenset[int] | None = None) -> pa.Table:
    """The records as Arrow columns, with ``is_new`` when scoring only pairs with a new record."""
    table = rows if isinstance(rows, pa.Table) else rows_to_table(rows)
    if new_ids is None:
        return table
    is_new = pc.is_in(table.column("unique_id"), value_set=pa.array(sorted(new_ids), type=pa.int64()))
    return table.append_column("is_new", is_new)


def _connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that spills rather than grows, and need not keep row order (it is not used)."""
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    con.execute("SET preserve_insertion_order = false")
    return con


def _only_new_pairs(model: dict[str, Any]) -> dict[str, Any]:
    """The saved model, predicting only pairs with at least one new record (an incremental run)."""
    rules = []
    for rule in model["blocking_rules_to_generate_predictions"]:
        sql = rule["blocking_rule"] if isinstance(rule, dict) else str(rule)
        rules.append(f"({sql}) AND (l.is_new OR r.is_new)")
    settings = {key: value for key, value in model.items() if not key.startswith("tergeu_")}
    return {**settings, "blocking_rules_to_generate_predictions": rules}


def _with_untrained_u(table: Any, model: dict[str, Any], seed: int) -> dict[str, Any]:
    """The saved model with the u probabilities its training could not estimate, estimated now.

    A run trained on lists without a kind of record never met some levels: before the first list of
    initials only, "initial agrees" and "initials differ" have no u. Splink then falls back on its own
    default u values, which know nothing of these lists (measured: "initials differ" weighed -5 bits
    with a u above 1), so an incremental run let a morgue's "Нурланов Ж.С." match every Нурланов.
    Those u values are estimated by random sampling on all records now; every level the saved model
    did estimate keeps its value, so people already found keep the weights they were linked with.
    Levels the sample still never meets (a rare swapped order) stay as Splink leaves them.
    """
    missing = [(c, level) for c, comparison in enumerate(model["comparisons"])
               for level, spec in enumerate(comparison["comparison_levels"])
               if not spec.get("is_null_level") and spec.get("u_probability") is None]
    if not missing:
        return model
    estimating = _linker(table, {key: value for key, value in model.items() if not key.startswith("tergeu_")})
    estimating.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLED_PAIRS, seed=seed)
    estimated = estimating.misc.save_model_to_json()["comparisons"]
    comparisons = copy.deepcopy(model["comparisons"])
    for c, level in missing:
        comparisons[c]["comparison_levels"][level]["u_probability"] = (
            estimated[c]["comparison_levels"][level].get("u_probability"))
    return {**model, "comparisons": comparisons}


def score_pairs(rows: Sequence[dict[str, Any]] | pa.Table, threshold: float = 0.05, seed: int = 1,
                em: bool = False, saved_model: dict[str, Any] | None = None,
                new_ids: frozenset[int] | None = None, progress: Callable[[str], None] | None = None) -> TrainedModel:
    """Train on ``rows`` (``features_of`` rows or a ``feature_table``); return every candidate pair above ``threshold``.

    Above ``TRAIN_AT_MOST`` records, the model is trained on a random sample of them (parameters are
    shares and rates: a sample estimates them as well, at a fraction of the cost) and then scores all.
    With ``saved_model`` (an earlier run's ``settings``) and ``new_ids``, the model is not retrained (only
    u values it never estimated are filled in) and only pairs with at least one new record are scored:
    adding a list costs what the new list costs.
    """
    con = _connection()
    arrow = with_combination_lift(with_value_counts(_table(rows, new_ids if saved_model is not None else None)))
    record_ids = arrow.column("unique_id").to_numpy()
    lists = arrow.column("source_dataset").dictionary_encode().combine_chunks()
    con.register("tergeu_input", arrow)
    add_block_keys(con, "tergeu_input", "tergeu_records")
    add_concentration(con, "tergeu_records")
    con.unregister("tergeu_input")
    del arrow
    db_api = DuckDBAPI(connection=con)
    table = db_api.register("tergeu_records", dataset_display_name="records")
    step = progress or (lambda _message: None)
    if saved_model is not None:
        step("training skipped: the stored model, completed where it met no such records")
        saved_model = _derived_levels(_with_untrained_u(table, saved_model, seed))  # a level's u may be new
        linker = _linker(table, _only_new_pairs(saved_model))
    else:
        step(f"training the model on {min(record_ids.size, TRAIN_AT_MOST):,} records")
        linker = _trained_linker(db_api, table, record_ids, seed, em)
    step("scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_weight=LOWEST_WEIGHT, warning_mode="never")
    weights = predictions.as_duckdbpyrelation().select("unique_id_l, unique_id_r, match_weight").fetchnumpy()
    predictions.drop_table_from_database_and_remove_from_cache()
    weights = _with_concentration(con, weights)
    only_new = new_ids is not None and saved_model is not None
    weights = _with_edit_pairs(db_api, table, linker, weights, only_new)
    model = linker.misc.save_model_to_json() if saved_model is None else dict(saved_model)
    shifted, priors = _with_priors(record_ids, lists, weights, model)
    weights = _with_closing_pairs(db_api, table, linker, weights, shifted, only_new)
    if weights["match_weight"].size > shifted.size:
        shifted, priors = _with_priors(record_ids, lists, weights, model)
    model["tergeu_priors_by_list_pair"] = {**model.get("tergeu_priors_by_list_pair", {}), **priors}
    if saved_model is None:  # what the model was trained under; a stored one keeps its own
        model["tergeu_comparisons"] = comparisons_fingerprint()
    model["tergeu_contradiction_bits"] = CONTRADICTION_BITS  # this run's pairs carry the mark
    probabilities = _probability(shifted)
    keep = probabilities >= threshold
    left, right = weights["unique_id_l"][keep], weights["unique_id_r"][keep]
    contradicted = contradicted_pairs(db_api, table, linker, left, right, probabilities[keep])
    pairs = ScoredPairs(left, right, probabilities[keep], shifted[keep], contradicted)
    explained = explanations(db_api, table, linker, model, weights, probabilities, shifted)
    return TrainedModel(model, pairs, explained)


def _probability(match_weight: np.ndarray) -> np.ndarray:
    """Match probabilities of match weights (log2 odds)."""
    return 1.0 / (1.0 + np.power(2.0, -match_weight))


def _with_priors(record_ids: np.ndarray, lists: pa.DictionaryArray, weights: dict[str, np.ndarray],
                 model: dict[str, Any]) -> tuple[np.ndarray, dict[str, float]]:
    """The pairs' weights re-based on priors per pair of lists (``priors_by_list_pair``), and those priors."""
    return priors_by_list_pair(
        record_ids, lists.indices.to_numpy(zero_copy_only=False), lists.dictionary.to_pylist(),
        weights["unique_id_l"], weights["unique_id_r"], weights["match_weight"],
        model["probability_two_random_records_match"], known=model.get("tergeu_priors_by_list_pair"))


def _with_concentration(con: Any, weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``weights`` with the bits names lose where they gather added to each pair's match weight, and kept
    apart as well for the pair's explanation: on the pair's two lists (``list_frequencies``), and as a
    family and a given name of one group (``name_classes``)."""
    on_lists, together = name_bits(con, "tergeu_records", weights["unique_id_l"], weights["unique_id_r"])
    return {**weights, "match_weight": np.asarray(weights["match_weight"], dtype=float) + on_lists + together,
            EXTRA_BITS[0]: on_lists, EXTRA_BITS[1]: together}


def _with_edit_pairs(db_api: Any, table: Any, linker: Linker, weights: dict[str, np.ndarray],
                     only_new: bool) -> dict[str, np.ndarray]:
    """``weights`` and those of the pairs of surnames one edit apart (``blocking.add_edit_pairs``) no rule
    compared: scored as given pairs by a second prediction of the same model."""
    add_edit_pairs(db_api.duckdb_con, "tergeu_extra_candidates", "tergeu_records" if only_new else None)
    return _with_given_pairs(db_api, table, linker, weights, "edit_pairs")


def _with_closing_pairs(db_api: Any, table: Any, linker: Linker, weights: dict[str, np.ndarray],
                        shifted: np.ndarray, only_new: bool) -> dict[str, np.ndarray]:
    """``weights`` and those of the pairs no rule compared whose records are both linked to a third
    (``blocking.add_closing_pairs``): the clustering would otherwise count them as unlike."""
    con = db_api.duckdb_con
    con.register("tergeu_links", pa.table({"l": weights["unique_id_l"], "r": weights["unique_id_r"],
                                           "probability": _probability(shifted)}))
    add_closing_pairs(con, "tergeu_extra_candidates", "tergeu_links", "tergeu_records" if only_new else None)
    con.unregister("tergeu_links")
    return _with_given_pairs(db_api, table, linker, weights, "closing_pairs")


def _with_given_pairs(db_api: Any, table: Any, linker: Linker, weights: dict[str, np.ndarray],
                      name: str) -> dict[str, np.ndarray]:
    """``weights`` and those of the candidate pairs in table ``tergeu_extra_candidates`` that ``weights``
    does not hold yet (either way round), scored by a second prediction of the same model.

    A pair some rule compared and that scored under ``LOWEST_WEIGHT`` is scored again and dropped again.
    """
    con = db_api.duckdb_con
    con.register("tergeu_scored", pa.table({"l": weights["unique_id_l"], "r": weights["unique_id_r"]}))
    con.execute("CREATE OR REPLACE TABLE tergeu_extra_pairs AS SELECT p.* FROM tergeu_extra_candidates AS p "
                "ANTI JOIN (SELECT least(l, r) AS a, greatest(l, r) AS b FROM tergeu_scored) AS s "
                "ON least(p.join_key_l, p.join_key_r) = s.a AND greatest(p.join_key_l, p.join_key_r) = s.b")
    con.execute("DROP TABLE tergeu_extra_candidates")
    con.unregister("tergeu_scored")
    if not con.execute("SELECT count(*) FROM tergeu_extra_pairs").fetchall()[0][0]:
        con.execute("DROP TABLE tergeu_extra_pairs")
        return weights
    scoring = _linker(table, linker.misc.save_model_to_json())
    scoring.table_management.register_blocked_pairs_for_predict(
        db_api.register("tergeu_extra_pairs", dataset_display_name=name))
    extra = scoring.inference.predict(threshold_match_weight=LOWEST_WEIGHT, warning_mode="never")
    more = extra.as_duckdbpyrelation().select("unique_id_l, unique_id_r, match_weight").fetchnumpy()
    extra.drop_table_from_database_and_remove_from_cache()
    more = _with_concentration(con, more)
    con.execute("DROP TABLE tergeu_extra_pairs")
    return {name: np.concatenate([np.asarray(weights[name]), np.asarray(more[name])]) for name in weights}


def _trained_linker(db_api: Any, table: Any, record_ids: np.ndarray, seed: int, em: bool) -> Linker:
    """Train on all rows, or on a sample of ``TRAIN_AT_MOST`` of them, and return a linker over all."""
    if record_ids.size <= TRAIN_AT_MOST:
        return _predicting(table, _train(table, record_ids.size, seed, em))
    # Only the sampled ids cross to DuckDB, which copies their records from the table it already has.
    sample = random.Random(seed).sample(record_ids.tolist(), TRAIN_AT_MOST)
    con = db_api.duckdb_con
    con.register("tergeu_sample_ids", pa.table({"unique_id": pa.array(sample, type=pa.int64())}))
    con.execute("CREATE TABLE tergeu_training AS SELECT * FROM tergeu_records "
                "WHERE unique_id IN (SELECT unique_id FROM tergeu_sample_ids)")
    con.unregister("tergeu_sample_ids")
    training_table = db_api.register("tergeu_training", dataset_display_name="training_sample")
    trained = _train(training_table, TRAIN_AT_MOST, seed, em, max_em_pairs=EM_PAIRS_AT_MOST)
    return _predicting(table, trained)


def _predicting(table: Any, trained: Linker) -> Linker:
    """A linker over ``table`` with the trained model, keeping only ids and weights of each scored pair."""
    return _linker(table, {**trained.misc.save_model_to_json(), "retain_intermediate_calculation_columns": False})


def _train(table: Any, size: int, seed: int, em: bool, max_em_pairs: float | None = None) -> Linker:
    """Prior, u by random sampling, then guarded EM, all on ``table``."""
    settings = SettingsCreator(
        link_type="dedupe_only", comparisons=casualty_comparisons(),
        blocking_rules_to_generate_predictions=list(BLOCKING_RULES), retain_intermediate_calculation_columns=True,
    )
    linker = _linker(table, settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("national_id"), block_on("given", "family", "birth_year")], recall=0.6)
    estimated = linker.misc.save_model_to_json()
    if not 0 < estimated["probability_two_random_records_match"] < 1:
        # No pair met the strict rules (a small or sparse set): start from "each record has one match";
        # the priors are re-estimated from the scored pairs anyway (``priors_by_list_pair``).
        fallback = min(0.5, 1.0 / max(size - 1, 1))
        linker = _linker(table, {**estimated, "probability_two_random_records_match": fallback})
    linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLED_PAIRS, seed=seed)
    if em:
        for rule in EM_RULES:
            linker = _guarded_em(linker, table, rule, max_em_pairs)
    return _linker(table, _smoothed(linker.misc.save_model_to_json()))


def _smoothed(model: dict[str, Any]) -> dict[str, Any]:
    """The trained model with no level made impossible for a match, and no agreement left without a u.

    EM on casualty lists drives some m probabilities to zero (all family names of true matches agree
    in the pairs it saw; "similar father's name" never happens), and a zero m weighs minus infinity:
    one married woman's new surname, one clerk's unusual spelling, and the person is split for good.
    So every trained level is raised to ``M_FLOOR`` of the true matches and all are then scaled back to
    the share they held together (a floored level ends a little under ``M_FLOOR``), a pseudo-count in
    the spirit of a Dirichlet prior rather than a value tuned to some data.
    A level of agreement that no random pair met (an exact IIN among 2 million pairs) has no u, and
    Splink would fall back on a default unrelated to these lists; it gets the rate just below what
    the sample could have seen. Comparisons the sample never met at all (no initials-only records yet)
    are left alone, for ``_with_untrained_u`` to fill when such records arrive. A level that is a
    disagreement by nature (``comparisons.DISAGREEMENT_LEVELS``: a woman's other family name) keeps a
    Bayes factor of ``MAX_DISAGREEMENT_BAYES_FACTOR`` at most: its u counts pairs of women only, a small
    share of random pairs, so EM's m can exceed it although another name is no sign of one person.
    """
    comparisons = copy.deepcopy(model["comparisons"])
    for comparison in comparisons:
        levels = [lvl for lvl in comparison["comparison_levels"] if not lvl.get("is_null_level")]
        trained = [lvl for lvl in levels if not lvl.get("fix_m_probability")]
        if trained:
            # A level EM never saw has no m in the saved model; Splink would give it a default.
            room = sum(lvl.get("m_probability") or 0.0 for lvl in trained) or 1.0
            raised = [max(lvl.get("m_probability") or 0.0, M_FLOOR) for lvl in trained]
            for lvl, m in zip(trained, raised, strict=True):
                lvl["m_probability"] = m * room / sum(raised)
        if any(lvl.get("u_probability") is not None for lvl in levels):
            for lvl in levels[:-1]:  # the last level is disagreement, which random pairs always meet
                if lvl.get("u_probability") is None:
                    lvl["u_probability"] = 1 / U_SAMPLED_PAIRS
    return _derived_levels({**model, "comparisons": comparisons})


def _derived_levels(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` with the levels whose weight is set from others rather than trained: the father's name as a
    family name (``father_as_family``) and the disagreements held down (``_capped_disagreements``). For a
    model just trained and for a stored one alike, whose u may have been filled in since."""
    return _capped_disagreements({**model, "comparisons": father_as_family(model["comparisons"])})


def _capped_disagreements(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` with every level of ``comparisons.DISAGREEMENT_LEVELS`` held at a Bayes factor of
    ``MAX_DISAGREEMENT_BAYES_FACTOR``: also applied to a model saved before the bound existed."""
    comparisons = copy.deepcopy(model["comparisons"])
    for comparison in comparisons:
        for lvl in comparison["comparison_levels"]:
            if lvl.get("label_for_charts") in DISAGREEMENT_LEVELS and lvl.get("u_probability") \
                    and lvl.get("m_probability") is not None:
                lvl["m_probability"] = min(lvl["m_probability"], MAX_DISAGREEMENT_BAYES_FACTOR * lvl["u_probability"])
    return {**model, "comparisons": comparisons}


def _linker(table: Any, settings: Any) -> Linker:
    """A Linker that keeps Splink's training chatter out of Tergeu's output (it sets its own log level)."""
    return Linker(table, settings, log_level=logging.ERROR)


def _implausible(comparison: dict[str, Any]) -> bool:
    """EM found a solution that does not describe people: true matches mostly disagree (it has modelled
    lists), or disagreeing is no evidence against a match (m close to u at the last level).

    The second happens on large sets of namesakes: EM can explain the pairs by names alone and let a
    comparison such as the birth year drift until every level says nothing (seen at 40,000 people: m
    within a few per cent of u at every level of the date of birth), and namesakes born decades apart
    are then joined. Whatever lists are linked, two records of one person that fully disagree on a
    fact are rarer than two records of different people that do, by a wide margin.
    """
    levels = [lvl for lvl in comparison["comparison_levels"] if not lvl.get("is_null_level")]
    first, last = levels[0].get("m_probability"), levels[-1].get("m_probability")
    if first is None or last is None or last > MAX_DISAGREEING_M or last >= first:
        return True
    u_last = levels[-1].get("u_probability")
    return bool(u_last) and last > MAX_DISAGREEMENT_BAYES_FACTOR * u_last


def _guarded_em(linker: Linker, table: Any, rule: Any, max_pairs: float | None = None) -> Linker:
    """One EM session; comparisons it made implausible (or a numerical failure) fall back to the priors.

    On lists with common names EM can converge to "same list" rather than "same person", or drive an
    m probability to zero and fail. Tergeu keeps what EM learned only where it stays plausible.
    ``max_pairs`` lets Splink sample the records of a rule that would give more pairs than that.
    """
    before = linker.misc.save_model_to_json()
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(rule, max_pairs=max_pairs)
    except (ValueError, ArithmeticError, EMTrainingException):
        return _linker(table, before)
    after = linker.misc.save_model_to_json()
    kept = [new if not _implausible(new) else old
            for old, new in zip(before["comparisons"], after["comparisons"], strict=True)]
    if kept == after["comparisons"]:
        return linker
    return _linker(table, {**after, "comparisons": kept})
