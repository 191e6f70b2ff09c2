"""Export imported records, one line per record: list, row, and the facts parsed from it.

The column order is a contract other systems read (see docs/export-formats.md): ``list``, ``row``,
``synthetic``, then every canonical field in catalogue order. Values are as stored (ISO dates, M/F),
except that CSV text cells are made spreadsheet-safe (``spreadsheet_safe``); JSON lines stay raw.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import TextIO

from tergeu.core.fields import field_names
from tergeu.registry.models import ImportedList, Record

EXPORT_COLUMNS = ("list", "row", "synthetic", *field_names())

# A spreadsheet reads a cell starting with one of these as a formula (OWASP's CSV injection list, with the
# full-width forms some spreadsheets fold to ASCII), and a name in a hostile list could be =HYPERLINK(...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with an apostrophe in front (OWASP's advice).

    A plain number (``-3``, ``+7.5``) is no formula and stays as it is. A text that already starts with an
    apostrophe gets one more, so the rule is exactly reversible: drop one leading apostrophe if present.
    Leading spaces are looked through: an import that trims them would otherwise meet " =HYPERLINK(…)".
    """
    if not isinstance(value, str) or not value.lstrip(" ").startswith((*FORMULA_STARTS, "'")):
        return value
    return value if PLAIN_NUMBER.fullmatch(value) else "'" + value


def _safe_row(row: dict) -> dict:
    return {name: spreadsheet_safe(value) for name, value in row.items()}


def iter_record_facts(list_names: list[str] | None = None) -> Iterator[dict]:
    """Yield one dict per record, lists in import order, rows in file order; streams, whatever the size."""
    lists = ImportedList.objects.select_related("source").order_by("imported_at", "id")
    if list_names:
        lists = lists.filter(name__in=list_names)
    for imported in lists.iterator():
        records = Record.objects.filter(imported_list=imported).order_by("row_number").values_list(
            "row_number", "facts")
        for row_number, facts in records.iterator(chunk_size=20000):
            yield {"list": imported.name, "row": row_number, "synthetic": imported.source.is_synthetic, **facts}


def write_csv(out: TextIO, rows: Iterator[dict]) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="raise", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_safe_row({**row, "synthetic": "yes" if row["synthetic"] else "no"}))
        count += 1
    return count


def write_json_lines(out: TextIO, rows: Iterator[dict]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


LINK_COLUMNS = ("list", "row", "person")


def iter_links() -> Iterator[dict]:
    """One line per imported record: its list's name, its 1-based data row, its person's stable public id,
    as in ``/people/ID/`` (empty until ``tergeu link`` has run, or for a record imported since)."""
    records = (Record.objects.order_by("imported_list__imported_at", "imported_list_id", "row_number")
               .values_list("imported_list__name", "row_number", "membership__person__public_id"))
    for list_name, row_number, person_id in records.iterator(chunk_size=20000):
        yield {"list": list_name, "row": row_number, "person": person_id if person_id is not None else ""}


def write_links_csv(out: TextIO, rows: Iterator[dict]) -> int:
    writer = csv.DictWriter(out, fieldnames=LINK_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_safe_row(row))
        count += 1
    return count
