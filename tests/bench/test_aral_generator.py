"""The held-out ``aral`` list generator (bench/generators/aral.py): deterministic, importable, truthful,
and shaped like the lists it imitates (a retyped official list, a hospital's XLSX with the admission
date unmapped, a Kazakh memorial site, a Telegram compilation copying the official list, the ministry's
surname-and-initials list in CP1251)."""

from __future__ import annotations

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
from generators.aral_capture import plan  # noqa: E402
from generators.aral_names import is_famous  # noqa: E402
from generators.aral_people import check_digit, make_iin  # noqa: E402
from generators.aral_population import build  # noqa: E402
from generators.aral_public import KK_MONTHS  # noqa: E402
from generators.aral_script import russify  # noqa: E402
from generators.loading import LoadedSet, generate, load  # noqa: E402

pytestmark = pytest.mark.pure

LISTS = ["official", "hospital", "memorial", "telegram", "mvd"]


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("aral", 300, 11)


@pytest.fixture(scope="module")
def loaded(generated: GeneratedSet) -> LoadedSet:
    return load(generated)


@pytest.fixture(scope="module")
def by_list(loaded: LoadedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(loaded)


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("aral", generated, 300, 11)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 300, frozenset({"official", "hospital", "mvd"}), ("memorial", "telegram"))
    assert loaded.lists == LISTS
    assert [listed.map_toml is not None for listed in generated.lists] == [False, True, True, False, True]


def test_a_tenth_to_a_fifth_on_no_list_and_the_channel_copies_the_official_list() -> None:
    people = build(3000, random.Random(5))
    chosen = plan(people, random.Random(6))
    listed = {p.pid for p in chosen.official + chosen.hospital + chosen.memorial + chosen.mvd}
    listed |= {p.pid for p, _ in chosen.telegram}
    assert 0.08 < 1 - len(listed) / len(people) < 0.22
    official = {p.pid for p in chosen.official}
    copied = {p.pid for p, how in chosen.telegram if how == "copied"}
    assert copied <= official and len(copied) > 0.45 * len(official)


def test_official_is_the_retyped_pdf_table(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    text = named_list(generated, "official").content.decode("utf-8")
    assert text.splitlines()[0] == "№ п/п,Ф.И.О.,Дата рождения,Дата смерти"
    rows = by_list["official"]
    assert all(len(facts["full_name"].split()) >= 2 for facts in rows)
    assert sum("date_of_birth" in facts for facts in rows) > 0.9 * len(rows)
    assert all(facts["date_of_death"].startswith("2022-0") for facts in rows)


def test_official_slips_include_latin_letters_and_wrong_centuries() -> None:
    bigger = generate("aral", 1500, 2)
    loaded = load(bigger)
    rows = [(record, bigger.people[loaded.truth[record.record_id]]) for record in loaded.records
            if record.list_name == "official"]
    assert any(re.search("[A-Za-z]", record.facts["full_name"]) for record, _ in rows)
    centuries = [record for record, person in rows if len(record.facts.get("date_of_birth", "")) == 10
                 and abs(int(record.facts["date_of_birth"][:4]) - person.date_of_birth.year) == 100]
    assert 0 < len(centuries) < 0.05 * len(rows)


def test_hospital_leaves_admission_unmapped(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    listed = named_list(generated, "hospital")
    assert "Дата поступления" not in listed.map_toml
    sheet = load_workbook(io.BytesIO(listed.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    admitted, died = rows[0].index("Дата поступления"), rows[0].index("Дата смерти")
    dated = [row for row in rows[1:] if row[died] is not None]
    assert all(row[admitted] <= row[died] for row in dated)
    assert any(row[admitted] < row[died] for row in dated)
    facts = by_list["hospital"]
    assert not any("date_recorded" in f for f in facts)
    assert sum("national_id" in f for f in facts) > 0.4 * len(facts)
    assert all(f["sex"] in "MF" and f["age"].isdigit() for f in facts)


def test_memorial_is_kazakh_given_name_first(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    listed = named_list(generated, "memorial")
    assert 'name_order = "given_first"' in listed.map_toml
    text = listed.content.decode("utf-8")
    assert sum(text.count(f" {month}") for month in KK_MONTHS) > 0.5 * len(listed.truth)
    assert "Марқұм" in text and "ауылы" in text
    rows = by_list["memorial"]
    assert sum(bool(re.search("[әғқңөұүі]", f["full_name"])) for f in rows) > 0.5 * len(rows)
    assert all(len(f.get("date_of_birth", "1990")) == 4 for f in rows)


def test_telegram_copies_official_rows_slips_and_all(generated: GeneratedSet, loaded: LoadedSet) -> None:
    official = {loaded.truth[r.record_id]: r.facts["full_name"] for r in loaded.records if r.list_name == "official"}
    channel = [r for r in loaded.records if r.list_name == "telegram"]
    copies = [r for r in channel if r.facts.get("notes") == "из официального списка"]
    assert copies
    for record in copies:
        assert official[loaded.truth[record.record_id]].startswith(record.facts["full_name"])
    own = [r.facts for r in channel if r not in copies]
    assert any(re.search("[A-Za-z]", f["full_name"]) for f in own)
    assert any(len(f["full_name"].split()) == 1 for f in own)
    assert "\t~" in named_list(generated, "telegram").content.decode("utf-8")


def test_mvd_is_cp1251_surname_and_initials_with_forces_apart(generated: GeneratedSet,
                                                             by_list: dict[str, list[dict[str, str]]]) -> None:
    text = named_list(generated, "mvd").content.decode("cp1251")
    assert not re.search("[әғқңөұүһі]", text, re.IGNORECASE)
    rows = by_list["mvd"]
    assert all(re.fullmatch(r"\S+ (\w\. ?){1,2}", f["full_name"]) for f in rows)
    assert all("age" not in f and "date_of_birth" not in f for f in rows)
    numbers = [f["source_record_id"] for f in rows]
    assert numbers.count("1") == 2  # the fallen of the forces are numbered again from 1
    assert rows[-1]["circumstances"].startswith("погиб при исполнении")


def test_iins_are_valid_and_no_public_figure_surname_is_formed() -> None:
    rng = random.Random(3)
    people = build(3000, rng)
    for person in people[:300]:
        assert check_digit(person.iin[:11]) == int(person.iin[11])
    assert make_iin(rng, people[0].born, "F")[6] in "46"
    assert is_famous("Назарбаева") and is_famous("Ахметов")
    assert not any(is_famous(russify(person.family)) for person in people)
