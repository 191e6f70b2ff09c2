"""The ``zhaiyk`` generator: the shared contract, and the habits its docstrings claim for each list."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator_contract import assert_deterministic, assert_truthful  # noqa: E402
from generators.loading import LoadedSet, generate  # noqa: E402
from generators.zhaiyk_households import population  # noqa: E402
from generators.zhaiyk_names import blocked, russify  # noqa: E402

pytestmark = pytest.mark.pure

PEOPLE, SEED = 300, 4
_KZ_LATIN = set("äöüğqñūı")
_WEIGHTS = ((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))


@pytest.fixture(scope="module")
def generated():
    return generate("zhaiyk", PEOPLE, SEED)


@pytest.fixture(scope="module")
def loaded(generated) -> LoadedSet:
    return assert_truthful(generated, PEOPLE, frozenset({"health", "burial"}), ("court", "petitions", "report"))


def _rows(loaded: LoadedSet, name: str):
    return [(record.facts, loaded.people[loaded.truth[record.record_id]])
            for record in loaded.records if record.list_name == name]


def _iin_valid(iin: str) -> bool:
    digits = [int(c) for c in iin]
    for weights in _WEIGHTS:
        check = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if check != 10:
            return check == digits[11]
    return False


def test_contract(generated, loaded):
    assert_deterministic("zhaiyk", generated, PEOPLE, SEED)
    assert [g.name for g in generated.lists] == ["court", "health", "petitions", "report", "burial"]
    assert len(loaded.records) > PEOPLE  # overlapping lists name most people more than once


def test_some_dead_are_on_no_list_but_most_are_listed(loaded):
    listed = len(set(loaded.truth.values()))
    assert 0.8 * PEOPLE < listed < PEOPLE


def test_petitions_give_the_given_name_first_in_kazakh(generated, loaded):
    rows = _rows(loaded, "petitions")
    first = [russify(facts["full_name"].split()[0]).lower() == russify(person.given).lower() for facts, person in rows]
    assert sum(first) == len(rows)
    text = next(g for g in generated.lists if g.name == "petitions").content.decode("utf-8")
    assert "қаңтар" in text and "жаста" in text
    assert any(re.search(r"(ұлы|қызы|улы|кызы)$", facts["full_name"]) for facts, _ in rows)
    assert any(len(facts["full_name"].split()) == 1 for facts, _ in rows)  # "Нұрсұлтан" alone, with an age


def test_petitions_name_married_women_by_their_maiden_name():
    dead = {person.pid: person for person in population(2000, SEED)}
    petitions = next(g for g in generate("zhaiyk", 2000, SEED).lists if g.name == "petitions")
    names = petitions.content.decode("utf-8").splitlines()[1:]
    maiden_rows = [line for number, line in enumerate(names, start=1)
                   if (maiden := dead[petitions.truth[number]].maiden) and russify(maiden) in russify(line)]
    assert maiden_rows


def test_burial_book_has_the_burial_day_not_the_death_day(loaded):
    rows = _rows(loaded, "burial")
    assert rows
    for facts, person in rows:
        assert "date_of_death" not in facts
        days = (dt.date.fromisoformat(facts["date_recorded"]) - person.date_of_death).days
        assert 0 <= days <= 40
        assert re.fullmatch(r"\S+ \S\.(\S\.)?", facts["full_name"])
        assert person.region in ("г. Алматы", "Алматинская область")


def test_burial_book_is_utf16_with_lookalike_latin_slips(generated):
    book = next(g for g in generate("zhaiyk", 2000, SEED).lists if g.name == "burial")
    assert book.content.startswith(b"\xff\xfe")
    text = book.content.decode("utf-16")
    assert re.search(r"[А-Яа-я][ABEKMHOPCTXaeopcxy]|[ABEKMHOPCTXaeopcxy][а-я]", text)


def test_health_iins_encode_birth_date_and_sex_with_some_slips(loaded):
    rows = [(facts, person) for facts, person in _rows(loaded, "health") if facts.get("national_id")]
    assert len(rows) > 50
    encoded = [facts["national_id"][:6] == person.date_of_birth.strftime("%y%m%d") for facts, person in rows]
    assert sum(encoded) >= 0.9 * len(rows)
    sexed = [facts["national_id"][6] == str((3 if person.date_of_birth.year < 2000 else 5) + (person.sex == "F"))
             for facts, person in rows]  # a clerk's swapped digits may move the 7th
    assert sum(sexed) >= 0.95 * len(rows)
    valid = [_iin_valid(facts["national_id"]) for facts, _ in rows]
    assert 0.8 * len(rows) < sum(valid) < len(rows)


def test_health_states_separate_names_registration_day_and_skips_aktobe(loaded):
    rows = _rows(loaded, "health")
    assert all("family_name" in facts and "given_name" in facts for facts, _ in rows)
    assert all(facts["date_recorded"] > person.date_of_death.isoformat() for facts, person in rows)
    assert not any(person.region == "Актюбинская область" for _, person in rows)
    assert any(person.region == "Актюбинская область" for person in loaded.people.values())


def test_court_uses_initials_and_the_incident_day_for_the_wounded(loaded):
    rows = _rows(loaded, "court")
    assert any(re.fullmatch(r"\S+ [А-ЯЁ]\.([А-ЯЁ]\.)?", facts["full_name"]) for facts, _ in rows)
    assert any(len(facts["full_name"].split()) == 3 for facts, _ in rows)
    assert all(len(facts["date_of_birth"]) == 10 for facts, _ in rows)
    earlier = [facts for facts, person in rows if facts["date_of_death"] < person.date_of_death.isoformat()]
    assert earlier


def test_report_is_latin_in_several_schemes(loaded):
    rows = _rows(loaded, "report")
    names = [facts["full_name"] for facts, _ in rows]
    assert not any(re.search("[а-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ]", name) for name in names)
    assert any(_KZ_LATIN & set(name) for name in names)
    assert any(re.search(r"\b(Zh|Kh|Ye)", name) for name in names)
    assert any(re.search(r"\b[A-Z]{3,}\b", name) for name in names)


def test_namesakes_are_common_and_no_public_figure_surnames():
    dead = population(5000, SEED)
    truths = [person.truth() for person in dead]
    counts = Counter((russify(t.family), russify(t.given)) for t in truths)
    shared = sum(n for n in counts.values() if n > 1)
    assert shared > 0.25 * len(truths)
    assert not any(blocked(t.family) for t in truths)
    assert any(t.family.endswith(("ұлы", "қызы")) for t in truths)
