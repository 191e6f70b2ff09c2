"""The registry query: cross-script search, ranking, sorting of hits, filters, partial dates."""

from __future__ import annotations

import pytest

from tergeu.registry.models import Record
from tergeu.registry.query import RegistryQuery, run_query

pytestmark = pytest.mark.django_db

ROWS = [
    ["Нурланов Жанболат Серикович", "Алматы", "05.01.2022"],
    ["Нурланова Айгерим", "Тараз", "07.01.2022"],
    ["Жанбулатов Ерлан", "Алматы", "2022-01"],
    ["Ахметов Руслан", "Шымкент", "06.01.2022"],
]


@pytest.fixture
def records(write_csv, run_import):
    run_import(write_csv("a.csv", ["ФИО", "Место гибели", "Дата гибели"], ROWS), list_name="official")
    return Record.objects.all()


def names(result) -> list[str]:
    return [record.display_name for record in result[0:len(result)]]


@pytest.mark.parametrize("text", ["Zhanbolat", "Janbolat", "Жанболат", "Жанбулат", "zhanb"])
def test_it_finds_a_name_in_any_script_or_spelling(records, text: str) -> None:
    assert "Нурланов Жанболат Серикович" in names(run_query(records, RegistryQuery(q=text)))


def test_it_ranks_whole_word_matches_first(records) -> None:
    found = names(run_query(records, RegistryQuery(q="Zhanbolat")))
    assert found[0] == "Нурланов Жанболат Серикович"


def test_it_sorts_hits_when_asked(records) -> None:
    by_name = names(run_query(records, RegistryQuery(q="Nurlanov", sort="name")))
    assert by_name == sorted(by_name)
    assert names(run_query(records, RegistryQuery(q="Nurlanov", sort="-name"))) == by_name[::-1]


def test_it_keeps_partial_dates_that_may_fall_in_the_range(records) -> None:
    found = names(run_query(records, RegistryQuery(date_from="2022-01-06", date_to="2022-01-31")))
    assert set(found) == {"Нурланова Айгерим", "Жанбулатов Ерлан", "Ахметов Руслан"}


def test_it_combines_filters_and_search(records) -> None:
    assert names(run_query(records, RegistryQuery(q="Nurlanova", place="Тараз"))) == ["Нурланова Айгерим"]
    assert names(run_query(records, RegistryQuery(place="Алматы", sort="-date"))) == [
        "Нурланов Жанболат Серикович", "Жанбулатов Ерлан"]


def test_it_pages_the_registry_and_keeps_the_filters(write_csv, run_import, client_as) -> None:
    rows = [[f"Тестов Иван {i}", "Алматы", "05.01.2022"] for i in range(60)]
    run_import(write_csv("many.csv", ["ФИО", "Место гибели", "Дата гибели"], rows), list_name="many")
    page = client_as("analyst").get("/registry/", {"place": "Алматы", "page": "1"}).content.decode()
    assert "page 1 of 2" in page
    assert 'href="?place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&page=2"' in page
