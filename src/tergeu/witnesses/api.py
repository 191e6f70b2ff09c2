"""The protected people over the API: list, add, one person's pseudonymous file, statements, pressure,
and a reveal (one person, with a reason, logged). No operation returns more than one identity.

A person nobody granted the caller is a 404, like one that does not exist; a key-file problem is a
503 naming the file. Refusals never echo the identity sent.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from tergeu.accounts.access import require
from tergeu.accounts.roles import HANDLE_WITNESSES
from tergeu.toolkit.api import ERROR_RESPONSES, PUBLIC_ID_TEXT, CreatedOut, ErrorOut, Pages, refusals_answered
from tergeu.toolkit.public_ids import get_by_public_id
from tergeu.witnesses import forms, records, service
from tergeu.witnesses.access import editable_people, visible_people

router = Router(tags=["witnesses"])
# 400: refused by the service (no name, a short reason, an unknown kind); 503: the key file is missing,
# unreadable or the wrong one (the detail names it).
RESPONSES = {**ERROR_RESPONSES, 400: ErrorOut, 429: ErrorOut, 503: ErrorOut}
PersonId = Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]


class ProtectedPersonOut(Schema):
    id: str = Field(..., alias="public_id")
    pseudonym: str
    kind: str
    created_at: datetime.datetime
    forgotten_at: datetime.datetime | None


class IdentityIn(Schema):
    name: str
    date_of_birth: str = ""
    contact: str = ""
    address: str = ""
    relatives: str = ""
    notes: str = ""


class AddedOut(Schema):
    id: str
    pseudonym: str
    similar: list[str]


class StatementIn(Schema):
    text: str
    given_on: datetime.date | None = None


class PressureIn(Schema):
    occurred_on: datetime.date
    kind: str
    text: str = ""
    reported_by: str = ""
    follow_up: str = ""
    voluntary: bool | None = None
    withdraws: str = ""


class RevealIn(Schema):
    reason: str


def _guard(action: Any) -> Any:
    """``action()``, its refusals answered as HTTP errors (``toolkit.api.refusals_answered``)."""
    return refusals_answered(action, {service.RevealLimitReached: 429, service.ProtectionRefused: 400})


@router.get("", response={200: list[ProtectedPersonOut], **RESPONSES}, summary="Protected people shared with you")
@paginate(Pages)
def list_witnesses(request: HttpRequest) -> Any:
    return visible_people(require(request, HANDLE_WITNESSES))


@router.post("", response={201: AddedOut, **RESPONSES},
             summary="Add a protected person (you become their handler)")
def add_witness(request: HttpRequest, body: IdentityIn) -> Any:
    user = require(request, HANDLE_WITNESSES)
    similar = _guard(lambda: [p.pseudonym for p in service.duplicates_of(body.name, visible_people(user))])
    person = _guard(lambda: service.add_person(body.dict(), by=user.get_username(), user=user))
    return Status(201, {"id": person.public_id, "pseudonym": person.pseudonym, "similar": similar})


@router.get("/{person_id}", response={200: dict[str, Any], **RESPONSES},
            summary="One person's pseudonymous file: statements, pressure, reveals (never the identity)")
def get_witness(request: HttpRequest, person_id: PersonId) -> Any:
    person = get_by_public_id(visible_people(require(request, HANDLE_WITNESSES)), person_id)
    statements = _guard(lambda: records.statement_texts(person))
    pressure = _guard(lambda: records.pressure_log(person))
    return {
        "id": person.public_id, "pseudonym": person.pseudonym, "kind": person.kind,
        "forgotten_at": person.forgotten_at,
        "statements": [{"id": s.public_id, "text": text, "given_on": s.given_on, "retracted": s.retracted}
                       for s, text in statements],
        "pressure": [{"id": e.public_id, "occurred_on": e.occurred_on, "kind": e.kind, "voluntary": e.voluntary,
                      "withdraws": e.withdraws.public_id if e.withdraws else None, **texts} for e, texts in pressure],
        "reveals": [{"by": r.actor, "at": r.at, "reason": r.reason, "approved_by": r.approved_by}
                    for r in person.reveals.all()[:50]],
    }


@router.post("/{person_id}/statements", response={201: CreatedOut, **RESPONSES}, summary="Add a statement")
def add_statement(request: HttpRequest, body: StatementIn, person_id: PersonId) -> Any:
    user = require(request, HANDLE_WITNESSES)
    person = get_by_public_id(editable_people(user), person_id)
    made = _guard(lambda: records.add_statement(person, body.text, by=user.get_username(), given_on=body.given_on))
    return Status(201, {"id": made.public_id})


@router.post("/{person_id}/pressure", response={201: CreatedOut, **RESPONSES},
             summary="Record pressure or a retraction (the handlers are alerted)")
def add_pressure(request: HttpRequest, body: PressureIn, person_id: PersonId) -> Any:
    user = require(request, HANDLE_WITNESSES)
    person = get_by_public_id(editable_people(user), person_id)
    event = _guard(lambda: records.record_pressure(person, forms.pressure_from(person, body.dict()),
                                                   by=user.get_username()))
    return Status(201, {"id": event.public_id})


@router.post("/{person_id}/reveal", response={200: dict[str, Any], **RESPONSES},
             summary="Reveal one person's identity, for a reason (logged and shown to the handlers)")
def reveal_witness(request: HttpRequest, body: RevealIn, person_id: PersonId) -> Any:
    user = require(request, HANDLE_WITNESSES)
    person = get_by_public_id(visible_people(user), person_id)
    identity = _guard(lambda: service.reveal(person, actor=user.get_username(), reason=body.reason, user=user))
    return {"id": person.public_id, "pseudonym": person.pseudonym, **identity}
