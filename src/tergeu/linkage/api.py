"""The linkage's API: people (as the viewer's visible records describe them; a retired person's id
answers 302 to its successor) and the review queue of the latest run with reviewers' decisions.

People, records and lists are named by their public ids (``tergeu.toolkit.public_ids``), in paths, in
answers and in the decisions posted; primary keys stay inside the database."""

from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.translation import get_language
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from tergeu.accounts.access import require
from tergeu.accounts.roles import REVIEW_FACTS, VIEW_REGISTRY, WITHHOLD_NAMES
from tergeu.linkage.access import successor_seen_by, visible_people
from tergeu.linkage.left_alone_review import (
    AnswerRefused,
    answer_left_alone,
    candidates,
    latest_run,
    open_records,
    progress,
)
from tergeu.linkage.linking import DecisionConflict, decide_pair
from tergeu.linkage.models import LeftAloneAnswer, LinkageRun, PairDecision, Person, WithheldName
from tergeu.linkage.people import person_as_seen
from tergeu.linkage.people_export import person_record
from tergeu.linkage.people_index import SORTS, index_view
from tergeu.linkage.queue import decisions_now, open_items, public_ids_of, records_named, sample_progress
from tergeu.linkage.withholding import MAX_NOTE, clear, withhold
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.api import NO_NUL
from tergeu.toolkit.api import ERROR_RESPONSES, MAX_PAGE, PAGE_SIZE, PUBLIC_ID_TEXT, ErrorOut, LazyPage, Pages
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


class WithholdIn(Schema):
    note: str = Field("", max_length=MAX_NOTE, pattern=r"^[^\x00]*$",
                      description="who asked and when; internal, never published")


class WithheldOut(Schema):
    person: str
    withheld: bool
    note: str = ""
    set_by: str = ""


def _withholdable(request: HttpRequest, person_id: str) -> tuple[Any, Person]:
    """The caller (with the capability) and a current person they may see; else 404."""
    user = require(request, WITHHOLD_NAMES)
    person = visible_people(user).filter(public_id=person_id).first() if is_public_id(person_id) else None
    if person is None:
        raise Http404("not found")
    return user, person


@people_router.put("/{person_id}/withheld", response={200: WithheldOut, 400: ErrorOut, **ERROR_RESPONSES},
                   summary="Withhold a person's name from the public release",
                   description="At the family's request: the person is still published and counted, without "
                               "the name. A relink keeps the flag on every person the records go to.")
def withhold_person(request: HttpRequest, person_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)],
                    body: WithholdIn) -> dict[str, Any]:
    user, person = _withholdable(request, person_id)
    held = withhold(person, body.note, user)
    return {"person": person.public_id, "withheld": True, "note": held.note, "set_by": held.set_by}


@people_router.delete("/{person_id}/withheld", response={200: WithheldOut, **ERROR_RESPONSES},
                      summary="Publish a withheld name again")
def clear_withheld(request: HttpRequest, person_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]
                   ) -> dict[str, Any]:
    user, person = _withholdable(request, person_id)
    clear(person, user)
    return {"person": person.public_id, "withheld": False}


@people_router.get("/{person_id}/withheld", response={200: WithheldOut, **ERROR_RESPONSES},
                   summary="Whether a person's name is withheld from the public release")
def get_withheld(request: HttpRequest, person_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]
                 ) -> dict[str, Any]:
    _user, person = _withholdable(request, person_id)
    held = WithheldName.objects.filter(person=person).first()
    if held is None:
        return {"person": person.public_id, "withheld": False}
    return {"person": person.public_id, "withheld": True, "note": held.note, "set_by": held.set_by}


people_index_router = Router(tags=["people"])
FacetText = Annotated[str | None, Query(None, max_length=200, pattern=NO_NUL)]


class PersonFactRecordOut(Schema):
    list: str
    row: int


class PersonFactOut(Schema):
    value: str
    records: list[PersonFactRecordOut]


