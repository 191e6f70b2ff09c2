"""Priors that know how lists overlap: Splink's one prior, re-based per pair of lists on the scored pairs.

Everything here works on NumPy arrays of the scored pairs (ids, match weights) and one list code per
record, so it costs the same per pair on a million records as on a thousand.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np


def _list_codes(record_ids: np.ndarray, list_codes: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The list code of each id in ``ids`` (``record_ids`` need not be sorted)."""
    if record_ids.size and record_ids.min() >= 0 and record_ids.max() < 4 * record_ids.size + 1_000_000:
        dense = np.zeros(int(record_ids.max()) + 1, dtype=list_codes.dtype)  # ids are row numbers: index them
        dense[record_ids] = list_codes
        return dense[ids]
    order = np.argsort(record_ids, kind="stable")
    position = np.searchsorted(record_ids[order], ids)
    return list_codes[order][position]


def priors_by_list_pair(record_ids: np.ndarray, record_lists: np.ndarray, list_names: list[str],
                        left_ids: np.ndarray, right_ids: np.ndarray, match_weight: np.ndarray,
                        prior: float, known: Mapping[str, float] | None = None,
                        overlaps: Mapping[str, float] | None = None) -> tuple[np.ndarray, dict[str, float]]:
    """Match probabilities that know how lists overlap; returned as weights, with the estimates used.

    Across two lists, a person is named at most once in each, so a record's candidates in the other
    list compete: "Касымов А., 6 January" is likely the one such Kasymov of the other list, and
    unlikely if there are five. Each record's probability of having its match in the other list (the
    coverage, estimated per pair of lists as a fixed point) is shared among its candidates in
    proportion to their Bayes factors, in both directions, and their geometric mean is kept.
    Within one list (duplicates) a single prior per list is found as a fixed point instead, first:
    a list that names some people twice gives such a record two right candidates, which should not
    compete, so each direction's share is mixed with the plain posterior (no competition) in the
    proportion of the other list's records that have a duplicate. Until 5 December the larger of the
    two was kept, which undid the competition for every record with a strong namesake and fused
    namesakes at 40,000 people (ledger: precision 0.85; 0.89 with the mixture).
    ``record_lists`` holds, per record of ``record_ids``, an index into ``list_names``. ``known`` is an
    earlier run's estimates: a list whose own pairs are not scored now (an incremental run scores only
    pairs with a new record) keeps the share of duplicates found then.
    """
    sizes = np.bincount(record_lists, minlength=len(list_names))
    left_lists = _list_codes(record_ids, record_lists, left_ids.astype(np.int64))
    right_lists = _list_codes(record_ids, record_lists, right_ids.astype(np.int64))
    match_weight = match_weight.astype(float)
    probabilities = np.zeros(len(match_weight))
    estimates: dict[str, float] = {}
    low, high = np.minimum(left_lists, right_lists), np.maximum(left_lists, right_lists)
    pair_code = low.astype(np.int64) * len(list_names) + high
    codes = [divmod(int(code), len(list_names)) for code in np.unique(pair_code)]
    # per list, the share of its records named twice in it (the last estimate, until its pairs are scored)
    twice = np.array([(known or {}).get(_twice_key(name), 0.0) for name in list_names])
    for a, b in codes:
        if a == b:
            mask = pair_code == a * len(list_names) + a
            probabilities[mask], estimates[f"{list_names[a]} ~ {list_names[a]} (duplicates prior)"] = \
                _duplicates(match_weight[mask], prior, int(sizes[a]))
            twice[a] = min(1.0, 2.0 * float(probabilities[mask].sum()) / max(int(sizes[a]), 1))
            twice[a] = (overlaps or {}).get(_twice_key(list_names[a]), twice[a])
            estimates[_twice_key(list_names[a])] = float(twice[a])
    log_bayes = match_weight - float(np.log2(prior / (1 - prior)))
    for a, b in codes:
        if a == b:
            continue
        first, second = sorted((a, b), key=lambda code: list_names[code])
        mask = pair_code == a * len(list_names) + b
        left_first = left_lists[mask] == first
        owners = (np.where(left_first, left_ids[mask], right_ids[mask]),
                  np.where(left_first, right_ids[mask], left_ids[mask]))
        keys = (_share_key(list_names[first], list_names[second]), _share_key(list_names[second], list_names[first]))
        probabilities[mask], coverages = _across(owners, log_bayes[mask], (int(sizes[first]), int(sizes[second])),
                                                 (twice[first], twice[second]),
                                                 tuple((overlaps or {}).get(key) for key in keys))
        estimates[keys[0]], estimates[keys[1]] = coverages
    clipped = np.clip(probabilities, 1e-15, 1 - 1e-15)
    return np.log2(clipped / (1 - clipped)), estimates


