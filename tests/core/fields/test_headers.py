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


@pytest.mark.parametrize("header", [
    "Дата поступления", "Дата поступления тела", "Дата регистрации", "Дата регистрации смерти",
    "Дата захоронения", "Түскен күні", "Тіркелген күні", "Жерленген күні", "Мәйітханаға түскен күні",
    "date admitted", "Admission date", "Date registered", "Registration date", "Burial date", "Date of burial",
    "Date of death registration", "Дата поступления (морг)",
])
def test_it_guesses_the_date_a_list_recorded_a_death(header: str) -> None:
    assert guess_columns(["ФИО", header])["date_recorded"] == header


@pytest.mark.parametrize("headers,expected", [
    (["ФИО", "Дата смерти", "Дата поступления", "Дата рождения"],
     {"date_of_death": "Дата смерти", "date_recorded": "Дата поступления", "date_of_birth": "Дата рождения"}),
    (["ФИО", "Дата регистрации смерти", "Дата гибели"],
     {"date_of_death": "Дата гибели", "date_recorded": "Дата регистрации смерти"}),
    (["Аты-жөні", "Туған күні", "Қаза тапқан күні", "Жерленген күні"],
     {"date_of_birth": "Туған күні", "date_of_death": "Қаза тапқан күні", "date_recorded": "Жерленген күні"}),
    (["Name", "Date of birth", "Date of death", "Date of death registration"],
     {"date_of_birth": "Date of birth", "date_of_death": "Date of death",
      "date_recorded": "Date of death registration"}),
    (["Name", "DOB", "Died", "Date of burial"],
     {"date_of_birth": "DOB", "date_of_death": "Died", "date_recorded": "Date of burial"}),
])
def test_a_recorded_date_takes_no_header_from_birth_or_death(headers: list[str], expected: dict[str, str]) -> None:
    guessed = guess_columns(headers)
    assert {k: v for k, v in guessed.items() if k.startswith("date")} == expected


@pytest.mark.parametrize("header", ["Recorded by", "Where buried", "Admitted to hospital by"])
def test_it_does_not_take_any_mention_of_recording_for_a_date(header: str) -> None:
    assert "date_recorded" not in guess_columns(["ФИО", header])


def test_a_short_header_word_opening_a_longer_header_is_guessed() -> None:
    from tergeu.core.fields import guess_columns

    guessed = guess_columns(["ФИО умершего", "ИИН погибшего", "Дата смерти"])
    assert guessed["full_name"] == "ФИО умершего"
    assert guessed["national_id"] == "ИИН погибшего"


def test_a_short_header_word_never_picks_a_relatives_column() -> None:
    from tergeu.core.fields import guess_columns

    guessed = guess_columns(["ФИО заявителя", "ФИО погибшего", "ИИН заявителя", "ИИН погибшего", "Имя отца"])
    assert guessed["full_name"] == "ФИО погибшего"
    assert guessed["national_id"] == "ИИН погибшего"
    assert "given_name" not in guessed