class PersonPlaceOut(Schema):
    key: str = Field(..., description="the gazetteer's key; empty when the place is not known to it")
    names: dict[str, str] = Field(..., description="the place's name by language (kk, ru, en)")


class PersonRowOut(Schema):
    person: str = Field(..., description="the person's id, as /api/people/{id} takes it")
    display_name: str
    names: dict[str, str]
    facts: dict[str, PersonFactOut]
    place: PersonPlaceOut
    lists: list[str] = Field(..., description="the ids of the lists naming the person, as the list filter takes them")
    list_names: list[str]
    sources: int
    records: int
    to_review: bool
    review_reasons: list[str]


class PeopleFacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class PeopleIndexOut(Schema):
    count: int = Field(..., description="people the filters leave")
    total: int = Field(..., description="people the caller may see")
    items: list[PersonRowOut]
    facets: dict[str, list[PeopleFacetValueOut]]


@people_index_router.get("", response={200: PeopleIndexOut, **ERROR_RESPONSES},
                         summary="People index: one row per person, with filters and facet counts",
                         description="As the /people/ page: facts from the records the caller may see; each facet "
                                     "value counts the people the other filters leave. Region: a gazetteer key of a "
                                     "region or city of republican significance; place: a gazetteer key or "
                                     "'~' and a place as written; date: as stated (YYYY-MM-DD); age: a band.")
def people_index(request: HttpRequest, region: FacetText = None, place: FacetText = None, date: FacetText = None,
                 circumstances: FacetText = None, sex: FacetText = None, age: FacetText = None,
                 list_id: Annotated[str | None, Query(None, alias="list", pattern=f"^{PUBLIC_ID_PATTERN}$",
                                                      description="only people a list names (its id)")] = None,
                 sort: Annotated[Literal[SORTS] | None, Query(None)] = None,  # type: ignore[valid-type]
                 page: Annotated[int, Query(1, ge=1, le=MAX_PAGE)] = 1) -> dict[str, Any]:
    user = require(request, VIEW_REGISTRY)
    lists = visible_lists(user)
    view = index_view(visible_records(user), lists, {"region": region, "place": place, "date": date,
                                                      "circumstances": circumstances, "sex": sex, "age": age,
                                                      "list": list_id, "sort": sort},
                      get_language())
    names = dict(lists.values_list("public_id", "name"))
    return {"count": len(view.shown), "total": len(view.rows),
            "items": [person_record(row, names) for row in view.shown[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]],
            "facets": {name: [vars(value) for value in values] for name, values in view.facets.items()}}


review_router = Router(tags=["review"])


class ReviewItemOut(Schema):
    kind: str
    records: list[str]
    impact: float
    probability: float | None = None
    reasons: list[str] = []
    prior_bits: float | None = None
    steps: list[tuple[str, str, float]] = []
    sample: bool = Field(False, description="one of the calibration sample's pairs, chosen at random: decisions on "
                                            "them calibrate the model's probabilities for the estimate")


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
    sampled: bool = Field(..., description="the pair is one of the calibration sample's (the latest run's or an "
                                           "earlier one's), so the decision calibrates the estimate")
    sample_decided: int = Field(..., description="pairs of the latest run's calibration sample decided so far")
    sample_size: int = Field(..., description="pairs in the latest run's calibration sample (those you may see)")
    sample_decided_in_order: int = Field(..., description="decisions the estimate reads: the sample's decided "
                                                          "start, before the first open pair in its order")


