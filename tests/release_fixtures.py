"""A small linked registry for the public release, seeded with canary values (all names invented).

Lists: "morgue" and "volunteers" are published, "hospital" is not. The morgue's list carries an IIN, a
date of birth, a note, a relative's phone and a row number that must never be published; one person's
name is withheld at the family's request (spelled in Cyrillic by the morgue, in Latin by the volunteers);
a reviewer with a distinctive user name decides a pair and sets the withhold flag with an internal note.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people_fixtures import link_as_one
from tergeu.accounts.roles import REVIEWER, ensure_role_groups
from tergeu.linkage.linking import decide_pair
from tergeu.linkage.models import Person
from tergeu.linkage.withholding import withhold
from tergeu.registry.models import ImportedList, Record
from tergeu.release.publishing import publish

IIN = "880214350917"
BIRTH_DAY, BIRTH_WRITTEN = "1961-03-17", "17.03.1961"
NOTE = "ЗАМЕТКА-КАНАРЕЙКА-8812"
PHONE = "+7 701 555 93 17"
ROW_ID = "RID7788Z"
WITHHELD_CYRILLIC, WITHHELD_LATIN = "Канарейкина Зарина Болатовна", "Kanareikina Zarina"
WITHHOLD_NOTE = "семья просила 4417-КАНАРЕЙКА"
REVIEWER_NAME = "reviewer-kanareyka-7731"
PRIVATE_CIRCUMSTANCES = "ТОЛЬКО-В-БОЛЬНИЦЕ-5590"
UNPUBLISHED_NAME = "Скрытов Непубликуемый Ильич"
# free text of a published list, where a list writes what it should not: it must never be published as written
LOOSE_CIRCUMSTANCES = f"Канарейкина З.Б. видела, у дома ул. Абая 10, брат {PHONE}, ИИН {IIN}"
CANARIES = (IIN, BIRTH_DAY, BIRTH_WRITTEN, NOTE, PHONE, ROW_ID, WITHHELD_CYRILLIC, "Канарейкина", WITHHELD_LATIN,
            "Kanareikina", WITHHOLD_NOTE, REVIEWER_NAME, PRIVATE_CIRCUMSTANCES, UNPUBLISHED_NAME, "Скрытов",
            "hospital", "Volunteers desk", "City morgue", "Абая 10", "видела")

HEADER = ["№", "ФИО", "ИИН", "Дата рождения", "Возраст", "Пол", "Дата гибели", "Место гибели", "Обстоятельства",
          "Примечание", "Телефон родственника"]
MORGUE = [["1", "Нурланов Жанболат Серикович", IIN, "", "34", "М", "05.01.2022", "г. Алматы",
           "огнестрельное ранение", NOTE, PHONE],
          ["2", WITHHELD_CYRILLIC, "", "", "27", "Ж", "06.01.2022", "Алматы", "", "", ""],
          [ROW_ID, "Серикбаев Ерлан Маратович", "", BIRTH_WRITTEN, "60", "М", "06.01.2022", "Талдыкорган", "", "", ""]]
VOLUNTEERS = [["1", WITHHELD_LATIN, "", "", "27", "F", "06.01.2022", "Almaty", "", "", ""],
              ["2", "Ахметова Айгерим Кайратовна", "", "", "41", "Ж", "07.01.2022", "Alma-Ata", LOOSE_CIRCUMSTANCES, "",
               ""]]
HOSPITAL = [["1", "Нурланов Жанболат", "", "", "34", "М", "05.01.2022", "Алматы", PRIVATE_CIRCUMSTANCES, "", ""],
            ["2", UNPUBLISHED_NAME, "", "", "50", "М", "08.01.2022", "Тараз", "", "", ""]]
PUBLISHED_NAMES = ("Нурланов Жанболат Серикович", "Серикбаев Ерлан Маратович", "Ахметова Айгерим Кайратовна")


@dataclass
class Canaried:
    lists: dict[str, ImportedList]
    withheld: Person
    reviewer: object


def person_of(name: str) -> Person:
    return Record.objects.get(display_name=name).membership.person


@pytest.fixture
def canaried(write_csv, run_import) -> Canaried:
    """Three lists imported through the real pipeline, linked, two published, one name withheld."""
    lists = {}
    for name, source, rows in (("morgue", "City morgue", MORGUE), ("volunteers", "Volunteers desk", VOLUNTEERS),
                               ("hospital", "Hospital", HOSPITAL)):
        report = run_import(write_csv(f"{name}.csv", HEADER, rows), list_name=name, source_name=source)
        assert report.ok, report.errors
        lists[name] = ImportedList.objects.get(pk=report.imported_list_id)
    records = list(Record.objects.select_related("imported_list").order_by("pk"))
    link_as_one(records, [(0, 5), (1, 3)])  # morgue 1 = hospital 1; morgue 2 = volunteers 1
    assert Person.objects.current().count() == 5
    ensure_role_groups()
    reviewer = get_user_model().objects.create_user(REVIEWER_NAME)
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    decide_pair(reviewer, records[0].pk, records[5].pk, "same", note=NOTE)
    withheld = person_of(WITHHELD_CYRILLIC)
    withhold(withheld, WITHHOLD_NOTE, reviewer)
    publish(lists["morgue"])
    publish(lists["volunteers"])
    return Canaried(lists, withheld, reviewer)


def add_list(write_csv, run_import, name: str, rows: list[list[str]]) -> ImportedList:
    """Import ``rows`` (in ``HEADER``'s columns) as the list ``name`` and publish it."""
    report = run_import(write_csv(f"{name}.csv", HEADER, rows), list_name=name, source_name=name.title())
    assert report.ok, report.errors
    imported = ImportedList.objects.get(pk=report.imported_list_id)
    publish(imported)
    return imported


def relink(pairs: list[tuple[str, str]]) -> None:
    """Store people as a linkage run would, the records named in each pair being one person."""
    records = list(Record.objects.select_related("imported_list").order_by("pk"))
    index = {record.display_name: number for number, record in enumerate(records)}
    link_as_one(records, [(index[a], index[b]) for a, b in pairs])
