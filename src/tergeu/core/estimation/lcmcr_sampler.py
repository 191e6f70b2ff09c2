"""Compiled Gibbs sampler for the latent-class capture-recapture model (the model is described in `lcmcr.py`).

Production runs need about five million sweeps, so the whole chain runs inside one numba function and every
sweep costs O(patterns x classes), never O(people): observed people are handled as pattern counts split
across classes by a multinomial draw, and the unobserved only as a count and its split.

The kernels run without numba's runtime (see `lcmcr_random.py`), so the caller allocates every array they
use (`workspace`) and the outputs.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numba import njit

from .lcmcr_random import TINY, beta_pair, binomial, gamma, jit, open_uniform, poisson, uniform

SMALL_REMAINDER = 8  # below this many people left to place, draw each one's class instead of binomials


class Workspace(NamedTuple):
    """Arrays one chain works in.

    `table[j, x, k]` is P(list j reads x | class k), so 1 - lambda is stored next to lambda rather than
    recomputed (and computed without cancellation when lambda is near 1). `w` has a row per observed
    pattern plus a last row for the all-zero pattern; `order` holds the classes by decreasing weight.
    """

    table: np.ndarray
    pi: np.ndarray
    w: np.ndarray
    tail: np.ndarray
    order: np.ndarray
    sorted_w: np.ndarray
    got: np.ndarray
    cache: np.ndarray
    class_n: np.ndarray
    hits: np.ndarray


def workspace(patterns: int, lists: int, classes: int) -> Workspace:
    return Workspace(
        table=np.empty((lists, 2, classes)),
        pi=np.empty(classes),
        w=np.empty((patterns + 1, classes)),
        tail=np.empty(classes + 1),
        order=np.arange(classes, dtype=np.int64),
        sorted_w=np.empty(classes),
        got=np.zeros(classes, dtype=np.int64),
        cache=np.zeros(2),
        class_n=np.zeros(classes, dtype=np.int64),
        hits=np.zeros((lists, classes), dtype=np.int64),
    )


@jit
def _weights(patterns, table, pi, w):
    """w[c, k] = pi_k * P(pattern c | class k); `patterns` has the all-zero pattern as its last row.

    The class loop is innermost and branch-free so it vectorises.
    """
    rows, j_count = patterns.shape
    k_count = pi.shape[0]
    for c in range(rows):
        for k in range(k_count):
            w[c, k] = pi[k]
        for j in range(j_count):
            x = patterns[c, j]
            for k in range(k_count):
                w[c, k] *= table[j, x, k]


@jit
def _sort_classes(pi, order):
    """Classes by decreasing weight (insertion sort, starting from last sweep's order, which is nearly
    sorted): splitting heavy classes first empties the count to place soonest."""
    for i in range(1, order.shape[0]):
        key = order[i]
        t = i - 1
        while t >= 0 and pi[order[t]] < pi[key]:
            order[t + 1] = order[t]
            t -= 1
        order[t + 1] = key


@jit
def _split(st, c, total, w, order, tail, sorted_w, got):
    """Multinomial split of `total` people with pattern c across classes (probabilities w[c] / sum) into
    `got`.

    Sequential conditional binomials over classes by decreasing weight; once few people are left, each is
    given a class by one categorical draw, which beats a binomial for every remaining class.
    """
    k_count = order.shape[0]
    tail[k_count] = 0.0
    for t in range(k_count - 1, -1, -1):
        sorted_w[t] = w[c, order[t]]
        tail[t] = tail[t + 1] + sorted_w[t]
        got[t] = 0
    remaining = total
    t = 0
    while remaining > SMALL_REMAINDER and t < k_count - 1:
        take = binomial(st, remaining, sorted_w[t] / tail[t]) if tail[t] > 0.0 else 0
        got[order[t]] = take
        remaining -= take
        t += 1
    if t == k_count - 1:
        got[order[t]] += remaining
        return
    for _ in range(remaining):
        u = uniform(st) * tail[t]
        s = t
        acc = sorted_w[s]
        while acc <= u and s < k_count - 1:
            s += 1
            acc += sorted_w[s]
        got[order[s]] += 1


@jit
def _update_lambda(st, cache, hits, class_n, table):
    """Capture probabilities given who is in each class; an empty class draws from its Beta(1, 1) prior."""
    j_count, k_count = hits.shape
    for k in range(k_count):
        for j in range(j_count):
            if class_n[k] == 0:
                u = uniform(st)
                table[j, 1, k], table[j, 0, k] = u, 1.0 - u
            else:
                table[j, 1, k], table[j, 0, k] = beta_pair(st, cache, 1.0 + hits[j, k], 1.0 + class_n[k] - hits[j, k])


@jit
def _update_sticks(st, cache, class_n, alpha, a_alpha, b_alpha, pi):
    """Stick-breaking weights given class sizes, then the concentration alpha given the sticks.

    alpha's update needs sum log(1 - V_k), which must stay finite: when alpha is small, 1 - V_k of an empty
    class is U^(1/alpha) and underflows to 0, and a log of 0 would pin alpha at 0 for good. So log(1 - V_k)
    is taken from the draw's own logarithm (exact for an empty class) rather than from the rounded V_k.
    """
    k_count = class_n.shape[0]
    above = 0
    for k in range(k_count):
        above += class_n[k]
    left = 1.0
    log_rest = 0.0
    for k in range(k_count - 1):
        above -= class_n[k]
        b = alpha + above
        if class_n[k] == 0:  # V ~ Beta(1, b): 1 - V = U^(1/b)
            log_v_c = math.log(open_uniform(st)) / b
            v, v_c = -math.expm1(log_v_c), math.exp(log_v_c)
        else:
            v, v_c = beta_pair(st, cache, 1.0 + class_n[k], b)
            log_v_c = math.log(max(v_c, TINY))
        pi[k] = left * v
        left *= v_c
        log_rest += log_v_c
    pi[k_count - 1] = left
    return gamma(st, cache, a_alpha + k_count - 1) / (b_alpha - log_rest)


@jit
def _sweep(st, patterns, counts, n_obs, alpha, a_alpha, b_alpha, ws, held_n0):
    """One Gibbs sweep; returns (n0, alpha). A `held_n0` >= 0 replaces the draw of n0 (warm-up only)."""
    m = counts.shape[0]
    k_count = ws.pi.shape[0]
    _weights(patterns, ws.table, ws.pi, ws.w)
    p0 = 0.0
    for k in range(k_count):
        p0 += ws.w[m, k]
    # N | parameters under p(N) ~ 1/N: n0 ~ NegBin(n_obs, p0), drawn as a gamma-Poisson mixture. Given the
    # parameters it is independent of the observed people's classes, so it can be drawn first.
    n0 = held_n0 if held_n0 >= 0 else 0
    if held_n0 < 0 and p0 > 0.0:
        n0 = poisson(st, ws.cache, gamma(st, ws.cache, float(n_obs)) * (p0 / (1.0 - p0)))
    _sort_classes(ws.pi, ws.order)
    for k in range(k_count):
        ws.class_n[k] = 0
        for j in range(patterns.shape[1]):
            ws.hits[j, k] = 0
    for c in range(m + 1):
        total = counts[c] if c < m else n0
        if total == 0:
            continue
        _split(st, c, total, ws.w, ws.order, ws.tail, ws.sorted_w, ws.got)
        for k in range(k_count):
            take = ws.got[k]
            if take == 0:
                continue
            ws.class_n[k] += take
            if c < m:
                for j in range(patterns.shape[1]):
                    ws.hits[j, k] += take * patterns[c, j]
    _update_lambda(st, ws.cache, ws.hits, ws.class_n, ws.table)
    alpha = _update_sticks(st, ws.cache, ws.class_n, alpha, a_alpha, b_alpha, ws.pi)
    return n0, alpha


@jit
def _share_start(patterns, counts, n_obs, table):
    """R's start: every class's capture probability for list j is list j's share of the people observed."""
    for j in range(table.shape[0]):
        named = 0
        for c in range(counts.shape[0]):
            named += counts[c] * patterns[c, j]
        share = named / n_obs
        for k in range(table.shape[2]):
            table[j, 1, k], table[j, 0, k] = share, 1.0 - share


