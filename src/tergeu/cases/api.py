"""Complaints, cases and the funnel over the API.

A complaint's people go in as identities (JSON body, never a URL) and come out as pseudonyms; the access
code is in the answer to the call that makes it (adding a complaint, rotating its code) and nowhere else.
A complaint or case the caller may not see is a 404, like one that does not exist; a key-file problem
is a 503 naming the file. The status page itself is a page only, not an API operation.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from tergeu.accounts.access import require, visible_to
from tergeu.accounts.roles import MANAGE_CASES, VIEW_CASES
from tergeu.cases import proceedings, service
from tergeu.cases.access import code_managers, editable_cases, editable_complaints, visible_cases, visible_complaints
from tergeu.cases.funnel import funnel_for
from tergeu.linkage.models import Person
from tergeu.toolkit.api import ERROR_RESPONSES, PUBLIC_ID_TEXT, CreatedOut, ErrorOut, Pages, refusals_answered
from tergeu.toolkit.public_ids import get_by_public_id

router = Router(tags=["cases"])
RESPONSES = {**ERROR_RESPONSES, 400: ErrorOut, 503: ErrorOut}
PublicId = Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]


class VictimIdentityIn(Schema):
    name: str = Field(..., min_length=1, max_length=300)
    date_of_birth: str = ""
    contact: str = ""
    address: str = ""
    relatives: str = ""
    notes: str = ""


class ComplaintIn(Schema):
    kind: str
    date: datetime.date | None = None
    until: datetime.date | None = None
    received_on: datetime.date | None = None
    place: str = Field("", max_length=300)
    facility: str = Field("", max_length=300)
    description: str = Field("", max_length=20000)
    injuries: str = Field("", max_length=20000)
    perpetrators: str = Field("", max_length=20000)
    reference: str = Field("", max_length=100)
    victim: VictimIdentityIn | None = None
    complainant: VictimIdentityIn | None = None
    deceased: str = Field("", description="a person of the casualty registry, by id")


class ComplaintOut(Schema):
    id: str = Field(..., alias="public_id")
    kind: str
    occurred_on: datetime.date | None
    place: str
    region_key: str
    reference: str
    code_active: bool = Field(..., alias="has_code")

    @staticmethod
    def resolve_has_code(complaint: Any) -> bool:
        return bool(complaint.code_hash)


class AddedComplaintOut(Schema):
    id: str
    access_code: str


class CaseIn(Schema):
    number: str = Field(..., min_length=1, max_length=100)
    authority: str
    article: str = Field("", max_length=100)
    authority_name: str = Field("", max_length=300)
    contact: str = Field("", max_length=500)
    complaints: list[str] = Field(default_factory=list, max_length=1000)


class CaseOut(Schema):
    id: str = Field(..., alias="public_id")
    number: str
    authority: str
    article: str


class StepIn(Schema):
    status: str
    date: datetime.date
    note: str = Field("", max_length=20000)
    public_note: str = Field("", max_length=20000)
    grounds: str = ""
    source: str = Field("", max_length=200)
    locator: str = Field("", max_length=200)


class OfficialIn(Schema):
    name: str = Field(..., min_length=1, max_length=300)
    outcome: str
    position: str = Field("", max_length=300)
    public: bool = False


class CodeIn(Schema):
    action: Literal["rotate", "revoke"]


class CodeOut(Schema):
    id: str
    access_code: str | None


def _guard(action: Any) -> Any:
    """``action()``, its refusals answered as HTTP errors (``toolkit.api.refusals_answered``)."""
    return refusals_answered(action, {service.ComplaintRefused: 400})


@router.get("/complaints", response={200: list[ComplaintOut], **RESPONSES}, summary="Complaints you may see")
@paginate(Pages)
def list_complaints(request: HttpRequest) -> Any:
    return visible_complaints(require(request, VIEW_CASES))


@router.post("/complaints", response={201: AddedComplaintOut, **RESPONSES},
             summary="Add a complaint (its people protected); the access code is in this answer only")
def add_complaint(request: HttpRequest, body: ComplaintIn) -> Any:
    user = require(request, MANAGE_CASES)
    data = {key: value for key, value in body.dict().items() if value not in (None, "")}
    complaint, code = _guard(lambda: service.add_complaint(data, by=user.get_username(), user=user))
    return Status(201, {"id": complaint.public_id, "access_code": code})


@router.get("/complaints/{complaint_id}", response={200: ComplaintOut, **RESPONSES}, summary="One complaint")
def get_complaint(request: HttpRequest, complaint_id: PublicId) -> Any:
    return get_by_public_id(visible_complaints(require(request, VIEW_CASES)), complaint_id)


@router.post("/complaints/{complaint_id}/code", response={200: CodeOut, **RESPONSES},
             summary="Rotate (the new code in this answer only) or revoke a complaint's access code")
def complaint_code(request: HttpRequest, body: CodeIn, complaint_id: PublicId) -> Any:
    user = require(request, MANAGE_CASES)
    complaint = get_by_public_id(code_managers(user), complaint_id)
    if body.action == "revoke":
        service.revoke_code(complaint, by=user.get_username(), user=user)
        return {"id": complaint.public_id, "access_code": None}
    return {"id": complaint.public_id, "access_code": service.rotate_code(complaint, by=user.get_username(),
                                                                          user=user)}


@router.get("/funnel", response={200: dict[str, Any], **RESPONSES},
            summary="The accountability funnel of what you may see, in total and per kind, region and month")
def funnel(request: HttpRequest) -> Any:
    user = require(request, VIEW_CASES)
    return funnel_for(visible_complaints(user), visible_cases(user),
                      visible_to(user, Person).filter(retired_at=None))


@router.get("", response={200: list[CaseOut], **RESPONSES}, summary="Cases you may see")
@paginate(Pages)
def list_cases(request: HttpRequest) -> Any:
    return visible_cases(require(request, VIEW_CASES))


@router.post("", response={201: CreatedOut, **RESPONSES}, summary="Add a case about complaints")
def add_case(request: HttpRequest, body: CaseIn) -> Any:
    user = require(request, MANAGE_CASES)
    case = _guard(lambda: proceedings.add_case(body.dict(), editable_complaints(user), by=user.get_username(),
                                               user=user))
    return Status(201, {"id": case.public_id})


@router.get("/{case_id}", response={200: dict[str, Any], **RESPONSES},
            summary="One case: steps (with internal notes), officials, state, overdue flag")
def get_case(request: HttpRequest, case_id: PublicId) -> Any:
    user = require(request, VIEW_CASES)
    case = get_by_public_id(visible_cases(user), case_id)
    state = proceedings.state_of(case)
    return {
        "id": case.public_id, "number": case.number, "authority": case.authority, "article": case.article,
        "complaints": list(visible_complaints(user).filter(cases=case).values_list("public_id", flat=True)),
        "steps": [{"id": s.public_id, "status": s.status, "date": s.on, "grounds": s.grounds, "note": s.note,
                   "public_note": s.public_note} for s in case.steps.order_by("on", "pk")],
        "officials": [{"name": o.name, "position": o.position, "outcome": o.outcome, "public": o.public}
                      for o in case.officials.all()],
        "next_expected": state.next_status, "overdue": state.overdue,
    }


@router.post("/{case_id}/steps", response={201: CreatedOut, **RESPONSES}, summary="Record a dated step of a case")
def add_step(request: HttpRequest, body: StepIn, case_id: PublicId) -> Any:
    user = require(request, MANAGE_CASES)
    case = get_by_public_id(editable_cases(user), case_id)
    step = _guard(lambda: proceedings.record_step(case, proceedings.Step(
        body.status, body.date, body.note, body.public_note, body.grounds, body.source, locator=body.locator),
        by=user.get_username()))
    return Status(201, {"id": step.public_id})


@router.post("/{case_id}/officials", response={201: CreatedOut, **RESPONSES},
             summary="Name an official concerned by a case and what happened to them (the same name updates it)")
def add_official(request: HttpRequest, body: OfficialIn, case_id: PublicId) -> Any:
    user = require(request, MANAGE_CASES)
    case = get_by_public_id(editable_cases(user), case_id)
    official = _guard(lambda: proceedings.add_official(case, body.name, body.outcome, position=body.position,
                                                       public=body.public))
    return Status(201, {"id": official.public_id})
