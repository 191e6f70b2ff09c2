"""`tergeu release public --previous`: added, corrected (which fields), removed (merged, withheld, deleted),
the previous release checked against its manifest, and nothing half-written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from release_fixtures import WITHHELD_CYRILLIC, WITHHELD_LATIN, Canaried, add_list, person_of, relink
from tergeu.cli import cli
from tergeu.linkage.withholding import withhold
from tergeu.registry.models import Record
from tergeu.release import site
from tergeu.release.publishing import withdraw

pytestmark = pytest.mark.django_db
BASE_PAIRS = [("Нурланов Жанболат Серикович", "Нурланов Жанболат"), (WITHHELD_CYRILLIC, WITHHELD_LATIN)]


def row(number: str, name: str, age: str, day: str, place: str) -> list[str]:
    return [number, name, "", "", age, "М", day, place, "", "", ""]




def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["release", *args])
    return result.exit_code, result.output


def read(folder: Path, name: str) -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def test_it_says_what_was_added_corrected_and_removed_and_why(canaried: Canaried, write_csv, run_import,
                                                              tmp_path: Path) -> None:
    radio = add_list(write_csv, run_import, "radio", [row("1", "Радиев Марат Ерланович", "38", "05.01.2022", "Тараз")])
    add_list(write_csv, run_import, "cemetery", [row("1", "Жоғалов Ержан Әлиұлы", "22", "07.01.2022", "Алматы")])
    relink(BASE_PAIRS)
    assert run("public", "--to", str(tmp_path / "one"))[0] == 0
    first = {entry["name"] or entry["id"]: entry["id"] for entry in read(tmp_path / "one", "people.json")["people"]}
    assert len(first) == 6

    add_list(write_csv, run_import, "later", [row("1", "Жаңабаев Асқар Болатұлы", "19", "06.01.2022", "Шымкент")])
    withhold(person_of("Нурланов Жанболат Серикович"), "")  # removed, and a withheld entry added, unconnected
    withdraw(radio)  # removed: unlisted
    Record.objects.filter(display_name="Жоғалов Ержан Әлиұлы").delete()  # removed: unlisted (the same reason)
    relink([*BASE_PAIRS, ("Серикбаев Ерлан Маратович", "Ахметова Айгерим Кайратовна")])  # removed: merged
    code, output = run("public", "--to", str(tmp_path / "two"), "--previous", str(tmp_path / "one"))
    assert code == 0, output
    diff = read(tmp_path / "two", "diff.json")
    people = read(tmp_path / "two", "people.json")["people"]
    now = {entry["name"] or entry["id"]: entry["id"] for entry in people}
    nurlanov = first["Нурланов Жанболат Серикович"]
    withheld_now = [entry["id"] for entry in people if entry["name_withheld"]]
    assert len(withheld_now) == 2 and nurlanov not in withheld_now
    new_withheld = set(withheld_now) - set(first.values())  # Нурланов's entry, under a stand-in id
    assert len(new_withheld) == 1 and sorted(diff["added"]) == sorted([now["Жаңабаев Асқар Болатұлы"], *new_withheld])
    merged_away, kept = sorted((first["Серикбаев Ерлан Маратович"], first["Ахметова Айгерим Кайратовна"]),
                               key=lambda key: key in now.values())
    corrected = {item["id"]: item["fields"] for item in diff["corrected"]}
    assert nurlanov not in corrected and {"lists", "sources"} <= set(corrected[kept])
    assert sorted(diff["removed"], key=lambda item: item["id"]) == sorted([
        {"id": first["Жоғалов Ержан Әлиұлы"], "reason": "unlisted"},
        {"id": merged_away, "reason": "merged", "into": kept},
        {"id": first["Радиев Марат Ерланович"], "reason": "unlisted"},
        {"id": nurlanov, "reason": "unlisted"}], key=lambda item: item["id"])
    assert "withheld now; this release removes them" in " ".join(output.split()) and nurlanov in output
    manifest_one = (tmp_path / "one" / "manifest.json").read_bytes()
    assert diff["previous"]["manifest_sha256"] == hashlib.sha256(manifest_one).hexdigest()
    assert "Нурланов Жанболат Серикович" not in (tmp_path / "two" / "diff.json").read_text(encoding="utf-8")
    page = (tmp_path / "two" / "en" / "changes.html").read_text(encoding="utf-8")
    assert 'data-testid="added-count">2<' in page and 'data-testid="removed-count">4<' in page
    merged_line = (f"<code>{merged_away}</code>: the same person as another entry (merged) → "
                   f'<a href="index.html#{kept}">')
    assert merged_line in page
    assert "Изменения с предыдущего выпуска" in (tmp_path / "two" / "ru" / "changes.html").read_text(encoding="utf-8")


def test_without_a_previous_release_everyone_is_added(canaried: Canaried, tmp_path: Path) -> None:
    assert run("public", "--to", str(tmp_path / "one"))[0] == 0
    diff = read(tmp_path / "one", "diff.json")
    assert diff["previous"] is None and len(diff["added"]) == 4 and diff["removed"] == diff["corrected"] == []


def test_a_previous_release_that_does_not_match_its_manifest_is_refused(canaried: Canaried, tmp_path: Path) -> None:
    assert run("public", "--to", str(tmp_path / "one"))[0] == 0
    people = tmp_path / "one" / "people.json"
    people.write_text(people.read_text(encoding="utf-8").replace('"age": 60', '"age": 61'), encoding="utf-8")
    code, output = run("public", "--to", str(tmp_path / "two"), "--previous", str(tmp_path / "one" / "manifest.json"))
    assert code == 1 and "people.json: changed" in output and not (tmp_path / "two").exists()
    code, output = run("verify", str(tmp_path / "one"))
    assert code == 1 and "people.json: changed" in output
    code, output = run("public", "--to", str(tmp_path / "two"), "--previous", str(tmp_path))
    assert code == 1 and "manifest.json: not found" in " ".join(output.split())


def test_it_writes_only_into_a_new_folder_and_never_half(canaried: Canaried, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    (out / "used").mkdir(parents=True)
    (out / "used" / "keep.txt").write_text("mine")
    code, output = run("public", "--to", str(out / "used"))
    assert code == 1 and "not an empty folder" in output and (out / "used" / "keep.txt").read_text() == "mine"

    def broken(entries: list) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(site, "people_csv", broken)
    with pytest.raises(OSError, match="disk full"):
        site.build(out / "new")
    assert sorted(path.name for path in out.iterdir()) == ["used"]  # no release, no temporary folder


def test_the_manifest_verifies_every_file(canaried: Canaried, tmp_path: Path) -> None:
    assert run("public", "--to", str(tmp_path / "one"))[0] == 0
    listed = read(tmp_path / "one", "manifest.json")["files"]
    files = sorted(p.relative_to(tmp_path / "one").as_posix() for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert [entry["path"] for entry in listed] == [name for name in files if name != "manifest.json"]
    for entry in listed:
        data = (tmp_path / "one" / entry["path"]).read_bytes()
        assert (entry["sha256"], entry["bytes"]) == (hashlib.sha256(data).hexdigest(), len(data))
    code, output = run("verify", str(tmp_path / "one"))
    assert code == 0 and f"{len(listed)} files match the manifest" in output


def test_it_lists_publishes_and_withdraws_lists(canaried: Canaried) -> None:
    assert run("list") == (0, "morgue\nvolunteers\n")
    assert run("list", "hospital", "--publish")[0] == 0
    assert run("list")[1].split() == ["morgue", "volunteers", "hospital"]
    assert run("list", "hospital", "--withdraw")[0] == 0 and run("list")[1].split() == ["morgue", "volunteers"]
    code, output = run("list", "no such list", "--publish")
    assert code == 1 and "no list named 'no such list'" in output
