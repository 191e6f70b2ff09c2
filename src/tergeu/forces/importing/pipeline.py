"""Import one forces file: read, check every row, then write all of it in one transaction, or nothing.

Every row is read and checked (its cells, the ids it refers to, ids repeated) before anything is
written; one problem anywhere, and the report lists every problem found, by file, row and column, and
nothing is stored. ``--dry-run`` writes in the same transaction and rolls it back, so a dry run can
never disagree with the real import. A file already imported (same SHA-256) is reported, not imported
again.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from tergeu.forces.importing.cells import read_row
from tergeu.forces.importing.columns import COLUMNS, KINDS, layout, load_map
from tergeu.forces.importing.references import Batch, References
from tergeu.forces.importing.writers import WRITERS
from tergeu.forces.models import ForcesImport
from tergeu.forces.resolution import reresolve
from tergeu.history.tracking import current_actor
from tergeu.registry.importing.limits import read_limited
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.rowparse import CellProblem
from tergeu.registry.importing.table import ImportProblem

MAX_LISTED_PROBLEMS = 1000
FTM = "ftm"  # FollowTheMoney JSON lines: units, persons, relations, postings, incidents in one file
AGAIN = {"units": "unit", "persons": "person"}  # an import of these resolves waiting mentions again


@dataclass
class ForcesImportOptions:
    kind: str
    map_path: Path | None = None
    source_name: str | None = None  # for rows without a source cell; default: the file's name
    synthetic: bool = False
    dry_run: bool = False


@dataclass
class ForcesImportReport:
    path: str
    kind: str
    sha256: str = ""
    read_as: str = ""
    rows: int = 0
    written: int = 0
    errors: list[CellProblem] = field(default_factory=list)
    error_count: int = 0
    resolutions: dict[str, int] = field(default_factory=dict)
    already_imported: bool = False
    dry_run: bool = False
    skipped: dict[str, int] = field(default_factory=dict)  # ftm: schema -> entities that are no forces row

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "kind": self.kind, "sha256": self.sha256, "ok": self.ok, "dry_run": self.dry_run,
                "already_imported": self.already_imported, "read_as": self.read_as, "rows": self.rows,
                "written": self.written, "error_count": self.error_count, "resolutions": self.resolutions,
                "skipped": self.skipped, "errors": [asdict(problem) for problem in self.errors]}

    def add(self, problems: list[CellProblem]) -> None:
        room = MAX_LISTED_PROBLEMS - len(self.errors)
        self.errors.extend(problems[:max(room, 0)])
        self.error_count += len(problems)


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run."""


def import_forces_file(path: Path, options: ForcesImportOptions) -> ForcesImportReport:
    """Import ``path`` as ``options.kind``; ``ImportProblem`` for a file-level fault, else the report.

    ``ftm`` (FollowTheMoney JSON lines, every kind in one file) is read by ``importing.ftm`` and stored
    here, in one transaction, as the tables are."""
    if options.kind not in (*KINDS, FTM):
        raise ImportProblem(path, f"unknown kind {options.kind!r}; use one of {', '.join((*KINDS, FTM))}")
    path = Path(path)
    if options.kind == FTM and options.map_path:
        raise ImportProblem(path, "a FollowTheMoney file names its properties itself: no --map")
    column_map = load_map(options.map_path, options.kind) if options.map_path else None
    data = read_limited(path)
    report = ForcesImportReport(str(path), options.kind, hashlib.sha256(data).hexdigest(), dry_run=options.dry_run)
    if ForcesImport.objects.filter(sha256=report.sha256).exists():
        report.already_imported = True
        return report
    if options.kind == FTM:
        from tergeu.forces.importing.ftm import read_ftm  # loads followthemoney: only when asked

        read = read_ftm(path, data)
        report.read_as, report.rows, batches, report.skipped = "ftm", read.rows, read.batches, read.skipped
        report.add(read.problems)
    else:
        batches = [_read_table(path, data, options.kind, column_map, report)]
    if report.error_count:
        return report
    try:
        with transaction.atomic():
            _write(path, options, report, batches)
            if options.dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return report


def _read_table(path: Path, data: bytes, kind: str, column_map: dict[str, str] | None,
                report: ForcesImportReport) -> Batch:
    """The checked rows of a table of one kind (the problems go to ``report``)."""
    table = open_table(path, data)
    settled = layout(path, kind, table.headers, column_map)
    report.read_as = settled.read_as
    required = COLUMNS[kind][0]
    references = References.load(kind)
    rows = []
    for row in table.rows:
        report.rows += 1
        values, problems = read_row(kind, row.number, row.cells, settled.positions, table.headers, required)
        problems += references.check(kind, row.number, values, settled)
        report.add(problems)
        if not report.error_count:
            rows.append((row.number, values))
    return Batch(kind, rows, references)


def _write(path: Path, options: ForcesImportOptions, report: ForcesImportReport, batches: list[Batch]) -> None:
    for batch in batches:  # in order: a kind's writer reads what the kinds before it wrote
        writer = WRITERS[batch.kind](path.name, options.source_name or path.name, options.synthetic,
                                     batch.references)
        for number, values in batch.rows:
            writer.write(number, values)
            report.written += 1
        for verdict, count in writer.resolutions.items():
            report.resolutions[verdict] = report.resolutions.get(verdict, 0) + count
    for kind in sorted({batch.kind for batch in batches} & AGAIN.keys()):  # names waiting for these may be found now
        for verdict, count in reresolve(AGAIN[kind]).items():
            report.resolutions[f"again {verdict}"] = report.resolutions.get(f"again {verdict}", 0) + count
    ForcesImport.objects.create(kind=options.kind, file_name=path.name, sha256=report.sha256, rows=report.rows,
                                imported_by=current_actor()[0])
