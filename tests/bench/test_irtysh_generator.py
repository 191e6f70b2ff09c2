"""The held-out ``irtysh`` list generator (bench/generators/irtysh.py): deterministic, importable, truthful,
with the capture dependencies, households and list shapes its docstrings promise."""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
import random
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generator_contract import assert_deterministic, assert_truthful, facts_by_list, named_list  # noqa: E402
from generators import GeneratedSet  # noqa: E402
from generators.irtysh_capture import LISTS, capture  # noqa: E402
from generators.irtysh_names import FAMOUS, famous, russify  # noqa: E402
from generators.irtysh_people import Population, iin_check_digit, make_iin  # noqa: E402
from generators.irtysh_script import romanise  # noqa: E402
from generators.loading import generate, load  # noqa: E402

pytestmark = pytest.mark.pure
LIST_NAMES = ["prosecutor", "forensic", "volunteers", "media", "mosque"]


@pytest.fixture(scope="module")
def generated() -> GeneratedSet:
    return generate("irtysh", 300, 4)


@pytest.fixture(scope="module")
def by_list(generated: GeneratedSet) -> dict[str, list[dict[str, str]]]:
    return facts_by_list(load(generated))


def test_same_seed_same_files_other_seed_other_files(generated: GeneratedSet) -> None:
    assert_deterministic("irtysh", generated, 300, 4)


def test_imports_through_tergeu_and_truth_covers_every_record(generated: GeneratedSet) -> None:
    loaded = assert_truthful(generated, 300, frozenset({"prosecutor", "mosque"}), ("forensic", "media"))
    assert loaded.lists == LIST_NAMES
    assert [listed.filename for listed in generated.lists] == \
        ["prosecutor.csv", "forensic.txt", "volunteers.xlsx", "media.json", "mosque.csv"]
    assert [listed.name for listed in generated.lists if listed.map_toml] == ["media"]


def test_truth_is_january_2022_in_kazakhstan(generated: GeneratedSet) -> None:
    for person in generated.people.values():
        assert person.sex in ("M", "F") and person.family and person.given and person.region
        assert person.date_of_birth < person.date_of_death
        assert dt.date(2022, 1, 4) <= person.date_of_death <= dt.date(2022, 3, 1)
    days = collections.Counter(p.date_of_death for p in generated.people.values() if p.place == "Алматы")
    assert {day for day, _count in days.most_common(2)} == {dt.date(2022, 1, 5), dt.date(2022, 1, 6)}


def test_iin_check_digit_is_the_real_one() -> None:
    first = "90010130000"
    assert iin_check_digit(first) == sum(int(d) * w for d, w in zip(first, range(1, 12), strict=True)) % 11
    assert iin_check_digit("90010130081") == 1  # 10 with weights 1..11, so weights 3..11,1,2 decide
    assert iin_check_digit("90010130080") is None  # 10 both times: no IIN uses this serial
    rng = random.Random(2)
    for year, sex, digit in ((1985, "M", "3"), (1985, "F", "4"), (2004, "M", "5"), (2004, "F", "6")):
        iin = make_iin(rng, dt.date(year, 3, 9), sex)
        assert iin[:6] == f"{year % 100:02d}0309" and iin[6] == digit
        assert iin_check_digit(iin[:11]) == int(iin[11])


def test_prosecutor_list_is_one_name_column_and_a_birth_year(generated: GeneratedSet,
                                                            by_list: dict[str, list[dict[str, str]]]) -> None:
    text = named_list(generated, "prosecutor").content.decode("utf-8-sig")
    assert text.startswith("№;ФИО;Год рождения;Место гибели\r\n")
    rows = by_list["prosecutor"]
    assert all(len(facts.get("date_of_birth", "1990")) == 4 for facts in rows)
    assert sum(len(facts["full_name"].split()) == 3 for facts in rows) > 0.8 * len(rows)
    assert any(len(facts["full_name"].split()) == 2 for facts in rows)  # patronymic left out
    keys = [russify(facts["full_name"]).lower() for facts in rows]
    assert sum(a <= b for a, b in zip(keys, keys[1:], strict=False)) > 0.9 * (len(keys) - 1)  # alphabetical


def test_forensic_register_admissions_iins_and_unknown_bodies(generated: GeneratedSet,
                                                             by_list: dict[str, list[dict[str, str]]]) -> None:
    listed = named_list(generated, "forensic")
    assert listed.content.decode("utf-8").split("\n", 1)[0].count("|") == 11
    rows = by_list["forensic"]
    delays = [(dt.date.fromisoformat(facts["date_recorded"]) - generated.people[listed.truth[n]].date_of_death).days
              for n, facts in enumerate(rows, start=1)]
    assert min(delays) >= 0 and sum(d <= 3 for d in delays) > 0.85 * len(delays)
    iins = [facts["national_id"] for facts in rows if facts.get("national_id")]
    valid = [iin for iin in iins if iin_check_digit(iin[:11]) == int(iin[11])]
    assert len(iins) > 0.7 * len(rows) and len(valid) > 0.95 * len(iins)
    unknown = [n for n, facts in enumerate(rows, start=1) if facts["family_name"].startswith("Неизвестн")]
    assert unknown and all(rows[n - 1]["given_name"] in ("мужчина", "женщина") for n in unknown)
    assert all("national_id" not in rows[n - 1] and "date_of_birth" not in rows[n - 1] for n in unknown)
    later = [n for n, facts in enumerate(rows, start=1) if "ранее зарег" in facts.get("notes", "")]
    assert later and {listed.truth[n] for n in later} <= {listed.truth[n] for n in unknown}


