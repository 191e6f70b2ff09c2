"""The linkage's API: people (as the viewer's visible records describe them; a retired person's id
answers 302 to its successor) and the review queue of the latest run with reviewers' decisions.

People, records and lists are named by their public ids (``tergeu.toolkit.public_ids``), in paths, in
answers and in the decisions posted; primary keys stay inside the database."""

from typing import Annotated, Any, Literal

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
from tergeu.linkage.queue import decisions_now, open_items, public_ids_of, records_named
from tergeu.registry.access import visible_records
from tergeu.toolkit.api import ERROR_RESPONSES, PUBLIC_ID_TEXT, ErrorOut, LazyPage, Pages
from tergeu.toolkit.public_ids import PUBLIC_ID_PATTERN, is_public_id

people_router = Router(tags=["people"])


class PersonRecordOut(Schema):
    id: str
    list_id: str
    list_name: str
    row_number: int
    display_name: str


class PersonOut(Schema):
    id: str
    display_name: str
    lists: list[str]
    records: list[PersonRecordOut]
    suspicious: bool
    reasons: list[str]


def _person_out(person: Person, user: Any) -> dict[str, Any]:
    """The person from the records ``user`` may see: names and reasons too, never the stored ones of all."""
    records = list(visible_records(user).filter(membership__person=person).order_by("imported_list_id", "row_number"))
    seen = person_as_seen(person, records)
    shown = [{"id": r.public_id, "list_id": r.imported_list.public_id, "list_name": r.imported_list.name,
              "row_number": r.row_number, "display_name": r.display_name} for r in records]
    return {"id": person.public_id, "display_name": seen.display_name, "records": shown, "lists": seen.lists,
            "suspicious": seen.suspicious, "reasons": seen.reasons}


@people_router.get("", response={200: list[PersonOut], **ERROR_RESPONSES}, summary="List people")
@paginate(Pages)
def list_people(request: HttpRequest) -> LazyPage:
    user = require(request, VIEW_REGISTRY)
    return LazyPage(visible_people(user).order_by("pk"), lambda people: [_person_out(p, user) for p in people])


@people_router.get("/{person_id}", response={200: PersonOut, 302: None, **ERROR_RESPONSES}, summary="One person",
            description="A person a relink merged into another answers 302, pointing at that person, to a "
                        "caller who could see it.")
def get_person(request: HttpRequest, person_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]) -> Any:
    user = require(request, VIEW_REGISTRY)
    person = visible_people(user).filter(public_id=person_id).first() if is_public_id(person_id) else None
    if person is None:
        successor = successor_seen_by(user, person_id) if is_public_id(person_id) else None
        if successor is None:
            raise Http404("not found")
        return HttpResponseRedirect(f"{request.path.rsplit('/', 1)[0]}/{successor}")
    return _person_out(person, user)


review_router = Router(tags=["review"])


class ReviewItemOut(Schema):
    kind: str
    records: list[str]
    impact: float
    probability: float | None = None
    reasons: list[str] = []
    prior_bits: float | None = None
    steps: list[tuple[str, str, float]] = []


class DecisionIn(Schema):
    left: str = Field(..., pattern=f"^{PUBLIC_ID_PATTERN}$", description="a record's id")
    right: str = Field(..., pattern=f"^{PUBLIC_ID_PATTERN}$", description="another record's id")
    decision: Literal[tuple(PairDecision.Decision.values)]  # type: ignore[valid-type]
    note: str = Field("", max_length=1000, pattern=r"^[^\x00]*$")


class DecisionOut(Schema):
    left: str
    right: str
    decision: str
    decided_by: str


def _items_out(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Review items naming their records by public id (the queue stores primary keys); an item whose record
    was deleted since the queue was counted is left out, as on the page."""
    named = public_ids_of(record for item in items for record in item["records"])
    return [{**item, "records": [named[record] for record in item["records"]]} for item in items
            if all(record in named for record in item["records"])]


@review_router.get("", response={200: list[ReviewItemOut], **ERROR_RESPONSES},
                   summary="Open review items of the latest run")
@paginate(Pages)
def review_queue(request: HttpRequest) -> LazyPage:
    user = require(request, REVIEW_FACTS)
    run = LinkageRun.objects.first()
    return LazyPage(open_items(run, user, decisions_now())[0] if run is not None else [], _items_out)


@review_router.post("/decisions", response={200: DecisionOut, 400: ErrorOut, **ERROR_RESPONSES},
             summary="Decide whether two records name one person")
def decide(request: HttpRequest, body: DecisionIn) -> dict[str, Any]:
    user = require(request, REVIEW_FACTS)
    named = records_named(user, (body.left, body.right))
    if len(named) != len({body.left, body.right}):
        raise Http404("not found")
    try:
        stored = decide_pair(user, named[body.left], named[body.right], body.decision, body.note)
    except DecisionConflict as conflict:
        raise HttpError(400, f"decision not stored: {conflict}") from None
    if stored is None:
        raise Http404("not found")
    named = public_ids_of((stored.left_id, stored.right_id))
    return {"left": named[stored.left_id], "right": named[stored.right_id], "decision": stored.decision,
            "decided_by": stored.decided_by}
