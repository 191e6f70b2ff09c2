"""Family and given names go together: a Russian family name comes with a Russian given name.

Splink weighs a pair agreeing on family and given name by the product of the two names' frequencies,
as though they were drawn apart. They are not: Кравченко and Михаил are both names of one group of
people, so two people named "Кравченко Михаил" are far more common than that product says, and at
40,000 people namesakes of every smaller group of names were fused. Counting each combination instead
would not do: a rare combination is mostly one person's own records.

So the names are read through a few latent classes, fitted here by EM to the combinations the records
hold (a latent class model, as for capture-recapture lists): ``P(f, g) = Σ_k π_k P(f | k) P(g | k)``.
A rare name takes the class of the names it comes with; the classes are few, so no one person's
combination is learnt by heart. A pair agreeing on both names weighs ``log2 (P(f, g) / P(f) P(g))``
bits less (the "lift" of the combination): about 2.7 bits for a group of a sixth of the people, half a
bit for a group of two thirds, and a little more than nothing for a combination across groups.
"""

from __future__ import annotations

import duckdb
import numpy as np

# Groups of names. Few: each class more splits the largest group by chance co-occurrences, and a pair of
# its names then seems to go together more than it does (two groups that never mix, 6,000 people: the
# larger group's lift is 1.25; found 1.25 with 2 classes, 1.26 with 3, 1.31 with 4, 1.40 with 8). Four still part the
# main name traditions of a country (balkhash at 40,000 people: F1 0.712 with 4, 0.710 with 8).
CLASSES = 4
ROUNDS = 80
MOST_BITS_GAINED = 1.0  # a combination across groups is rarer than the product says; not trusted far


def combination_lift(family: np.ndarray, given: np.ndarray, seed: int = 1) -> np.ndarray:
    """``P(f, g) / P(f) P(g)`` under the latent class model, for each record's (``family[i]``, ``given[i]``)
    (integer codes, -1 where a name is missing: lift 1)."""
    lift = np.ones(family.size)
    known = (family >= 0) & (given >= 0)
    if known.sum() < 2 * CLASSES:
        return lift
    combos, index, counts = np.unique(np.stack([family[known], given[known]], axis=1), axis=0,
                                      return_inverse=True, return_counts=True)
    f, g = combos[:, 0], combos[:, 1]
    share, of_family, of_given = _fitted(f, g, counts.astype(float), int(family.max()) + 1, int(given.max()) + 1, seed)
    joint = (of_family[f] * of_given[g]) @ share
    marginal_f, marginal_g = of_family @ share, of_given @ share
    lift[known] = (joint / (marginal_f[f] * marginal_g[g]))[index.ravel()]
    return lift


def _fitted(f: np.ndarray, g: np.ndarray, counts: np.ndarray, families: int, givens: int,
            seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """EM for the class shares and each class's family- and given-name distributions."""
    rng = np.random.default_rng(seed)
    responsibility = rng.dirichlet(np.ones(CLASSES), size=f.size)  # a random start, then EM
    for _ in range(ROUNDS):
        weighted = responsibility * counts[:, None]
        share = weighted.sum(axis=0) / counts.sum()
        of_family = _normalised(np.stack([np.bincount(f, weighted[:, k], families) for k in range(CLASSES)], axis=1))
        of_given = _normalised(np.stack([np.bincount(g, weighted[:, k], givens) for k in range(CLASSES)], axis=1))
        joint = share * of_family[f] * of_given[g]
        responsibility = joint / np.maximum(joint.sum(axis=1, keepdims=True), 1e-300)
    return share, of_family, of_given


def _normalised(columns: np.ndarray) -> np.ndarray:
    return columns / np.maximum(columns.sum(axis=0, keepdims=True), 1e-300)


def dependence_bits(con: duckdb.DuckDBPyConnection, records: str, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The bits each pair (unique ids of table ``records``) loses for agreeing on both family and given
    name, by how much the two names go together (``combination_lift``)."""
    bits = np.zeros(len(left))
    if not len(left):
        return bits
    # bandit B608: an internal table name, never input
    rows = con.execute(f"SELECT unique_id, family, given FROM {records} ORDER BY unique_id").fetchnumpy()  # nosec B608
    ids = np.asarray(rows["unique_id"], dtype=np.int64)
    family, given = _codes(rows["family"]), _codes(rows["given"])
    lift = combination_lift(family, given)
    at_left, at_right = np.searchsorted(ids, np.asarray(left)), np.searchsorted(ids, np.asarray(right))
    agree = (family[at_left] >= 0) & (family[at_left] == family[at_right]) & (given[at_left] == given[at_right])
    bits[agree] = np.minimum(-np.log2(lift[at_left][agree]), MOST_BITS_GAINED)
    return bits


def _codes(values: np.ndarray) -> np.ndarray:
    """Integer codes of the names, -1 where missing."""
    values = np.asarray(values, dtype=object)
    missing = np.array([value is None for value in values.tolist()], dtype=bool)
    codes = np.full(values.size, -1, dtype=np.int64)
    if (~missing).any():
        _, codes[~missing] = np.unique(values[~missing].astype(str), return_inverse=True)
    return codes
