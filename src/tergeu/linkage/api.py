"""The linkage's API: people (as the viewer's visible records describe them; a retired person's id
answers 302 to its successor) and the review queue of the latest run with reviewers' decisions."""

from typing import Annotated, Any, Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from tergeu.accounts.access import require
from tergeu.accounts.roles import REVIEW_FACTS, VIEW_REGISTRY
from tergeu.linkage.access import successor_seen_by, visible_people
from tergeu.linkage.linking import DecisionConflict, decide_pair
from tergeu.linkage.models import LinkageRun, PairDecision, Person
from tergeu.linkage.people import person_as_seen
from tergeu.linkage.queue import decisions_now, open_items
from tergeu.registry.access import visible_records
from tergeu.toolkit.api import ERROR_RESPONSES, MAX_ID, ErrorOut, Pages

people_router = Router(tags=["people"])


class PersonRecordOut(Schema):
    id: int
    list_id: int
    list_name: str
    row_number: int
    display_name: str


class PersonOut(Schema):
    id: int
    display_name: str
    lists: list[int]
    records: list[PersonRecordOut]
    suspicious: bool
    reasons: list[str]


def _person_out(person: Person, user: Any) -> dict[str, Any]:
    """The person from the records ``user`` may see: names and reasons too, never the stored ones of all."""
    records = list(visible_records(user).filter(membership__person=person).order_by("imported_list_id", "row_number"))
    seen = person_as_seen(person, records)
    shown = [{"id": r.pk, "list_id": r.imported_list_id, "list_name": r.imported_list.name,
              "row_number": r.row_number, "display_name": r.display_name} for r in records]
    return {"id": person.pk, "display_name": seen.display_name, "records": shown, "lists": seen.lists,
            "suspicious": seen.suspicious, "reasons": seen.reasons}


@people_router.get("", response={200: list[PersonOut], **ERROR_RESPONSES}, summary="List people")
@paginate(Pages)
def list_people(request: HttpRequest) -> list[dict[str, Any]]:
    user = require(request, VIEW_REGISTRY)
    return _PeoplePage(visible_people(user).order_by("pk"), user)


@people_router.get("/{person_id}", response={200: PersonOut, 302: None, **ERROR_RESPONSES}, summary="One person",
            description="A person a relink merged into another answers 302, pointing at that person, to a "
                        "caller who could see it.")
def get_person(request: HttpRequest, person_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> Any:
    user = require(request, VIEW_REGISTRY)
    person = visible_people(user).filter(pk=person_id).first()
    if person is None:
        successor = successor_seen_by(user, person_id)
        if successor is None:
            raise Http404("not found")
        return HttpResponseRedirect(f"{request.path.rsplit('/', 1)[0]}/{successor}")
    return _person_out(person, user)


class _PeoplePage:
    """A lazy sequence: people are turned into their visible view only for the page served."""

    def __init__(self, people: QuerySet[Person], user: Any) -> None:
        self.people, self.user = people, user

    def __len__(self) -> int:
        return self.people.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [_person_out(person, self.user) for person in self.people[index]]


review_router = Router(tags=["review"])


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
    decision: Literal[tuple(PairDecision.Decision.values)]  # type: ignore[valid-type]
    note: str = Field("", max_length=1000, pattern=r"^[^\x00]*$")


class DecisionOut(Schema):
    left: int
    right: int
    decision: str
    decided_by: str


@review_router.get("", response={200: list[ReviewItemOut], **ERROR_RESPONSES},
                   summary="Open review items of the latest run")
@paginate(Pages)
def review_queue(request: HttpRequest) -> list[dict[str, Any]]:
    user = require(request, REVIEW_FACTS)
    run = LinkageRun.objects.first()
    return open_items(run, user, decisions_now())[0] if run is not None else []


@review_router.post("/decisions", response={200: DecisionOut, 400: ErrorOut, **ERROR_RESPONSES},
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
