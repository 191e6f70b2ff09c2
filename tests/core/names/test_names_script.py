"""Script detection: Kazakh vs Russian Cyrillic vs Latin vs mixtures."""

import pytest

from tergeu.core.names import Script, detect_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Нұрсұлтан", Script.KAZAKH_CYRILLIC),
        ("Әсел", Script.KAZAKH_CYRILLIC),
        ("ҚАЙРАТ", Script.KAZAKH_CYRILLIC),
        ("Нурланов Ерлан Серікұлы", Script.KAZAKH_CYRILLIC),
        ("Шыңғыс", Script.KAZAKH_CYRILLIC),
        ("Һ", Script.KAZAKH_CYRILLIC),
        ("Нурсултан", Script.RUSSIAN_CYRILLIC),
        ("Иванова Анна Сергеевна", Script.RUSSIAN_CYRILLIC),
        ("Дмитрий", Script.RUSSIAN_CYRILLIC),
        ("Zhanbolat Nurlanov", Script.LATIN),
        ("Şyñğys", Script.LATIN),
        ("Nūrsūltan", Script.LATIN),
        ("Äsel", Script.LATIN),
        ("Qaırat", Script.LATIN),
        ("Ny'rsy'ltan", Script.LATIN),
        ("Ǵalym", Script.LATIN),
        ("Ерлан Nurlanov", Script.MIXED),
        ("Epлaн", Script.MIXED),  # Latin look-alikes typed on the wrong keyboard layout
        ("", Script.UNKNOWN),
        ("123 - ., ", Script.UNKNOWN),
        ("Ἀλέξανδρος", Script.UNKNOWN),
    ],
)
def test_it_detects_the_script(text, expected):
    assert detect_script(text) is expected


def test_it_treats_decomposed_letters_like_composed_ones():
    assert detect_script("Ерла\u0301н") is Script.RUSSIAN_CYRILLIC
    assert detect_script("A\u0308sel") is Script.LATIN


def test_it_uses_string_values_for_storage():
    assert Script.KAZAKH_CYRILLIC == "kk-cyrl"
    assert Script("latn") is Script.LATIN
    assert [s.value for s in Script] == ["kk-cyrl", "ru-cyrl", "latn", "mixed", "unknown"]
