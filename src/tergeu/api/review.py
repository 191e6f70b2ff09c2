"""The review queue of the latest linkage run, and reviewers' decisions on pairs of records."""

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tergeu.accounts.access import visible_records
from tergeu.accounts.roles import REVIEW_FACTS
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, require
from tergeu.api.schemas import ErrorOut
from tergeu.casualties.models import LinkageRun, PairDecision
from tergeu.provenance.history import acting_as

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


@router.get("", response={200: list[ReviewItemOut], **ERROR_RESPONSES}, summary="Review queue of the latest run")
@paginate(Pages)
def review_queue(request: HttpRequest) -> list[dict[str, Any]]:
    user = require(request, REVIEW_FACTS)
    run = LinkageRun.objects.first()
    if run is None:
        return []
    visible = set(visible_records(user).values_list("pk", flat=True))
    return [item for item in run.review if all(r in visible for r in item["records"])]


@router.post("/decisions", response={200: DecisionOut, 400: ErrorOut, **ERROR_RESPONSES},
             summary="Decide whether two records name one person")
def decide(request: HttpRequest, body: DecisionIn) -> dict[str, Any]:
    user = require(request, REVIEW_FACTS)
    left, right = sorted((body.left, body.right))
    if left == right or visible_records(user).filter(pk__in=(left, right)).count() != 2:
        raise Http404("not found")
    with acting_as(user.get_username(), user):
        decision = PairDecision.objects.filter(left_id=left, right_id=right).first() or PairDecision(
            left_id=left, right_id=right)
        decision.decision, decision.decided_by, decision.note = body.decision, user.get_username(), body.note
        decision.save()
    return {"left": left, "right": right, "decision": decision.decision, "decided_by": decision.decided_by}
