"""People: the persons linkage made of records, with the lists that name them (their capture history).

A person is shown with only the records and lists the caller may see, and named and doubted from those
alone; a person none of whose records the caller may see does not exist for them (404).
"""

from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect
from ninja import Path, Router, Schema
from ninja.pagination import paginate

from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.api.common import ERROR_RESPONSES, MAX_ID, Pages, require
from tergeu.linkage.access import successor_seen_by, visible_people
from tergeu.linkage.models import Person
from tergeu.linkage.people import person_as_seen
from tergeu.registry.access import visible_records

router = Router(tags=["people"])


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


@router.get("", response={200: list[PersonOut], **ERROR_RESPONSES}, summary="List people")
@paginate(Pages)
def list_people(request: HttpRequest) -> list[dict[str, Any]]:
    user = require(request, VIEW_REGISTRY)
    return _PeoplePage(visible_people(user).order_by("pk"), user)


@router.get("/{person_id}", response={200: PersonOut, 301: None, **ERROR_RESPONSES}, summary="One person",
            description="A person a relink merged into another answers 301, pointing at that person.")
def get_person(request: HttpRequest, person_id: Annotated[int, Path(..., ge=1, le=MAX_ID)]) -> Any:
    user = require(request, VIEW_REGISTRY)
    person = visible_people(user).filter(pk=person_id).first()
    if person is None:
        successor = successor_seen_by(user, person_id)
        if successor is None:
            raise Http404("not found")
        return HttpResponsePermanentRedirect(f"{request.path.rsplit('/', 1)[0]}/{successor}")
    return _person_out(person, user)


class _PeoplePage:
    """A lazy sequence: people are turned into their visible view only for the page served."""

    def __init__(self, people: QuerySet[Person], user: Any) -> None:
        self.people, self.user = people, user

    def __len__(self) -> int:
        return self.people.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [_person_out(person, self.user) for person in self.people[index]]
