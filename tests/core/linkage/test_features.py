from __future__ import annotations

import datetime

from tergeu.core.linkage.features import FEATURE_COLUMNS, RecordFacts, features_of
from tergeu.core.names import make_iin


def features(facts: dict[str, str], order: str | None = None) -> dict:
    return features_of(RecordFacts(1, "list", facts, order))


def test_it_brings_kazakh_and_russian_forms_of_one_name_together() -> None:
    kazakh = features({"full_name": "Нұрланова Айгерім Серікқызы"})
    russian = features({"full_name": "Нурланова Айгерим Сериковна"})
    latin = features({"full_name": "Aigerim Nurlanova"})
    assert kazakh["family"] == russian["family"] == latin["family"] == "nurlanov"
    assert kazakh["given"] == russian["given"] == latin["given"] == "aigerim"
    assert kazakh["patronymic"] == russian["patronymic"] == "serik"
    assert kazakh["sex"] == "F"


def test_it_reads_initials_from_a_morgue_list() -> None:
    row = features({"full_name": "Нурланов Ж.С."})
    parts = (row["family"], row["given"], row["given_initial"], row["patronymic_initial"])
    assert parts == ("nurlanov", None, "j", "s")
    assert features({"full_name": "Zhanbolat Nurlanov"})["given_initial"] == "j"


def test_it_finds_a_birth_year_however_it_is_given() -> None:
    assert features({"date_of_birth": "1990-03-12"})["birth_year"] == 1990
    assert features({"date_of_birth": "1990"})["birth_date"] is None
    iin = make_iin(datetime.date(1985, 7, 1), "M", 7)
    by_iin = features({"national_id": iin})
    assert (by_iin["birth_date"], by_iin["sex"]) == ("1985-07-01", "M")
    by_age = features({"date_of_death": "2022-01-05", "age": "31"})
    assert (by_age["birth_year"], by_age["birth_year_exact"]) == (1990, False)  # a January death: birthday to come
    assert features({"date_of_death": "2022-11-05", "age": "31"})["birth_year"] == 1991
    assert features({"date_recorded": "2022-01-07", "age": "31"})["birth_year"] == 1990  # the list's own date serves


def test_it_keys_places_and_keeps_every_column() -> None:
    row = features({"full_name": "Ахметов Ерлан", "place_of_death": "г. Алма-Ата", "date_of_death": "2022-01"})
    assert row["place"] == "almaty" and row["death_date"] is None
    assert tuple(row) == FEATURE_COLUMNS


def test_it_makes_name_order_irrelevant_for_tokens() -> None:
    assert features({"full_name": "Нурланов Жанболат"})["name_tokens"] == features(
        {"full_name": "Zhanbolat Nurlanov"})["name_tokens"] == ["janbolat", "nurlanov"]


def test_an_age_without_a_date_is_read_against_its_lists_usual_month() -> None:
    from tergeu.core.linkage.features import RecordFacts, feature_table, usual_months

    records = [RecordFacts(1, "ngo", {"full_name": "Ерлан Нурланов", "date_of_death": "2022-01-06", "age": "30"}),
               RecordFacts(2, "ngo", {"full_name": "Асхат Серіков", "date_of_death": "2022-01-05"}),
               RecordFacts(3, "ngo", {"full_name": "Жандос Бекенов", "age": "53"}),
               RecordFacts(4, "other", {"full_name": "Жандос Бекенов", "age": "53"})]
    assert usual_months(records) == {"ngo": "2022-01"}
    years = feature_table(records).column("birth_year").to_pylist()
    assert years == [1991, None, 1968, None]  # a list with no dated row gives no year


def test_a_lists_usual_month_does_not_depend_on_the_order_of_its_rows() -> None:
    from tergeu.core.linkage.features import RecordFacts, usual_months

    rows = [RecordFacts(1, "ngo", {"date_of_death": "2022-01-06"}),
            RecordFacts(2, "ngo", {"date_of_death": "2022-02-01"})]
    assert usual_months(rows) == usual_months(rows[::-1]) == {"ngo": "2022-02"}
