"""Export imported records, one line per record: list, row, and the facts parsed from it.

The column order is a contract other systems read (see docs/export-formats.md): ``list``, ``row``,
``synthetic``, then every canonical field in catalogue order. Values are as stored (ISO dates, M/F).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from django.contrib.contenttypes.models import ContentType

from tergeu.core.fields import field_names
from tergeu.provenance.models import Claim, ImportedList, Record

EXPORT_COLUMNS = ("list", "row", "synthetic", *field_names())


def iter_record_facts(list_names: list[str] | None = None) -> Iterator[dict]:
    """Yield one dict per record, lists in import order, rows in file order; streams, whatever the size.

    Records and their claims are read as two id-ordered streams and merged, so a record that states
    no fact at all still gets its line.
    """
    lists = ImportedList.objects.select_related("source").order_by("imported_at", "id")
    if list_names:
        lists = lists.filter(name__in=list_names)
    record_type = ContentType.objects.get_for_model(Record)
    for imported in lists.iterator():
        records = Record.objects.filter(imported_list=imported).order_by("id").values_list("id", "row_number")
        claims = iter(Claim.objects.filter(subject_type=record_type, record__imported_list=imported)
                      .order_by("record_id", "id").values_list("record_id", "field", "value")
                      .iterator(chunk_size=20000))
        pending = next(claims, None)
        for record_id, row_number in records.iterator(chunk_size=20000):
            line = {"list": imported.name, "row": row_number, "synthetic": imported.source.is_synthetic}
            while pending is not None and pending[0] == record_id:
                line[pending[1]] = pending[2]
                pending = next(claims, None)
            yield line


def write_csv(out: TextIO, rows: Iterator[dict]) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="raise", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({**row, "synthetic": "yes" if row["synthetic"] else "no"})
        count += 1
    return count


def write_json_lines(out: TextIO, rows: Iterator[dict]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
