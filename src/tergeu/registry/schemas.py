"""The JSON shapes the registry's API reads and writes.

Output schemas resolve from model instances with ``resolve_*`` methods rather than from dicts built by
the views: the paginator slices the queryset first, so only one page of rows is ever turned into JSON.

No ``from __future__ import annotations`` here: several schemas have a field named ``list`` (the JSON
key clients expect), and eager annotations keep ``list[...]`` meaning the builtin in those classes.
"""

import datetime
import re
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import BeforeValidator

from tergeu.provenance.api import SourceRef
from tergeu.provenance.vocab import RELIABILITY_GRADES, SOURCE_KINDS
from tergeu.registry.models import ImportedList, Record

SortKey = Literal["name", "-name", "date", "-date", "place", "list"]
SourceKindName = Literal[SOURCE_KINDS]  # type: ignore[valid-type]  # the vocabulary, not a copy of it
ReliabilityGrade = Literal[("", *RELIABILITY_GRADES)]  # type: ignore[valid-type]  # "" = not given
# "" = not given: form fields cannot be null (tergeu.registry.importing.columnmap.NAME_ORDERS, DATE_ORDERS)
NameOrder = Literal["", "family_first", "given_first"]
DateOrder = Literal["", "dmy", "mdy"]


def _iso_date_only(value: Any) -> Any:
    """Pydantic also reads numbers as Unix times ("0" is 1970-01-01); a date filter takes ISO text only (in a JSON
    body too, where a number would arrive as a number)."""
    if not isinstance(value, str | datetime.date) or isinstance(value, str) and not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return value


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]


class ListRef(Schema):
    id: str
    name: str


class CellProblemOut(Schema):
    row: int
    column: str
    value: str
    message: str


class ListReportOut(Schema):
    """What the import found, as stored with the list (a list is only stored when no cell failed)."""

    headers: list[str]
    rows: int
    facts: int
    warnings: int
    warning_examples: list[CellProblemOut]


class ListOut(Schema):
    id: str
    name: str
    source: SourceRef
    file_name: str
    sha256: str
    format: str
    encoding: str
    row_count: int
    imported_by: str
    imported_at: datetime.datetime
    column_map: dict[str, Any]
    default_confidence: str
    default_status: str
    shared_with_mission: bool
    report: ListReportOut

    @staticmethod
    def resolve_id(obj: ImportedList) -> str:
        return obj.public_id  # never the pk: its gaps would count the lists hidden from the caller

    @staticmethod
    def resolve_source(obj: ImportedList) -> dict[str, Any]:
        return {"id": obj.source.public_id, "name": obj.source.name}

    @staticmethod
    def resolve_format(obj: ImportedList) -> str:
        return obj.file_format

    @staticmethod
    def resolve_report(obj: ImportedList) -> dict[str, Any]:
        report = obj.report or {}
        return {"headers": report.get("headers", []), "rows": report.get("rows", obj.row_count),
                "facts": report.get("facts", 0), "warnings": report.get("warnings", 0),
                "warning_examples": report.get("warning_examples", [])}


class RecordFields(Schema):
    """What every view of a record shows; the list and detail views add their own ``facts`` shape."""

    id: str
    list: ListRef
    source: SourceRef
    row_number: int
    display_name: str
    place: str
    death_date: str


class RecordOut(RecordFields):
    facts: dict[str, str]

    @staticmethod
    def resolve_id(obj: Record) -> str:
        return obj.public_id  # never the pk: its gaps would count the records hidden from the caller

    @staticmethod
    def resolve_list(obj: Record) -> dict[str, Any]:
        return {"id": obj.imported_list.public_id, "name": obj.imported_list.name}

    @staticmethod
    def resolve_source(obj: Record) -> dict[str, Any]:
        source = obj.imported_list.source
        return {"id": source.public_id, "name": source.name}


class CitationOut(Schema):
    """A further source for a fact: where in it, how far trusted, for which period, which evidence item."""

    source: SourceRef
    locator: str
    confidence: str
    status: str
    note: str
    evidence_sha256: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    cited_by: str | None  # null for roles that may not read the history
    cited_at: datetime.datetime


class FactOut(Schema):
    field: str
    value: str
    source: SourceRef
    confidence: str
    status: str
    note: str
    assessed: bool
    citations: list[CitationOut] = []


class RawCellOut(Schema):
    """One cell of the row as the file had it; a list of pairs because headers may repeat."""

    column: str
    value: str | None


class ChangeOut(Schema):
    id: int
    object_type: str
    object_id: str
    object: str
    action: str
    actor: str
    at: datetime.datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str


class RecordDetailOut(RecordFields):
    """A record with each fact's provenance, the row as read, and (for VIEW_HISTORY) its claims' history.

    ``history`` is null, not empty, when the user may not see history, so a client can tell the two apart.
    """

    facts: list[FactOut]
    raw: list[RawCellOut]
    derived: dict[str, Any]
    warnings: list[str]
    history: list[ChangeOut] | None


class ImportReportOut(Schema):
    """``ImportReport.as_json`` plus the new list's id, with the uploaded file's own name."""

    file: str
    list: str
    sha256: str
    ok: bool
    dry_run: bool
    already_imported_as: str | None
    imported_list_id: str | None  # the list's public id
    format: str
    encoding: str
    column_map: dict[str, Any] | None
    rows: int
    facts: int
    error_count: int
    warning_count: int
    errors: list[CellProblemOut]
    warnings: list[CellProblemOut]
    preview: list[dict[str, Any]]
