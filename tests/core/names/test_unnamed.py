"""Placeholders for bodies not yet identified are not names (core/names/unnamed.py)."""

import pytest

from tergeu.core.linkage.features import RecordFacts, name_features
from tergeu.core.linkage.identifiable import is_identifiable
from tergeu.core.names import is_unidentified


@pytest.mark.parametrize("text", [
    "Неизвестный мужчина", "неизвестная женщина №3", "Труп неустановленного мужчины", "неизв. муж.",
    "белгісіз ер адам", "Аты-жөні белгісіз", "Unidentified male", "UNKNOWN", "н/у", "Н.У.", "ФИО не установлено",
    "н/у мужчина", "Н.У. (муж.)", "Neizvestnyi muzhchina", "Belgisiz er adam", "Труп №5", "Неизвестен", "John Doe",
])
def test_placeholders_are_recognised(text):
    assert is_unidentified(text)


@pytest.mark.parametrize("text", [
    "Нурланов Н.У.", "Нурланов Ерлан", "Неизвестнов Ерлан", "Бекзат Нұржанұлы", "", None,
    "John Doerksen",  # a phrase is matched as words, never inside one
    "Ахметов Ерлан, ранее числился неустановленным",  # identified: a name with a remark
    "Безымянный Ерлан Серикович", "Неизвестных Айгуль",  # surnames, with a given name beside them
])
def test_names_are_not_placeholders(text):
    assert not is_unidentified(text)


def test_an_unidentified_body_has_no_name_features_and_is_not_counted():
    body = RecordFacts(1, "morgue", {"full_name": "Неизвестный мужчина", "sex": "M", "age": "40"})
    features = name_features(body)
    assert not features.get("family") and not features.get("given")
    assert not is_identifiable(body)
    named = RecordFacts(2, "morgue", {"full_name": "Нурланов Е.С.", "sex": "M"})
    assert name_features(named)["family"] and is_identifiable(named)
