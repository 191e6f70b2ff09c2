"""The diff between two releases and the manifest check (pure: no database)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tergeu.core.release import DELETED, MERGED, WITHHELD, Removal, compare, manifest, verify

pytestmark = pytest.mark.pure
FIELDS = ("name", "age", "place")


def entry(key: str, name: str = "x", age: int | None = 30, place: str = "almaty") -> dict:
    return {"id": key, "name": name, "age": age, "place": place}


def test_it_finds_added_corrected_and_removed_with_reasons() -> None:
    before = [entry("a"), entry("b"), entry("c"), entry("d"), entry("e")]
    after = [entry("a"), entry("b", age=31, place="taraz"), entry("e", name=""), entry("f")]
    fates = {"c": (MERGED, "a"), "d": (DELETED, "")}
    changes = compare(before, after, FIELDS, fates.__getitem__)
    assert changes.added == ["f"]
    assert changes.corrected == {"b": ["age", "place"], "e": ["name"]}
    assert changes.removed == [Removal("c", MERGED, "a"), Removal("d", DELETED)]
    assert changes.as_json()["removed"] == [{"id": "c", "reason": "merged", "into": "a"},
                                            {"id": "d", "reason": "deleted"}]


def test_corrections_never_carry_the_old_values() -> None:
    changes = compare([entry("a", name="Old Name")], [entry("a", name="")], FIELDS, lambda key: (DELETED, ""))
    assert "Old Name" not in repr(changes.as_json())


@pytest.mark.parametrize("fate", [(MERGED, "zz"), (MERGED, ""), (WITHHELD, "a"), ("lost", "")])
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
