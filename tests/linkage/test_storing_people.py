"""Storing what a linkage run found: people as their records describe them, only changes written.

Clusters are built by hand (no Splink), so these tests are about the Django side alone: every person's
names, lists and fact claims match their records after any run, a relink that finds the same people
writes no person and no claim, the statements do not grow with the people, and the rows a run derives
leave no history while the tracked models keep theirs. All names are invented.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tergeu.core.linkage.clustering import Cluster
from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import delete_derived
from tergeu.linkage.models import LinkageRun, Membership, PairDecision, Person, ScoredPairRow
from tergeu.linkage.people import consolidation, store_all, store_new
from tergeu.provenance.models import Claim
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db

HEADER = ["ФИО", "Дата рождения", "Место гибели", "Дата гибели"]
FAMILIES = ["Нурланов", "Ахметов", "Сериков", "Омаров", "Жумабаев", "Касымов"]
PEOPLE = 60


def _rows(list_index: int) -> list[list[str]]:
    return [[f"{FAMILIES[i % 6]} Ерлан {'Маратович' if list_index == 0 else 'Маратұлы'} {i}",
             f"{1 + i % 28:02d}.0{1 + i % 9}.19{70 + list_index * (i % 2)}", ["Алматы", "Тараз"][i % 2],
             f"0{5 + (i + list_index) % 3}.01.2022"] for i in range(PEOPLE)]


@pytest.fixture
def lists(write_csv, run_import) -> tuple[list[Record], list[Record]]:
    """Two lists naming the same 60 people in the same order (birth years and dates differ on some)."""
    for index, name in enumerate(("official", "volunteers")):
        result = run_import(write_csv(f"{name}.csv", HEADER, _rows(index)), list_name=name)
        assert result.ok, result.errors
    records = list(Record.objects.select_related("imported_list").order_by("imported_list_id", "row_number"))
    return records[:PEOPLE], records[PEOPLE:]


def _cluster(*records: Record) -> Cluster:
    return Cluster(tuple(sorted(r.pk for r in records)), 0.9 if len(records) > 1 else 1.0, False, ())


def _run() -> LinkageRun:
    return LinkageRun.objects.create(started_by="test")


def _by_id(lists: tuple[list[Record], list[Record]]) -> dict[int, Record]:
    return {r.pk: r for records in lists for r in records}


def _assert_people_match_their_records(by_id: dict[int, Record]) -> None:
    """Each person's names, lists and claims are what consolidating its records gives, and nothing else."""
    members: dict[int, list[Record]] = {}
    for record, person in Membership.objects.values_list("record_id", "person_id"):
        members.setdefault(person, []).append(by_id[record])
    assert set(members) == set(Person.objects.current().values_list("pk", flat=True))
    person_type = ContentType.objects.get_for_model(Person)
    for person in Person.objects.current():
        found = consolidation(members[person.pk])
        assert (person.names, person.display_name, person.lists) == (found.names, found.display_name, found.lists)
        expected = sorted((fact.field, fact.value, record, note)
                          for fact, note in found.facts for record in fact.records)
        stored = sorted(Claim.objects.filter(subject_type=person_type, subject_id=person.pk)
                        .values_list("field", "value", "record_id", "note"))
        assert stored == expected, person.pk
    assert not Claim.objects.filter(subject_type=person_type).exclude(subject_id__in=list(members)).exists()


