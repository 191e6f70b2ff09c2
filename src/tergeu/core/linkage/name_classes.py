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

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# How many groups of names to look for: as many of these as predict combinations best (``_chosen_classes``).
# More classes than the data hold split the largest group by chance co-occurrences, and its pairs of names
# then seem to go together more than they do (two groups that never mix, 6,000 people: the larger
# group's lift is 1.25; found 1.25 with 2 classes, 1.31 with 4, 1.40 with 8), so the number is chosen.
CANDIDATE_CLASSES = (2, 4, 8)
CHOSEN_ON_AT_MOST = 100_000  # combinations: the choice is made on a sample of them, the fit on all
ROUNDS = 80
MOST_BITS_GAINED = 1.0  # a combination across groups is rarer than the product says; not trusted far


def combination_lift(family: np.ndarray, given: np.ndarray, lists: np.ndarray | None = None,
                     seed: int = 1) -> np.ndarray:
    """``P(f, g) / P(f) P(g)`` under the latent class model, for each record's (``family[i]``, ``given[i]``)
    (integer codes, -1 where a name is missing: lift 1), within the record's list (``lists[i]``, codes).

    The classes are fitted to all records; each list then has its own shares of them (its records'
    mean responsibilities). Within a list that holds one group of names only (the mosques' fathers'
    names), its names go together no more than the product of their frequencies on that list says, which
    the lists' own frequencies (``list_frequencies``) already weigh: counted here too, its namesakes were
    taken apart twice over. All 1 where no number of classes predicts combinations it was not fitted to
    better than independent names do (``_chosen_classes``): then whatever classes would find is chance,
    as in a few dozen records."""
    lift = np.ones(family.size)
    lists = np.zeros(family.size, dtype=np.int64) if lists is None else lists
    known = (family >= 0) & (given >= 0)
    if not known.any():
        return lift
    sizes = (int(family.max()) + 1, int(given.max()) + 1)
    combos, counts = np.unique(family[known] * sizes[1] + given[known], return_counts=True)  # one integer each
    if combos.size < 2 * max(CANDIDATE_CLASSES):
        return lift
    f, g, counts = combos // sizes[1], combos % sizes[1], counts.astype(float)
    classes = _chosen_classes(f, g, counts, sizes, seed)
    if not classes:
        return lift
    share, by_family, by_given = _fitted(f, g, counts, sizes, classes, seed)
    of_family, of_given = _distribution(by_family), _distribution(by_given)
    fk, gk = of_family[family[known]], of_given[given[known]]  # per record and class
    responsibility = share * fk * gk
    responsibility /= np.maximum(responsibility.sum(axis=1, keepdims=True), 1e-300)
    on_list = lists[known]
    list_share = np.stack([np.bincount(on_list, responsibility[:, k], int(lists.max()) + 1)
                           for k in range(classes)], axis=1)
    list_share = (list_share / np.maximum(list_share.sum(axis=1, keepdims=True), 1e-300))[on_list]
    joint = np.sum(list_share * fk * gk, axis=1)
    lift[known] = joint / (np.sum(list_share * fk, axis=1) * np.sum(list_share * gk, axis=1))
    return lift


def _chosen_classes(f: np.ndarray, g: np.ndarray, counts: np.ndarray, sizes: tuple[int, int], seed: int) -> int:
    """The number of classes (of ``CANDIDATE_CLASSES``) that, fitted to half the combinations, predicts
    the other half's records best, if better than independent names do; else 0. Two-fold, each
    combination wholly in one half, so none is known by heart. A name a half never saw gets half a
    record, shared among the classes by their sizes: so the classes predict it as independent names
    do, and only combinations of names seen tell the models apart."""
    rng = np.random.default_rng(seed)
    if f.size > CHOSEN_ON_AT_MOST:
        sample = rng.choice(f.size, CHOSEN_ON_AT_MOST, replace=False)
        f, g, counts = f[sample], g[sample], counts[sample]
    half = rng.random(f.size) < 0.5
    gains = dict.fromkeys(CANDIDATE_CLASSES, 0.0)
    for held in (half, ~half):
        for classes in CANDIDATE_CLASSES:
            share, by_family, by_given = _fitted(f[~held], g[~held], counts[~held], sizes, classes, seed)
            of_family, of_given = _distribution(by_family, 0.5 * share), _distribution(by_given, 0.5 * share)
            predicted = np.log((of_family[f[held]] * of_given[g[held]]) @ share)
            alone_f = _distribution(by_family.sum(axis=1, keepdims=True), 0.5)[:, 0]
            alone_g = _distribution(by_given.sum(axis=1, keepdims=True), 0.5)[:, 0]
            gains[classes] += float(counts[held] @ (predicted - np.log(alone_f[f[held]] * alone_g[g[held]])))
    best = max(gains, key=gains.__getitem__)
    return best if gains[best] > 0 else 0


def _fitted(f: np.ndarray, g: np.ndarray, counts: np.ndarray, sizes: tuple[int, int], classes: int,
            seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """EM for the class shares and each class's records by family and by given name (counts, not shares)."""
    rng = np.random.default_rng(seed)
    responsibility = rng.dirichlet(np.ones(classes), size=f.size)  # a random start, then EM
    for _ in range(ROUNDS):
        weighted = responsibility * counts[:, None]
        share = weighted.sum(axis=0) / counts.sum()
        by_family = np.stack([np.bincount(f, weighted[:, k], sizes[0]) for k in range(classes)], axis=1)
        by_given = np.stack([np.bincount(g, weighted[:, k], sizes[1]) for k in range(classes)], axis=1)
        joint = share * _distribution(by_family)[f] * _distribution(by_given)[g]
        responsibility = joint / np.maximum(joint.sum(axis=1, keepdims=True), 1e-300)
    return share, by_family, by_given


def _distribution(counts: np.ndarray, pseudo: float | np.ndarray = 0.0) -> np.ndarray:
    """Each column of counts as shares, with ``pseudo`` records (one number, or one per column) added to every row."""
    counts = counts + pseudo
    return counts / np.maximum(counts.sum(axis=0, keepdims=True), 1e-300)


def with_combination_lift(table: pa.Table) -> pa.Table:
    """``table`` (feature columns) with ``names_lift``: ``combination_lift`` of each record's two names on
    its list, fitted once to all records, for ``DEPENDENCE_BITS`` to read however many times pairs are scored."""
    family, given = _codes(table.column("family")), _codes(table.column("given"))
    lists = _codes(table.column("source_dataset"))
    return table.append_column("names_lift", pa.array(combination_lift(family, given, lists), type=pa.float64()))


# SQL (records a and b, with ``names_lift``): the bits a pair loses for agreeing on both family and given
# name, by how much the two go together on each record's list (the mean of the two records' log lifts);
# read by ``list_frequencies.name_bits``.
DEPENDENCE_BITS = (f"CASE WHEN a.family = b.family AND a.given = b.given "
                   f"THEN least(-(log2(a.names_lift) + log2(b.names_lift)) / 2, {MOST_BITS_GAINED}) ELSE 0 END")


def _codes(values: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Integer codes of the names, -1 where missing."""
    encoded = pc.dictionary_encode(values).combine_chunks() if isinstance(values, pa.ChunkedArray) else \
        pc.dictionary_encode(values)
    return encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
