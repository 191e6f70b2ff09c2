"""The registry's API: imported lists (which file, read how, from which source, shared or not) and
records (list rows with the facts they state: filtered, name-searched, sorted; one with provenance).

Death dates are ISO text of the precision the list gave ("2022-01-05", "2022-01" or "2022"), so a date
range keeps every record whose date *may* fall inside it: "2022-01" matches ``date_from=2022-01-20``.
"""

from itertools import zip_longest
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from tergeu.accounts.access import can, require, visible_to
from tergeu.accounts.roles import VIEW_HISTORY, VIEW_REGISTRY
from tergeu.history.models import ChangeEntry
from tergeu.provenance.api import source_ref
from tergeu.provenance.models import Citation
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.facts import facts_of, history_of_record
from tergeu.registry.models import ImportedList, Record
from tergeu.registry.query import RegistryQuery, run_query
from tergeu.registry.schemas import IsoDate, ListOut, RecordDetailOut, RecordOut, SortKey
from tergeu.toolkit.api import ERROR_RESPONSES, PUBLIC_ID_TEXT, Pages
from tergeu.toolkit.public_ids import PUBLIC_ID_PATTERN, get_by_public_id

list_router = Router(tags=["lists"])


@list_router.get("", response={200: list[ListOut], **ERROR_RESPONSES}, summary="List imported lists")
@paginate(Pages)
def list_lists(
    request: HttpRequest,
    source: Annotated[str | None, Query(None, pattern=f"^{PUBLIC_ID_PATTERN}$",
                                        description="only lists of this source (its id)")] = None,
) -> QuerySet[ImportedList]:
    lists = visible_lists(require(request, VIEW_REGISTRY))
    if source is not None:
        lists = lists.filter(source__public_id=source)
    return lists.order_by("imported_at", "pk")


@list_router.get("/{list_id}", response={200: ListOut, **ERROR_RESPONSES}, summary="One imported list")
def get_list(request: HttpRequest, list_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]) -> ImportedList:
    return get_by_public_id(visible_lists(require(request, VIEW_REGISTRY)), list_id)


record_router = Router(tags=["records"])

NO_NUL = r"^[^\x00]*$"  # PostgreSQL cannot compare text with NUL characters

@record_router.get("", response={200: list[RecordOut], **ERROR_RESPONSES}, summary="List and search records")
@paginate(Pages)
def list_records(
    request: HttpRequest,
    list_id: Annotated[str | None, Query(None, alias="list", pattern=f"^{PUBLIC_ID_PATTERN}$",
                                         description="only records of this list (its id)")] = None,
    q: Annotated[str | None, Query(None, max_length=200, pattern=NO_NUL,
                                   description="name search in any script or spelling, ranked best first")] = None,
    place: Annotated[str | None, Query(None, max_length=200, pattern=NO_NUL,
                                       description="place of death: a gazetteer key ('almaty': every spelling of the "
                                                   "place), or '~' and the place as a list writes it")] = None,
    date_from: Annotated[IsoDate | None, Query(None, description="death on or after (ISO date)")] = None,
    date_to: Annotated[IsoDate | None, Query(None, description="death on or before (ISO date)")] = None,
    sort: Annotated[SortKey | None, Query(None, description="default: by list and row, or by rank with q")] = None,
) -> QuerySet[Record] | list[Record]:
    query = RegistryQuery(
        q=(q or "").strip(), place=(place or "").strip(), list=list_id, sort=sort or ("" if q else "list"),
        date_from=date_from.isoformat() if date_from else "", date_to=date_to.isoformat() if date_to else "",
    )
    return run_query(visible_records(require(request, VIEW_REGISTRY)), query)


def _entry(e: ChangeEntry) -> dict[str, Any]:
    return {"id": e.pk, "object_type": "claim", "object_id": e.object_id, "object": e.object_repr,
            "action": e.action, "actor": e.actor, "at": e.at, "before": e.before, "after": e.after,
            "reason": e.reason}


def _citation(citation: Citation, with_author: bool) -> dict[str, Any]:
    """A citation; its author's name only for those who may read the history (it names the staff)."""
    return {"source": source_ref(citation.source), "locator": citation.locator, "confidence": citation.confidence,
            "status": citation.status, "note": citation.note, "evidence_sha256": citation.evidence_sha256,
            "valid_from": citation.valid_from, "valid_to": citation.valid_to,
            "cited_by": citation.cited_by if with_author else None, "cited_at": citation.cited_at}


def _raw_cells(record: Record) -> list[dict[str, Any]]:
    headers = record.imported_list.report.get("headers", [])
    return [{"column": header if header is not None else f"column {index}",
             "value": value if value is None else str(value)}
            for index, (header, value) in enumerate(zip_longest(headers, record.raw), 1)]


@record_router.get("/{record_id}", response={200: RecordDetailOut, **ERROR_RESPONSES}, summary="One record")
def get_record(request: HttpRequest,
               record_id: Annotated[str, Path(..., description=PUBLIC_ID_TEXT)]) -> dict[str, Any]:
    user = require(request, VIEW_REGISTRY)
    record = get_by_public_id(visible_records(user), record_id)
    imported = record.imported_list
    facts = [{"field": f.field, "value": f.value, "source": source_ref(f.source), "confidence": f.confidence,
              "status": f.status, "note": f.note, "assessed": f.assessed,
              "citations": [_citation(c, can(user, VIEW_HISTORY)) for c in f.citations]}
             for f in facts_of(record, visible_to(user, Citation))]
    return {
        "id": record.public_id, "list": {"id": imported.public_id, "name": imported.name},
        "source": source_ref(imported.source),
        "row_number": record.row_number, "display_name": record.display_name, "place": record.place,
        "death_date": record.death_date, "facts": facts, "raw": _raw_cells(record),
        "derived": record.parsed.get("derived", {}), "warnings": record.parsed.get("warnings", []),
        "history": [_entry(e) for e in history_of_record(record)] if can(user, VIEW_HISTORY) else None,
    }
