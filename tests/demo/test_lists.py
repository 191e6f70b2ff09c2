"""The four demo lists: exact headers, real-world encodings, a complete ground truth, realistic overlap."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tergeu.core.fields import guess_columns
from tergeu.demo import DemoList, generate_population, write_demo_lists
from tergeu.provenance.vocab import SOURCE_KINDS

FILES = ("official_gpo.csv", "ngo_kk.csv", "media_en.json", "morgue_almaty.csv")
OFFICIAL_HEADERS = ["№", "Фамилия Имя Отчество", "Дата рождения", "ИИН", "Место гибели", "Дата гибели"]
NGO_HEADERS = ["Р/с", "Аты-жөні", "Жасы", "Қаза тапқан жері", "Қаза тапқан күні", "Жағдайы"]
MORGUE_HEADERS = ["№ п/п", "ФИО", "Пол", "Дата смерти", "Примечание"]
MEDIA_KEYS = {"name", "age", "city", "date_of_death", "circumstances", "source_url"}
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DemoList]]:
    directory = tmp_path_factory.mktemp("demo")
    return directory, write_demo_lists(directory, seed=2022)


def _csv(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline=""), delimiter=delimiter))


def _rows(directory: Path) -> dict[str, list]:
    """Data rows per file, decoded the way each file is meant to be decoded."""
    return {
        "official_gpo.csv": _csv(directory / "official_gpo.csv", "cp1251", ";")[1:],
        "ngo_kk.csv": _csv(directory / "ngo_kk.csv", "utf-8-sig", ",")[1:],
        "media_en.json": json.loads((directory / "media_en.json").read_text(encoding="utf-8")),
        "morgue_almaty.csv": _csv(directory / "morgue_almaty.csv", "utf-8", ",")[1:],
    }


def _truth(directory: Path) -> list[dict[str, str]]:
    with (directory / "truth.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lists_per_person(directory: Path) -> Counter[str]:
    return Counter(person for _, person in {(row["list"], row["person_id"]) for row in _truth(directory)})


def test_it_writes_the_exact_headers_in_the_stated_encodings(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    official = (directory / "official_gpo.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        official.decode("utf-8")
    assert _csv(directory / "official_gpo.csv", "cp1251", ";")[0] == OFFICIAL_HEADERS
    ngo = (directory / "ngo_kk.csv").read_bytes()
    assert ngo.startswith(b"\xef\xbb\xbf")
    assert _csv(directory / "ngo_kk.csv", "utf-8-sig", ",")[0] == NGO_HEADERS
    morgue = (directory / "morgue_almaty.csv").read_bytes()
    assert not morgue.startswith(b"\xef\xbb\xbf")
    assert _csv(directory / "morgue_almaty.csv", "utf-8", ",")[0] == MORGUE_HEADERS
    media = json.loads((directory / "media_en.json").read_text(encoding="utf-8"))
    assert isinstance(media, list) and all(set(entry) == MEDIA_KEYS for entry in media)


def test_it_describes_each_list(demo: tuple[Path, list[DemoList]]) -> None:
    directory, lists = demo
    assert [item.path.name for item in lists] == list(FILES)
    for item in lists:
        assert item.path.parent == directory and item.path.exists()
        assert item.source_kind in SOURCE_KINDS
        assert item.reliability in "ABCDE" and len(item.reliability) == 1
        assert "synthetic" in item.description
    assert [item.source_kind for item in lists] == ["official", "ngo", "media", "medical"]


def test_it_writes_a_truth_covering_every_row_of_every_list(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    truth = _truth(directory)
    assert list(truth[0]) == ["list", "row", "person_id"]
    population = {p.person_id for p in generate_population(2022)}
    for name, rows in _rows(directory).items():
        mine = [t for t in truth if t["list"] == name]
        assert [int(t["row"]) for t in mine] == list(range(1, len(rows) + 1)), name
        assert {t["person_id"] for t in mine} <= population


def test_it_overlaps_partially_leaving_some_people_on_no_list(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    counts = Counter(_lists_per_person(directory).values())
    on_none = 238 - sum(counts.values())
    assert 0.03 <= on_none / 238 <= 0.12
    assert counts[1] > 0 and counts[4] > 0


def test_it_captures_each_list_at_a_realistic_rate(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    people = generate_population(2022)
    truth = _truth(directory)
    covered = {name: {t["person_id"] for t in truth if t["list"] == name} for name in FILES}
    assert 0.72 <= len(covered["official_gpo.csv"]) / 238 <= 0.9
    assert 0.8 <= len(covered["ngo_kk.csv"]) / 238 <= 0.95
    assert 0.62 <= len(covered["media_en.json"]) / 238 <= 0.85
    almaty_area = {p.person_id for p in people if p.region in ("Алматы", "Алматинская область")}
    assert covered["morgue_almaty.csv"] <= almaty_area
    assert 0.6 <= len(covered["morgue_almaty.csv"]) / len(almaty_area) <= 0.8
    assert {p.person_id for p in people if p.security_personnel} <= covered["official_gpo.csv"]


def test_it_duplicates_one_or_two_ngo_entries(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    ngo = Counter(t["person_id"] for t in _truth(directory) if t["list"] == "ngo_kk.csv")
    assert 1 <= sum(count == 2 for count in ngo.values()) <= 2


def test_it_spells_official_names_russian_style_with_some_iins(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    rows = _rows(directory)["official_gpo.csv"]
    assert not any(KAZAKH_LETTERS.search(row[1]) for row in rows)
    assert any(re.search(r"(ович|евич|овна|евна)$", row[1]) for row in rows)
    assert all(re.fullmatch(r"\d{2}\.\d{2}\.2022", row[5]) for row in rows)
    assert 0.5 <= sum(bool(row[3]) for row in rows) / len(rows) <= 0.7
    iins = {p.iin for p in generate_population(2022)}
    assert 1 <= sum(bool(row[3]) and row[3] not in iins for row in rows) <= 2


def test_it_writes_kazakh_names_and_dates_in_the_ngo_list(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    rows = _rows(directory)["ngo_kk.csv"]
    assert sum(bool(KAZAKH_LETTERS.search(row[1])) for row in rows) > len(rows) / 3
    assert any(re.search("(ұлы|қызы)$", row[1]) for row in rows)
    assert all(row[4] == "" or re.fullmatch(r"\d{1,2} қаңтар 2022", row[4]) for row in rows)
    assert any(row[2].startswith("~") for row in rows) and any(row[2] == "" for row in rows)


def test_it_romanises_media_names_in_latin_letters_only(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    entries = _rows(directory)["media_en.json"]
    for entry in entries:
        letters = [ch for ch in entry["name"] if ch.isalpha()]
        assert all(unicodedata.name(ch).startswith("LATIN") for ch in letters), entry["name"]
        assert entry["source_url"].startswith("https://example.org/")
    names = [entry["name"] for entry in entries]
    assert any(name.isupper() for name in names)
    assert any(re.search("[āūäöüğñşçı]", name) for name in names)
    assert any(entry["age"] is None for entry in entries)


def test_it_writes_morgue_names_as_surname_and_initials(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    rows = _rows(directory)["morgue_almaty.csv"]
    pattern = re.compile(r"^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.([А-ЯЁ]\.)?$")
    assert all(pattern.match(row[1]) for row in rows), [row[1] for row in rows if not pattern.match(row[1])]
    assert {row[2] for row in rows} <= {"м", "ж", ""}
    assert any(row[1].count(".") == 1 for row in rows) and any(row[1].count(".") == 2 for row in rows)


def test_it_says_plainly_that_everyone_is_synthetic(demo: tuple[Path, list[DemoList]]) -> None:
    directory, _ = demo
    readme = (directory / "README.txt").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme and "invented" in readme


def test_it_writes_headers_tergeu_can_guess(demo: tuple[Path, list[DemoList]]) -> None:
    for headers in (OFFICIAL_HEADERS, NGO_HEADERS, MORGUE_HEADERS, sorted(MEDIA_KEYS)):
        guessed = guess_columns(list(headers))
        assert "full_name" in guessed and "date_of_death" in guessed, headers


def test_it_writes_identical_files_for_the_same_seed(tmp_path: Path) -> None:
    people = generate_population(11, 90)
    first = write_demo_lists(tmp_path / "a", seed=11, people=people)
    second = write_demo_lists(tmp_path / "b", seed=11, people=people)
    for one, two in zip(first, second, strict=True):
        assert one.path.read_bytes() == two.path.read_bytes()
    assert (tmp_path / "a" / "truth.csv").read_bytes() == (tmp_path / "b" / "truth.csv").read_bytes()
    other = write_demo_lists(tmp_path / "c", seed=12, people=people)
    assert other[0].path.read_bytes() != first[0].path.read_bytes()
