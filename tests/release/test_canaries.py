"""The must-show test of issue 14: the public release holds no IIN, no date of birth, no withheld name,
no note, no reviewer, nothing of an unpublished list (canary values grepped in every file), and names
every other published person in every file that lists people.

Protected people (``tergeu.witnesses``): a protected victim is added through the witnesses' service, with a
canary name, date of birth, contact and address, and none of it (nor their pseudonym) may appear.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from release_fixtures import CANARIES, PUBLISHED_NAMES, WITHHELD_CYRILLIC, Canaried
from tergeu.accounts import roles
from tergeu.cli import cli
from tergeu.release.entries import PUBLIC_FIELDS
from tergeu.witnesses import service
from tergeu.witnesses.models import ProtectedPerson

pytestmark = pytest.mark.django_db
LANGUAGES = ("kk", "ru", "en")
WITHHELD_LABEL = {"en": "Name withheld at the family's request", "ru": "Имя не публикуется по просьбе семьи",
                  "kk": "Аты отбасының өтініші бойынша жарияланбайды"}


def release(to: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["release", "public", "--to", str(to), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def every_file(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


PROTECTED = {"name": "Qzyrbek Tëstbaiuly Protectedov", "date_of_birth": "1987-11-23",
             "contact": "+7 701 555 0377, qzyrbek.protected@example.invalid", "address": "Synthetic lane 7, Testville"}


@pytest.fixture
def protected_victim(callers, master_key) -> ProtectedPerson:
    """A protected victim, added as an investigator adds one (synthetic identity)."""
    investigator = callers[roles.INVESTIGATOR].user
    return service.add_person(dict(PROTECTED), by=investigator.username, user=investigator,
                              kind=ProtectedPerson.Kind.VICTIM)


def test_it_publishes_no_canary_and_every_other_name(canaried: Canaried, protected_victim: ProtectedPerson,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "release"
    release(out)
    files = every_file(out)
    protected = [*PROTECTED.values(), "Protectedov", "Qzyrbek", protected_victim.pseudonym,
                 protected_victim.public_id]
    assert [(name, value) for name, text in files.items() for value in protected if value.casefold() in
            text.casefold()] == []
    assert service.reveal(protected_victim, actor="test", reason="checking the canary is really stored")["name"] == \
        PROTECTED["name"]
    assert set(files) >= {"index.html", "people.csv", "people.json", "diff.json", "manifest.json",
                          *(f"{code}/{page}" for code in LANGUAGES for page in ("index.html", "changes.html"))}
    leaks = [(name, canary) for name, text in files.items() for canary in CANARIES if canary.casefold() in
             text.casefold()]
    assert leaks == []
    for name in ("people.csv", "people.json", *(f"{code}/index.html" for code in LANGUAGES)):
        assert all(person in files[name] for person in PUBLISHED_NAMES), name
    for code in LANGUAGES:
        assert WITHHELD_LABEL[code] in files[f"{code}/index.html"]


def test_the_withheld_person_is_counted_with_their_other_facts(canaried: Canaried, tmp_path: Path) -> None:
    release(tmp_path / "release")
    people = json.loads((tmp_path / "release" / "people.json").read_text(encoding="utf-8"))
    assert people["count"] == 4 == len(people["people"])  # the hospital-only person is not published
    withheld = [entry for entry in people["people"] if entry["name_withheld"]]
    assert len(withheld) == 1 and withheld[0]["id"] != canaried.withheld.public_id  # a stand-in, not the public id
    assert withheld[0] | {"id": ""} == {
        "id": "", "name": "", "name_kk": "", "name_ru": "", "name_latin": "", "name_withheld": True, "age": 27,
        "sex": "F", "date_of_death": "2022-01-06", "place_key": "almaty", "place_kk": "Алматы",
        "place_ru": "Алматы", "place_en": "Almaty", "circumstances": "", "lists": 2, "sources": 2,
        "synthetic": False}
    assert people["people"][-1]["name_withheld"]  # after the names: its place among them would hint at the name


def test_a_person_is_described_by_the_published_lists_only(canaried: Canaried, tmp_path: Path) -> None:
    release(tmp_path / "release")
    people = json.loads((tmp_path / "release" / "people.json").read_text(encoding="utf-8"))["people"]
    first = next(entry for entry in people if entry["name"] == "Нурланов Жанболат Серикович")
    assert (first["lists"], first["sources"], first["circumstances"]) == (1, 1, "gunshot")  # a category, not the text
    loose = next(entry for entry in people if entry["name"] == "Ахметова Айгерим Кайратовна")
    assert loose["circumstances"] == ""  # free text that is no known phrasing is not published at all


def test_no_field_outside_the_allow_list_is_emitted(canaried: Canaried, tmp_path: Path) -> None:
    release(tmp_path / "release")
    people = json.loads((tmp_path / "release" / "people.json").read_text(encoding="utf-8"))
    assert people["fields"] == list(PUBLIC_FIELDS)
    assert all(tuple(entry) == PUBLIC_FIELDS for entry in people["people"])
    table = list(csv.reader(io.StringIO((tmp_path / "release" / "people.csv").read_text(encoding="utf-8"))))
    assert tuple(table[0]) == PUBLIC_FIELDS and len(table) == 5
    assert set(people) == {"format", "version", "generated_at", "synthetic", "count", "fields", "people"}


def test_the_canaries_are_really_in_the_database(canaried: Canaried) -> None:
    """The test above proves nothing unless every canary is there to leak: each is stored somewhere."""
    from django.core import serializers

    from tergeu.history.models import ChangeEntry
    from tergeu.linkage.models import PairDecision, WithheldName
    from tergeu.provenance.models import Source
    from tergeu.registry.models import ImportedList, Record

    dumped = "".join(serializers.serialize("json", model.objects.all(), ensure_ascii=False) for model in
                     (Record, ImportedList, Source, PairDecision, WithheldName, ChangeEntry))
    dumped += canaried.reviewer.get_username()
    assert [canary for canary in CANARIES if canary.casefold() not in dumped.casefold()] == []
    assert WITHHELD_CYRILLIC in dumped
