"""Sources: who published the lists. A role that sees only some lists sees only those lists' sources."""

from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Router
from ninja.pagination import paginate

from tergeu.accounts.access import visible_lists
from tergeu.accounts.roles import VIEW_ALL_LISTS, VIEW_REGISTRY, can
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, get_visible, require
from tergeu.api.schemas import SourceOut
from tergeu.provenance.models import Source

router = Router(tags=["sources"])


def visible_sources(user: Any) -> QuerySet[Source]:
    """Every source for roles that see every list; else only sources of a list the user may see.

    A source with no list yet is hidden from such roles too: its name alone may say what is being
    collected, and the expert mission is shown only what was shared with it.
    """
    if can(user, VIEW_ALL_LISTS):
        return Source.objects.all()
    return Source.objects.filter(pk__in=visible_lists(user).values("source_id"))


@router.get("", response={200: list[SourceOut], **ERROR_RESPONSES}, summary="List sources")
@paginate(Pages)
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    return visible_sources(require(request, VIEW_REGISTRY)).order_by("name", "pk")


@router.get("/{source_id}", response={200: SourceOut, **ERROR_RESPONSES}, summary="One source")
def get_source(request: HttpRequest, source_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> Source:
    return get_visible(visible_sources(require(request, VIEW_REGISTRY)), source_id)