def test_volunteers_mix_habits_row_by_row(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    rows = by_list["volunteers"]
    listed = named_list(generated, "volunteers")
    names = [facts["full_name"] for facts in rows]
    assert any(ch in name for name in names for ch in "әғқңөұүі") and any(n.endswith("ұлы") for n in names)
    people = [generated.people[listed.truth[n]] for n in range(1, len(rows) + 1)]
    given_first = sum(russify(name.split()[0]) == russify(p.given) for name, p in zip(names, people, strict=True))
    family_first = sum(russify(name.split()[0]) == russify(p.family) for name, p in zip(names, people, strict=True))
    assert given_first > 0.2 * len(rows) and family_first > 0.2 * len(rows)
    assert any("date_of_death" not in facts and facts.get("notes") for facts in rows)  # "5-6 января"
    assert any(facts.get("notes", "").startswith("возраст") for facts in rows)  # "возраст 30-35 лет"
    assert sum("age" in facts for facts in rows) > 0.7 * len(rows)
    sheet = zipfile.ZipFile(io.BytesIO(listed.content)).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert 's="1"' in sheet and "қаңтар 2022" in sheet  # typed date cells beside Kazakh month names


def test_media_is_latin_in_three_spellings_with_a_map(generated: GeneratedSet,
                                                      by_list: dict[str, list[dict[str, str]]]) -> None:
    listed = named_list(generated, "media")
    assert 'name_order = "given_first"' in listed.map_toml
    records = json.loads(listed.content)["records"]
    assert {r["outlet"] for r in records} == {"Steppe Wire", "Le Courrier d'Asie centrale", "Zentralasien-Rundschau"}
    assert all(not any("а" <= ch <= "я" for ch in r["victim"].lower()) for r in records)
    text = " ".join(r["victim"] for r in records)
    assert "zh" in text and "Ye" in text and "sch" in text and "ou" in text.lower()
    assert any(word.endswith("ow") for word in text.split())
    assert sum("date_of_death" in facts for facts in by_list["media"]) > 0.7 * len(records)
    assert romanise("Ержан Сериков", "en") == "Yerzhan Serikov"
    assert romanise("Ержан Сериков", "fr") == "Erjan Serikov"
    assert romanise("Ержан Сериков", "de") == "Jerschan Serikow"
    assert romanise("Сергей", "fr") == "Sergueï"


def test_mosque_register_buries_after_death(generated: GeneratedSet, by_list: dict[str, list[dict[str, str]]]) -> None:
    listed = named_list(generated, "mosque")
    rows = by_list["mosque"]
    for number, facts in enumerate(rows, start=1):
        died = generated.people[listed.truth[number]].date_of_death
        assert "date_of_death" not in facts and dt.date.fromisoformat(facts["date_recorded"]) > died
    assert all(facts["region"].endswith(("облысы", "қ.")) for facts in rows)
    assert '""' in listed.content.decode("utf-8")  # a quoted cemetery name, quotes doubled


def _victims(people: int, seed: int) -> list:
    return Population(random.Random(f"test:{seed}")).make(people)


def test_capture_model_dependence_and_people_on_no_list() -> None:
    victims = _victims(6000, 1)
    known, classes = capture(victims, random.Random(3))
    ids = {name: {v.person.person_id for v in known[name]} for name in LISTS}
    count = len(victims)

    def ratio(a: str, b: str) -> float:
        return len(ids[a] & ids[b]) * count / (len(ids[a]) * len(ids[b]))

    assert ratio("volunteers", "media") > 1.5  # the journalists copied the volunteers
    assert ratio("volunteers", "mosque") < 0.75  # two networks that split the regions and the families
    unlisted = count - len(set().union(*ids.values()))
    assert 0.05 * count < unlisted < 0.25 * count
    assert set(classes.values()) == {"public", "official", "unclaimed"}


def test_relatives_die_together_and_namesakes_occur() -> None:
    victims = _victims(3000, 2)
    homes = collections.defaultdict(list)
    for victim in victims:
        if victim.household:
            homes[victim.household].append(victim.person)
    assert len(homes) > 50
    for members in homes.values():
        assert len({(p.place, p.region) for p in members}) == 1 and 2 <= len(members) <= 3
        assert len({russify(p.family) for p in members}) == 1
    fathers = {russify(p.given) for members in homes.values() for p in members}
    assert any(russify(p.father_given) in fathers for members in homes.values() for p in members)
    names = collections.Counter((russify(v.person.family), russify(v.person.given),
                                 russify(v.person.father_given)) for v in victims if not v.household)
    assert any(count > 1 for count in names.values())


def test_no_public_figure_surname_is_formed() -> None:
    assert famous("Назарбаева") and famous("Токаев") and "ахметов" in FAMOUS
    for victim in _victims(4000, 5):
        assert not famous(victim.person.family)