def _writes(queries: CaptureQueriesContext, table: str) -> list[str]:
    return [q["sql"] for q in queries.captured_queries
            if table in q["sql"] and q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def test_it_stores_people_as_their_records_describe_them_after_records_move(lists) -> None:
    official, volunteers = lists
    by_id = _by_id(lists)
    store_all([_cluster(a, b) for a, b in zip(official, volunteers, strict=True)], by_id, _run())
    kept = Membership.objects.get(record=official[5]).person_id
    moved = [_cluster(official[0]), _cluster(volunteers[0], official[1], volunteers[1])]  # 0 split, 1 grows
    run = _run()
    store_all(moved + [_cluster(a, b) for a, b in zip(official[2:], volunteers[2:], strict=True)], by_id, run)
    _assert_people_match_their_records(by_id)
    assert Membership.objects.get(record=official[5]).person_id == kept
    assert set(Membership.objects.values_list("run_id", flat=True)) == {run.pk}
    assert Person.objects.count() == PEOPLE


def test_a_relink_that_finds_the_same_people_rewrites_no_person_and_no_claim(lists) -> None:
    official, volunteers = lists
    clusters = [_cluster(a, b) for a, b in zip(official, volunteers, strict=True)]
    store_all(clusters, _by_id(lists), _run())
    claims = sorted(Claim.objects.values_list("pk", flat=True))
    run = _run()
    with CaptureQueriesContext(connection) as queries:
        store_all(clusters, _by_id(lists), run)
    assert not _writes(queries, "provenance_claim") and not _writes(queries, "casualties_person\"")
    assert sorted(Claim.objects.values_list("pk", flat=True)) == claims
    assert set(Membership.objects.values_list("run_id", flat=True)) == {run.pk}


def test_an_incremental_run_adds_the_new_records_to_the_people_they_join(lists) -> None:
    official, volunteers = lists
    by_id = _by_id(lists)
    store_all([_cluster(a) for a in official], by_id, _run())
    person_of = dict(Membership.objects.values_list("record_id", "person_id"))
    grown = [_cluster(a, b) for a, b in zip(official[:40], volunteers[:40], strict=True)]
    assert store_new(grown + [_cluster(b) for b in volunteers[40:]], by_id, person_of, _run()) == PEOPLE
    _assert_people_match_their_records(by_id)
    assert Person.objects.count() == PEOPLE + 20
    assert Membership.objects.get(record=volunteers[3]).person_id == person_of[official[3].pk]


def test_it_takes_as_many_statements_to_store_many_people_as_few(lists) -> None:
    official, volunteers = lists
    counts = []
    for size in (6, PEOPLE):
        Person.objects.all().delete()
        delete_derived(Claim.objects.all())
        with CaptureQueriesContext(connection) as queries:
            store_all([_cluster(a, b) for a, b in zip(official[:size], volunteers[:size], strict=True)],
                      _by_id(lists), _run())
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1], counts


def test_a_run_leaves_no_history_of_the_claims_it_derives(lists) -> None:
    official, volunteers = lists
    store_all([_cluster(a, b) for a, b in zip(official, volunteers, strict=True)], _by_id(lists), _run())
    store_all([_cluster(r) for r in official + volunteers], _by_id(lists), _run())  # every claim rewritten
    assert not ChangeEntry.objects.filter(object_type__model__in=("claim", "person", "membership")).exists()


def test_rows_without_history_are_deleted_in_one_statement(lists) -> None:
    official, volunteers = lists
    run = _run()
    ScoredPairRow.objects.bulk_create([ScoredPairRow(run=run, left_id=a.pk, right_id=b.pk, probability=0.7)
                                       for a, b in zip(official, volunteers, strict=True)])
    store_all([_cluster(a, b) for a, b in zip(official, volunteers, strict=True)], _by_id(lists), run)
    for rows, count in ((ScoredPairRow.objects.all(), PEOPLE), (Membership.objects.all(), 2 * PEOPLE)):
        with CaptureQueriesContext(connection) as queries:
            deleted, _counts = rows.delete()
        assert deleted == count and len(queries.captured_queries) == 1, queries.captured_queries


def test_tracked_models_still_keep_the_history_of_deletes_made_in_bulk(lists) -> None:
    official, volunteers = lists
    PairDecision.objects.create(left=official[0], right=volunteers[0], decision="same", decided_by="reviewer1")
    PairDecision.objects.all().delete()
    actions = list(ChangeEntry.objects.filter(object_type__model="pairdecision").values_list("action", flat=True))
    assert sorted(actions) == ["create", "delete"]


def test_it_refuses_to_delete_rows_others_point_at_without_the_orm(lists) -> None:
    with pytest.raises(ValueError, match="pointing at it"):
        delete_derived(Record.objects.all())
    assert Record.objects.count() == 2 * PEOPLE
