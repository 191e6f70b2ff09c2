"""The review queue of the latest linkage run, and reviewers' decisions on pairs of records."""

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from tergeu.accounts.roles import REVIEW_FACTS
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, require
from tergeu.api.schemas import ErrorOut
from tergeu.linkage.linking import DecisionConflict, decide_pair
from tergeu.linkage.models import LinkageRun
from tergeu.linkage.queue import decisions_now, open_items

router = Router(tags=["review"])


class ReviewItemOut(Schema):
    kind: str
    records: list[int]
    impact: float
    probability: float | None = None
    reasons: list[str] = []
    prior_bits: float | None = None
    steps: list[tuple[str, str, float]] = []


class DecisionIn(Schema):
    left: int = Field(..., ge=1, le=MAX_ID)
    right: int = Field(..., ge=1, le=MAX_ID)
    decision: Literal["same", "different", "unsure"]
    note: str = Field("", max_length=1000, pattern=r"^[^\x00]*$")


class DecisionOut(Schema):
    left: int
    right: int
    decision: str
    decided_by: str


@router.get("", response={200: list[ReviewItemOut], **ERROR_RESPONSES}, summary="Open review items of the latest run")
@paginate(Pages)
def review_queue(request: HttpRequest) -> list[dict[str, Any]]:
    user = require(request, REVIEW_FACTS)
    run = LinkageRun.objects.first()
    return open_items(run, user, decisions_now())[0] if run is not None else []


@router.post("/decisions", response={200: DecisionOut, 400: ErrorOut, **ERROR_RESPONSES},
             summary="Decide whether two records name one person")
def decide(request: HttpRequest, body: DecisionIn) -> dict[str, Any]:
    try:
        stored = decide_pair(require(request, REVIEW_FACTS), body.left, body.right, body.decision, body.note)
    except DecisionConflict as conflict:
        raise HttpError(400, f"decision not stored: {conflict}") from None
    if stored is None:
        raise Http404("not found")
    return {"left": stored.left_id, "right": stored.right_id, "decision": stored.decision,
            "decided_by": stored.decided_by}
