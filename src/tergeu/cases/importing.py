"""Import a complaint register (CSV, XLSX, …) through the registry's readers: every row, or nothing.

The file is read with the registry's importer (size limit, encoding and format detection), its columns
found by canonical name or a ``--map`` TOML file::

    [columns]
    kind = "Вид нарушения"
    date = "Дата"
    victim_name = "ФИО потерпевшего"
    [kinds]                      # optional: the register's words for the kinds
    "пытки" = "torture"

Every row is checked before anything is written; one problem anywhere and the report lists them all,
by row and column (never the value of an identity column), and nothing is stored. The access codes made
for the rows are returned to the caller (written to a 0600 file by the command), never logged.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from tergeu.cases.models import ComplaintImport
from tergeu.cases.service import ComplaintRefused, add_complaint, check_complaint, give_handlers
from tergeu.cases.vocab import COMPLAINT_KINDS, ComplaintKind
from tergeu.core.fields import DateError, parse_date
from tergeu.history.tracking import current_actor
from tergeu.registry.importing.columnmap import header_positions, read_map_file
from tergeu.registry.importing.limits import read_limited
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.rowparse import CellProblem
from tergeu.registry.importing.table import ImportProblem
from tergeu.toolkit.files import refuse_unwritable, write_new_file
from tergeu.witnesses.service import ProtectionRefused, check_identity

PLAIN = ("reference", "kind", "date", "until", "received_on", "place", "facility", "facility_kind", "description",
         "injuries", "perpetrators", "deceased")
IDENTITY = {"victim_name": ("victim", "name"), "victim_contact": ("victim", "contact"),
            "victim_date_of_birth": ("victim", "date_of_birth"), "complainant_name": ("complainant", "name"),
            "complainant_contact": ("complainant", "contact"), "complainant_relatives": ("complainant", "relatives")}
COLUMNS = PLAIN + tuple(IDENTITY)
DATES = ("date", "until", "received_on")
MAX_LISTED = 1000


@dataclass
class ComplaintImportReport:
    path: str
    sha256: str = ""
    rows: int = 0
    written: int = 0
    errors: list[CellProblem] = field(default_factory=list)
    already_imported: bool = False
    dry_run: bool = False
    codes: list[tuple[str, str]] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "sha256": self.sha256, "ok": self.ok, "dry_run": self.dry_run,
                "already_imported": self.already_imported, "rows": self.rows, "written": self.written,
                "error_count": len(self.errors), "errors": [asdict(problem) for problem in self.errors[:MAX_LISTED]]}


def _load_map(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    document = read_map_file(path)
    columns, kinds = document.get("columns"), document.get("kinds", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise ImportProblem(path, 'the map needs a [columns] table: canonical column = "file header"')
    if unknown := sorted(set(columns) - set(COLUMNS)):
        raise ImportProblem(path, f"unknown column(s) {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
    if not isinstance(kinds, dict) or any(value not in COMPLAINT_KINDS for value in kinds.values()):
        raise ImportProblem(path, f"[kinds] maps the register's words to one of {', '.join(COMPLAINT_KINDS)}")
    return dict(columns), {str(word).strip().lower(): value for word, value in kinds.items()}


def _kind(text: str, kinds: dict[str, str]) -> str:
    folded = text.strip().lower()
    labels = {str(label).lower(): value for value, label in ComplaintKind.choices}
    return kinds.get(folded) or (folded if folded in COMPLAINT_KINDS else labels.get(folded, text))


def _column_of(message: str, positions: dict[str, int], headers: list[str]) -> str:
    """The header a refusal is about: the field it starts with, or the victim's column for "nobody"."""
    named = next((name for name in positions if message.startswith(name)), None)
    if named is None and "victim" in message:
        named = next((name for name in ("victim_name", "complainant_name") if name in positions), None)
    return headers[positions[named]] if named else ""


