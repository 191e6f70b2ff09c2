"""What every endpoint shares: pagination, error shapes, ids in paths (the caller checks: ``accounts.access``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination

from tergeu.core.protect import ProtectionError


class ErrorOut(Schema):
    detail: str


class CreatedOut(Schema):
    """The answer to a POST that made one thing: its id (a public id, never a database key)."""

    id: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[dict[str, Any]]


# An object's id in a path: its public id (``toolkit.public_ids``). Anything else, an integer included, is
# a 404, as an id that names nothing.
PUBLIC_ID_TEXT = "the object's id: 26 lower-case letters and digits, as the API returned it"

PAGE_SIZE = 50
MAX_PAGE = 1_000_000

# Documented on every operation, so clients (and schemathesis) know what a refusal looks like.
ERROR_RESPONSES: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


def refusals_answered(action: Callable[[], Any], refusals: Mapping[type[Exception], int]) -> Any:
    """``action()``, with a refusal (an exception of a class in ``refusals``) answered as an HTTP error of
    its status and message, and protected identities that cannot be read now as 503 (the key is missing)."""
    try:
        return action()
    except ProtectionError as problem:
        raise HttpError(503, f"protected identities unavailable: {problem}") from None
    except tuple(refusals) as refused:
        status = next(code for kind, code in refusals.items() if isinstance(refused, kind))
        raise HttpError(status, str(refused)) from None


class LazyPage:
    """A sequence the paginator slices before anything is shaped: ``shape`` turns only the page served
    into JSON-ready dicts (one query for its rows' related ids, not one per row)."""

    def __init__(self, items: Any, shape: Callable[[list[Any]], list[dict[str, Any]]]) -> None:
        self.items, self.shape = items, shape

    def __len__(self) -> int:
        return self.items.count() if isinstance(self.items, QuerySet) else len(self.items)

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return self.shape(list(self.items[index]))


class Pages(PageNumberPagination):
    """Ninja's page-number pagination at a fixed 50 per page, ``?page=`` only.

    The page number is bounded so a huge one is a 422 rather than an offset the database cannot hold.
    """

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description=f"1-based page of {PAGE_SIZE} items")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Input, request: HttpRequest, **params: Any) -> Any:
        offset = (pagination.page - 1) * PAGE_SIZE
        return {"items": queryset[offset:offset + PAGE_SIZE], "count": self._items_count(queryset)}
