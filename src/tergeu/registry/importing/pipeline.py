"""Import one list file: read, map, parse, write, all in one transaction, or nothing at all.

The same code serves ``--dry-run``: the rows are parsed and written exactly as in a real import, then
the transaction is rolled back, so a dry run can never disagree with the real thing.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson
from django.db import transaction

from tergeu.history.tracking import current_actor, write_entry
from tergeu.provenance.models import Source
from tergeu.provenance.vocab import Status, default_confidence
from tergeu.registry.importing.columnmap import ColumnMap, settle_map
from tergeu.registry.importing.limits import read_limited
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.rowparse import CellProblem, RowParser
from tergeu.registry.importing.table import ImportProblem, Table
from tergeu.registry.importing.writer import BulkWriter
from tergeu.registry.models import ImportedList

MAX_LISTED_PROBLEMS = 1000
PREVIEW_ROWS = 20


@dataclass
class ImportOptions:
    list_name: str
    source_name: str | None = None
    source_kind: str = "other"
    publisher: str = ""
    published_on: datetime.date | None = None
    reliability: str = ""
    column_map: ColumnMap | None = None
    file_format: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    status: str = Status.PENDING
    confidence: str | None = None
    synthetic: bool = False
    dry_run: bool = False
    one_per_person: bool = False  # the list names each person at most once (linkage never joins two of its rows)


@dataclass
class ImportReport:
    path: str
    list_name: str
    sha256: str = ""
    file_format: str = ""
    encoding: str = ""
    column_map: ColumnMap | None = None
    rows: int = 0
    facts: int = 0
    errors: list[CellProblem] = field(default_factory=list)
    error_count: int = 0
    warnings: list[CellProblem] = field(default_factory=list)
    warning_count: int = 0
    preview: list[dict] = field(default_factory=list)
    already_imported_as: str | None = None
    imported_list_id: int | None = None
    imported_list_public_id: str | None = None  # what pages and the API call the list
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def as_json(self) -> dict:
        """The report as ``tergeu import --json`` prints it and the API returns it."""
        return {
            "file": self.path, "list": self.list_name, "sha256": self.sha256, "ok": self.ok,
            "dry_run": self.dry_run, "already_imported_as": self.already_imported_as,
            "format": self.file_format, "encoding": self.encoding,
            "column_map": self.column_map.as_json() if self.column_map else None,
            "rows": self.rows, "facts": self.facts, "error_count": self.error_count,
            "warning_count": self.warning_count, "errors": [asdict(e) for e in self.errors],
            "warnings": [asdict(w) for w in self.warnings], "preview": self.preview,
        }

    def add_problems(self, kind: str, problems: list[CellProblem]) -> None:
        listed = self.errors if kind == "error" else self.warnings
        room = MAX_LISTED_PROBLEMS - len(listed)
        listed.extend(problems[:max(room, 0)])
        if kind == "error":
            self.error_count += len(problems)
        else:
            self.warning_count += len(problems)

    def summary(self) -> dict:
        return {"rows": self.rows, "facts": self.facts, "errors": self.error_count,
                "warnings": self.warning_count, "encoding": self.encoding, "format": self.file_format,
                "warning_examples": [vars(w) for w in self.warnings[:50]]}


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run or a failed import."""


def _source_for(options: ImportOptions) -> Source:
    name = options.source_name or options.list_name
    source = Source.objects.filter(name=name).first()
    if source is not None:
        return source
    return Source.objects.create(
        name=name, kind=options.source_kind, publisher=options.publisher, published_on=options.published_on,
        reliability=options.reliability, is_synthetic=options.synthetic,
    )


def _already_imported(report: ImportReport, path: Path, options: ImportOptions) -> bool:
    existing = ImportedList.objects.filter(sha256=report.sha256).first()
    if existing is not None:
        report.already_imported_as = existing.name
        return True
    if ImportedList.objects.filter(name=options.list_name).exists():
        raise ImportProblem(path, f"a different file was already imported as list {options.list_name!r}; "
                                  "choose another --list name")
    return False


def import_file(path: Path, options: ImportOptions,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import ``path``; raise ``ImportProblem`` for a file-level fault, else return the report."""
    path = Path(path)
    data = read_limited(path)
    report = ImportReport(str(path), options.list_name, hashlib.sha256(data).hexdigest(), dry_run=options.dry_run)
    if _already_imported(report, path, options):
        return report
    table = open_table(path, data, file_format=options.file_format, encoding=options.encoding,
                       sheet=options.sheet)
    report.file_format, report.encoding = table.file_format, table.encoding
    column_map, positions = settle_map(options.column_map, table.headers, path)
    report.column_map = column_map
    try:
        with transaction.atomic():
            _write(table, column_map, positions, options, report, progress)
            if options.dry_run or not report.ok:
                raise _Rollback
    except _Rollback:
        report.imported_list_id = report.imported_list_public_id = None
    return report


def _write(table: Table, column_map: ColumnMap, positions: dict[str, int], options: ImportOptions,
           report: ImportReport, progress: Callable[[int], None] | None) -> None:
    source = _source_for(options)
    imported = ImportedList.objects.create(
        name=options.list_name, source=source, file_name=table.path.name, file_format=table.file_format,
        encoding=table.encoding, sha256=report.sha256, column_map=column_map.as_json(),
        imported_by=current_actor()[0], report={"headers": table.headers, **table.details},
        default_confidence=options.confidence or default_confidence(source.reliability),
        default_status=options.status, one_per_person=options.one_per_person,
    )
    parser = RowParser(table.headers, positions, column_map.date_order, column_map.values)
    writer = BulkWriter()
    for row in table.rows:
        parsed = parser.parse(row.number, row.cells)
        report.rows += 1
        if parsed.warnings:
            report.add_problems("warning", parsed.warnings)
        if parsed.errors:
            report.add_problems("error", parsed.errors)
        elif not report.error_count:  # once an error is found, only keep looking for more
            writer.add(imported.pk, row.number, _json(row.cells), parsed.facts, _json(parsed.parsed))
            report.facts += len(parsed.facts)
            if len(report.preview) < PREVIEW_ROWS:
                report.preview.append({"row": row.number, **parsed.facts})
        if progress is not None and report.rows % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(report.rows % 1000)
    if report.error_count:
        return
    writer.finish()
    imported.row_count = report.rows
    imported.report = {**imported.report, **report.summary()}
    imported.save(update_fields=["row_count", "report"])
    report.imported_list_id, report.imported_list_public_id = imported.pk, imported.public_id
    write_entry(imported, "import", None,
                {"list": imported.name, "file": imported.file_name, "sha256": imported.sha256,
                 "rows": report.rows, "facts": report.facts, "source": source.name})


def _json(value: object) -> str:
    """UTF-8 JSON text; orjson because encoding three objects per row was a tenth of import time."""
    return orjson.dumps(value).decode("utf-8")