@jit
def _sort_by_weight(pi, table):
    """Relabel the classes by decreasing weight, as R does once after its warm-up (selection sort by swaps:
    no allocation without numba's runtime). The stick-breaking prior favours heavy classes first, so a chain
    whose heavy classes sit at high labels is in an unlikely labelling that it leaves only slowly."""
    k_count = pi.shape[0]
    for i in range(k_count - 1):
        best = i
        for k in range(i + 1, k_count):
            if pi[k] > pi[best]:
                best = k
        if best == i:
            continue
        pi[i], pi[best] = pi[best], pi[i]
        for j in range(table.shape[0]):
            for x in range(2):
                table[j, x, i], table[j, x, best] = table[j, x, best], table[j, x, i]


@jit
def _start(state, patterns, counts, n_obs, a_alpha, b_alpha, ws, warmup, held_n0):
    """The chain's first state; returns alpha.

    With `warmup` = 0, the old start: capture probabilities and weights from their priors, every class empty.
    Otherwise R's (LCMCR 0.4.14, `Initializes`): capture probabilities at each list's share, weights from
    the stick-breaking prior at alpha = 1, then `warmup` sweeps with alpha held at 0.3 / K (few classes
    open) and, when `held_n0` >= 0, the unobserved count held there (a dispersed start), then the classes
    sorted by weight. Holding alpha small lets the observed people settle into a few well-separated
    classes before the concentration is learned.
    """
    k_count = ws.pi.shape[0]
    for k in range(k_count):
        ws.class_n[k] = 0
        ws.order[k] = k
    if warmup == 0:
        _update_lambda(state, ws.cache, ws.hits, ws.class_n, ws.table)
        return _update_sticks(state, ws.cache, ws.class_n, 1.0, a_alpha, b_alpha, ws.pi)
    _share_start(patterns, counts, n_obs, ws.table)
    _update_sticks(state, ws.cache, ws.class_n, 1.0, a_alpha, b_alpha, ws.pi)
    alpha = 0.3 / k_count
    for _ in range(warmup):
        _sweep(state, patterns, counts, n_obs, alpha, a_alpha, b_alpha, ws, held_n0)
    _sort_by_weight(ws.pi, ws.table)
    for k in range(k_count):
        ws.order[k] = k
    return alpha


