"""Romanisation systems for the media list: each system spells as its users do, always in Latin."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tergeu.demo.translit import SYSTEMS, romanize, russianize

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


@pytest.mark.parametrize(("text", "system", "expected"), [
    ("Жанболат Нұрланов", "bgn", "Zhanbolat Nurlanov"),
    ("Жанболат Нұрланов", "icao", "ZHANBOLAT NURLANOV"),
    ("Жанболат Нұрланов", "kz2021", "Janbolat Nūrlanov"),
    ("Қайрат", "kz2021", "Qairat"),
    ("Ерлан", "informal", "Yerlan"),
    ("Ерлан", "bgn", "Yerlan"),
    ("Айбек Жумабаев", "bgn", "Aybek Zhumabayev"),
    ("Айбек Жумабаев", "informal", "Aibek Zhumabaev"),
    ("Джумабаев", "informal", "Jumabaev"),
    ("Юлия", "icao", "IULIIA"),
    ("Ілияс", "kz2021", "Iliias"),
    ("Иманғалиев", "kz2021", "İmanğaliev"),
    ("Шыңғыс", "kz2021", "Şyñğys"),
])
def test_it_romanises_like_each_system(text: str, system: str, expected: str) -> None:
    assert romanize(text, system) == expected


def test_it_russianizes_kazakh_letters() -> None:
    assert russianize("Серік Нұрланұлы Әбдіқадыров") == "Серик Нурланулы Абдикадыров"


def test_it_rejects_an_unknown_system() -> None:
    with pytest.raises(ValueError, match="unknown system"):
        romanize("Ерлан", "klingon")


@given(st.text(alphabet=CYRILLIC + CYRILLIC.upper() + " -", max_size=30), st.sampled_from(SYSTEMS))
def test_it_leaves_no_cyrillic_letter_behind(text: str, system: str) -> None:
    for ch in romanize(text, system):
        if ch.isalpha():
            assert unicodedata.name(ch).startswith("LATIN"), (text, system, ch)
