"""The held-out ``altai`` list generator (bench/generators/altai.py): deterministic, importable, truthful,
and shaped like the lists it imitates (valid IINs, upper-case registry names, Russian ages, Kazakh
months and partial names, Latin names with English dates, burial after death)."""

from __future__ import annotations

import collections
import datetime as dt
import io
import random
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list, named_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.altai_names import famous  # noqa: E402
from generators.altai_people import iin_check_digit, make_iin  # noqa: E402
from generators.altai_script import KZ_MONTHS  # noqa: E402
from generators.loading import generate, load  # noqa: E402

pytestmark = pytest.mark.pure

Facts = dict[str, list[dict[str, str]]]


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("altai", 300, 5)


@pytest.fixture(scope="module")
def by_list(generated: GeneratedSet) -> Facts:
    return facts_by_list(load(generated))


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("altai", generated, 300, 5)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 300, frozenset({"moh", "burial"}), ("hr", "kz"))
    assert loaded.lists == ["moh", "hr", "kz", "report", "burial"]


def test_iin_check_digit_is_the_real_one() -> None:
    first = "90010130000"
    assert iin_check_digit(first) == sum(int(d) * w for d, w in zip(first, range(1, 12), strict=True)) % 11
    assert iin_check_digit("90010130081") == 1  # weights 1..11 give 10, so 3..11,1,2 decide
    assert iin_check_digit("90010130080") is None  # 10 both times: no IIN uses this serial
    rng = random.Random(3)
    for _ in range(300):
        born = dt.date(1950 + rng.randrange(70), 1 + rng.randrange(12), 1 + rng.randrange(28))
        sex = rng.choice("MF")
        iin = make_iin(rng, born, sex)
        assert iin_check_digit(iin[:11]) == int(iin[11])
        assert iin[:6] == born.strftime("%y%m%d")
        assert iin[6] == str((3 if born.year < 2000 else 5) + (sex == "F"))


def test_registry_is_upper_case_with_valid_ids_and_typed_dates(generated: GeneratedSet, by_list: Facts) -> None:
    moh = by_list["moh"]
    assert all(facts["full_name"] == facts["full_name"].upper() for facts in moh)
    ids = [facts["national_id"] for facts in moh if facts.get("national_id")]
    assert len(ids) > 0.8 * len(moh)
    valid = [iin for iin in ids if iin_check_digit(iin[:11]) == int(iin[11])]
    assert len(valid) > 0.95 * len(ids)
    sheet = load_workbook(io.BytesIO(named_list(generated, "moh").content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))[1:]
    assert sum(isinstance(row[5], dt.datetime) for row in rows) == len(rows)  # date of death typed
    assert sum(isinstance(row[3], dt.datetime) for row in rows) > 0.75 * len(rows)  # birth mostly typed


def test_rights_group_writes_russian_ages_initials_and_dates(generated: GeneratedSet, by_list: Facts) -> None:
    text = named_list(generated, "hr").content.decode("utf-8")
    assert " г.," in text and " лет," in text and " янв. 2022" in text
    names = [facts["full_name"] for facts in by_list["hr"]]
    assert sum(name.endswith(".") for name in names) > 0.25 * len(names)
    assert sum(name.count(" ") == 1 and not name.endswith(".") for name in names) > 0.3 * len(names)


def test_kazakh_list_writes_kazakh(generated: GeneratedSet, by_list: Facts) -> None:
    text = named_list(generated, "kz").content.decode("utf-8")
    dated = [facts for facts in by_list["kz"] if facts.get("date_of_death")]
    assert sum(text.count(f" {month}") for month in KZ_MONTHS) > 0.6 * len(dated)
    names = [facts["full_name"] for facts in by_list["kz"]]
    assert any(any(ch in name for ch in "әғқңөұүі") for name in names)
    assert any(name.endswith(("ұлы", "қызы")) for name in names)
    assert any(name.endswith(" жаста)") and "age" not in facts for name, facts in zip(names, by_list["kz"],
                                                                                       strict=True))


def test_report_is_latin_with_english_dates_and_copies(generated: GeneratedSet, by_list: Facts) -> None:
    report = by_list["report"]
    assert not any("а" <= ch <= "я" for facts in report for ch in facts["full_name"].lower())
    assert sum(any(word.isupper() and len(word) > 2 for word in facts["full_name"].split()) for facts in report) \
        > 0.7 * len(report)
    text = named_list(generated, "report").content.decode("utf-8")
    assert "January" in text and "rights group list" in text
    assert sum(facts.get("source_record_id") is not None for facts in report) == len(report)


def test_burial_register_dates_burials_after_deaths(generated: GeneratedSet, by_list: Facts) -> None:
    listed = named_list(generated, "burial")
    listed.content.decode("cp1251")
    burial = by_list["burial"]
    delays = []
    for number, facts in enumerate(burial, start=1):
        assert "date_of_death" not in facts and "place_of_death" not in facts
        person = generated.people[listed.truth[number]]
        recorded = dt.date.fromisoformat(facts["date_recorded"])
        if recorded.month <= 2:  # a day/month slip aside
            delays.append((recorded - person.date_of_death).days)
    assert min(delays) >= 1
    assert sum(1 <= d <= 5 for d in delays) > 0.8 * len(delays)
    near = sum(generated.people[p].region in ("г. Алматы", "Алматинская область") for p in listed.truth.values())
    assert near > 0.95 * len(burial)


def test_relatives_die_together_and_namesakes_exist() -> None:
    people = generate("altai", 2000, 8).people.values()
    together = collections.Counter((p.family.rstrip("а"), p.place, p.date_of_death, p.father_given) for p in people)
    assert sum(count > 1 for count in together.values()) > 10
    namesakes = collections.Counter((p.family, p.given) for p in people)
    assert sum(count for count in namesakes.values() if count > 1) > 0.1 * len(namesakes)
    assert not any(famous(p.family) for p in people)
    days = collections.Counter(p.date_of_death for p in people)
    assert days[dt.date(2022, 1, 5)] + days[dt.date(2022, 1, 6)] > 0.5 * sum(days.values())
    assert any(p.date_of_death.month == 2 for p in people)
