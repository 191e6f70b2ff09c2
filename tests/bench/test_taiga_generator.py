"""The held-out ``taiga`` list generator (bench/generators/taiga.py): deterministic, importable, truthful,
and shaped like the lists it imitates (valid IINs, Kazakh months, initials, admission dates)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.loading import LoadedSet, generate, load  # noqa: E402
from generators.taiga_names import FAMOUS, famous, russify  # noqa: E402
from generators.taiga_people import iin_check_digit, make_iin  # noqa: E402
from generators.taiga_script import KAZAKH_MONTHS  # noqa: E402

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("taiga", 300, 11)


@pytest.fixture(scope="module")
def by_list(generated: GeneratedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(load(generated))


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("taiga", generated, 300, 11)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded: LoadedSet = assert_truthful(generated, 300, frozenset({"official", "morgue"}), ("ngo",))
    assert loaded.lists == ["official", "ngo", "media", "morgue"]


def test_iin_check_digit_is_the_real_one() -> None:
    # most prefixes: the weighted sum with weights 1..11, mod 11
    first = "90010130000"
    assert iin_check_digit(first) == sum(int(d) * w for d, w in zip(first, range(1, 12), strict=True)) % 11
    # 9001013 0081: weights 1..11 give 10, so weights 3..11, 1, 2 decide (the second sum is 1 mod 11)
    assert iin_check_digit("90010130081") == 1
    assert iin_check_digit("90010130080") is None  # 10 both times: no IIN uses this serial
    rng = random.Random(5)
    for _ in range(200):
        iin = make_iin(rng, dt.date(1990 + rng.randrange(20), 1 + rng.randrange(12), 1 + rng.randrange(28)), "F")
        assert iin_check_digit(iin[:11]) == int(iin[11])
        assert iin[6] in "46"


def test_official_ids_mostly_valid_and_match_birth_dates(by_list: dict[str, list[dict[str, str]]]) -> None:
    rows = [facts for facts in by_list["official"] if facts.get("national_id")]
    assert len(rows) > 0.75 * len(by_list["official"])
    valid = [facts for facts in rows if iin_check_digit(facts["national_id"][:11]) == int(facts["national_id"][11])]
    assert len(valid) > 0.95 * len(rows)
    dated = [facts for facts in valid if len(facts.get("date_of_birth", "")) == 10]
    assert sum(facts["national_id"][:6] == facts["date_of_birth"][2:].replace("-", "") for facts in dated) \
        > 0.95 * len(dated)


def test_ngo_writes_kazakh(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    ngo = next(listed for listed in generated.lists if listed.name == "ngo").content.decode("utf-8")
    assert sum(ngo.count(f" {month} 2022") for month in KAZAKH_MONTHS) > 0.5 * len(by_list["ngo"])
    assert any(any(ch in facts["full_name"] for ch in "әғқңөұүі") for facts in by_list["ngo"])
    assert any(facts["full_name"].endswith(("ұлы", "қызы")) for facts in by_list["ngo"])


def test_media_is_latin_with_english_dates(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    assert not any("а" <= ch <= "я" for facts in by_list["media"] for ch in facts["full_name"].lower())
    media = next(listed for listed in generated.lists if listed.name == "media").content.decode("utf-8-sig")
    assert "January" in media
    assert any(ch in media for ch in "äğqñöūüış")


def test_morgue_initials_and_admission_after_death(generated: GeneratedSet,
                                                   by_list: dict[str, list[dict[str, str]]]) -> None:
    morgue = by_list["morgue"]
    assert sum(facts["full_name"].count(".") >= 1 for facts in morgue) == len(morgue)
    assert sum(facts["full_name"].endswith(".") and facts["full_name"].count(".") == 2 for facts in morgue) \
        > 0.8 * len(morgue)
    listed = next(g for g in generated.lists if g.name == "morgue")
    delays = []
    for number, facts in enumerate(morgue, start=1):
        assert "date_of_death" not in facts
        died = generated.people[listed.truth[number]].date_of_death
        delays.append((dt.date.fromisoformat(facts["date_recorded"]) - died).days)
    assert min(delays) >= 0
    assert sum(d <= 3 for d in delays) > 0.85 * len(delays)


def test_no_public_figure_surname_is_formed(generated: GeneratedSet) -> None:
    assert famous("Ахметова") and famous("Назарбаев")
    for person in generate("taiga", 2000, 3).people.values():
        assert not famous(person.family)
        assert russify(person.family.lower()) not in FAMOUS
