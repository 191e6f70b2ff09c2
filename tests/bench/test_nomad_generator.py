"""The held-out ``nomad`` list generator (bench/generators/nomad.py): deterministic, importable, truthful."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.loading import generate, load  # noqa: E402
from generators.nomad_names import decline_family, decline_given, patronymic, to_latin  # noqa: E402
from generators.nomad_people import iin_check  # noqa: E402

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("nomad", 400, 7)


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("nomad", generated, 400, 7)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 400, frozenset({"gkb", "akimat"}), ("delo", "volunteers"))
    assert loaded.lists == ["delo", "morg", "gkb", "volunteers", "akimat"]


def _by_list(generated: GeneratedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(load(generated))


def test_each_list_has_its_own_habits(generated: GeneratedSet) -> None:
    by_list = _by_list(generated)
    assert by_list["delo"] and all(facts.get("full_name") for facts in by_list["delo"])
    # names copied from documents in the genitive or dative case ("Ахметова Ерлана Сериковича")
    assert any(facts["full_name"].endswith(("овича", "евича", "овичу", "евичу")) for facts in by_list["delo"])
    assert all("date_recorded" in facts and "date_of_death" not in facts for facts in by_list["morg"])
    # the hospitals' admission date (admitted alive) is not read as a recorded death
    assert all("date_of_death" in facts and "date_recorded" not in facts for facts in by_list["gkb"])
    assert all(facts["full_name"].isupper() for facts in by_list["gkb"])
    assert {facts.get("sex") for facts in by_list["morg"]} >= {"M", "F"}
    assert all(facts["region"] == "Алматинская область" for facts in by_list["akimat"])
    assert any(facts["family_name"].endswith(("ұлы", "қызы")) for facts in by_list["akimat"])
    latin = [facts["full_name"] for facts in by_list["volunteers"] if facts["full_name"].isascii()]
    assert len(latin) > 0.6 * len(by_list["volunteers"])
    assert any("age" in facts for facts in by_list["volunteers"])
    regions = {generated.people[pid].region for g in generated.lists if g.name == "akimat"
               for pid in g.truth.values()}
    assert regions == {"Алматинская область"}


def test_iins_mostly_valid_with_a_few_slips() -> None:
    big = generate("nomad", 3000, 11)
    checked = [facts["national_id"] for facts in _by_list(big)["delo"] if facts.get("national_id")]
    assert all(len(iin) == 12 for iin in checked)
    valid = sum(iin_check(iin[:11]) == int(iin[11]) for iin in checked)
    assert 0.9 * len(checked) < valid < len(checked)


def test_truth_is_consistent(generated: GeneratedSet) -> None:
    for person in generated.people.values():
        assert person.sex in ("M", "F")
        assert person.date_of_birth < person.date_of_death
        assert person.date_of_death.year == 2022 and person.date_of_death.month == 1
        assert person.family and person.given and person.region


def test_russian_cases_and_latin() -> None:
    assert decline_family("Ахметов", "M", "gen") == "Ахметова"
    assert decline_family("Ахметова", "F", "dat") == "Ахметовой"
    assert decline_family("Ким", "M", "ins") == "Кимом"
    assert decline_family("Ахметұлы", "M", "gen") == "Ахметұлы"
    assert decline_given("Ерлан", "M", "dat", None) == "Ерлану"  # type: ignore[arg-type]
    assert decline_given("Гульнара", "F", "gen", None) == "Гульнары"  # type: ignore[arg-type]
    assert patronymic("Серік", "M") == "Серикович"
    assert patronymic("Сергей", "F") == "Сергеевна"
    assert to_latin("Жұлдыз", "passport") == "Zhuldyz"
    assert to_latin("Жұлдыз", "latin2021") == "Jūldyz"
    assert to_latin("Ерлан", "by_ear") == "Yerlan"
