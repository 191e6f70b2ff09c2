"""The forces API: who commanded a unit on a day (``GET /api/forces/command``), vetting (``POST
/api/forces/vet``: a JSON body, so a person's name never stands in a URL or a server log) and the review of
assistance (``GET /api/forces/assistance``)."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from tergeu.accounts.access import require, visible_to
from tergeu.accounts.roles import VIEW_FORCES
from tergeu.forces.assistance import review as review_assistance
from tergeu.forces.chain import UnitNotFound, command_on, find_unit
from tergeu.forces.models import Incident, Unit
from tergeu.forces.vetting import vet as run_vetting
from tergeu.provenance.models import Citation
from tergeu.registry.schemas import IsoDate
from tergeu.toolkit.api import ERROR_RESPONSES, ErrorOut

router = Router(tags=["forces"])


class CommandQuery(Schema):
    unit: str = Field(..., min_length=1, max_length=300,
                      description="the unit's id, a name or alias in any script, or its number in any form")
    on: IsoDate = Field(..., description="the day (YYYY-MM-DD)")


class UnitLinkOut(Schema):
    unit: str
    name: str
    depth: int
    holds: str = Field(..., description="cited, edge (a partial date's span) or assumed (open-ended)")
    first_cited: str | None
    last_cited: str | None


class CommanderOut(Schema):
    person: str
    name: str
    role: str
    title: str
    rank: str
    first_cited: str | None
    last_cited: str | None
    holds: str
    sources: list[str]


class CommandOut(Schema):
    unit: str
    name: str
    on: datetime.date
    parents: list[UnitLinkOut] = Field(..., description="nearest first")
    children: list[UnitLinkOut]
    commanders: list[CommanderOut]


@router.get("/command", response={200: CommandOut, 400: ErrorOut, **ERROR_RESPONSES},  # 404: no unit surely named
            summary="Parents, units under it and commanders of a unit on a day")
def command(request: HttpRequest, query: Query[CommandQuery]) -> Any:
    user = require(request, VIEW_FORCES)
    if "\x00" in query.unit:
        raise HttpError(400, "the unit holds a NUL character")
    try:
        unit = find_unit(query.unit, visible_to(user, Unit))
    except UnitNotFound as problem:
        # 404, with the reason: the caller sees every unit, so no hidden one can be told apart this way
        raise HttpError(404, str(problem)) from None
    return command_on(unit, query.on, visible_to(user, Citation))


class VetIn(Schema):
    query: str = Field(..., min_length=1, max_length=300, description="a name, alias or number")
    kind: Literal["unit", "person"]
    on: IsoDate | None = Field(None, description="only incidents that began on or before this day (YYYY-MM-DD)")


class MatchOut(Schema):
    kind: str
    id: str
    name: str
    score: float
    why: str


class FindingOut(Schema):
    incident: str
    via: str = Field(..., description="direct, child-unit or commander")
    unit: str | None
    person: str | None
    date: str
    holds: str
    sources: list[str]


class VetOut(Schema):
    query: str
    matches: list[MatchOut]
    findings: list[FindingOut]
    verdict: str = Field(..., description="clear, flagged or review")


@router.post("/vet", response={200: VetOut, 400: ErrorOut, **ERROR_RESPONSES},
             summary="Vet a unit or a person against the incidents on record")
def vet(request: HttpRequest, body: VetIn) -> Any:
    user = require(request, VIEW_FORCES)
    if "\x00" in body.query:
        raise HttpError(400, "the query holds a NUL character")
    return run_vetting(body.query, body.kind, body.on, visible_to(user, Citation))


class InvolvedOut(Schema):
    unit: str
    relation: str = Field(..., description="direct, parent or child")
    trainings: list[str]


class IncidentUnitsOut(Schema):
    incident: str
    units: list[InvolvedOut]


class AssistanceOut(Schema):
    incidents: list[IncidentUnitsOut]


@router.get("/assistance", response={200: AssistanceOut, **ERROR_RESPONSES},
            summary="Each incident's units on its day and the trainings resolved to them")
def assistance(request: HttpRequest, incident: str | None = Query(None, max_length=100)) -> Any:
    user = require(request, VIEW_FORCES)
    incidents = visible_to(user, Incident)
    if incident is not None:
        incidents = incidents.filter(external_id=incident.replace("\x00", ""))
    return review_assistance(incidents)
