"""Declined names are compared in the nominative (core/names/cases.py)."""

import pytest

from tergeu.core.linkage.features import RecordFacts, name_features
from tergeu.core.names import in_nominative


@pytest.mark.parametrize(("declined", "nominative"), [
    ("гр. Сыздыкову Санжару Нуртасовичу", "Сыздыков Санжар Нуртасович"),  # dative
    ("Шаяхметовым Ерсином Азаматовичем", "Шаяхметов Ерсин Азаматович"),  # instrumental
    ("Зуева Анатолия Артёмовича", "Зуев Анатолий Артёмович"),  # genitive, a soft given name
    ("Цоя Сергея Игоревича", "Цой Сергей Игоревич"),
    ("ИМАНГАЛИЕВА ЕРГАЛИ НУРЖАНОВИЧА", "ИМАНГАЛИЕВ ЕРГАЛИ НУРЖАНОВИЧ"),
    ("гр. Алишеровой Нодиры Фарруховны", "Алишерова Нодира Фарруховна"),  # a woman, genitive
    ("Алишерову Нодиру Фарруховну", "Алишерова Нодира Фарруховна"),  # accusative
    ("Вишневского Игоря Петровича", "Вишневский Игорь Петрович"),
    ("Ерлану Сериковичу Ахметову,", "Ерлан Серикович Ахметов,"),  # given name first; punctuation kept
    ("«Ахметову Ерлану Сериковичу»", "«Ахметов Ерлан Серикович»"),
    # only the name the patronymic belongs to
    ("Сейтова Айгуль, дочь Сейтова Ерлана Маратовича", "Сейтова Айгуль, дочь Сейтов Ерлан Маратович"),
    # given names that decline irregularly: a vowel that drops, a soft -ья
    ("Смирнову Павлу Андреевичу", "Смирнов Павел Андреевич"),
    ("КАРИМОВА ЛЬВА ИЛЬИЧА", "КАРИМОВ ЛЕВ ИЛЬИЧ"),
    ("гражданке Ивановой Наталье Петровне", "Иванова Наталья Петровна"),
    ("Петровой Натальи Сергеевны", "Петрова Наталья Сергеевна"),
    ("с Сидоровой Натальей Ивановной", "с Сидорова Наталья Ивановна"),
])
def test_a_declined_patronymic_brings_the_whole_name_back(declined, nominative):
    assert in_nominative(declined) == nominative


@pytest.mark.parametrize("text", [
    "Ахметова Айгерим Сериковна",  # already nominative: a woman
    "Ахметова Е.С.",  # no patronymic: the case cannot be told, nothing changes
    "Серікұлы Ерлан Асқарұлы",  # Kazakh patronymics do not decline
    "Yerlan Akhmetov",
])
def test_names_without_a_declined_patronymic_stay(text):
    assert in_nominative(text) == text


@pytest.mark.parametrize(("declined", "kept"), [
    ("Береговому Ерлану Сериковичу", "Береговому Ерлан Серикович"),  # adjectival: not cut to "Береговом"
    ("Толстого Льва Николаевича", "Толстого Лев Николаевич"),
])
def test_adjectival_family_names_are_left_as_written(declined, kept):
    assert in_nominative(declined) == kept


def test_the_citizens_title_is_dropped():
    assert in_nominative("гр. Даулетбаева Е.А.") == "Даулетбаева Е.А."
    assert in_nominative("гражданина Ахметова Ерлана Сериковича") == "Ахметов Ерлан Серикович"


def test_linkage_compares_the_declined_and_the_plain_name_alike():
    declined = name_features(RecordFacts(1, "court", {"full_name": "гр. Ахметову Ерлану Сериковичу"}))
    plain = name_features(RecordFacts(2, "morgue", {"full_name": "Ахметов Ерлан Серикович"}))
    assert (declined["family"], declined["given"], declined["patronymic"]) == (
        plain["family"], plain["given"], plain["patronymic"])
    assert declined["sex_from_name"] == "M"


def test_separate_name_columns_declined_by_a_document_are_compared_alike():
    declined = name_features(RecordFacts(1, "court", {"family_name": "Алишеровой", "given_name": "Нодиры",
                                                      "patronymic": "Фарруховны"}))
    plain = name_features(RecordFacts(2, "morgue", {"full_name": "Алишерова Нодира Фарруховна"}))
    assert (declined["family"], declined["given"], declined["patronymic"]) == (
        plain["family"], plain["given"], plain["patronymic"])
    # without a declined patronymic the columns stay as written: "Ахметова" may be a woman
    kept = name_features(RecordFacts(3, "ngo", {"family_name": "Ахметова", "given_name": "Е."}))
    assert kept["family"] == name_features(RecordFacts(4, "ngo", {"full_name": "Ахметова Е."}))["family"]
