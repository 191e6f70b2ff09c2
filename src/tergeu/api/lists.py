"""Imported lists: which file, read how, from which source, and whether the expert mission may see it."""

from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, get_visible, require
from tergeu.api.schemas import ListOut
from tergeu.registry.access import visible_lists
from tergeu.registry.models import ImportedList

router = Router(tags=["lists"])


@router.get("", response={200: list[ListOut], **ERROR_RESPONSES}, summary="List imported lists")
@paginate(Pages)
def list_lists(
    request: HttpRequest,
    source: Annotated[int | None, Query(None, ge=1, le=MAX_ID, description="only lists of this source id")] = None,
) -> QuerySet[ImportedList]:
    lists = visible_lists(require(request, VIEW_REGISTRY))
    if source is not None:
        lists = lists.filter(source_id=source)
    return lists.order_by("imported_at", "pk")


@router.get("/{list_id}", response={200: ListOut, **ERROR_RESPONSES}, summary="One imported list")
def get_list(request: HttpRequest, list_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> ImportedList:
    return get_visible(visible_lists(require(request, VIEW_REGISTRY)), list_id)
