"""The synthetic population: deterministic, shaped like the published facts, with valid IINs."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter

import pytest

from tergeu.core.names import parse_iin
from tergeu.demo import CIRCUMSTANCES, SyntheticPerson, generate_population
from tergeu.demo.naming import (
    avoided_family,
    family_from_given,
    feminine_family,
    kazakh_patronymic,
    russian_patronymic,
)
from tergeu.demo.places import apportion

CYRILLIC_NAME = re.compile(r"^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі-]+$")


@pytest.fixture(scope="module")
def people() -> list[SyntheticPerson]:
    return generate_population(2022)


def test_it_is_deterministic_for_a_seed() -> None:
    assert generate_population(7, 120) == generate_population(7, 120)
    assert generate_population(7, 120) != generate_population(8, 120)


def test_it_has_the_requested_size_and_unique_ids(people: list[SyntheticPerson]) -> None:
    assert len(people) == 238
    assert len({p.person_id for p in people}) == 238
    assert people[0].person_id == "P0001"
    assert len({p.iin for p in people}) == 238


def test_it_puts_the_largest_share_in_almaty(people: list[SyntheticPerson]) -> None:
    places = Counter(p.place_of_death for p in people)
    assert places["Алматы"] == 139
    assert places.most_common(1)[0][0] == "Алматы"
    assert 25 <= sum(p.region == "Алматинская область" for p in people) <= 35
    assert {"Шымкент", "Тараз", "Актобе", "Кызылорда", "Семей"} <= set(places)


def test_it_has_the_published_special_categories(people: list[SyntheticPerson]) -> None:
    circumstances = Counter(p.circumstances for p in people)
    assert set(circumstances) <= set(CIRCUMSTANCES)
    assert sum(p.security_personnel for p in people) == 19
    assert circumstances["security_personnel"] == 19
    assert 17 <= circumstances["crossfire"] <= 23
    custody = [p for p in people if p.circumstances == "custody"]
    assert len(custody) == 6
    assert Counter(p.region for p in custody)["Восточно-Казахстанская область"] == 3
    assert Counter(p.place_of_death for p in custody)["Алматы"] == 2
    assert Counter(p.place_of_death for p in custody)["Талдыкорган"] == 1


def test_it_is_mostly_young_kazakh_men(people: list[SyntheticPerson]) -> None:
    n = len(people)
    assert 0.85 <= sum(p.sex == "M" for p in people) / n <= 0.95
    ethnicity = Counter(p.ethnicity for p in people)
    assert 0.78 <= ethnicity["kazakh"] / n <= 0.92
    assert 0.07 <= ethnicity["russian"] / n <= 0.17
    assert ethnicity["other"] >= 1
    ages = [p.age_at_death for p in people]
    assert 22 <= statistics.median(ages) <= 35
    assert sum(18 <= a <= 45 for a in ages) / n >= 0.75
    assert max(ages) > 50 and min(ages) < 18


def test_it_dates_deaths_from_4_to_11_january_mostly_5_to_7(people: list[SyntheticPerson]) -> None:
    days = Counter(p.date_of_death for p in people)
    assert min(days) >= dt.date(2022, 1, 4) and max(days) <= dt.date(2022, 1, 11)
    peak = sum(count for day, count in days.items() if 5 <= day.day <= 7)
    assert peak / len(people) >= 0.65


def test_it_gives_every_person_a_valid_iin_for_their_birth_and_sex(people: list[SyntheticPerson]) -> None:
    for person in people:
        parsed = parse_iin(person.iin)
        assert parsed.valid, person
        assert parsed.birth_date == person.date_of_birth, person
        assert parsed.sex == person.sex, person


def test_it_writes_canonical_names_in_cyrillic(people: list[SyntheticPerson]) -> None:
    for person in people:
        for part in (person.given, person.family, person.father_given):
            assert CYRILLIC_NAME.match(part), person
    assert {p.patronymic_style for p in people} == {"kazakh", "russian", "none"}
    assert any(re.search("[әғқңөұүһі]", p.given + p.family) for p in people)


def test_it_plants_brothers_and_namesakes(people: list[SyntheticPerson]) -> None:
    families = Counter((p.family, p.father_given, p.place_of_death, p.date_of_death) for p in people)
    brothers = [key for key, count in families.items() if count >= 2]
    assert len(brothers) >= 3
    names = Counter((p.given, p.family) for p in people)
    assert sum(count >= 2 for count in names.values()) >= 3


@pytest.mark.parametrize("size", [60, 500])
def test_it_scales_to_other_sizes(size: int) -> None:
    people = generate_population(3, size)
    places = Counter(p.place_of_death for p in people)
    assert len(people) == size
    assert places.most_common(1)[0][0] == "Алматы"
    assert sum(p.security_personnel for p in people) == round(19 * size / 238)


def test_it_refuses_a_population_too_small_for_its_categories() -> None:
    with pytest.raises(ValueError):
        generate_population(1, 5)


@pytest.mark.parametrize(("father", "sex", "expected"), [
    ("Серік", "M", "Серикович"),
    ("Серік", "F", "Сериковна"),
    ("Абай", "M", "Абаевич"),
    ("Евгений", "M", "Евгеньевич"),
    ("Дмитрий", "F", "Дмитриевна"),
    ("Илья", "F", "Ильинична"),
    ("Муса", "M", "Мусаевич"),
])
def test_it_builds_russian_form_patronymics(father: str, sex: str, expected: str) -> None:
    assert russian_patronymic(father, sex) == expected


def test_it_builds_kazakh_patronymics_and_feminine_family_names() -> None:
    assert kazakh_patronymic("Серік", "M") == "Серікұлы"
    assert kazakh_patronymic("Серік", "F") == "Серікқызы"
    assert feminine_family("Қосанов") == "Қосанова"
    assert feminine_family("Лапицкий") == "Лапицкая"
    assert feminine_family("Ким") == "Ким"


def test_it_apportions_without_losing_anyone() -> None:
    assert apportion([139, 30, 69], 100) == [58, 13, 29]
    assert sum(apportion([5, 3, 1, 1], 7)) == 7


@pytest.mark.parametrize(("given", "family"), [
    ("Серік", "Серіков"), ("Абай", "Абаев"), ("Мұса", "Мұсин"), ("Ержан", "Ержанов"), ("Әли", "Әлиев"),
    ("Рустам", "Рустамов"),
])
def test_it_forms_family_names_from_given_names(given: str, family: str) -> None:
    assert family_from_given(given) == family
    assert feminine_family(family) == family + "а"


def test_it_avoids_public_figures_family_names_in_either_spelling() -> None:
    assert avoided_family(family_from_given("Тоқай"))  # Тоқаев, written Токаев by Russian keyboards
    assert not avoided_family("Серіков")