def _items_out(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Review items naming their records by public id (the queue stores primary keys); an item whose record
    was deleted since the queue was counted is left out, as on the page."""
    named = public_ids_of(record for item in items for record in item["records"])
    return [{**item, "records": [named[record] for record in item["records"]]} for item in items
            if all(record in named for record in item["records"])]


@review_router.get("", response={200: list[ReviewItemOut], **ERROR_RESPONSES},
                   summary="Open review items of the latest run")
@paginate(Pages)
def review_queue(request: HttpRequest, sample: Annotated[bool, Query(
        False, description="only the calibration sample's open pairs (chosen at random; decide them as any)")] = False
                 ) -> LazyPage:
    user = require(request, REVIEW_FACTS)
    run = LinkageRun.objects.first()
    return LazyPage(open_items(run, user, decisions_now(), sample_only=sample)[0] if run is not None else [],
                    _items_out)


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
    progress = sample_progress(LinkageRun.objects.first(), user)
    return {"left": named[stored.left_id], "right": named[stored.right_id], "decision": stored.decision,
            "decided_by": stored.decided_by, "sampled": stored.sampled, "sample_decided": progress.decided,
            "sample_size": progress.size, "sample_decided_in_order": progress.read}


class CandidateOut(Schema):
    record: str = Field(..., description="a record of someone else the model scored against it")
    probability: float


class LeftAloneOut(Schema):
    record: str = Field(..., description="a record the linkage left alone, one of the left-alone sample")
    candidates: list[CandidateOut]


class LeftAloneIn(Schema):
    record: str = Field(..., pattern=f"^{PUBLIC_ID_PATTERN}$", description="the record left alone")
    answer: Literal[tuple(LeftAloneAnswer.Answer.values)]  # type: ignore[valid-type]
    partner: str | None = Field(None, pattern=f"^{PUBLIC_ID_PATTERN}$",
                                description='with "found": a record of that person; "same person" is decided too')


class LeftAloneAnswerOut(Schema):
    record: str
    answer: str
    had_scored_pair: bool = Field(..., description="the stratum the answer counts in")
    decided_by: str
    answered: int = Field(..., description="records of the left-alone sample answered so far")
    open: int = Field(..., description="records of the latest run's sample nobody has answered about")
    read: int = Field(..., description="answers the estimate reads (unsure ones are not)")
    few: bool = Field(..., description="fewer than 20 read: the shares lean mostly on the unreviewed ones")


@review_router.get("/left-alone", response={200: list[LeftAloneOut], **ERROR_RESPONSES},
                   summary="Open records of the left-alone sample: is each someone already found?")
@paginate(Pages)
def left_alone_queue(request: HttpRequest) -> LazyPage:
    user = require(request, REVIEW_FACTS)
    open_ids = open_records(latest_run())
    visible = set(visible_records(user).filter(pk__in=open_ids).values_list("pk", flat=True))

    def shown(records: list[int]) -> list[dict[str, Any]]:
        named = public_ids_of(records)
        return [{"record": named[record], "candidates": [{"record": partner.public_id, "probability": p}
                                                         for partner, p in candidates(record, user)]}
                for record in records if record in named]
    return LazyPage([record for record in open_ids if record in visible], shown)


@review_router.post("/left-alone", response={200: LeftAloneAnswerOut, 400: ErrorOut, **ERROR_RESPONSES},
                    summary="Answer whether a record left alone is someone already found")
def answer_left_alone_record(request: HttpRequest, body: LeftAloneIn) -> dict[str, Any]:
    user = require(request, REVIEW_FACTS)
    wanted = {body.record, body.partner} - {None}
    named = records_named(user, wanted)
    if len(named) != len(wanted):
        raise Http404("not found")
    try:
        stored = answer_left_alone(user, named[body.record], body.answer, named.get(body.partner or ""))
    except AnswerRefused as problem:
        raise HttpError(400, f"answer not stored: {problem}") from None
    except DecisionConflict as conflict:
        raise HttpError(400, f"answer not stored: {conflict}") from None
    if stored is None:
        raise HttpError(400, "answer not stored: a record cannot be someone found through itself")
    done = progress(latest_run(), user)
    return {"record": body.record, "answer": stored.answer, "had_scored_pair": stored.had_scored_pair,
            "decided_by": stored.decided_by, "answered": done.answered, "open": done.open, "read": done.read,
            "few": done.few}
