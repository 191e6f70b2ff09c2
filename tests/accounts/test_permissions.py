"""Walk every page for every role (and an anonymous visitor) and check the expected answer.

The expectations come from one table here, derived from the capability each URL needs; a URL added
to the project without an entry here fails ``test_it_covers_every_page``. Denials must be 404, so a
record's existence never leaks to someone who may not see it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tergeu.accounts import grants, roles
from tergeu.cases import proceedings
from tergeu.cases import service as case_service
from tergeu.cases.models import Complaint
from tergeu.forces.models import Incident, Official, Perpetrator, Unit
from tergeu.linkage.models import Membership, Person
from tergeu.registry.models import ImportedList, Record
from tergeu.reports.jobs import job_file
from tergeu.reports.models import ReportJob
from tergeu.witnesses import service as witness_service
from tergeu.witnesses.models import RevealRequest

pytestmark = pytest.mark.django_db

EVERYONE = "signed-in"  # any signed-in user, whatever the role


@dataclass(frozen=True)
class Page:
    name: str
    capability: str
    method: str = "get"
    target: str | None = None  # "shared" or "private": which list's object the URL points at; or "witness"
    data: tuple = ()
    done: int = 302  # what an allowed POST answers (a reveal answers with the identity itself)


PAGES = [
    Page("web:home", EVERYONE),
    Page("tg-account", EVERYONE),
    Page("registry:index", roles.VIEW_REGISTRY),
    Page("registry:lists", roles.VIEW_REGISTRY),
    Page("registry:list", roles.VIEW_REGISTRY, target="shared"),
    Page("registry:list", roles.VIEW_ALL_LISTS, target="private"),
    Page("registry:record", roles.VIEW_REGISTRY, target="shared"),
    Page("registry:record", roles.VIEW_ALL_LISTS, target="private"),
    Page("registry:assess", roles.REVIEW_FACTS, "post", "shared", (("field", "full_name"), ("status", "confirmed"))),
    Page("registry:assess", roles.REVIEW_FACTS, "post", "private", (("field", "full_name"), ("status", "confirmed"))),
    Page("registry:cite", roles.REVIEW_FACTS, "post", "shared", (("field", "full_name"), ("source", "{source}"),
                                                                 ("confidence", "high"), ("status", "confirmed"))),
    Page("registry:cite", roles.REVIEW_FACTS, "post", "private", (("field", "full_name"), ("source", "{source}"),
                                                                  ("confidence", "high"), ("status", "confirmed"))),
    Page("registry:share-list", roles.SHARE_WITH_MISSION, "post", "shared", (("shared", "yes"),)),
    Page("registry:share-list", roles.SHARE_WITH_MISSION, "post", "private", (("shared", "no"),)),
    Page("registry:import", roles.IMPORT_LISTS),
    Page("history:index", roles.VIEW_HISTORY),
    Page("registry:places", roles.VIEW_REGISTRY),
    Page("linkage:people", roles.VIEW_REGISTRY),
    Page("web:dashboard", roles.VIEW_REGISTRY),
    Page("linkage:people-export", roles.VIEW_REGISTRY),
    Page("reports:index", roles.VIEW_REGISTRY),
    Page("reports:casualties", roles.VIEW_REGISTRY),
    # a report job is its requester's: the walk asks for the walker's own (tests/reports/test_report_jobs.py
    # shows another user's is a 404)
    Page("reports:job", roles.VIEW_REGISTRY, target="own-report"),
    Page("reports:job-file", roles.VIEW_REGISTRY, target="own-report"),
    Page("linkage:person", roles.VIEW_REGISTRY, target="shared"),
    Page("linkage:person", roles.VIEW_ALL_LISTS, target="private"),
    Page("linkage:withhold", roles.WITHHOLD_NAMES, "post", "shared", (("action", "withhold"), ("note", "walk"))),
    Page("linkage:withhold", roles.WITHHOLD_NAMES, "post", "private", (("action", "clear"),)),
    Page("linkage:review", roles.REVIEW_FACTS),
    Page("linkage:decide", roles.REVIEW_FACTS, "post"),
    Page("linkage:undo", roles.REVIEW_FACTS, "post"),
    Page("linkage:left-alone", roles.REVIEW_FACTS),
    Page("linkage:left-alone-answer", roles.REVIEW_FACTS, "post"),
    Page("linkage:link", roles.RUN_LINKAGE, "post"),
    Page("estimation:index", roles.VIEW_ALL_LISTS),
    Page("estimation:run", roles.RUN_ESTIMATES, "post", data=(("method", "loglinear"), ("linkage_draws", "0"))),
    Page("forces:units", roles.VIEW_FORCES),
    Page("forces:unit", roles.VIEW_FORCES, target="unit"),
    Page("forces:unit-findings", roles.VIEW_FORCES, target="unit"),
    Page("forces:incident", roles.VIEW_FORCES, target="incident"),
    Page("forces:official", roles.VIEW_FORCES, target="official"),
    Page("forces:official-findings", roles.VIEW_FORCES, target="official"),
    Page("forces:review", roles.REVIEW_FACTS),
    Page("forces:decide", roles.REVIEW_FACTS, "post", target="mention", data=(("chosen", ""),)),
    # The witness is granted to every user, so what opens these pages is the role alone (a grant never
    # opens a page the role cannot open); tests/witnesses/test_pages.py walks them without the grant.
    Page("witnesses:index", roles.HANDLE_WITNESSES),
    Page("witnesses:add", roles.HANDLE_WITNESSES),
    Page("witnesses:person", roles.HANDLE_WITNESSES, target="witness"),
    Page("witnesses:statement", roles.HANDLE_WITNESSES, "post", "witness", (("text", "synthetic words"),)),
    Page("witnesses:pressure", roles.HANDLE_WITNESSES, "post", "witness", (("occurred_on", "2022-03-01"),
                                                                          ("kind", "threat"))),
    Page("witnesses:reveal", roles.HANDLE_WITNESSES, "post", "witness", (("reason", "walking every page"),), 200),
    Page("witnesses:approve", roles.HANDLE_WITNESSES, "post", "witness"),
    # The complaint and case are granted to nobody: the expert mission (view_cases alone) gets 404.
    Page("cases:cases", roles.VIEW_CASES),
    Page("cases:funnel", roles.VIEW_CASES),
    Page("cases:complaints", roles.VIEW_CASES),
    Page("cases:add_complaint", roles.MANAGE_CASES),
    Page("cases:add_complaint", roles.MANAGE_CASES, "post",
         data=(("kind", "torture"), ("victim_name", "Walked Victim")), done=200),
    Page("cases:complaint", roles.VIEW_ALL_CASES, target="complaint"),
    Page("cases:complaint_code", roles.MANAGE_CASES, "post", "complaint", (("action", "revoke"),)),
    Page("reports:letter", roles.MANAGE_CASES, "post", "complaint", (("language", "en"),), 200),
    Page("cases:case", roles.VIEW_ALL_CASES, target="case"),
    Page("cases:add_case", roles.MANAGE_CASES, "post", data=(("number", "WALK-PAGE"), ("authority", "court"))),
    Page("cases:step", roles.MANAGE_CASES, "post", "case", (("status", "registered"), ("on", "2022-03-01"))),
]
# URLs checked elsewhere or public by design: sign-in and Django's auth views, the admin (staff only,
# Django's own checks), the language switch (works signed out too), the JSON API (tests/api), the victim's
# status page (public, behind its access code: tests/cases/test_status_page.py).
NOT_WALKED_PREFIXES = ("accounts/", "admin/", "language/", "api/", "status/")


@pytest.fixture
def world(write_csv, run_import, master_key) -> dict:
    run_import(write_csv("shared.csv", ["ФИО", "Место гибели"], [["Нурланов Жанболат Серикович", "Алматы"]]),
               list_name="shared list")
    run_import(write_csv("private.csv", ["ФИО", "Место гибели"], [["Ахметова Айгерим", "Тараз"]]),
               list_name="private list")
    ImportedList.objects.filter(name="shared list").update(shared_with_mission=True)
    users = {}
    for role in (*roles.ROLES, "no-role"):
        user = get_user_model().objects.create_user(f"user-{role}", password="a long test password")
        if role != "no-role":
            user.groups.add(Group.objects.get(name=role))
        users[role] = user
    objects = {
        "shared": ImportedList.objects.get(name="shared list"),
        "private": ImportedList.objects.get(name="private list"),
    }
    witness = witness_service.add_person({"name": "Synthetic Walked Witness"}, by="test")
    for user in users.values():
        grants.grant(user, witness, by="test", level="edit")
    complaint, _code = case_service.add_complaint({"kind": "torture", "victim": {"name": "Walked Victim"}}, by="t")
    for user in users.values():  # handlers of its code holder, as only they may change the code
        grants.grant(user, complaint.holder, by="test", level="edit")
    case = proceedings.add_case({"number": "WALK-1", "authority": "court"}, Complaint.objects.all(), by="t")
    return {"users": users, "lists": objects, "witness": witness, "complaint": complaint, "case": case,
            "records": {k: Record.objects.get(imported_list=v) for k, v in objects.items()}}


def url_of(page: Page, world: dict) -> str:
    if page.target is None:
        return reverse(page.name)
    if page.target == "witness":
        return _witness_url(page, world)
    if page.target in ("complaint", "case"):
        key = "complaint_id" if page.name == "reports:letter" else "public_id"
        return reverse(page.name, kwargs={key: world[page.target].public_id})
    if page.target == "own-report":
        return _own_report_url(page, world)
    if page.target in ("unit", "incident", "official"):
        model, name = {"unit": (Unit, "Invented walk unit"), "incident": (Incident, ""),
                       "official": (Official, "Synthetic Walk Officer")}[page.target]
        row = model.objects.get_or_create(external_id=f"WALK-{page.target}",
                                          defaults={"name": name} if name else {})[0]
        return reverse(page.name, kwargs={"public_id": row.public_id})
    if page.name == "forces:decide":
        incident = Incident.objects.create(external_id=f"I-WALK-{Incident.objects.count()}")
        row = Perpetrator.objects.create(incident=incident, kind="unit", mention="Invented", verdict="review")
        return reverse(page.name, kwargs={"kind": "perpetrator", "row_id": row.pk})
    if page.name in ("linkage:person", "linkage:withhold"):
        record = world["records"][page.target]
        person = Person.objects.filter(memberships__record=record).first()
        if person is None:
            person = Person.objects.create(display_name=record.display_name)
            Membership.objects.create(record=record, person=person)
        return reverse(page.name, kwargs={"person_id": person.public_id})
    if page.name in ("registry:list", "registry:share-list"):
        return reverse(page.name, kwargs={"list_id": world["lists"][page.target].public_id})
    return reverse(page.name, kwargs={"record_id": world["records"][page.target].public_id})


def _own_report_url(page: Page, world: dict) -> str:
    """A finished report job of the user walking the pages (anyone's, for the anonymous visitor)."""
    owner = world.get("walker") or world["users"][roles.INVESTIGATOR]
    job = ReportJob.objects.create(requested_by=owner, format="csv", language="en", finished_at=timezone.now(),
                                   file_name="casualties.csv")
    job_file(job).write_text("person\n", encoding="utf-8")
    return reverse(page.name, kwargs={"job_id": job.public_id})


def _witness_url(page: Page, world: dict) -> str:
    person = world["witness"].public_id
    if page.name != "witnesses:approve":
        return reverse(page.name, kwargs={"person_id": person})
    asker = get_user_model().objects.create_user(f"asker-{RevealRequest.objects.count()}")
    asked = RevealRequest.objects.create(person=world["witness"], requested_by=asker, reason="walking every page")
    return reverse(page.name, kwargs={"person_id": person, "request_id": asked.public_id})


def _form(page: Page, world: dict) -> dict:
    """The page's form data; ``{source}`` stands for the public id of the target list's source."""
    source = world["lists"][page.target].source.public_id if page.target in world["lists"] else ""
    return {key: value.replace("{source}", str(source)) for key, value in page.data}


def expected_status(page: Page, role: str | None) -> int:
    if role is None:
        return 302  # to the sign-in page
    allowed = page.capability == EVERYONE or (
        role != "no-role" and page.capability in roles.CAPABILITIES[role])
    if not allowed:
        return 404
    return page.done if page.method == "post" else 200


@pytest.mark.parametrize("role", [None, "no-role", *roles.ROLES], ids=lambda r: r or "anonymous")
def test_it_answers_every_page_as_expected_for_every_role(world: dict, role: str | None) -> None:
    client = Client()
    if role is not None:
        client.force_login(world["users"][role])
    world["walker"] = world["users"][role] if role is not None else None
    answers = {}
    for page in PAGES:
        url = url_of(page, world)
        response = getattr(client, page.method)(url, _form(page, world)) if page.method == "post" else client.get(url)
        answers[(page.name, page.target)] = (response.status_code, expected_status(page, role))
        if role is None:
            assert response["Location"].startswith("/accounts/login/"), url
    wrong = {key: got for key, got in answers.items() if got[0] != got[1]}
    assert wrong == {}, f"(got, expected) for role {role}"


def test_it_never_shows_a_private_record_to_the_expert_mission(world: dict) -> None:
    client = Client()
    client.force_login(world["users"][roles.EXPERT_MISSION])
    private = world["records"]["private"]
    assert client.get(reverse("registry:record", kwargs={"record_id": private.public_id})).status_code == 404
    registry = client.get(reverse("registry:index")).content.decode()
    assert "Ахметова" not in registry and "Нурланов" in registry
    assert client.get(reverse("registry:index"), {"q": "Ahmetova"}).content.decode().count("Ахметова") == 0


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str | None]]:
    """Every route with its full name (``app:name`` inside an app's URLs)."""
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            found.append((prefix + str(entry.pattern), f"{namespace}{entry.name}" if entry.name else None))
    return found


def test_it_covers_every_page() -> None:
    walked = {page.name for page in PAGES}
    missing = [(route, name) for route, name in _patterns(get_resolver())
               if not route.startswith(NOT_WALKED_PREFIXES) and name not in walked]
    assert missing == []