@njit(cache=True, nogil=True, _nrt=False, error_model="numpy")
def run_chain(
    patterns, counts, a_alpha, b_alpha, burnin, thinning, state, ws, out_n, out_alpha, out_used, warmup, held_n0
):
    """Run one chain from generator state `state` (4 x uint64, not all zero; updated in place).

    `patterns` ((m + 1) x J, int8) holds the observed patterns with positive counts, then an all-zero row;
    `counts` (m, int64) their counts. The chain starts as `_start` says (`warmup`, `held_n0`); then
    `burnin` sweeps are discarded, then `len(out_n) * thinning` sweeps run and every `thinning`-th fills
    the `out_*` arrays: N, alpha and the number of occupied classes.
    """
    n_obs = 0
    for c in range(counts.shape[0]):
        n_obs += counts[c]
    k_count = ws.pi.shape[0]
    alpha = _start(state, patterns, counts, n_obs, a_alpha, b_alpha, ws, warmup, held_n0)
    samples = out_n.shape[0]
    for it in range(burnin + samples * thinning):
        n0, alpha = _sweep(state, patterns, counts, n_obs, alpha, a_alpha, b_alpha, ws, -1)
        kept = it - burnin + 1
        if kept > 0 and kept % thinning == 0:
            s = kept // thinning - 1
            out_n[s] = n_obs + n0
            out_alpha[s] = alpha
            used = 0
            for k in range(k_count):
                used += ws.class_n[k] > 0
            out_used[s] = used
