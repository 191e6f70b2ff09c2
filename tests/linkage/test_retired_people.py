"""A relink never deletes a person: one left without records is retired and leads on to its records' person."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from tergeu.accounts import roles
from tergeu.core.linkage import Cluster
from tergeu.linkage.models import LinkageRun, Person
from tergeu.linkage.people import store_all, successors
from tergeu.provenance.models import Claim
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
HEADER = ["ФИО", "Место гибели", "Дата гибели"]


@pytest.fixture
def records(write_csv, run_import) -> list[Record]:
    """Four records of two synthetic people, two lists each."""
    for name, day in (("official", "05"), ("volunteers", "06")):
        rows = [["Тестов Ерлан", "Алматы", f"{day}.01.2022"], ["Синтетова Дана", "Тараз", f"{day}.01.2022"]]
        assert run_import(write_csv(f"{name}.csv", HEADER, rows), list_name=name).ok
    return list(Record.objects.order_by("imported_list_id", "row_number"))


def _link(*groups: tuple[Record, ...]) -> dict[int, int]:
    clusters = [Cluster(tuple(sorted(r.pk for r in group)), 0.9, False, ()) for group in groups]
    store_all(clusters, {r.pk: r for group in groups for r in group}, LinkageRun.objects.create(started_by="test"))
    return {r.pk: r.membership.person_id for group in groups for r in Record.objects.filter(
        pk__in=[x.pk for x in group]).select_related("membership")}


def _pid(person: int) -> str:
    """The person's public id: pages and the API name people by it, never by the primary key."""
    return Person.objects.get(pk=person).public_id


def test_a_merged_person_is_retired_and_points_at_its_records_person(records) -> None:
    o_erlan, o_dana, v_erlan, v_dana = records
    first = _link((o_erlan,), (v_erlan,), (o_dana, v_dana))
    split_people = {first[o_erlan.pk], first[v_erlan.pk]}
    second = _link((o_erlan, v_erlan), (o_dana, v_dana))
    kept = second[o_erlan.pk]
    (retired,) = split_people - {kept}
    gone = Person.objects.get(pk=retired)
    assert gone.retired_at is not None and gone.merged_into_id == kept
    assert Person.objects.get(pk=gone.merged_into_id).retired_at is None  # it points at a current person
    assert Person.objects.current().count() == 2 and Person.objects.count() == 3
    person_type = ContentType.objects.get_for_model(Person)
    assert not Claim.objects.filter(subject_type=person_type, subject_id=retired).exists()


def test_a_chain_of_merges_stays_one_step_long(records) -> None:
    o_erlan, o_dana, v_erlan, v_dana = records
    first = _link((o_erlan,), (v_erlan,), (o_dana,), (v_dana,))
    second = _link((o_erlan, v_erlan), (o_dana,), (v_dana,))
    _link((o_erlan, v_erlan, o_dana, v_dana))
    final = Person.objects.current().get()
    retired = Person.objects.exclude(pk=final.pk)
    assert retired.count() == 3 and set(first.values()) | set(second.values()) == {final.pk, *retired.values_list(
        "pk", flat=True)}
    assert set(retired.values_list("merged_into", flat=True)) == {final.pk}


def test_a_person_whose_records_are_gone_is_retired_without_successor() -> None:
    assert successors([7], {1: 7, 2: 7}, {}) == {7: None}
    assert successors([7], {1: 7, 2: 7, 3: 7}, {1: 9, 2: 8, 3: 8}) == {7: 8}
    assert successors([7], {1: 7, 2: 7}, {1: 9, 2: 8}) == {7: 8}  # a tie goes to the smaller id


def test_old_person_pages_and_api_ids_lead_on(records, callers) -> None:
    o_erlan, o_dana, v_erlan, v_dana = records
    first = _link((o_erlan,), (v_erlan,), (o_dana, v_dana))
    second = _link((o_erlan, v_erlan), (o_dana, v_dana))
    kept = second[o_erlan.pk]
    (retired,) = {first[o_erlan.pk], first[v_erlan.pk]} - {kept}
    client = Client()
    client.force_login(callers[roles.REVIEWER].user)
    page = client.get(f"/people/{_pid(retired)}/")
    assert page.status_code == 302 and page["Location"] == f"/people/{_pid(kept)}/"
    api = callers[roles.REVIEWER].get(f"/api/people/{_pid(retired)}")
    assert api.status_code == 302 and api["Location"] == f"/api/people/{_pid(kept)}"
    assert callers[roles.REVIEWER].get(f"/api/people/{_pid(kept)}").status_code == 200
    # The mission sees neither list: the old id leads nowhere for it, as if it never existed.
    client.force_login(callers[roles.EXPERT_MISSION].user)
    assert client.get(f"/people/{_pid(retired)}/").status_code == 404
    assert callers[roles.EXPERT_MISSION].get(f"/api/people/{_pid(retired)}").status_code == 404


def test_an_old_id_leads_on_only_for_those_who_could_see_the_person(callers, registry) -> None:
    """A private-list record's person merged into a shared-list record's person: the mission, which never
    saw the first, must not learn from a redirect that the second now holds a private record. The person
    made first (the smaller id) is the one that continues."""
    shared = Record.objects.filter(imported_list=registry.shared).first()
    private = Record.objects.get(imported_list=registry.private)
    mission = callers[roles.EXPERT_MISSION]
    client = Client()
    client.force_login(mission.user)

    first = _link((shared,), (private,))
    _link((shared, private))
    retired = first[private.pk]  # never visible to the mission
    assert Person.objects.get(pk=retired).former_records == [private.pk]
    assert client.get(f"/people/{_pid(retired)}/").status_code == 404
    assert mission.get(f"/api/people/{_pid(retired)}").status_code == 404

    again = _link((private,), (shared,))
    _link((shared, private))
    seen_before = again[shared.pk]  # the mission saw this one: it may follow it
    assert client.get(f"/people/{_pid(seen_before)}/")["Location"] == f"/people/{_pid(again[private.pk])}/"


def test_an_old_id_leads_to_where_the_viewers_own_records_went(callers, registry) -> None:
    """Person A held a shared record a and a private one p; a relink sent a to Y and p to X, and A's
    successor (most records, ties to the smaller id) is X. The mission, which saw only a, is led to Y,
    never to X: that would tell it where a record it cannot see went."""
    x, y, a = Record.objects.filter(imported_list=registry.shared).order_by("pk")
    p = Record.objects.get(imported_list=registry.private)
    first = _link((x,), (y,), (a, p))  # A gets the largest id
    second = _link((p, x), (a, y))
    retired = Person.objects.get(pk=first[a.pk])
    assert retired.retired_at is not None and retired.merged_into_id == second[p.pk] == first[x.pk]
    client = Client()
    client.force_login(callers[roles.EXPERT_MISSION].user)
    assert client.get(f"/people/{_pid(retired.pk)}/")["Location"] == f"/people/{_pid(second[a.pk])}/"
    reviewer = Client()
    reviewer.force_login(callers[roles.REVIEWER].user)  # sees both records: led where most of them went
    assert reviewer.get(f"/people/{_pid(retired.pk)}/")["Location"] == f"/people/{_pid(second[p.pk])}/"
