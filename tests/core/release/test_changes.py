"""The diff between two releases and the manifest check (pure: no database)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tergeu.core.release import (
    MERGED,
    UNLISTED,
    ManifestError,
    Removal,
    category,
    compare,
    forbidden,
    leaks,
    manifest,
    verify,
)

pytestmark = pytest.mark.pure
FIELDS = ("name", "age", "place")


def entry(key: str, name: str = "x", age: int | None = 30, place: str = "almaty") -> dict:
    return {"id": key, "name": name, "age": age, "place": place}


def test_it_finds_added_corrected_and_removed_with_reasons() -> None:
    before = [entry("a"), entry("b"), entry("c"), entry("d"), entry("e")]
    after = [entry("a"), entry("b", age=31, place="taraz"), entry("e", name=""), entry("f")]
    fates = {"c": (MERGED, "a"), "d": (UNLISTED, "")}
    changes = compare(before, after, FIELDS, fates.__getitem__)
    assert changes.added == ["f"]
    assert changes.corrected == {"b": ["age", "place"], "e": ["name"]}
    assert changes.removed == [Removal("c", MERGED, "a"), Removal("d", UNLISTED)]
    assert changes.as_json()["removed"] == [{"id": "c", "reason": "merged", "into": "a"},
                                            {"id": "d", "reason": "unlisted"}]


def test_corrections_never_carry_the_old_values() -> None:
    changes = compare([entry("a", name="Old Name")], [entry("a", name="")], FIELDS, lambda key: (UNLISTED, ""))
    assert "Old Name" not in repr(changes.as_json())


@pytest.mark.parametrize("fate", [(MERGED, "zz"), (MERGED, ""), (UNLISTED, "a"), ("deleted", ""), ("withheld", "")])
def test_a_reason_that_does_not_fit_the_new_release_is_refused(fate: tuple[str, str]) -> None:
    with pytest.raises(ValueError, match="gone"):
        compare([entry("a"), entry("gone")], [entry("a")], FIELDS, lambda key: fate)


def test_the_manifest_lists_every_file_and_the_check_names_what_differs(tmp_path: Path) -> None:
    (tmp_path / "kk").mkdir()
    (tmp_path / "kk" / "index.html").write_text("Қаза тапқандар", encoding="utf-8")
    (tmp_path / "people.csv").write_bytes(b"id\n")
    (tmp_path / "manifest.json").write_text("{}")
    listed = manifest(tmp_path)
    assert listed == [
        {"path": "kk/index.html", "sha256": hashlib.sha256("Қаза тапқандар".encode()).hexdigest(),
         "bytes": len("Қаза тапқандар".encode())},
        {"path": "people.csv", "sha256": hashlib.sha256(b"id\n").hexdigest(), "bytes": 3}]
    assert verify(tmp_path, listed) == []
    (tmp_path / "people.csv").write_bytes(b"iD\n")  # same size, other bytes
    (tmp_path / "kk" / "index.html").unlink()
    (tmp_path / "extra.js").write_text("")
    assert verify(tmp_path, listed) == ["kk/index.html: missing",
                                        "people.csv: changed (SHA-256 or size differs from the manifest)",
                                        "extra.js: not in the manifest"]


def test_a_malformed_manifest_entry_is_named_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_bytes(b"id\n")
    good = manifest(tmp_path)[0]
    for bad in (["people.csv"], [good, {"path": "x", "sha256": "00", "bytes": 1}], [good, {**good, "bytes": "3"}],
                {"people.csv": good}):
        with pytest.raises(ManifestError, match=r"manifest.json: (file entry \d+ is not|\"files\" is not)"):
            verify(tmp_path, bad)


@pytest.mark.parametrize(("written", "key"), [("огнестрельное ранение", "gunshot"),
                                              (" Огнестрельное  ранение. ", "gunshot"), ("Gunshot wound", "gunshot"),
                                              ("қамауда", "custody"), ("неизвестно", "unknown"),
                                              ("не установлены", "unknown")])
def test_circumstances_known_phrasings_become_a_category(written: str, key: str) -> None:
    assert category(written) == key


@pytest.mark.parametrize("written", [
    "Канарейкина З.Б. застрелена у дома, ул. Абая 10, брат +7 701 555 00 11, ИИН 950101450123",
    "огнестрельное ранение, брат +7 701 555 00 11", "огнестрельное ранение у дома 10", "Асанов", "",
    "ТОЛЬКО-В-БОЛЬНИЦЕ"])
def test_circumstances_any_other_text_is_not_published(written: str) -> None:
    assert category(written) == ""


def test_the_last_check_finds_iins_births_and_withheld_spellings_but_not_digests() -> None:
    banned = forbidden(["Канарейкина Зарина Болатовна", "Kanareikina Zarina", "Зарина"], ["1961-03-17", "1961"])
    text = "\n".join([
        "id,name", "a,Нурланов Жанболат",  # 1-2: clean
        f"sha256 {hashlib.sha256(b'x').hexdigest()} {'1234567890' * 6 + '1234'}",  # 3: hex digests are not IINs
        "ИИН 950101450123",  # 4
        "x,,17.03.1961", "x,1961-03-17",  # 5-6: a date of birth, two ways
        "<td>KANAREIKINA Zarina</td>", "Зарина Канарейкина", "Канарейкина Зарина Болатовна",  # 7-9
        "Канарейкина З.Б.; Зарина; 1961",  # 10: initials, one word, a year: not enough to refuse
        "Канарейкин Зарин"])  # 11: another name
    found = leaks("people.csv", text, banned)
    assert found == ["people.csv, line 4: a 12-digit number, shaped like an IIN",
                     "people.csv, line 5: the date of birth of a listed person",
                     "people.csv, line 6: the date of birth of a listed person",
                     *(f"people.csv, line {n}: a spelling of a withheld name" for n in (7, 8, 9))]
    assert not any("Канарейкина" in problem or "950101450123" in problem for problem in found)
