"""A small linked registry for the people index (all names invented).

Two lists: the morgue's, shared with the expert mission, and an NGO's, private. The first person is on
both (only the NGO's record states circumstances: "в заключении"); the last is on the NGO's list only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tergeu.core.linkage.clustering import ScoredPair, cluster_records
from tergeu.linkage.linking import linkage_constraints
from tergeu.linkage.models import LinkageRun, Person
from tergeu.linkage.people import store_all
from tergeu.registry.models import ImportedList, Record

HEADER = ["№", "ФИО", "Возраст", "Пол", "Дата гибели", "Место гибели", "Обстоятельства"]
MORGUE = [["1", "Нурланов Жанболат Серикович", "34", "М", "05.01.2022", "г. Алматы", ""],
          ["2", "Ахметова Айгерим Кайратовна", "27", "Ж", "06.01.2022", "Алматы", "огнестрельное ранение"],
          ["3", "Серикбаев Ерлан Маратович", "45", "М", "06.01.2022", "Талдыкорган", ""]]
NGO = [["1", "Нурланов Жанболат", "34", "М", "05.01.2022", "Almaty", "в заключении"],
       ["2", "Бекова Сауле Армановна", "61", "Ж", "07.01.2022", "Alma-Ata", "огнестрельное ранение"]]


@dataclass
class Linked:
    morgue: ImportedList
    ngo: ImportedList


def link_as_one(records: list[Record], pairs: list[tuple[int, int]]) -> None:
    """Store people as linkage does: these record pairs (indexes into ``records``) are one person each."""
    ids = [r.pk for r in records]
    scored = [ScoredPair(ids[a], ids[b], 0.99) for a, b in pairs]
    clusters = cluster_records(ids, scored, linkage_constraints(records))
    store_all(clusters, {r.pk: r for r in records}, LinkageRun.objects.create(started_by="test"))


@pytest.fixture
def linked(write_csv, run_import) -> Linked:
    morgue = run_import(write_csv("morgue.csv", HEADER, MORGUE), list_name="morgue", source_name="City morgue")
    ngo = run_import(write_csv("ngo.csv", HEADER, NGO), list_name="volunteer ledger", source_name="Volunteers")
    assert morgue.ok and ngo.ok, (morgue.errors, ngo.errors)
    ImportedList.objects.filter(pk=morgue.imported_list_id).update(shared_with_mission=True)
    records = list(Record.objects.select_related("imported_list").order_by("pk"))
    link_as_one(records, [(0, 3)])
    assert Person.objects.current().count() == 4
    lists = ImportedList.objects.in_bulk([morgue.imported_list_id, ngo.imported_list_id])
    return Linked(lists[morgue.imported_list_id], lists[ngo.imported_list_id])
