"""Sources: who published the lists. A role that sees only some lists sees only those lists' sources."""

from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Router
from ninja.pagination import paginate

from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, get_visible, require
from tergeu.api.schemas import SourceOut
from tergeu.provenance.access import visible_sources
from tergeu.provenance.models import Source

router = Router(tags=["sources"])


@router.get("", response={200: list[SourceOut], **ERROR_RESPONSES}, summary="List sources")
@paginate(Pages)
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    return visible_sources(require(request, VIEW_REGISTRY)).order_by("name", "pk")


@router.get("/{source_id}", response={200: SourceOut, **ERROR_RESPONSES}, summary="One source")
def get_source(request: HttpRequest, source_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> Source:
    return get_visible(visible_sources(require(request, VIEW_REGISTRY)), source_id)
