"""Bayesian model averaging over decomposable graphical models (Madigan & York 1997).

Why this method: with 3 to 5 lists we rarely know which lists depend on which. Instead of choosing one
log-linear model, every decomposable graph (an edge = the two lists may depend on each other) gets a
posterior weight, and the estimate of the total N averages over all of them. Decomposable graphs are used
because under a hyper-Dirichlet prior their marginal likelihood has a closed form: a product over cliques
divided by a product over separators of Dirichlet-multinomial terms. This is the approach of the R package
dga (Johndrow, Lum & Ball); the code here is written from the paper's formulas.

For a graph g and a value of N (so the missing cell holds N - n people), the posterior weight is

    p(g) p(N) * N! / (N - n)! * prod_C D(n_C; a_C) / prod_S D(n_S; a_S)

where n_C is the marginal table over the lists of clique C (its all-zero cell includes the missing people),
a_C = delta * 2^(J - |C|) per cell (the marginal of a Dirichlet with delta per full cell) and
D(m; a) = Gamma(sum a) / Gamma(sum a + N) * prod Gamma(m_i + a_i) / Gamma(a_i). Only the all-zero cells and
Gamma(sum a + N) depend on N, so each clique term is computed once per list subset over the whole N grid.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import combinations

import numpy as np
from scipy.special import gammaln, logsumexp

from .result import Estimate
from .table import CaptureTable, EstimationError, check_estimable

PriorN = str | tuple[float, float] | Callable[[np.ndarray], np.ndarray]
_TOP_GRAPHS = 10
_BLOCK_CELLS = 4_000_000  # graphs x grid points evaluated at once; bounds memory for large tables


@cache
def decomposable_graphs(j: int) -> tuple[tuple[int, ...], ...]:
    """Every decomposable (chordal) graph on j lists, each as its maximal cliques (bitmasks over lists).

    Graphs are ordered by their edge set (the empty graph, i.e. independence, first). There are 8, 61 and
    822 of them for 3, 4 and 5 lists.
    """
    pairs = list(combinations(range(j), 2))
    graphs = []
    for edge_mask in range(2 ** len(pairs)):
        neighbours = [0] * j
        for bit, (a, b) in enumerate(pairs):
            if edge_mask >> bit & 1:
                neighbours[a] |= 1 << b
                neighbours[b] |= 1 << a
        if _is_chordal(neighbours):
            graphs.append(_maximal_cliques(neighbours))
    return tuple(graphs)


def _is_complete(subset: int, neighbours: list[int]) -> bool:
    return all(not (subset >> v & 1) or (subset & ~(1 << v)) & ~neighbours[v] == 0 for v in range(len(neighbours)))


def _is_chordal(neighbours: list[int]) -> bool:
    """A graph is chordal iff simplicial vertices (neighbourhood complete) can be removed one by one."""
    left = (1 << len(neighbours)) - 1
    while left:
        for v in range(len(neighbours)):
            if left >> v & 1 and _is_complete(neighbours[v] & left, neighbours):
                left &= ~(1 << v)
                break
        else:
            return False
    return True


def _maximal_cliques(neighbours: list[int]) -> tuple[int, ...]:
    full = 1 << len(neighbours)
    complete = [s for s in range(1, full) if _is_complete(s, neighbours)]
    maximal = [s for s in complete if not any(t != s and t & s == s for t in complete)]
    return tuple(sorted(maximal, key=lambda c: [v for v in range(len(neighbours)) if c >> v & 1]))


def _separators(cliques: tuple[int, ...]) -> list[int]:
    """Separators of a junction tree: a maximum-weight spanning tree of the clique-intersection graph."""
    edges = sorted(
        ((bin(a & b).count("1"), i, k) for (i, a), (k, b) in combinations(enumerate(cliques), 2)), reverse=True
    )
    group = list(range(len(cliques)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    separators = []
    for _, i, k in edges:
        ri, rk = root(i), root(k)
        if ri != rk:
            group[ri] = rk
            separators.append(cliques[i] & cliques[k])
    return separators


def _subset_terms(table: CaptureTable, delta: float, missing: np.ndarray) -> np.ndarray:
    """log D(n_S; a_S) for every subset S of lists (rows, by bitmask) and every missing count (columns)."""
    j = table.list_count
    patterns, counts = table.full()
    codes = patterns @ (1 << np.arange(j))  # bit v = list v, matching the graph bitmasks
    total = delta * 2**j
    n = table.observed
    out = np.zeros((2**j, missing.size))
    for subset in range(1, 2**j):
        size = bin(subset).count("1")
        alpha = delta * 2 ** (j - size)
        marginal = np.bincount(_compress(codes & subset, subset), weights=counts, minlength=2**size)
        fixed = gammaln(marginal[1:] + alpha).sum() - 2**size * gammaln(alpha) + gammaln(total)
        out[subset] = fixed + gammaln(marginal[0] + missing + alpha) - gammaln(total + n + missing)
    return out


def _compress(values: np.ndarray, subset: int) -> np.ndarray:
    """Map bit patterns restricted to `subset` onto 0..2^|subset|-1 (all-zero stays 0)."""
    out = np.zeros_like(values)
    position = 0
    for v in range(int(subset).bit_length()):
        if subset >> v & 1:
            out |= (values >> v & 1) << position
            position += 1
    return out


def _log_prior_n(prior: PriorN, big_n: np.ndarray) -> tuple[np.ndarray, str]:
    if callable(prior):
        return np.asarray(prior(big_n), dtype=float), "user function"
    if isinstance(prior, tuple):
        a, b = (float(x) for x in prior)
        if a <= 0 or b <= 0:
            raise EstimationError("the negative-binomial prior on N needs a > 0 and b > 0")
        log_p = big_n * np.log(b) - (big_n + a) * np.log1p(b) + gammaln(big_n + a) - gammaln(big_n + 1) - gammaln(a)
        return log_p, f"negative binomial (Madigan-York) a={a:g}, b={b:g}"
    if prior == "1/N":
        return -np.log(big_n), "1/N"
    if prior in ("uniform", "flat"):
        return np.zeros(big_n.size), "uniform"
    raise EstimationError(f"unknown prior on N {prior!r}; use '1/N', 'uniform', (a, b) or a function of N")


def _graph_matrix(j: int) -> np.ndarray:
    """(graphs, 2^j) coefficients: +1 per clique, -1 per non-empty separator."""
    graphs = decomposable_graphs(j)
    matrix = np.zeros((len(graphs), 2**j))
    for g, cliques in enumerate(graphs):
        for c in cliques:
            matrix[g, c] += 1
        for s in _separators(cliques):
            if s:
                matrix[g, s] -= 1
    return matrix


def _posterior(terms: np.ndarray, base: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Graph log-masses, N log-masses and E[N | graph] (up to the N values), in blocks to bound memory."""
    matrix = _graph_matrix(j)
    block = max(1, _BLOCK_CELLS // max(1, base.size))
    graph_mass, mean_given_graph = np.empty(len(matrix)), np.empty(len(matrix))
    n_mass = np.full(base.size, -np.inf)
    index = np.arange(base.size)
    for start in range(0, len(matrix), block):
        log_w = matrix[start : start + block] @ terms + base  # uniform prior over graphs: a constant
        peak = log_w.max(axis=1)
        weights = np.exp(log_w - peak[:, None])  # the one exponential per cell, the costly step
        sums = weights.sum(axis=1)
        graph_mass[start : start + block] = peak + np.log(sums)
        mean_given_graph[start : start + block] = weights @ index / sums
        top = peak.max()
        with np.errstate(divide="ignore"):  # N values with no weight at all in this block: log 0 = -inf
            n_mass = np.logaddexp(n_mass, top + np.log(np.exp(peak - top) @ weights))
    return graph_mass, n_mass, mean_given_graph


def graph_label(cliques: tuple[int, ...], lists: tuple[str, ...]) -> str:
    """Readable clique form, e.g. '[EXH*ABA*OSCE][EXH*HRW]'; a clique of one list means it is independent."""
    parts = ["*".join(name for v, name in enumerate(lists) if c >> v & 1) for c in cliques]
    return "".join(f"[{p}]" for p in parts)


def _numbered(cliques: tuple[int, ...]) -> str:
    """dga's notation: lists numbered from 1 in table order, e.g. '[123,134]'."""
    return "[" + ",".join("".join(str(v + 1) for v in range(c.bit_length()) if c >> v & 1) for c in cliques) + "]"


def _quantile(grid: np.ndarray, cdf: np.ndarray, q: float) -> float:
    return float(grid[min(int(np.searchsorted(cdf, q - 1e-12)), grid.size - 1)])


def bma_estimate(
    table: CaptureTable,
    delta: float | None = None,
    prior: PriorN = "1/N",
    n_max: int | None = None,
    level: float = 0.95,
    seed: int | None = None,
    draws: int = 4000,
) -> Estimate:
    """Average over all decomposable graphs on 3 to 5 lists; the estimate is the posterior median of N.

    `delta` is the Dirichlet parameter per cell of the full 2^J table (default 2^-J: one prior person in
    all). `prior` on N is '1/N' (dga's default), 'uniform', a pair (a, b) for Madigan & York's negative
    binomial prior, or a function returning log p(N) for an array of N. N runs over observed..`n_max`
    (default 10 x observed); a warning says when the posterior still has mass near `n_max`. `draws` values
    of N are sampled from the averaged posterior (seeded) so strata can be added.
    """
    check_estimable(table)
    j = table.list_count
    if j > 5:
        raise EstimationError(f"{j} lists: model averaging over decomposable graphs is limited to 5 lists here")
    if not 0 < level < 1:
        raise EstimationError(f"level must be between 0 and 1, not {level}")
    delta = 2.0**-j if delta is None else float(delta)
    if delta <= 0:
        raise EstimationError("delta must be positive")
    n = table.observed
    n_max = 10 * n if n_max is None else int(n_max)
    if n_max <= n:
        raise EstimationError(f"n_max ({n_max}) must exceed the {n} people observed")
    missing = np.arange(0, n_max - n + 1, dtype=float)
    big_n = n + missing
    log_prior, prior_name = _log_prior_n(prior, big_n)
    base = log_prior + gammaln(big_n + 1) - gammaln(missing + 1)
    graph_mass, n_mass, mean_given_graph = _posterior(_subset_terms(table, delta, missing), base, j)
    total = logsumexp(graph_mass)
    weights, probs = np.exp(graph_mass - total), np.exp(n_mass - total)
    probs /= probs.sum()
    cdf = np.cumsum(probs)
    tail = (1 - level) / 2
    median = _quantile(big_n, cdf, 0.5)
    sample = np.random.default_rng(seed).choice(big_n, size=draws, p=probs) if draws > 0 else None
    diagnostics = _diagnostics(table, big_n, probs, weights, mean_given_graph + n)
    warnings = _warnings(diagnostics, n_max, weights)
    return Estimate(
        method="bma",
        observed=n,
        estimate=median,
        interval=(_quantile(big_n, cdf, tail), _quantile(big_n, cdf, 1 - tail)),
        level=level,
        settings={"delta": delta, "prior": prior_name, "n_max": n_max, "seed": seed, "draws": draws},
        diagnostics=diagnostics,
        warnings=warnings,
        draws=sample,
    )


def _diagnostics(
    table: CaptureTable, big_n: np.ndarray, probs: np.ndarray, weights: np.ndarray, mean_given_graph: np.ndarray
) -> dict:
    graphs = decomposable_graphs(table.list_count)
    order = np.argsort(-weights, kind="stable")[:_TOP_GRAPHS]
    top = [
        {
            "graph": graph_label(graphs[g], table.lists),
            "numbered": _numbered(graphs[g]),
            "cliques": [[name for v, name in enumerate(table.lists) if c >> v & 1] for c in graphs[g]],
            "posterior": float(weights[g]),
            "mean_given_graph": float(mean_given_graph[g]),
        }
        for g in order
    ]
    mean = float(probs @ big_n)
    return {
        "point": "posterior median",
        "posterior_mean": mean,
        "posterior_sd": float(np.sqrt(probs @ (big_n - mean) ** 2)),
        "posterior_mode": float(big_n[int(np.argmax(probs))]),
        # Madigan & York's Bayes estimate under relative squared error loss (N_hat - N)^2 / N^2.
        "bayes_relative_squared_error": float((probs @ (1 / big_n)) / (probs @ (1 / big_n**2))),
        "graphs_considered": len(graphs),
        "top_graphs": top,
        "mass_in_top_tenth_of_grid": float(probs[int(0.9 * big_n.size) :].sum()),
    }


def _warnings(diagnostics: dict, n_max: int, weights: np.ndarray) -> list[str]:
    warnings = []
    if diagnostics["mass_in_top_tenth_of_grid"] > 1e-3:
        warnings.append(
            f"the posterior of N still has {diagnostics['mass_in_top_tenth_of_grid']:.2%} of its mass near "
            f"n_max = {n_max}; the upper bound and the mean depend on n_max: raise it or use a proper prior"
        )
    if weights.max() < 0.2:
        warnings.append("no graph dominates (top posterior weight below 0.2): the lists' dependence is unclear")
    return warnings
