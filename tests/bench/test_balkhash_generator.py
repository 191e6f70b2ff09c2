"""The ``balkhash`` list generator (bench/generators/balkhash.py; a tuning set since its totals were measured):
deterministic, importable, truthful, and shaped like the lists it imitates (a civil registry, a morgue book
with unknown bodies, the mosques' funeral prayers given name first, akimats in the 2018 Kazakh Latin alphabet,
a volunteers' sheet)."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list, named_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.balkhash_capture import listed, plan  # noqa: E402
from generators.balkhash_names import is_famous  # noqa: E402
from generators.balkhash_people import build, iin_check  # noqa: E402
from generators.balkhash_script import russian_patronymic, to_latin_2018, to_passport  # noqa: E402
from generators.loading import LoadedSet, generate, load  # noqa: E402

pytestmark = pytest.mark.pure

LISTS = ["registry", "morgue", "janaza", "akimat", "volunteers"]


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("balkhash", 300, 11)


@pytest.fixture(scope="module")
def loaded(generated: GeneratedSet) -> LoadedSet:
    return load(generated)


@pytest.fixture(scope="module")
def by_list(loaded: LoadedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(loaded)


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("balkhash", generated, 300, 11)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 300, frozenset({"registry", "akimat"}), ("morgue", "janaza", "volunteers"))
    assert loaded.lists == LISTS
    assert [listed.map_toml is not None for listed in generated.lists] == [False, False, True, True, False]


def test_some_are_on_no_list_and_the_lists_overlap() -> None:
    people = build(3000, random.Random(5))
    chosen = plan(people, random.Random(6))
    assert 0.03 < 1 - len(listed(chosen)) / len(people) < 0.15
    registry, volunteers = {p.pid for p in chosen.registry}, {p.pid for p, _ in chosen.volunteers}
    assert 0.2 * len(volunteers) < len(registry & volunteers) < len(volunteers)


def test_dates_of_record_are_on_or_after_the_death(generated: GeneratedSet, loaded: LoadedSet) -> None:
    recorded = [
        (record, generated.people[loaded.truth[record.record_id]])
        for record in loaded.records
        if "date_recorded" in record.facts
    ]
    assert {record.list_name for record, _ in recorded} == {"registry", "morgue", "janaza"}
    for record, person in recorded:
        assert dt.date.fromisoformat(record.facts["date_recorded"]) >= person.date_of_death
    assert any(dt.date.fromisoformat(r.facts["date_recorded"]) > p.date_of_death for r, p in recorded)


def test_registry_spells_names_as_documents_do(generated: GeneratedSet, loaded: LoadedSet) -> None:
    rows = [(r.facts, generated.people[loaded.truth[r.record_id]]) for r in loaded.records if r.list_name == "registry"]
    exact = sum(f["family_name"] == p.family and f["given_name"] == p.given for f, p in rows)
    assert exact > 0.9 * len(rows)
    assert any(re.search("[әғқңөұүі]", f["family_name"] + f["given_name"]) for f, _ in rows)
    assert all(len(f["national_id"]) == 12 for f, _ in rows if "national_id" in f)


def test_morgue_has_unknown_bodies_and_typed_dates(
    generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]
) -> None:
    rows = by_list["morgue"]
    assert not any(re.search("[әғқңөұүі]", f["full_name"], re.IGNORECASE) for f in rows)
    sheet = load_workbook(io.BytesIO(named_list(generated, "morgue").content), read_only=True).worksheets[0]
    table = list(sheet.iter_rows(values_only=True))
    name, age = table[0].index("Ф.И.О."), table[0].index("Возраст")
    unknown = [row for row in table[1:] if row[name].startswith("Неизвестн")]
    assert unknown and all(str(row[age]).startswith("~") for row in unknown)
    column = table[0].index("Дата поступления тела")
    typed = [row[column] for row in table[1:] if isinstance(row[column], dt.datetime)]
    assert 0.7 * (len(table) - 1) < len(typed) < len(table) - 1


def test_janaza_is_given_name_first_with_the_fathers_name(
    generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]
) -> None:
    assert 'name_order = "given_first"' in named_list(generated, "janaza").map_toml
    rows = by_list["janaza"]
    fathers = [f for f in rows if re.search("(ұлы|қызы)$", f["full_name"])]
    assert len(fathers) > 0.6 * len(rows)
    text = named_list(generated, "janaza").content.decode("utf-8")
    assert "қаңтар" in text and "жаста" in text


def test_janaza_spells_arabic_names_as_religion_does() -> None:
    bigger = generate("balkhash", 2000, 3)
    text = named_list(bigger, "janaza").content.decode("utf-8")
    assert sum(form in text for form in ("Мухамед", "Мухаммад", "Абдурахман", "Юсуп", "Ибрагим", "Умар")) >= 3


def test_akimat_is_in_the_2018_kazakh_latin_alphabet(
    generated: GeneratedSet, loaded: LoadedSet, by_list: dict[str, list[dict[str, str]]]
) -> None:
    content = named_list(generated, "akimat").content
    assert content.startswith("\ufeff".encode("utf-16-le"))
    text = content.decode("utf-16")
    assert not re.search("[а-яА-ЯёәғқңөұүһіІ]", text)
    assert sum(text.count(letter) for letter in "áǵńóúýı") > len(by_list["akimat"])
    assert "uly\t" in text and "Almaty oblysy" in text
    regions = {generated.people[loaded.truth[r.record_id]].region for r in loaded.records if r.list_name == "akimat"}
    assert "г. Алматы" not in regions and "г. Шымкент" not in regions
    assert to_latin_2018("Серікұлы Айгүл Шыңғыс") == "Serikuly Aıgúl Shyńǵys"


def test_volunteers_write_in_three_hands_with_vague_ages_and_dates(
    generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]
) -> None:
    rows = by_list["volunteers"]
    assert any(re.fullmatch("[A-Z]+ [A-Z]+", f["full_name"]) for f in rows)
    assert any(re.search("[әғқңөұүі]", f["full_name"]) for f in rows)
    assert any(len(f.get("date_of_death", "")) == 7 for f in rows)
    assert any(f.get("age", "").isdigit() for f in rows)
    assert any(re.search(r"возраст \d+-\d+", f.get("notes", "")) for f in rows)
    assert "~" in named_list(generated, "volunteers").content.decode("utf-8")
    assert to_passport("Жанибеков Ерлан").upper() == "ZHANIBEKOV ERLAN"


def test_no_public_figure_surname_and_valid_iins() -> None:
    people = build(3000, random.Random(8))
    assert not any(is_famous(p.family) or (p.maiden and is_famous(p.maiden)) for p in people)
    assert is_famous("Назарбаева") and is_famous("Тоқаев") and not is_famous("Сәрсенов")
    assert all(iin_check(p.iin[:11]) == int(p.iin[11]) for p in people if p.iin)
    assert russian_patronymic("Сергей", "M") == "Сергеевич" and russian_patronymic("Игорь", "F") == "Игоревна"