def _row(number: int, cells: list[str | None], positions: dict[str, int], headers: list[str],
         kinds: dict[str, str]) -> tuple[dict[str, Any], list[CellProblem]]:
    data: dict[str, Any] = {}
    problems = []
    for name, index in positions.items():
        text = (cells[index] or "").strip() if index < len(cells) else ""
        if not text:
            continue
        if name in IDENTITY:
            person, part = IDENTITY[name]
            data.setdefault(person, {})[part] = text
        elif name in DATES:
            try:
                data[name] = parse_date(text)
            except DateError as problem:
                problems.append(CellProblem(number, headers[index], text[:100], f"not a date: {problem}"))
        else:
            data[name] = _kind(text, kinds) if name == "kind" else text
    try:
        check_complaint(data)
    except ComplaintRefused as refused:  # the message names the field; the value is not repeated
        problems.append(CellProblem(number, _column_of(str(refused), positions, headers), "", str(refused)))
    for person in ("victim", "complainant"):  # found here, by row and column, not while writing (review L3)
        if person in data:
            try:
                check_identity(data[person])
            except ProtectionRefused as refused:
                name = f"{person}_name"
                problems.append(CellProblem(number, headers[positions[name]] if name in positions else name, "",
                                            f"{person}: {refused}"))
    return data, problems


def import_complaints(path: Path, *, map_path: Path | None = None, dry_run: bool = False,
                      codes_path: Path | None = None, handlers: list[Any] | None = None) -> ComplaintImportReport:
    """Import ``path``; ``ImportProblem`` for a fault of the whole file, else the report (codes included).

    ``handlers`` are granted every complaint and its people. The codes file is checked before anything is
    read, and written inside the transaction: if it cannot be written nothing is imported, so no code is
    ever lost (review M1). ``UnwritablePath`` (an ``OSError``) names it."""
    path = Path(path)
    if not handlers and not dry_run:  # a complaint nobody handles takes messages nobody reads (review M2)
        raise ImportProblem(path, "name at least one handler: the imported complaints' messages go to them")
    if codes_path is not None and not dry_run:
        refuse_unwritable(codes_path)
    columns, kinds = _load_map(map_path) if map_path else ({}, {})
    data = read_limited(path)
    report = ComplaintImportReport(str(path), hashlib.sha256(data).hexdigest(), dry_run=dry_run)
    if ComplaintImport.objects.filter(sha256=report.sha256).exists():
        report.already_imported = True
        return report
    table = open_table(path, data)
    if not columns:
        folded = {header.strip().lower(): header for header in table.headers}
        columns = {name: folded[name] for name in COLUMNS if name in folded}
    positions = header_positions(columns, table.headers, path)
    if "kind" not in positions:
        raise ImportProblem(path, f"no kind column; canonical columns are {', '.join(COLUMNS)}; write a --map file")
    rows = []
    for row in table.rows:
        report.rows += 1
        values, problems = _row(row.number, row.cells, positions, table.headers, kinds)
        report.errors.extend(problems)
        rows.append(values)
    if report.errors:
        return report
    _write(path, rows, report, codes_path, handlers or [])
    return report


def _write(path: Path, rows: list[dict[str, Any]], report: ComplaintImportReport, codes_path: Path | None,
           handlers: list[Any]) -> None:
    """Every row, the import's record and the codes file in one transaction (the file unlinked if the
    commit fails after it was written)."""
    actor = current_actor()[0]
    written = False
    try:
        with transaction.atomic():
            for values in rows:
                complaint, code = add_complaint(values, by=actor)
                give_handlers(complaint, handlers, by=actor)
                report.codes.append((complaint.public_id, code))
                report.written += 1
            ComplaintImport.objects.create(file_name=path.name, sha256=report.sha256, rows=report.rows,
                                           imported_by=actor)
            if report.dry_run:
                transaction.set_rollback(True)
            elif codes_path is not None:
                write_new_file(codes_path, _codes_csv(report.codes))
                written = True
    except BaseException:
        if written and codes_path is not None:
            Path(codes_path).unlink(missing_ok=True)
        report.codes.clear()
        report.written = 0
        raise


def _codes_csv(codes: list[tuple[str, str]]) -> str:
    """The codes for the letters, as CSV (written to a new 0600 file)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["complaint", "access_code"])
    writer.writerows(codes)
    return out.getvalue()
