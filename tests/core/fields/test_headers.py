from __future__ import annotations

import pytest

from tergeu.core.fields import guess_columns, normalise_header


@pytest.mark.parametrize("headers,expected", [
    (["№", "Фамилия Имя Отчество", "Дата рождения", "ИИН", "Место гибели", "Дата гибели"],
     {"full_name": "Фамилия Имя Отчество", "date_of_birth": "Дата рождения", "national_id": "ИИН",
      "place_of_death": "Место гибели", "date_of_death": "Дата гибели", "source_record_id": "№"}),
    (["Р/с", "Аты-жөні", "Жасы", "Қаза тапқан жері", "Қаза тапқан күні", "Жағдайы"],
     {"full_name": "Аты-жөні", "age": "Жасы", "place_of_death": "Қаза тапқан жері",
      "date_of_death": "Қаза тапқан күні", "circumstances": "Жағдайы", "source_record_id": "Р/с"}),
    (["name", "age", "city", "date_of_death", "circumstances", "source_url"],
     {"full_name": "name", "age": "age", "place_of_death": "city", "date_of_death": "date_of_death",
      "circumstances": "circumstances"}),
    (["№ п/п", "ФИО", "Пол", "Дата смерти", "Примечание"],
     {"full_name": "ФИО", "sex": "Пол", "date_of_death": "Дата смерти", "notes": "Примечание"}),
    (["Фамилия", "Имя", "Отчество", "Год рождения", "Пол"],
     {"family_name": "Фамилия", "given_name": "Имя", "patronymic": "Отчество", "date_of_birth": "Год рождения",
      "sex": "Пол"}),
    (["Ф.И.О.", "Дата гибели (по данным ГП)", "Место гибели, город"],
     {"full_name": "Ф.И.О.", "date_of_death": "Дата гибели (по данным ГП)", "place_of_death": "Место гибели, город"}),
    (["Surname", "First name", "DOB", "Sex", "Place of death"],
     {"family_name": "Surname", "given_name": "First name", "date_of_birth": "DOB", "sex": "Sex",
      "place_of_death": "Place of death"}),
])
def test_it_guesses_columns_in_three_languages(headers: list[str], expected: dict[str, str]) -> None:
    guessed = guess_columns(headers)
    assert {k: v for k, v in guessed.items() if k != "source_record_id"} == {
        k: v for k, v in expected.items() if k != "source_record_id"}
    if "source_record_id" in expected:
        assert guessed["source_record_id"] == expected["source_record_id"]


def test_it_uses_each_header_once() -> None:
    guessed = guess_columns(["Name", "Name of deceased", "Age"])
    assert len(set(guessed.values())) == len(guessed)


def test_it_normalises_headers() -> None:
    assert normalise_header("  Ф.И.О. ") == "ф и о"
    assert normalise_header("Аты-жөні") == "аты жөні"
    assert normalise_header("Дата_рождения") == "дата рождения"
