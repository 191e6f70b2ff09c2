"""Helpers shared by database tests: small list files in any encoding, and table counts."""

from __future__ import annotations

import csv
import io


def csv_bytes(header: list[str], rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def database_counts() -> dict[str, int]:
    from tergeu.history.models import ChangeEntry
    from tergeu.provenance.models import Claim, Source
    from tergeu.registry.models import ImportedList, Record

    return {model.__name__: model.objects.count()
            for model in (Source, ImportedList, Record, Claim, ChangeEntry)}
