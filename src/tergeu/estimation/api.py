"""Estimates of the toll (`tergeu estimate` or the estimation page), newest first, with how each was made."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from tergeu.accounts.access import require
from tergeu.accounts.roles import VIEW_ALL_LISTS
from tergeu.estimation.access import visible_estimates
from tergeu.toolkit.api import ERROR_RESPONSES, Pages

router = Router(tags=["estimates"])


class EstimateOut(Schema):
    id: int
    created_at: datetime
    created_by: str
    method: str
    settings: dict[str, Any]
    result: dict[str, Any]
    error: str
    finished_at: datetime | None  # null while the estimate runs in the background


@router.get("", response={200: list[EstimateOut], **ERROR_RESPONSES}, summary="Estimates of the toll, newest first")
@paginate(Pages)
def list_estimates(request: HttpRequest) -> Any:
    # An estimate reads every list (its overlaps name them): see tergeu.estimation.access.
    return visible_estimates(require(request, VIEW_ALL_LISTS))
