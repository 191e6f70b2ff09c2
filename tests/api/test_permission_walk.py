"""Walk every API operation for every role (and anonymously) against one table of expectations.

Every operation in the OpenAPI schema must have a row here (``test_it_covers_every_operation``), so
an endpoint added without a permission decision fails the suite.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tergeu.accounts import grants, roles
from tergeu.api.main import api
from tergeu.cases import proceedings
from tergeu.cases import service as case_service
from tergeu.cases.models import Complaint
from tergeu.forces.models import Unit
from tergeu.linkage.models import LinkageRun, Membership, Person
from tergeu.registry.models import Record
from tergeu.witnesses import service as witness_service

pytestmark = pytest.mark.django_db
NOBODY = "nobody"


@dataclass(frozen=True)
class Operation:
    method: str
    template: str  # as in the OpenAPI schema
    capability: str
    target: str | None = None  # "shared" / "private": whose object the path names


OPERATIONS = [
    Operation("get", "/api/sources", roles.VIEW_REGISTRY),
    Operation("get", "/api/sources/{source_id}", roles.VIEW_REGISTRY, "shared"),
    Operation("get", "/api/sources/{source_id}", roles.VIEW_ALL_LISTS, "private"),
    Operation("get", "/api/lists", roles.VIEW_REGISTRY),
    Operation("get", "/api/lists/{list_id}", roles.VIEW_REGISTRY, "shared"),
    Operation("get", "/api/lists/{list_id}", roles.VIEW_ALL_LISTS, "private"),
    Operation("get", "/api/records", roles.VIEW_REGISTRY),
    Operation("get", "/api/records/{record_id}", roles.VIEW_REGISTRY, "shared"),
    Operation("get", "/api/records/{record_id}", roles.VIEW_ALL_LISTS, "private"),
    Operation("post", "/api/import", roles.IMPORT_LISTS),
    Operation("get", "/api/people", roles.VIEW_REGISTRY),
    Operation("get", "/api/people/{person_id}", roles.VIEW_REGISTRY, "shared"),
    Operation("get", "/api/people/{person_id}", roles.VIEW_ALL_LISTS, "private"),
    *(Operation(method, "/api/people/{person_id}/withheld", roles.WITHHOLD_NAMES, target)
      for method in ("get", "put", "delete") for target in ("shared", "private")),
    Operation("get", "/api/people-index", roles.VIEW_REGISTRY),
    Operation("get", "/api/review", roles.REVIEW_FACTS),
    Operation("post", "/api/review/decisions", roles.REVIEW_FACTS, "shared"),
    Operation("get", "/api/review/left-alone", roles.REVIEW_FACTS),
    Operation("post", "/api/review/left-alone", roles.REVIEW_FACTS, "shared"),
    Operation("get", "/api/estimates", roles.VIEW_ALL_LISTS),
    Operation("get", "/api/forces/command", roles.VIEW_FORCES),
    Operation("post", "/api/forces/vet", roles.VIEW_FORCES),
    Operation("get", "/api/forces/assistance", roles.VIEW_FORCES),
    # The witness is granted to every caller: the role alone decides (tests/witnesses walk the grants).
    Operation("get", "/api/witnesses", roles.HANDLE_WITNESSES),
    Operation("post", "/api/witnesses", roles.HANDLE_WITNESSES),
    Operation("get", "/api/witnesses/{person_id}", roles.HANDLE_WITNESSES, "witness"),
    Operation("post", "/api/witnesses/{person_id}/statements", roles.HANDLE_WITNESSES, "witness"),
    Operation("post", "/api/witnesses/{person_id}/pressure", roles.HANDLE_WITNESSES, "witness"),
    Operation("post", "/api/witnesses/{person_id}/reveal", roles.HANDLE_WITNESSES, "witness"),
    # Cases: the complaint and case are granted to nobody, so one of them needs view_all_cases.
    Operation("get", "/api/cases/complaints", roles.VIEW_CASES),
    Operation("post", "/api/cases/complaints", roles.MANAGE_CASES),
    Operation("get", "/api/cases/complaints/{complaint_id}", roles.VIEW_ALL_CASES, "complaint"),
    Operation("post", "/api/cases/complaints/{complaint_id}/code", roles.MANAGE_CASES, "complaint"),
    Operation("get", "/api/cases/funnel", roles.VIEW_CASES),
    Operation("get", "/api/cases", roles.VIEW_CASES),
    Operation("post", "/api/cases", roles.MANAGE_CASES),
    Operation("get", "/api/cases/{case_id}", roles.VIEW_ALL_CASES, "case"),
    Operation("post", "/api/cases/{case_id}/steps", roles.MANAGE_CASES, "case"),
    Operation("post", "/api/cases/{case_id}/officials", roles.MANAGE_CASES, "case"),
]
WITNESS_BODIES = {
    "/api/witnesses": ({"name": "Synthetic Walked Witness"}, 201),
    "/api/witnesses/{person_id}/statements": ({"text": "synthetic words"}, 201),
    "/api/witnesses/{person_id}/pressure": ({"occurred_on": "2022-03-01", "kind": "threat"}, 201),
    "/api/witnesses/{person_id}/reveal": ({"reason": "walking every operation"}, 200),
    "/api/cases/complaints": ({"kind": "torture", "victim": {"name": "Synthetic Walked Victim"}}, 201),
    "/api/cases/complaints/{complaint_id}/code": ({"action": "rotate"}, 200),
    "/api/cases": ({"number": "WALK-2", "authority": "court"}, 201),
    "/api/cases/{case_id}/steps": ({"status": "registered", "date": "2022-03-01"}, 201),
    "/api/cases/{case_id}/officials": ({"name": "Walked Officer", "outcome": "questioned"}, 201),
}


def concrete_path(operation: Operation, registry) -> str:
    if operation.target == "witness":
        return operation.template.replace("{person_id}", registry.witness.public_id)
    if operation.target in ("complaint", "case"):
        return (operation.template.replace("{complaint_id}", registry.complaint.public_id)
                .replace("{case_id}", registry.case.public_id))
    if operation.template == "/api/forces/command":
        Unit.objects.get_or_create(external_id="U-WALK", defaults={"name": "Invented walk unit"})
        return f"{operation.template}?unit=U-WALK&on=2022-01-06"
    imported = getattr(registry, operation.target) if operation.target else None
    if imported is None or operation.method == "post":
        return operation.template
    record = Record.objects.filter(imported_list=imported).first()
    if "{person_id}" in operation.template:
        person = Person.objects.filter(memberships__record=record).first()
        if person is None:
            person = Person.objects.create(display_name=record.display_name)
            Membership.objects.create(record=record, person=person)
        return operation.template.replace("{person_id}", person.public_id)
    return (operation.template.replace("{source_id}", imported.source.public_id)
            .replace("{list_id}", imported.public_id).replace("{record_id}", record.public_id))


def expected(operation: Operation, role: str | None) -> int:
    if role is None:
        return 401
    allowed = WITNESS_BODIES[operation.template][1] if operation.method == "post" and operation.template in \
        WITNESS_BODIES else 200
    return allowed if role != NOBODY and operation.capability in roles.CAPABILITIES[role] else 404


def call(operation: Operation, path: str, token: str | None, registry=None) -> int:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if operation.method in ("get", "delete"):
        return getattr(Client(), operation.method)(path, **headers).status_code
    if operation.method == "put":
        return Client().put(path, {"note": "walk"}, content_type="application/json", **headers).status_code
    if operation.method == "post" and operation.template in WITNESS_BODIES:
        body = WITNESS_BODIES[operation.template][0]
        return Client().post(path, body, content_type="application/json", **headers).status_code
    if operation.template == "/api/forces/vet":
        body = {"query": "Invented walk unit", "kind": "unit"}
        return Client().post(path, body, content_type="application/json", **headers).status_code
    if operation.template == "/api/review/decisions":
        left, right = Record.objects.filter(imported_list=registry.shared).values_list("public_id", flat=True)[:2]
        body = {"left": left, "right": right, "decision": "unsure"}
        return Client().post(path, body, content_type="application/json", **headers).status_code
    if operation.template == "/api/review/left-alone":
        record = Record.objects.filter(imported_list=registry.shared).first()
        if not LinkageRun.objects.exists():  # the record is in the latest run's left-alone sample
            LinkageRun.objects.create(started_by="walk", left_alone=[[record.pk, 0]])
        return Client().post(path, {"record": record.public_id, "answer": "unsure"}, content_type="application/json",
                             **headers).status_code
    upload = SimpleUploadedFile("walk.csv", "ФИО\nТестов Тест\n".encode(), content_type="text/csv")
    return Client().post(path, {"file": upload, "list_name": "walk", "dry_run": "true"}, **headers).status_code


@pytest.mark.parametrize("role", [None, NOBODY, *roles.ROLES], ids=lambda r: r or "anonymous")
def test_it_answers_every_operation_as_expected_for_every_role(callers, registry, master_key,
                                                               role: str | None) -> None:
    registry.witness = witness_service.add_person({"name": "Synthetic Walked Witness"}, by="test")
    for caller in callers.values():
        grants.grant(caller.user, registry.witness, by="test", level="edit")
    registry.complaint, _code = case_service.add_complaint({"kind": "torture", "victim": {"name": "Walked Victim"}},
                                                           by="test")
    for caller in callers.values():  # handlers of its code holder, as only they may change the code
        grants.grant(caller.user, registry.complaint.holder, by="test", level="edit")
    registry.case = proceedings.add_case({"number": "WALK-1", "authority": "court"}, Complaint.objects.all(),
                                         by="test")
    token = callers[role].token if role else None
    got = {(op.method, op.template, op.target): (call(op, concrete_path(op, registry), token, registry),
                                                 expected(op, role))
           for op in OPERATIONS}
    assert {key: pair for key, pair in got.items() if pair[0] != pair[1]} == {}


def test_it_covers_every_operation() -> None:
    schema = api.get_openapi_schema()
    in_schema = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert in_schema == {(op.method, op.template) for op in OPERATIONS}
