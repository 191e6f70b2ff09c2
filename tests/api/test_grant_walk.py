"""The object dimension of access: a list granted to one named person is visible to them everywhere
(pages, API, search, people, sources, claims, history, admin) and nowhere once the grant ends.

The expert mission sees the lists shared with the mission; the ``ngo list`` of the fixture is not
shared, so it is the object granted here. The same walk, without and with the grant, checks every
face against one expectation.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.admin.sites import site
from django.test import Client, RequestFactory
from django.utils import timezone

from tergeu.accounts import grants, roles
from tergeu.accounts.access import can, visible_to
from tergeu.history.access import visible_entries
from tergeu.history.models import ChangeEntry
from tergeu.linkage.models import Membership, Person
from tergeu.provenance.models import Claim, Source
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_person(registry) -> Person:
    """A person whose only record is on the private list, and a reviewer's claim about that record."""
    record = Record.objects.get(imported_list=registry.private)
    Claim.objects.create(subject=record, record=record, field="place_of_death", value="Тараз",
                         source=registry.private.source, confidence="high", status="confirmed")
    person = Person.objects.create(display_name=record.display_name)
    Membership.objects.create(record=record, person=person)
    return person


def _pages(user, registry, person: Person) -> dict[str, int]:
    client = Client()
    client.force_login(user)
    record = Record.objects.get(imported_list=registry.private)
    return {
        "list page": client.get(f"/lists/{registry.private.public_id}/").status_code,
        "record page": client.get(f"/records/{record.public_id}/").status_code,
        "person page": client.get(f"/people/{person.public_id}/").status_code,
        "registry search": int(f"/records/{record.public_id}/" in client.get("/registry/", {"q": "Бекова"})
                               .content.decode()),
    }


def _api(caller, registry, person: Person) -> dict[str, int]:
    record = Record.objects.get(imported_list=registry.private)
    return {
        "api list": caller.get(f"/api/lists/{registry.private.public_id}").status_code,
        "api record": caller.get(f"/api/records/{record.public_id}").status_code,
        "api person": caller.get(f"/api/people/{person.public_id}").status_code,
        "api source": caller.get(f"/api/sources/{registry.private.source.public_id}").status_code,
    }


def test_a_granted_list_is_seen_everywhere_and_nowhere_once_the_grant_ends(callers, registry, private_person) -> None:
    mission = callers[roles.EXPERT_MISSION]
    hidden = {"list page": 404, "record page": 404, "person page": 404, "registry search": 0}
    hidden_api = {"api list": 404, "api record": 404, "api person": 404, "api source": 404}
    assert _pages(mission.user, registry, private_person) == hidden
    assert _api(mission, registry, private_person) == hidden_api
    assert not can(mission.user, roles.VIEW_REGISTRY, registry.private)

    grants.grant(mission.user, registry.private, by="test")
    assert _pages(mission.user, registry, private_person) == dict.fromkeys(hidden, 200) | {"registry search": 1}
    assert _api(mission, registry, private_person) == dict.fromkeys(hidden_api, 200)
    assert can(mission.user, roles.VIEW_REGISTRY, registry.private)
    assert visible_to(mission.user, Claim).filter(record__imported_list=registry.private).count() == 1

    assert grants.revoke(mission.user, registry.private) == 1
    assert _pages(mission.user, registry, private_person) == hidden
    assert _api(mission, registry, private_person) == hidden_api
    assert not visible_to(mission.user, Claim).filter(record__imported_list=registry.private).exists()


