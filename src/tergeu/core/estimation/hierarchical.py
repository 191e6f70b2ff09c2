"""Hierarchical Poisson log-linear models for capture tables: terms, existence checks and the fit itself.

A model is a set of interaction terms (tuples of list indices, two or more lists each) closed downwards: a
term is only present with all its sub-terms, and every main effect is always present. The expected count of
the unobserved cell (no list) is exp(intercept), because that cell has every other column equal to zero.

Sparse tables break naive fits in two ways, and both must stop a number from being reported:

* an effect whose margin is zero (no one is on all its lists) has maximum-likelihood value minus infinity.
  Following Chan, Silverman & Vincent (2021) that effect is removed together with every cell containing it
  (their fitted count is exactly zero), and the rest of the model is fitted on the remaining cells;
* on what remains, the estimate must exist (the Fienberg-Rinaldo linear program: the observed margins lie
  in the relative interior of the marginal cone, so no direction sends a parameter, possibly the
  intercept, to infinity) and be identifiable (the remaining design has full column rank).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.optimize import linprog
from scipy.special import gammaln

from .table import EstimationError

Term = tuple[int, ...]
Model = tuple[Term, ...]


def closure(terms: Iterable[Term]) -> Model:
    """All interaction terms implied by `terms` under the hierarchy rule, in (size, lexicographic) order."""
    found: set[Term] = set()
    for term in terms:
        ordered = tuple(sorted(set(term)))
        for size in range(2, len(ordered) + 1):
            found.update(combinations(ordered, size))
    return tuple(sorted(found, key=lambda term: (len(term), term)))


def generators(model: Model) -> Model:
    """The maximal terms of a hierarchical model: the ones that imply all the others."""
    return tuple(t for t in model if not any(len(u) > len(t) and set(t) <= set(u) for u in model))


def describe(model: Model, lists: Sequence[str]) -> str:
    """Readable model, e.g. "EXH*ABA*OSCE + EXH*HRW + OSCE*HRW"; lists in no interaction appear alone."""
    tops = sorted(generators(model), key=lambda term: (-len(term), term))
    covered = {index for term in tops for index in term}
    parts = ["*".join(lists[i] for i in term) for term in tops]
    parts += [name for i, name in enumerate(lists) if i not in covered]
    return " + ".join(parts)


def term_name(term: Term, lists: Sequence[str]) -> str:
    """One interaction in list names, e.g. "EXH*HRW"."""
    return "*".join(lists[i] for i in term)


def parse_terms(lists: Sequence[str], terms: Iterable[object]) -> Model:
    """Accept terms as "A*B" strings or tuples of list names or indices; return the hierarchical closure."""
    parsed: list[Term] = []
    for term in terms:
        parts = term.split("*") if isinstance(term, str) else list(term)  # type: ignore[call-overload]
        indices = []
        for part in parts:
            if isinstance(part, (int, np.integer)) and 0 <= int(part) < len(lists):
                indices.append(int(part))
            elif isinstance(part, str) and part.strip() in lists:
                indices.append(lists.index(part.strip()))
            else:
                raise EstimationError(f"unknown list {part!r} in model term {term!r}; lists are {', '.join(lists)}")
        if len(set(indices)) >= 2:
            parsed.append(tuple(sorted(set(indices))))
    return closure(parsed)


def enumerate_models(list_count: int, max_order: int) -> list[Model]:
    """Every hierarchical model with interactions of order at most `max_order` (main effects always in).

    Terms are decided in (size, lexicographic) order, so when a term comes up all its sub-terms have already
    been decided and the hierarchy rule is a simple membership test.
    """
    max_order = min(max_order, list_count - 1)
    candidates = [t for size in range(2, max_order + 1) for t in combinations(range(list_count), size)]
    models: list[Model] = []
    chosen: list[Term] = []
    present: set[Term] = set()

    def extend(index: int) -> None:
        if index == len(candidates):
            models.append(tuple(chosen))
            return
        extend(index + 1)
        term = candidates[index]
        if len(term) == 2 or all(sub in present for sub in combinations(term, len(term) - 1)):
            chosen.append(term)
            present.add(term)
            extend(index + 1)
            chosen.pop()
            present.remove(term)

    extend(0)
    return models


def design_matrix(patterns: np.ndarray, model: Model) -> np.ndarray:
    """Columns: intercept, one per list, one per interaction term (product of its lists' indicators)."""
    columns = [np.ones(len(patterns)), *patterns.T.astype(float)]
    columns += [np.prod(patterns[:, list(term)], axis=1).astype(float) for term in model]
    return np.column_stack(columns)


def estimate_exists(design: np.ndarray, counts: np.ndarray) -> bool:
    """Fienberg-Rinaldo check: can the margins be matched by a table that is strictly positive everywhere?

    Linear program: maximise s subject to design' x = design' counts, x >= s, x >= 0. The MLE exists iff the
    optimum is positive; at zero some parameter (maybe the intercept) runs off to infinity.
    """
    positive = counts > 0
    if np.all(positive) or np.linalg.matrix_rank(design[positive]) == design.shape[1]:
        return True  # no direction can leave the positive cells' fit unchanged, so none escapes to infinity
    cells, params = design.shape
    objective = np.zeros(cells + 1)
    objective[-1] = -1.0
    equality = np.hstack([design.T, np.zeros((params, 1))])
    inequality = np.hstack([-np.eye(cells), np.ones((cells, 1))])
    result = linprog(
        objective,
        A_ub=inequality,
        b_ub=np.zeros(cells),
        A_eq=equality,
        b_eq=design.T @ counts,
        bounds=[(0, None)] * (cells + 1),
        method="highs",
    )
    if result.status != 0:
        return False
    return -result.fun > 1e-7 * max(1.0, float(counts.sum()) / cells)


def poisson_irls(
    design: np.ndarray, counts: np.ndarray, start: np.ndarray | None = None, max_iter: int = 200
) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """Poisson log-link fit by iteratively reweighted least squares: coefficients, fitted, covariance, converged.

    Our own loop rather than statsmodels because model searches fit thousands of tiny models.
    """
    y = counts.astype(float)
    mu = np.maximum(y, 0.5) if start is None else np.maximum(start, 1e-8)
    eta = np.log(mu)
    previous = np.inf
    converged = False
    information = np.eye(design.shape[1])
    beta = np.zeros(design.shape[1])
    for _ in range(max_iter):
        weighted = design.T * mu
        information = weighted @ design
        try:
            proposal = np.linalg.solve(information, weighted @ (eta + (y - mu) / mu))
        except np.linalg.LinAlgError:
            break
        for _halving in range(30):  # step-halving keeps a bad start from diverging
            eta = np.minimum(design @ proposal, 700.0)
            mu = np.exp(eta)
            deviance = poisson_deviance(y, mu)
            if np.isfinite(deviance) and deviance <= previous * (1 + 1e-12) + 1e-9:
                break
            proposal = (proposal + beta) / 2.0
        beta = proposal
        if abs(previous - deviance) <= 1e-10 * (abs(deviance) + 1.0):
            converged = True
            break
        previous = deviance
    weighted = design.T * mu
    try:
        covariance = np.linalg.inv(weighted @ design)
    except np.linalg.LinAlgError:
        covariance = np.full((design.shape[1],) * 2, np.nan)
        converged = False
    return beta, mu, covariance, converged


def poisson_deviance(y: np.ndarray, mu: np.ndarray) -> float:
    ratio = np.where(y > 0, y / np.where(mu > 0, mu, 1.0), 1.0)
    return float(2.0 * np.sum(np.where(y > 0, y * np.log(ratio), 0.0) - (y - mu)))


def poisson_loglik(y: np.ndarray, mu: np.ndarray) -> float:
    safe = np.where(mu > 0, mu, 1.0)
    return float(np.sum(np.where(y > 0, y * np.log(safe), 0.0) - mu - gammaln(y + 1.0)))


@dataclass(frozen=True)
class ModelFit:
    """One fitted model. `fitted` covers all 2^J - 1 observable cells in `CaptureTable.full()` order."""

    model: Model
    lists: tuple[str, ...]
    observed: int
    unobserved: float
    log_unobserved_se: float
    loglik: float
    deviance: float
    n_params: int
    residual_df: int
    patterns: np.ndarray
    counts: np.ndarray
    fitted: np.ndarray
    kept_cells: np.ndarray
    kept_design: np.ndarray
    minus_infinity_terms: Model

    @property
    def estimate(self) -> float:
        return self.observed + self.unobserved

    @property
    def kept_counts(self) -> np.ndarray:
        """Observed counts of the cells the model can fill (cells of minus-infinity effects left out)."""
        return self.counts[self.kept_cells].astype(float)

    @property
    def description(self) -> str:
        return describe(self.model, self.lists)

    def information_criterion(self, criterion: str) -> float:
        """BIC (penalty log n per parameter, n = people observed) or AIC; effects at minus infinity count."""
        penalty = np.log(self.observed) if criterion == "bic" else 2.0
        return -2.0 * self.loglik + penalty * self.n_params


def fit_model(patterns: np.ndarray, counts: np.ndarray, model: Model, lists: Sequence[str]) -> ModelFit:
    """Fit one hierarchical model to the full table; EstimationError when its estimate is unusable."""
    name = describe(model, lists)
    kept_cells = np.ones(len(patterns), dtype=bool)
    kept_terms: list[Term] = []
    removed: list[Term] = []
    for term in model:
        on_all = np.all(patterns[:, list(term)] == 1, axis=1)
        if counts[on_all].sum() == 0:
            removed.append(term)
            kept_cells &= ~on_all
        else:
            kept_terms.append(term)
    design = design_matrix(patterns[kept_cells], tuple(kept_terms))
    y = counts[kept_cells].astype(float)
    if np.linalg.matrix_rank(design) < design.shape[1]:
        raise EstimationError(
            f"model {name}: not identifiable on these data (too many parameters for the cells that can be "
            "non-zero), so the number of unobserved people is not determined"
        )
    if not estimate_exists(design, y):
        raise EstimationError(
            f"model {name}: the maximum-likelihood estimate does not exist on these data (zero cells let "
            "some parameter run off to infinity; the count of unobserved people may be infinite)"
        )
    beta, mu, covariance, converged = poisson_irls(design, y)
    if not converged or not np.isfinite(beta[0]) or beta[0] > np.log(1e12):
        raise EstimationError(f"model {name}: the Poisson fit did not converge to a finite estimate")
    fitted = np.zeros(len(patterns))
    fitted[kept_cells] = mu
    n_params = design.shape[1] + len(removed)
    return ModelFit(
        model=model,
        lists=tuple(lists),
        observed=int(counts.sum()),
        unobserved=float(np.exp(beta[0])),
        log_unobserved_se=float(np.sqrt(max(covariance[0, 0], 0.0))),
        loglik=poisson_loglik(counts.astype(float), fitted),
        deviance=poisson_deviance(counts.astype(float), fitted),
        n_params=n_params,
        residual_df=len(patterns) - n_params,
        patterns=patterns,
        counts=counts,
        fitted=fitted,
        kept_cells=kept_cells,
        kept_design=design,
        minus_infinity_terms=tuple(removed),
    )


def empty_overlaps(patterns: np.ndarray, counts: np.ndarray, lists: Sequence[str]) -> list[str]:
    """Pairs of lists with no one in common: the sparse case where estimates are fragile (CSV 2021)."""
    pairs = []
    for first, second in combinations(range(len(lists)), 2):
        if counts[(patterns[:, first] == 1) & (patterns[:, second] == 1)].sum() == 0:
            pairs.append(f"{lists[first]}*{lists[second]}")
    return pairs
