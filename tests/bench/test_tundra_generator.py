"""The held-out ``tundra`` list generator (bench/generators/tundra.py): deterministic, importable, truthful."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.loading import generate, load  # noqa: E402
from generators.tundra_names import family_from, feminine, patronymic, russify, to_latin  # noqa: E402
from generators.tundra_people import iin_check  # noqa: E402

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("tundra", 400, 7)


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("tundra", generated, 400, 7)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 400, frozenset({"official", "morgue"}), ("ngo",))
    assert loaded.lists == ["official", "ngo", "media", "morgue", "appeal"]


def _by_list(generated: GeneratedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(load(generated))


def test_each_list_has_its_own_habits(generated: GeneratedSet) -> None:
    by_list = _by_list(generated)
    official = by_list["official"]
    assert all(len(facts["full_name"].split()) >= 2 for facts in official)
    assert sum("national_id" in facts for facts in official) > 0.6 * len(official)
    assert not any(set("әғқңөұүһі") & set(facts["full_name"].lower()) for facts in official)  # CP1251, Russian forms
    ngo = by_list["ngo"]
    assert any(set("әғқңөұүі") & set(facts["full_name"].lower()) for facts in ngo)
    assert any(facts["full_name"].endswith(("ұлы", "қызы")) for facts in ngo)
    assert any("age" in facts for facts in ngo) and not any("date_of_birth" in facts for facts in ngo)
    latin = [facts["full_name"] for facts in by_list["media"] if facts["full_name"].isascii()]
    assert len(latin) > 0.7 * len(by_list["media"])
    assert any(not name.isascii() for name in (f["full_name"] for f in by_list["media"]))  # Kazakh Latin 2021
    morgue = by_list["morgue"]
    assert all("date_recorded" in facts and "date_of_death" not in facts for facts in morgue)
    named = [facts for facts in morgue if "Неизвестн" not in facts.get("full_name", "Неизвестн")]
    assert len(named) > 0.9 * len(morgue) and all("." in facts["full_name"] for facts in named)
    assert {facts.get("sex") for facts in morgue} >= {"M", "F"}
    assert any(facts.get("national_id") for facts in morgue)
    appeal_regions = {generated.people[pid].region for g in generated.lists if g.name == "appeal"
                      for pid in g.truth.values()}
    assert appeal_regions == {"г. Алматы", "Алматинская область"}


def test_morgue_admits_on_or_after_the_death(generated: GeneratedSet) -> None:
    loaded = load(generated)
    lags = [(dt_recorded(record.facts) - generated.people[loaded.truth[record.record_id]].date_of_death).days
            for record in loaded.records if record.list_name == "morgue"]
    assert min(lags) == 0 and 0 < max(lags) <= 9


def dt_recorded(facts: dict[str, str]) -> dt.date:
    return dt.date.fromisoformat(facts["date_recorded"])


def test_iins_mostly_valid_with_a_few_slips() -> None:
    big = generate("tundra", 3000, 11)
    checked = [facts["national_id"] for facts in _by_list(big)["official"] if facts.get("national_id")]
    assert all(len(iin) == 12 for iin in checked)
    valid = sum(iin_check(iin[:11]) == int(iin[11]) for iin in checked)
    assert 0.9 * len(checked) < valid < len(checked)


def test_namesakes_and_households() -> None:
    big = generate("tundra", 3000, 11)
    names = [(p.family.removesuffix("а"), p.given) for p in big.people.values()]
    # heavy-tailed names: at 3,000 people a few hundred share a family and given name, not most
    assert 0.8 * len(names) < len(set(names)) < 0.97 * len(names)
    given = [p.given for p in big.people.values() if p.sex == "M"]
    assert max(given.count(name) for name in ("Нұрлан", "Ерлан")) > 0.02 * len(given)
    together = {}
    for person in big.people.values():
        together.setdefault((person.family.removesuffix("а"), person.date_of_death, person.place), []).append(person)
    assert sum(len(group) > 1 for group in together.values()) > 100


def test_truth_is_consistent(generated: GeneratedSet) -> None:
    for person in generated.people.values():
        assert person.sex in ("M", "F")
        assert person.date_of_birth < person.date_of_death
        assert person.date_of_death.year == 2022 and person.date_of_death.month == 1
        assert person.family and person.given and person.region and person.place


def test_name_forms_and_latin() -> None:
    assert family_from("Серік", "M", "ov") == "Сериков"
    assert family_from("Серік", "F", "ovkaz") == "Серікова"
    assert family_from("Абылай", "M", "ov") == "Абылаев"
    assert family_from("Серік", "F", "uly") == "Серікқызы"
    assert feminine("Ахметов") == "Ахметова" and feminine("Ким") == "Ким"
    assert patronymic("Серік", "M") == "Серикович"
    assert patronymic("Сергей", "F") == "Сергеевна"
    assert patronymic("Виталий", "M") == "Витальевич"
    assert russify("Әсел") == "Асель" and russify("Қайрат") == "Кайрат"
    assert to_latin("Жұлдыз", "passport") == "Zhuldyz"
    assert to_latin("Жұлдыз", "latin2021") == "Jūldyz"
    assert to_latin("Ерлан", "by_ear") == "Yerlan"
    assert to_latin("Әсел", "passport") == "Asel"
    assert to_latin("Асель", "by_ear") == "Assel"
