"""Free-text names → units and persons across scripts, numbers and multi-unit strings (core.forces.resolve)."""

from __future__ import annotations

import pytest

from tergeu.core.forces import RESOLVED, REVIEW, UNRESOLVED, Entity, NameIndex, split_mentions

pytestmark = pytest.mark.pure

# Invented units and synthetic officials only.
INDEX = NameIndex([
    Entity("unit", "U-BAT", "Дала күзеті батальоны",
           ("Степной гвардейский батальон", "Steppe Guard Battalion", "STEPBAT-T"), ("в/ч 30417",)),
    Entity("unit", "U-COY", "Бірінші рота", ("Первая рота",), ("ә/б 30417-1",)),
    Entity("unit", "U-BDE", "Тоғызыншы жасақ бригадасы", ("Девятая бригада",), ("MU 50212",)),
    Entity("unit", "U-MOD", "Қорғаныс министрлігі", ("Министерство обороны", "Ministry of Defense")),
    Entity("person", "P-KK", "Серікболов Ержан Қайратұлы"),
    Entity("person", "P-RU", "Серикболов Ержан Кайратович"),
    Entity("person", "P-OTHER", "Тестова Айгерім Болатқызы", ("Testova Aigerim",)),
])


@pytest.mark.parametrize("text", ["в/ч 30417", "войсковая часть 30417", "әскери бөлім 30417", "ә/б 30417",
                                  "30417 әскери бөлімі", "MU 30417", "m/u 30417", "MILITARY UNIT 30417"])
def test_every_form_of_a_unit_number_resolves_to_its_unit(text: str) -> None:
    resolution = INDEX.resolve(text)
    assert (resolution.verdict, resolution.best.id, resolution.best.score) == (RESOLVED, "U-BAT", 1.0)
    assert "30417" in resolution.best.explanation


def test_a_detachment_number_is_not_its_battalion() -> None:
    assert INDEX.resolve("ә/б 30417-1").best.id == "U-COY"


@pytest.mark.parametrize(("text", "expected"), [
    ("MILITARY UNIT 30417,STEPBAT-T", [("MILITARY UNIT 30417", "U-BAT"), ("STEPBAT-T", "U-BAT")]),
    ("50212, MINISTRY OF DEFENSE", [("50212", "U-BDE"), ("MINISTRY OF DEFENSE", "U-MOD")]),
    ("Staff Officer, ... Steppe Guard Battalion, Ministry of Defense",
     [("Staff Officer", None), ("Steppe Guard Battalion", "U-BAT"), ("Ministry of Defense", "U-MOD")]),
    ("в/ч 30417 и в/ч 50212", [("в/ч 30417", "U-BAT"), ("в/ч 50212", "U-BDE")]),
    ("MU 30417 MU 50212", [("mu:30417", "U-BAT"), ("mu:50212", "U-BDE")]),
])
def test_a_multi_unit_string_is_split_and_each_part_resolved(text: str, expected: list) -> None:
    got = [(r.mention, r.best.id if r.verdict == RESOLVED else None) for r in INDEX.resolve_text(text, "unit")]
    assert got == expected


def test_a_bare_number_resolves_a_little_less_surely() -> None:
    best = INDEX.resolve("50212").best
    assert (best.id, best.score) == ("U-BDE", 0.9)
    assert "bare number" in best.explanation


@pytest.mark.parametrize("text", ["Степной гвардейский батальон", "Steppe Guard Battalion", "steppe guard battalion",
                                  "Дала күзеті батальоны", "Дала кузети батальоны"])
def test_a_unit_is_found_by_any_of_its_names_in_any_script(text: str) -> None:
    resolution = INDEX.resolve(text, "unit")
    assert (resolution.verdict, resolution.best.id) == (RESOLVED, "U-BAT")


@pytest.mark.parametrize("text", ["Серікболов Ержан", "Серикболов Ержан", "Serikbolov Yerzhan",
                                  "Ержан Серикболов", "SERIKBOLOV ERZHAN"])
def test_namesakes_across_scripts_go_to_review_with_both_candidates(text: str) -> None:
    resolution = INDEX.resolve(text, "person")
    assert resolution.verdict == REVIEW
    assert {c.id for c in resolution.candidates[:2]} == {"P-KK", "P-RU"}
    assert all(c.explanation for c in resolution.candidates)


def test_a_full_name_in_another_script_resolves_to_its_person() -> None:
    for text in ("Серикболов Ержан Қайратұлы", "Serikbolov Erzhan Kairatuly"):
        resolution = INDEX.resolve(text, "person")
        assert resolution.best.id == "P-KK", text
    latin = INDEX.resolve("Aigerim Testova", "person")
    assert (latin.verdict, latin.best.id) == (RESOLVED, "P-OTHER")


def test_an_initial_and_a_family_name_is_only_a_candidate() -> None:
    resolution = INDEX.resolve("Е. Серікболов", "person")
    assert resolution.verdict == REVIEW and resolution.best.score < 0.9


def test_an_unknown_name_is_unresolved() -> None:
    assert INDEX.resolve("Invented Border Outpost").verdict == UNRESOLVED
    assert INDEX.resolve("").verdict == UNRESOLVED


def test_the_kind_filter_keeps_units_and_persons_apart() -> None:
    assert INDEX.resolve("Серикболов Ержан", "unit").verdict == UNRESOLVED


def test_split_keeps_a_unit_numbers_own_slash() -> None:
    assert split_mentions("в/ч 30417; m/u 50212 and STEPBAT-T") == ["в/ч 30417", "m/u 50212", "STEPBAT-T"]
    assert split_mentions(" , ;") == []


def test_abbreviated_unit_types_a_slip_of_the_keyboard_and_a_bare_detachment_number() -> None:
    from tergeu.core.forces import Entity, NameIndex

    index = NameIndex([Entity("unit", "U-1", "Zharkol Peacekeeping Battalion", identifiers=("в/ч 30417-1",)),
                       Entity("unit", "U-2", "Zharkol Guard Company"),
                       Entity("unit", "U-3", "Tobol Guard Company"), Entity("unit", "U-4", "Tobul Guard Company")])
    assert index.resolve("ZHARKOL PKPG BN").best.id == "U-1"
    assert index.resolve("ZHARKOL PKPG BN").verdict == "resolved"
    assert [(c.id, c.score) for c in index.resolve("Zharkol Gd Co").candidates[:1]] == [("U-2", 0.97)]
    slip = index.resolve("Zharkl Guard Company")
    assert (slip.best.id, slip.best.score, slip.verdict) == ("U-2", 0.91, "resolved")
    between = index.resolve("Tobal Guard Company")  # one letter from two units: a person decides
    assert {c.id for c in between.candidates[:2]} == {"U-3", "U-4"} and between.verdict == "review"
    numbered = index.resolve("30417-1")
    assert (numbered.best.id, numbered.best.score) == ("U-1", 0.9)
