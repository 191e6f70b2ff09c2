"""Kazakh, Russian and English: complete catalogues, the user's language choice, localised dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

import tergeu
from tergeu.accounts.models import profile_of
from tergeu.core.fields import FIELDS
from tergeu.registry.labels import FIELD_LABELS, field_label

LOCALE = Path(tergeu.__file__).parent / "locale"
TRANSLATED = ("kk", "ru")
NPLURALS = {"kk": 2, "ru": 3}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """A small .po reader: entries with their flags, msgid, msgid_plural and every msgstr form."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, target = Entry(), None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#~"):
                raise AssertionError(f"{path}: obsolete entry left in the catalogue: {line}")
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                kind, index = target
                if kind == "msgstr":
                    entry.msgstr[index] += _unquote(line)
                else:
                    setattr(entry, kind, getattr(entry, kind) + _unquote(line))
            else:
                keyword, value = line.split(" ", 1)
                if keyword in ("msgid", "msgid_plural"):
                    setattr(entry, keyword, _unquote(value))
                    target = (keyword, None)
                else:
                    index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
                    entry.msgstr[index] = _unquote(value)
                    target = ("msgstr", index)
        if target is not None:
            entries.append(entry)
    return entries


def catalogue(language: str) -> list[Entry]:
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


def messages(language: str) -> list[Entry]:
    return [entry for entry in catalogue(language) if entry.msgid]


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_translates_every_message(language: str) -> None:
    entries = messages(language)
    assert len(entries) > 100
    untranslated = [e.msgid for e in entries if not e.msgstr or not all(s.strip() for s in e.msgstr.values())]
    assert untranslated == []
    assert [e.msgid for e in catalogue(language) if "fuzzy" in e.flags] == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_declares_the_plural_forms_of_each_language(language: str) -> None:
    header = next(e for e in catalogue(language) if not e.msgid).msgstr[0]
    assert f"Language: {language}\n" in header
    assert f"Plural-Forms: nplurals={NPLURALS[language]};" in header
    plurals = [e for e in messages(language) if e.msgid_plural is not None]
    assert plurals
    for entry in plurals:
        assert sorted(entry.msgstr) == list(range(NPLURALS[language])), entry.msgid


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_keeps_the_placeholders_of_each_message(language: str) -> None:
    for entry in messages(language):
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for translation_text in entry.msgstr.values():
            assert sorted(PLACEHOLDER.findall(translation_text)) == wanted, (entry.msgid, translation_text)


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_serves_the_compiled_catalogue(language: str) -> None:
    """The .mo files the build compiles say what the .po files say (a stale build fails here)."""
    with translation.override(language):
        for entry in messages(language):
            if entry.msgid_plural is None:
                assert translation.gettext(entry.msgid) == entry.msgstr[0]
    with translation.override("ru"):
        counted = {n: translation.ngettext("%(total)s record", "%(total)s records", n) % {"total": n}
                   for n in (1, 3, 5, 21, 111)}
    assert counted == {1: "1 запись", 3: "3 записи", 5: "5 записей", 21: "21 запись", 111: "111 записей"}


def test_it_labels_every_canonical_field_for_translation() -> None:
    assert {name: str(label) for name, label in FIELD_LABELS.items()} == {spec.name: spec.label for spec in FIELDS}
    english = {spec.label for spec in FIELDS}
    for language in TRANSLATED:
        assert english <= {e.msgid for e in messages(language)}
    with translation.override("kk"):
        assert field_label("place_of_death") == "Қаза тапқан жері"
    with translation.override("ru"):
        assert field_label("full_name") == "ФИО"
    with pytest.raises(KeyError):
        field_label("no_such_field")


def _analyst(language: str = "") -> Client:
    user = get_user_model().objects.create_user("i18n-analyst", password="a long test password")
    user.groups.add(Group.objects.get(name="analyst"))
    if language:
        profile = profile_of(user)
        profile.language = language
        profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def a_list(write_csv, run_import):
    path = write_csv("synthetic.csv", ["ФИО", "Место гибели", "Дата гибели"],
                     [["Тестбаев Синтет Ойданович", "Алматы", "05.01.2022"]])
    return run_import(path, list_name="synthetic list", synthetic=True)


@pytest.mark.django_db
def test_it_renders_the_home_page_in_kazakh(a_list) -> None:
    page = _analyst("kk").get("/").content.decode()
    assert '<html lang="kk">' in page
    assert "Тізілім" in page and "Қаза тапқандар тізілімі" in page and "Шығу" in page
    assert "СИНТЕТИКАЛЫҚ" in page  # the demo banner too
    assert "Sign out" not in page and "SYNTHETIC" not in page


@pytest.mark.django_db
def test_it_renders_the_registry_in_kazakh(a_list) -> None:
    response = _analyst("kk").get("/registry/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Тізілім" in page and "Қайтыс болған күні" in page and "Қаза тапқан жері" in page
    assert "1 жазба" in page
    assert "Date of death" not in page


@pytest.mark.django_db
def test_it_translates_the_field_labels_of_a_record(a_list) -> None:
    client = _analyst("kk")
    record_url = re.search(r'href="(/records/[a-z2-7]{26}/)"', client.get("/registry/").content.decode()).group(1)
    page = client.get(record_url).content.decode()
    assert "Аты-жөні" in page and "Қаза тапқан жері" in page and "Дереккөз" in page
    assert "Place of death" not in page


@pytest.mark.django_db
def test_it_switches_language_and_keeps_the_choice_in_the_profile(a_list) -> None:
    client = _analyst()
    assert "Registry" in client.get("/registry/").content.decode()
    response = client.post("/language/", {"language": "ru", "next": "/registry/"})
    assert response.status_code == 302 and response["Location"] == "/registry/"
    user = get_user_model().objects.get(username="i18n-analyst")
    assert profile_of(user).language == "ru"
    page = client.get(response["Location"]).content.decode()
    assert "Реестр погибших" in page and "Место гибели" in page
    assert "Casualty registry" not in page


@pytest.mark.django_db
def test_it_refuses_an_unknown_language() -> None:
    assert _analyst().post("/language/", {"language": "xx", "next": "/"}).status_code == 400


@pytest.mark.django_db
def test_it_formats_dates_in_the_chosen_language(a_list) -> None:
    russian = _analyst("ru").get("/lists/").content.decode()
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", russian)
    assert "Импортированные списки" in russian
    profile = profile_of(get_user_model().objects.get(username="i18n-analyst"))
    profile.language = "en"
    profile.save()
    client = Client()
    client.force_login(profile.user)
    english = client.get("/lists/").content.decode()
    assert re.search(r"\d\d/\d\d/\d{4} ", english)
    assert not re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", english)


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_translates_every_vocabulary_label(language: str) -> None:
    """A choice added to a vocabulary without a translation would show in English; caught here, since
    the catalogues are regenerated by hand (``makemessages``) and may lag behind the code."""
    from tergeu.accounts.models import Grant
    from tergeu.linkage.models import PairDecision
    from tergeu.provenance.vocab import Confidence, Reliability, SourceKind, Status

    labels = [label for vocabulary in (SourceKind, Reliability, Confidence, Status, Grant.Level,
                                       PairDecision.Decision) for label in vocabulary.labels]
    english = [str(label) for label in labels]
    with translation.override(language):
        shown = [str(label) for label in labels]
    assert [text for text, local in zip(english, shown, strict=True) if text == local] == []
