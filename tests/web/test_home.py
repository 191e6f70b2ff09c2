"""Sign-in, the home page, and the synthetic-data banner."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client_as) -> Client:
    return client_as("analyst", "analyst")


def test_it_sends_anonymous_visitors_to_sign_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_signs_in_with_a_password(client: Client) -> None:
    get_user_model().objects.create_user("analyst", password="a long test password")
    response = client.post("/accounts/login/", {"username": "analyst", "password": "a long test password"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_it_hashes_passwords_with_argon2() -> None:
    user = get_user_model().objects.create_user("analyst", password="a long test password")
    assert user.password.startswith("argon2")


def test_it_lists_imported_lists(signed_in: Client, write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО", "Место гибели"], [["Нурланов Ж.С.", "Алматы"]]), list_name="morgue")
    page = signed_in.get("/").content.decode()
    assert "morgue" in page and ">Almaty</a>: 1" in page  # the gazetteer's name, in the reader's language
    assert "SYNTHETIC" not in page


def test_it_counts_one_place_however_the_lists_spell_it(signed_in: Client, write_csv, run_import) -> None:
    rows = [["Нурланов Ж.С.", "Алматы"], ["Серикова А.", "г. Алматы"], ["Ахметов Б.", "Alma-Ata"],
            ["Иванов П.", "г.Алматы"], ["Омаров Д.", "Шортанды-7"]]
    run_import(write_csv("a.csv", ["ФИО", "Место гибели"], rows), list_name="morgue")
    page = signed_in.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert page.count(">Алматы</a>") == 1 and ">Алматы</a>: 4" in page
    assert ">Шортанды-7</a>: 1" in page  # unknown to the gazetteer: shown as written


def test_it_says_plainly_when_the_data_is_synthetic(signed_in: Client, write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]), list_name="demo", synthetic=True)
    assert "every person in this database is SYNTHETIC" in signed_in.get("/").content.decode()


def test_it_shows_nothing_to_a_user_without_a_role(client: Client, write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО", "Место гибели"], [["Нурланов Ж.С.", "Алматы"]]), list_name="morgue")
    client.force_login(get_user_model().objects.create_user("nobody", password="a long test password"))
    page = client.get("/").content.decode()
    assert "morgue" not in page and "Алматы" not in page


def test_it_shows_the_change_history(signed_in: Client, write_csv, run_import) -> None:
    run_import(write_csv("a.csv", ["ФИО"], [["Нурланов Ж.С."]]), list_name="morgue")
    page = signed_in.get("/history/").content.decode()
    assert "imported" in page and "morgue" in page
