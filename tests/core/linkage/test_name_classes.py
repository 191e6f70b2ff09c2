"""Family and given names that go together: the latent classes' lift of a combination."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from tergeu.core.linkage.list_frequencies import add_concentration, name_bits
from tergeu.core.linkage.name_classes import (
    MOST_BITS_GAINED,
    _chosen_classes,
    combination_lift,
    with_combination_lift,
)


def _two_groups(rng: np.random.Generator, people: int = 6000, minority: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """Family and given name codes of two groups that never mix: codes 0-99 (family) and 0-19 (given)
    for the majority, 100-149 and 20-29 for the minority."""
    in_minority = rng.random(people) < minority
    family = np.where(in_minority, rng.integers(100, 150, people), rng.integers(0, 100, people))
    given = np.where(in_minority, rng.integers(20, 30, people), rng.integers(0, 20, people))
    return family, given


def test_names_of_one_group_go_together_by_the_inverse_of_its_share() -> None:
    family, given = _two_groups(np.random.default_rng(7))
    lift = combination_lift(family, given)
    minority = family >= 100
    share = minority.mean()
    assert np.median(lift[minority]) == pytest.approx(1 / share, rel=0.1)
    assert np.median(lift[~minority]) == pytest.approx(1 / (1 - share), rel=0.1)


def test_a_rare_family_name_takes_its_given_name_s_group_and_is_not_learnt_by_heart() -> None:
    family, given = _two_groups(np.random.default_rng(8))
    family, given = np.append(family, 999), np.append(given, 25)  # one person of a family name seen once
    lift = combination_lift(family, given)
    # counted as a combination, it would be 1 / P(f) P(g): thousands; the model gives its group's lift
    assert lift[-1] == pytest.approx(np.median(lift[family >= 100]), rel=0.2)


def test_the_number_of_classes_is_the_one_that_predicts_unseen_combinations_best() -> None:
    family, given = _two_groups(np.random.default_rng(7))
    combos, counts = np.unique(np.stack([family, given], axis=1), axis=0, return_counts=True)
    assert _chosen_classes(combos[:, 0], combos[:, 1], counts.astype(float), (150, 30), seed=1) == 2


@pytest.mark.parametrize("seed", range(3))
def test_names_drawn_apart_go_together_only_by_chance_and_lose_nothing(seed: int) -> None:
    """700 records of names drawn independently (a few common, many rare): whatever classes find there is
    chance, and the held-out halves say so."""
    rng = np.random.default_rng(seed)
    family, given = rng.zipf(1.5, 700) % 400, rng.zipf(1.5, 700) % 150
    assert (combination_lift(family, given) == 1.0).all()


def test_missing_names_and_too_few_records_change_nothing() -> None:
    assert combination_lift(np.array([], dtype=np.int64), np.array([], dtype=np.int64)).size == 0
    assert combination_lift(np.array([-1, -1]), np.array([0, -1])).tolist() == [1.0, 1.0]
    assert combination_lift(np.array([0, -1, 2]), np.array([1, 1, -1])).tolist() == [1.0, 1.0, 1.0]


def test_pairs_agreeing_on_both_names_lose_the_combination_s_bits() -> None:
    family, given = _two_groups(np.random.default_rng(9), people=2000)
    first = int(np.flatnonzero(family >= 100)[0])  # someone of the smaller group: a second record of them,
    family = np.append(family, [family[first], family[first]])  # and a namesake by family name only
    given = np.append(given, [given[first], 0])
    names = with_combination_lift(pa.table({
        "unique_id": np.arange(1, family.size + 1), "source_dataset": ["one list"] * family.size,
        "family": [f"f{code}" for code in family], "given": [f"g{code}" for code in given],
        "patronymic": pa.nulls(family.size, pa.string())}))
    con = duckdb.connect()
    con.register("records", names)
    add_concentration(con, "records")
    twin, namesake = family.size - 1, family.size
    _, bits = name_bits(con, "records", np.array([first + 1, first + 1]), np.array([twin, namesake]))
    assert bits[0] < -1.5  # a combination of the smaller group's: about log2 of its share
    assert bits[1] == 0.0  # only the family name agrees
    assert (bits <= MOST_BITS_GAINED).all()
