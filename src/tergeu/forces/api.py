"""The forces API: who commanded a unit on a day (``GET /api/forces/command``)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from tergeu.accounts.access import require, visible_to
from tergeu.accounts.roles import VIEW_FORCES
from tergeu.forces.chain import UnitNotFound, command_on, find_unit
from tergeu.forces.models import Unit
from tergeu.provenance.models import Citation
from tergeu.toolkit.api import ERROR_RESPONSES, ErrorOut

router = Router(tags=["forces"])


class CommandQuery(Schema):
    unit: str = Field(..., min_length=1, max_length=300,
                      description="the unit's id, a name or alias in any script, or its number in any form")
    on: datetime.date = Field(..., description="the day (YYYY-MM-DD)")


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