def _share_key(name: str, other: str) -> str:
    return f"share of {name} also on {other}"


def _twice_key(name: str) -> str:
    return f"{name}: share of its records named twice in it"


def _duplicates(match_weight: np.ndarray, prior: float, size: int) -> tuple[np.ndarray, float]:
    """Probabilities of pairs within one list, with the list's own prior found as a fixed point."""
    total = size * (size - 1) / 2
    shift = self_consistent_shift(match_weight, prior, max(total, 1.0), start=min(size / max(total, 1.0), 0.5))
    return 1.0 / (1.0 + np.power(2.0, -(match_weight + shift))), _prior_after(prior, shift)


def _across(owners: tuple[np.ndarray, np.ndarray], log_bayes: np.ndarray, sizes: tuple[int, int],
            twice: tuple[float, float], given: tuple[float | None, ...] = (None, None),
            ) -> tuple[np.ndarray, tuple[float, float]]:
    """Probabilities of pairs across two lists: each direction's shared chance, mixed with the plain
    posterior by the other list's share of duplicates, then their geometric mean."""
    forward, coverage_1 = _shared_among_candidates(owners[0], log_bayes, sizes[0], sizes[1], given[0])
    backward, coverage_2 = _shared_among_candidates(owners[1], log_bayes, sizes[1], sizes[0], given[1])
    forward = (1 - twice[1]) * forward + twice[1] * _plain(log_bayes, coverage_1 / max(sizes[1], 1))
    backward = (1 - twice[0]) * backward + twice[0] * _plain(log_bayes, coverage_2 / max(sizes[0], 1))
    return np.sqrt(forward * backward), (coverage_1, coverage_2)


def _plain(log_bayes: np.ndarray, prior: float) -> np.ndarray:
    """The posterior from one prior for every pair, candidates not competing."""
    prior = min(max(prior, 1e-12), 1 - 1e-12)
    odds = prior / (1 - prior) * np.power(2.0, np.clip(log_bayes, -200, 200))
    return odds / (1 + odds)


def _shared_among_candidates(owners: np.ndarray, log_bayes: np.ndarray, own_size: int,
                             other_size: int, given: float | None = None, rounds: int = 100) -> tuple[np.ndarray, float]:
    """P(owner's match is this candidate) when an owner has its match in the other list with probability c.

    c is ``given`` (an overlap measured on the people found), else estimated here as a fixed point.
    """
    _, owner_index = np.unique(owners, return_inverse=True)
    bayes = np.power(2.0, np.clip(log_bayes, -200, 200)) / other_size
    sums = np.bincount(owner_index, weights=bayes)[owner_index]
    coverage = 0.9 if given is None else float(np.clip(given, 1e-6, 1 - 1e-6))
    for _ in range(rounds if given is None else 0):
        posterior = coverage * bayes / (1 - coverage + coverage * sums)
        new_coverage = float(np.clip(posterior.sum() / own_size, 1e-6, 1 - 1e-6))
        if abs(new_coverage - coverage) < 1e-6:
            break
        coverage = new_coverage
    return coverage * bayes / (1 - coverage + coverage * sums), coverage


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
    # Pairs share few distinct weights (one per combination of levels and term frequencies): sum per weight.
    weights, counts = np.unique(np.asarray(match_weights, dtype=float), return_counts=True)
    for _ in range(rounds):
        expected = float(np.sum(counts / (1.0 + np.power(2.0, -(weights + shift)))))
        share = min(max(expected / total_pairs, 1e-12), 0.5)
        new_shift = float(np.log2(share / (1 - share)) - log_prior)
        if abs(new_shift - shift) < 1e-4:
            return new_shift
        shift = new_shift
    return shift