def test_an_expired_grant_shows_nothing_and_is_kept(callers, registry) -> None:
    mission = callers[roles.EXPERT_MISSION].user
    held = grants.grant(mission, registry.private, by="test", expires_at=timezone.now() + datetime.timedelta(days=1))
    assert visible_to(mission, ImportedList).filter(pk=registry.private.pk).exists()
    type(held).objects.filter(pk=held.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not visible_to(mission, ImportedList).filter(pk=registry.private.pk).exists()
    assert type(held).objects.filter(pk=held.pk).exists()
    with pytest.raises(ValueError, match="end before it starts"):
        grants.grant(mission, registry.private, by="test", expires_at=timezone.now())


def test_a_grant_widens_a_role_and_never_opens_a_page_it_cannot(callers, registry) -> None:
    for role in (roles.EXPERT_MISSION, "nobody"):
        grants.grant(callers[role].user, registry.private, by="test")
    client = Client()
    client.force_login(callers[roles.EXPERT_MISSION].user)
    assert client.get("/review/").status_code == 404  # the mission reviews nothing, granted or not
    nobody = callers["nobody"].user
    assert not visible_to(nobody, ImportedList).exists()  # a grant without a role shows nothing
    assert callers["nobody"].get(f"/api/lists/{registry.private.public_id}").status_code == 404


def test_the_history_shows_only_entries_about_objects_the_viewer_sees(callers, registry, monkeypatch) -> None:
    # No role today reads the history without seeing every list; give the mission that right for the test.
    monkeypatch.setitem(roles.CAPABILITIES, roles.EXPERT_MISSION,
                        roles.CAPABILITIES[roles.EXPERT_MISSION] | {roles.VIEW_HISTORY})
    mission = callers[roles.EXPERT_MISSION].user
    about_private = ChangeEntry.objects.filter(object_type__model="importedlist", object_id=str(registry.private.pk))
    about_shared = ChangeEntry.objects.filter(object_type__model="importedlist", object_id=str(registry.shared.pk))
    assert about_private.exists() and about_shared.exists()
    seen = visible_entries(mission)
    assert set(seen) >= set(about_shared) and not seen.filter(pk__in=about_private).exists()
    grants.grant(mission, registry.private, by="test")
    assert visible_entries(mission).filter(pk__in=about_private).count() == about_private.count()
    assert visible_entries(callers[roles.REVIEWER].user).count() == ChangeEntry.objects.count()
    assert not visible_entries(callers["nobody"].user).exists()


def test_the_admin_lists_only_what_its_user_may_see(callers, registry) -> None:
    request = RequestFactory().get("/admin/")
    request.user = callers[roles.EXPERT_MISSION].user
    lists = site._registry[ImportedList].get_queryset(request)
    assert list(lists) == [registry.shared]
    assert set(site._registry[Source].get_queryset(request)) == {registry.shared.source}
    request.user = callers[roles.ADMIN].user
    assert site._registry[ImportedList].get_queryset(request).count() == 2


def test_a_granted_witness_is_seen_everywhere_and_nowhere_once_the_grant_ends(callers, witness) -> None:
    """The witness fixture is the investigator's; the admin (who also handles witnesses) is granted it."""
    from tergeu.witnesses.access import visible_people
    from tergeu.witnesses.models import Statement

    admin = callers[roles.ADMIN]
    client = Client()
    client.force_login(admin.user)

    def faces() -> dict[str, int]:
        return {"page": client.get(f"/witnesses/{witness.public_id}/").status_code,
                "api": admin.get(f"/api/witnesses/{witness.public_id}").status_code,
                "listed": int(witness.pseudonym in client.get("/witnesses/").content.decode()),
                "history": visible_entries(admin.user).filter(object_type__model="protectedperson").count(),
                "statements": visible_to(admin.user, Statement).count() + visible_people(admin.user).count()}

    hidden = {"page": 404, "api": 404, "listed": 0, "history": 0, "statements": 0}
    assert faces() == hidden
    grants.grant(admin.user, witness, by="test")
    seen = faces()
    assert (seen["page"], seen["api"], seen["listed"]) == (200, 200, 1) and seen["history"] >= 1
    grants.revoke(admin.user, witness)
    assert faces() == hidden


def test_a_granted_case_is_seen_everywhere_and_nowhere_once_the_grant_ends(callers, registry, private_person,
                                                                           master_key) -> None:
    """The expert mission sees a case granted by name, and its complaint; the complaint's deceased victim,
    a person of the list it may not see, is not named there (review of issue 16, M4)."""
    from tergeu.cases import proceedings, service
    from tergeu.cases.models import Case, Complaint

    complaint, _code = service.add_complaint({"kind": "death-in-custody", "date": "2022-01-07",
                                              "deceased": private_person.public_id,
                                              "complainant": {"name": "Synthetic Relativeova"}}, by="test")
    case = proceedings.add_case({"number": "WALK-1", "authority": "prosecutor", "complaints": [complaint.public_id]},
                                Complaint.objects.all(), by="test")
    mission = callers[roles.EXPERT_MISSION]
    client = Client()
    client.force_login(mission.user)
    request = RequestFactory().get("/admin/")
    request.user = mission.user

    def faces() -> dict[str, int]:
        page = client.get(complaint.get_absolute_url())
        return {"complaint page": page.status_code, "case page": client.get(case.get_absolute_url()).status_code,
                "api complaint": mission.get(f"/api/cases/complaints/{complaint.public_id}").status_code,
                "api case": mission.get(f"/api/cases/{case.public_id}").status_code,
                "listed": int("WALK-1" in client.get("/cases/").content.decode()),
                "admin": site._registry[Case].get_queryset(request).count(),
                "name shown": int(private_person.display_name in page.content.decode()),
                "history": visible_entries(mission.user).filter(object_type__model="case").count()}

    hidden = {"complaint page": 404, "case page": 404, "api complaint": 404, "api case": 404, "listed": 0,
              "admin": 0, "name shown": 0, "history": 0}
    assert faces() == hidden
    grants.grant(mission.user, case, by="test")
    assert faces() == dict.fromkeys(hidden, 200) | {"listed": 1, "admin": 1, "name shown": 0, "history": 0}
    assert "a person of the registry you may not see" in client.get(complaint.get_absolute_url()).content.decode()
    grants.grant(mission.user, registry.private, by="test")  # now the mission may see that person
    assert faces()["name shown"] == 1
    grants.revoke(mission.user, case)
    assert {key: value for key, value in faces().items() if key != "name shown"} == {
        key: value for key, value in hidden.items() if key != "name shown"}
