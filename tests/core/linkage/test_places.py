from __future__ import annotations

import pytest

from tergeu.core.linkage.places import comparable_place, place_key


@pytest.mark.parametrize("variants,key", [
    (["Алматы", "г. Алматы", "Almaty", "Alma-Ata", "Алма-Ата", "город Алматы", "Алматы қ.", "ALMATY"], "almaty"),
    (["Талдыкорган", "Талдықорған", "Taldykorgan", "Алматинская обл., г. Талдыкорган", "Taldyqorğan"], "taldikorgan"),
    (["Астана", "Нур-Султан", "Nur-Sultan", "Akmola"], "astana"),
    (["Тараз", "Джамбул", "Zhambyl", "Taraz"], "taraz"),
    (["Усть-Каменогорск", "Өскемен", "Oskemen", "Ust-Kamenogorsk"], "ust kamenogorsk"),
    (["Шымкент", "Чимкент", "Shymkent"], "shimkent"),
])
def test_it_gives_every_spelling_of_a_place_one_key(variants: list[str], key: str) -> None:
    assert {place_key(v) for v in variants} == {key}


@pytest.mark.parametrize("text", ["", None, "г.", " , "])
def test_it_keys_empty_places_as_empty(text: str | None) -> None:
    assert place_key(text) == ""


def test_linkage_compares_the_gazetteer_key_where_the_place_resolves() -> None:
    from tergeu.core.linkage.places import comparable_place

    assert {comparable_place(v) for v in ("г. Алматы", "Alma-Ata", "Алматы қаласы", "Almaty")} == {"almaty"}
    assert comparable_place("Kzyl-Orda") == comparable_place("Қызылорда") == "kyzylorda"
    assert comparable_place("село Шортанды-7") == place_key("село Шортанды-7") == "shortandi"  # unknown: folded
    assert comparable_place("") == ""


@pytest.mark.parametrize(("text", "key"), [
    ("ГКБ №12", "@gkb 12"),
    ("морг ГКБ №12", "@morg gkb 12"),
    ("Қалалық аурухана №1", "@kalalik auruhana 1"),
    ("ул. Абая 10", "@ul abaia 10"),
    ("Городская больница №7, г. Алматы", "almaty"),  # the settlement named: compared as the settlement
    ("с. Узынагаш", "uzynagash"),
    ("Кордай", "kordai"),  # a village the gazetteer does not know is still a settlement
])
def test_a_site_within_a_settlement_is_keyed_apart_with_its_number(text: str, key: str) -> None:
    assert comparable_place(text) == key
