"""The API of provenance: sources, who published the lists. A role that sees only some lists sees only
those lists' sources (``tergeu.provenance.access``). Sources are named by their public ids."""

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
from tergeu.toolkit.api import ERROR_RESPONSES, PUBLIC_ID_TEXT, Pages
from tergeu.toolkit.public_ids import get_by_public_id


class SourceRef(Schema):
    id: str
    name: str


class SourceOut(Schema):
    id: str
    name: str
    kind: str
    publisher: str
    published_on: datetime.date | None
    reliability: str
    url: str
    notes: str
    is_synthetic: bool
    created_at: datetime.datetime

    @staticmethod
    def resolve_id(obj: Source) -> str:
        return obj.public_id  # never the pk: its gaps would count the sources hidden from the caller


def source_ref(source: Source) -> dict[str, Any]:
    return {"id": source.public_id, "name": source.name}


router = Router(tags=["sources"])


@router.get("", response={200: list[SourceOut], **ERROR_RESPONSES}, summary="List sources")
@paginate(Pages)
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    return visible_sources(require(request, VIEW_REGISTRY)).order_by("name", "pk")


@router.get("/{source_id}", response={200: SourceOut, **ERROR_RESPONSES}, summary="One source")
def get_source(request: HttpRequest, source_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]) -> Source:
    return get_by_public_id(visible_sources(require(request, VIEW_REGISTRY)), source_id)
