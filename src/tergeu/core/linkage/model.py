"""Score pairs of records with Splink 5 on DuckDB: train without labels, predict match probabilities.

All lists are linked and deduplicated at once (one table, ``dedupe_only``, with the list name kept as
a column), because a list may hold a person twice and a person may be on every list.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.internals.exceptions import EMTrainingException

from tergeu.core.linkage.comparisons import casualty_comparisons
from tergeu.core.linkage.explain import EXPLAIN_AT_MOST, EXPLAIN_BETWEEN, Explanation, explain, level_labels

TRAIN_AT_MOST = 30_000  # records the model is trained on; all are scored
EM_RULES = (block_on("family_skeleton", "given_initial"), block_on("birth_year", "given_initial"))
MAX_DISAGREEING_M = 0.35  # if EM says more true matches disagree than this, it has learned something else
LOWEST_WEIGHT = -12.0  # pairs scored below this are not worth keeping, whatever the prior turns out to be
# Candidate pairs: any one rule suffices. Skeletons survive vowel changes; the first letters of the
# family name with the given initial survive a typo late in the surname; the IIN survives every name.
BLOCKING_RULES = (
    block_on("family_skeleton"),
    block_on("given_skeleton", "birth_year"),
    block_on("national_id"),
    block_on("given_skeleton", "death_date", "place"),
    block_on("substr(family, 1, 2)", "given_initial", "death_date"),
    block_on("birth_date"),
    block_on("substr(national_id, 1, 5)"),  # an IIN with a typo late in it
    block_on("right(national_id, 5)"),  # ... or early in it
    "l.family_skeleton = r.given_skeleton AND l.given_skeleton = r.family_skeleton",  # name order swapped
)


@dataclass(frozen=True)
class Scored:
    left: int
    right: int
    probability: float
    match_weight: float


@dataclass
class TrainedModel:
    settings: dict[str, Any]
    pairs: list[Scored]
    explanations: dict[tuple[int, int], Explanation] = field(default_factory=dict)  # uncertain pairs only


def _table(rows: Sequence[dict[str, Any]], new_ids: frozenset[int] | None = None) -> pa.Table:
    schema = pa.schema([
        ("unique_id", pa.int64()), ("source_dataset", pa.string()), ("given", pa.string()),
        ("family", pa.string()), ("patronymic", pa.string()), ("given_initial", pa.string()),
        ("patronymic_initial", pa.string()), ("name_tokens", pa.list_(pa.string())),
        ("given_skeleton", pa.string()), ("family_skeleton", pa.string()), ("birth_date", pa.string()),
        ("birth_year", pa.int32()), ("birth_year_exact", pa.bool_()), ("national_id", pa.string()),
        ("death_date", pa.string()), ("place", pa.string()), ("sex", pa.string()),
    ])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    if new_ids is None:
        return table
    is_new = [row["unique_id"] in new_ids for row in rows]
    return table.append_column("is_new", pa.array(is_new, type=pa.bool_()))


def _only_new_pairs(model: dict[str, Any]) -> dict[str, Any]:
    """The saved model, predicting only pairs with at least one new record (an incremental run)."""
    rules = []
    for rule in model["blocking_rules_to_generate_predictions"]:
        sql = rule["blocking_rule"] if isinstance(rule, dict) else str(rule)
        rules.append(f"({sql}) AND (l.is_new OR r.is_new)")
    settings = {key: value for key, value in model.items() if not key.startswith("tergeu_")}
    return {**settings, "blocking_rules_to_generate_predictions": rules}


def score_pairs(rows: Sequence[dict[str, Any]], threshold: float = 0.05, seed: int = 1,
                em: bool = False, saved_model: dict[str, Any] | None = None,
                new_ids: frozenset[int] | None = None) -> TrainedModel:
    """Train on ``rows`` (from ``features_of``) and return every candidate pair above ``threshold``.

    Above ``TRAIN_AT_MOST`` records, the model is trained on a random sample of them (parameters are
    shares and rates: a sample estimates them as well, at a fraction of the cost) and then scores all.
    With ``saved_model`` (an earlier run's ``settings``) and ``new_ids``, nothing is trained and only
    pairs with at least one new record are scored: adding a list costs what the new list costs.
    """
    db_api = DuckDBAPI()
    table = db_api.register(_table(rows, new_ids if saved_model is not None else None),
                            dataset_display_name="records")
    if saved_model is not None:
        linker = _linker(table, _only_new_pairs(saved_model))
    else:
        linker = _trained_linker(db_api, table, rows, seed, em)
    predictions = linker.inference.predict(threshold_match_weight=LOWEST_WEIGHT, warning_mode="never")
    relation = predictions.as_duckdbpyrelation()
    weights = relation.select("unique_id_l, unique_id_r, match_weight").fetchnumpy()
    model = linker.misc.save_model_to_json() if saved_model is None else dict(saved_model)
    shifted, priors = _priors_by_list_pair(rows, weights, model["probability_two_random_records_match"])
    model["tergeu_priors_by_list_pair"] = {**model.get("tergeu_priors_by_list_pair", {}), **priors}
    probabilities = 1.0 / (1.0 + np.power(2.0, -shifted))
    keep = probabilities >= threshold
    pairs = [Scored(int(a), int(b), float(p), float(w)) for a, b, p, w in zip(
        weights["unique_id_l"][keep], weights["unique_id_r"][keep], probabilities[keep], shifted[keep], strict=True)]
    return TrainedModel(model, pairs, _explanations(relation, model, weights, probabilities, shifted))


def _trained_linker(db_api: Any, table: Any, rows: Sequence[dict[str, Any]], seed: int, em: bool) -> Linker:
    """Train on all rows, or on a sample of ``TRAIN_AT_MOST`` of them, and return a linker over all."""
    if len(rows) <= TRAIN_AT_MOST:
        return _train(table, len(rows), seed, em)
    sample = random.Random(seed).sample(list(rows), TRAIN_AT_MOST)
    training_table = db_api.register(_table(sample), dataset_display_name="training_sample")
    trained = _train(training_table, len(sample), seed, em)
    return _linker(table, trained.misc.save_model_to_json())


def _train(table: Any, size: int, seed: int, em: bool) -> Linker:
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
        # the priors are re-estimated from the scored pairs anyway (``_priors_by_list_pair``).
        fallback = min(0.5, 1.0 / max(size - 1, 1))
        linker = _linker(table, {**estimated, "probability_two_random_records_match": fallback})
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=seed)
    if em:
        for rule in EM_RULES:
            linker = _guarded_em(linker, table, rule)
    return linker


def _explanations(relation: Any, model: dict[str, Any], weights: dict[str, np.ndarray],
                  probabilities: np.ndarray, shifted: np.ndarray) -> dict[tuple[int, int], Explanation]:
    """Waterfalls for the uncertain pairs: what a reviewer needs, without keeping one per scored pair."""
    low, high = EXPLAIN_BETWEEN
    uncertain = (probabilities >= low) & (probabilities < high)
    if not uncertain.any():
        return {}
    if uncertain.sum() > EXPLAIN_AT_MOST:
        closeness = np.where(uncertain, np.abs(probabilities - 0.5), np.inf)
        uncertain = np.zeros_like(uncertain)
        uncertain[np.argsort(closeness)[:EXPLAIN_AT_MOST]] = True
    wanted = {(int(a), int(b)): float(s - w) for a, b, s, w in zip(
        weights["unique_id_l"][uncertain], weights["unique_id_r"][uncertain], shifted[uncertain],
        weights["match_weight"][uncertain], strict=True)}
    names = [c["output_column_name"] for c in model["comparisons"]]
    columns = ["unique_id_l", "unique_id_r", "match_weight"] + [f"gamma_{n}" for n in names] + [
        c for n in names for c in (f"mw_{n}", f"mw_tf_adj_{n}") if c in relation.columns]
    prior = float(np.log2(model["probability_two_random_records_match"] /
                          (1 - model["probability_two_random_records_match"])))
    found = {}
    labels = level_labels(model)
    lowest = float(weights["match_weight"][uncertain].min())
    highest = float(weights["match_weight"][uncertain].max())
    # Only rows in the weight range of the uncertain pairs leave DuckDB; fetching every scored pair with
    # all its columns cost more than the whole linkage on large sets.
    candidates = relation.filter(f"match_weight BETWEEN {lowest!r} AND {highest!r}")
    for values in candidates.select(", ".join(columns)).fetchall():
        row = dict(zip(columns, values, strict=True))
        key = (int(row["unique_id_l"]), int(row["unique_id_r"]))
        if key in wanted:
            found[key] = explain(model, prior + wanted[key], row, labels)
    return found


def _linker(table: Any, settings: Any) -> Linker:
    """A Linker that keeps Splink's training chatter out of Tergeu's output (it sets its own log level)."""
    return Linker(table, settings, log_level=logging.ERROR)


def _implausible(comparison: dict[str, Any]) -> bool:
    """EM found a solution where true matches mostly disagree: it has modelled lists, not people."""
    levels = [lvl for lvl in comparison["comparison_levels"] if not lvl.get("is_null_level")]
    first, last = levels[0].get("m_probability"), levels[-1].get("m_probability")
    return first is None or last is None or last > MAX_DISAGREEING_M or last >= first


def _guarded_em(linker: Linker, table: Any, rule: Any) -> Linker:
    """One EM session; comparisons it made implausible (or a numerical failure) fall back to the priors.

    On lists with common names EM can converge to "same list" rather than "same person", or drive an
    m probability to zero and fail. Tergeu keeps what EM learned only where it stays plausible.
    """
    before = linker.misc.save_model_to_json()
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    except (ValueError, ArithmeticError, EMTrainingException):
        return _linker(table, before)
    after = linker.misc.save_model_to_json()
    kept = [new if not _implausible(new) else old
            for old, new in zip(before["comparisons"], after["comparisons"], strict=True)]
    if kept == after["comparisons"]:
        return linker
    return _linker(table, {**after, "comparisons": kept})


def _priors_by_list_pair(rows: Sequence[dict[str, Any]], weights: dict[str, np.ndarray],
                         prior: float) -> tuple[np.ndarray, dict[str, float]]:
    """Match probabilities that know how lists overlap; returned as weights, with the estimates used.

    Across two lists, a person is named at most once in each, so a record's candidates in the other
    list compete: "Касымов А., 6 January" is likely the one such Kasymov of the other list, and
    unlikely if there are five. Each record's probability of having its match in the other list (the
    coverage, estimated per pair of lists as a fixed point) is shared among its candidates in
    proportion to their Bayes factors, in both directions, and their geometric mean is kept.
    Within one list (duplicates) a single prior per list is found as a fixed point instead.
    """
    list_of = {row["unique_id"]: row["source_dataset"] for row in rows}
    sizes: dict[str, int] = {}
    for name in list_of.values():
        sizes[name] = sizes.get(name, 0) + 1
    left_ids, right_ids = weights["unique_id_l"].astype(np.int64), weights["unique_id_r"].astype(np.int64)
    left_lists = np.array([list_of[int(a)] for a in left_ids])
    right_lists = np.array([list_of[int(b)] for b in right_ids])
    log_bayes = weights["match_weight"].astype(float) - float(np.log2(prior / (1 - prior)))
    probabilities = np.zeros(len(log_bayes))
    estimates: dict[str, float] = {}
    for first, second in sorted({tuple(sorted(pair)) for pair in zip(left_lists, right_lists, strict=True)}):
        mask = ((left_lists == first) & (right_lists == second)) | ((left_lists == second) & (right_lists == first))
        if first == second:
            total = sizes[first] * (sizes[first] - 1) / 2
            shift = self_consistent_shift(weights["match_weight"][mask], prior, max(total, 1.0),
                                          start=min(sizes[first] / max(total, 1.0), 0.5))
            probabilities[mask] = 1.0 / (1.0 + np.power(2.0, -(weights["match_weight"][mask] + shift)))
            estimates[f"{first} ~ {first} (duplicates prior)"] = _prior_after(prior, shift)
            continue
        in_first = np.where(left_lists[mask] == first, left_ids[mask], right_ids[mask])
        in_second = np.where(left_lists[mask] == first, right_ids[mask], left_ids[mask])
        forward, coverage_1 = _shared_among_candidates(in_first, log_bayes[mask], sizes[first], sizes[second])
        backward, coverage_2 = _shared_among_candidates(in_second, log_bayes[mask], sizes[second], sizes[first])
        # A list may hold a person twice: then two candidates split one share although both are right.
        # The plain posterior with the same coverage as prior does not split, so the larger one is kept.
        plain_prior = coverage_1 / sizes[second]
        odds = plain_prior / (1 - plain_prior) * np.power(2.0, np.clip(log_bayes[mask], -200, 200))
        probabilities[mask] = np.maximum(np.sqrt(forward * backward), odds / (1 + odds))
        estimates[f"share of {first} also on {second}"] = coverage_1
        estimates[f"share of {second} also on {first}"] = coverage_2
    clipped = np.clip(probabilities, 1e-15, 1 - 1e-15)
    return np.log2(clipped / (1 - clipped)), estimates


def _shared_among_candidates(owners: np.ndarray, log_bayes: np.ndarray, own_size: int,
                             other_size: int, rounds: int = 100) -> tuple[np.ndarray, float]:
    """P(owner's match is this candidate) when an owner has its match in the other list with probability c."""
    _, owner_index = np.unique(owners, return_inverse=True)
    bayes = np.power(2.0, np.clip(log_bayes, -200, 200)) / other_size
    sums = np.bincount(owner_index, weights=bayes)
    coverage = 0.9
    for _ in range(rounds):
        posterior = coverage * bayes / (1 - coverage + coverage * sums[owner_index])
        new_coverage = float(np.clip(posterior.sum() / own_size, 1e-6, 1 - 1e-6))
        if abs(new_coverage - coverage) < 1e-6:
            break
        coverage = new_coverage
    return coverage * bayes / (1 - coverage + coverage * sums[owner_index]), coverage


def _prior_after(prior: float, shift: float) -> float:
    odds = prior / (1 - prior) * 2.0**shift
    return odds / (1 + odds)


def self_consistent_shift(match_weights: np.ndarray, prior: float, total_pairs: float, rounds: int = 200,
                          start: float | None = None) -> float:
    """How far the prior (in bits) must move so that it equals the share of pairs the model calls matches.

    Splink's first estimate of the prior rests on an assumed recall of a few strict rules, which is
    easily off by a factor of five on casualty lists. Changing the prior shifts every pair's match
    weight by the same amount, so the fixed point ``prior = sum(probabilities) / total_pairs`` is found
    here on the scored pairs alone (pairs not scored are far below any match and add almost nothing).
    Iterating from ``start`` (a prior in (0, 1)) finds the fixed point nearest to it.
    """
    log_prior = np.log2(prior / (1 - prior))
    shift = 0.0 if start is None else float(np.log2(start / (1 - start)) - log_prior)
    for _ in range(rounds):
        expected = float(np.sum(1.0 / (1.0 + np.power(2.0, -(match_weights + shift)))))
        share = min(max(expected / total_pairs, 1e-12), 0.5)
        new_shift = float(np.log2(share / (1 - share)) - log_prior)
        if abs(new_shift - shift) < 1e-4:
            return new_shift
        shift = new_shift
    return shift
