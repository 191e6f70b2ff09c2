"""The held-out ``oasis`` list generator (bench/generators/oasis.py): deterministic, importable, truthful."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.loading import generate, load  # noqa: E402
from generators.oasis_people import iin_check  # noqa: E402

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("oasis", 400, 7)


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("oasis", generated, 400, 7)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 400, frozenset({"prosecutor", "morgue"}), ())
    assert len(loaded.lists) == 5


def test_names_and_ids_look_like_the_lists(generated: GeneratedSet) -> None:
    loaded = load(generated)
    by_list = facts_by_list(loaded)
    assert all(facts.get("family_name") for facts in by_list["prosecutor"])
    assert any("national_id" in facts for facts in by_list["akimat"])
    assert not any("а" <= ch <= "я" for facts in by_list["media"] for ch in facts["full_name"].lower())
    assert any(any(ch in facts["full_name"] for ch in "әғқңөұүі") for facts in by_list["ngo"])
    assert all("date_recorded" in facts for facts in by_list["morgue"])
    for facts in by_list["prosecutor"]:
        iin = facts.get("national_id")
        if iin:
            assert len(iin) == 12
    valid = sum(iin_check(facts["national_id"][:11]) == int(facts["national_id"][11])
                for facts in by_list["prosecutor"] if facts.get("national_id"))
    assert valid > 0.95 * sum(1 for facts in by_list["prosecutor"] if facts.get("national_id"))
