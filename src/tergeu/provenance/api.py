"""The API of provenance: sources, who published the lists. A role that sees only some lists sees only
those lists' sources (``tergeu.provenance.access``)."""

import datetime
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Router, Schema
from ninja.pagination import paginate

from tergeu.accounts.access import require
from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.provenance.access import visible_sources
from tergeu.provenance.models import Source
from tergeu.toolkit.api import ERROR_RESPONSES, MAX_ID, Pages, get_visible


class SourceRef(Schema):
    id: int
    name: str


class SourceOut(Schema):
    id: int
    name: str
    kind: str
    publisher: str
    published_on: datetime.date | None
    reliability: str
    url: str
    notes: str
    is_synthetic: bool
    created_at: datetime.datetime


def source_ref(source: Source) -> dict[str, Any]:
    return {"id": source.pk, "name": source.name}


router = Router(tags=["sources"])


@router.get("", response={200: list[SourceOut], **ERROR_RESPONSES}, summary="List sources")
@paginate(Pages)
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    return visible_sources(require(request, VIEW_REGISTRY)).order_by("name", "pk")


@router.get("/{source_id}", response={200: SourceOut, **ERROR_RESPONSES}, summary="One source")
def get_source(request: HttpRequest, source_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> Source:
    return get_visible(visible_sources(require(request, VIEW_REGISTRY)), source_id)
