"""The report as a table: its columns (a contract, docs/export-formats.md), a person's cells, CSV and XLSX.

One row per person, in the people index's order. CSV names its columns by their stable keys, for
programs; the workbook heads them with labels in the report's language, for readers, and adds a sheet of
the cover's facts. The cells are the same in both and spreadsheet-safe (as every Tergeu export). The last
column, ``synthetic``, marks each person a synthetic (invented) source names, so that a CSV, which has no
cover and no watermark, cannot pass demo people off as real.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from tergeu.linkage.people_export import NAME_COLUMNS
from tergeu.linkage.people_index import SEX_LABELS, PersonRow
from tergeu.registry.export import spreadsheet_safe
from tergeu.reports.casualties import CasualtyReport
from tergeu.reports.cover import cover_facts

COLUMN_LABELS = {
    "person": _("Person id"), "display_name": _("Name"), "name_kk": _("Name in Kazakh"),
    "name_ru": _("Name in Russian"), "name_latin": _("Name in Latin script"), "age": _("Age"), "sex": _("Sex"),
    "date_of_death": _("Date of death"), "place_of_death": _("Place of death"), "circumstances": _("Circumstances"),
    "sources": _("Sources"), "lists": _("Lists naming the person"), "synthetic": _("Synthetic source"),
}
REPORT_COLUMNS = tuple(COLUMN_LABELS)


def person_values(report: CasualtyReport, row: PersonRow) -> dict[str, Any]:
    """The person's values by column, as the reader reads them (place and sex in the report's language)."""
    sex = row.facts.get("sex", "")
    return {
        "person": row.public_id, "display_name": row.display_name,
        **{column: row.names.get(script, "") for column, script in NAME_COLUMNS.items()},
        "age": row.age if row.age is not None else row.facts.get("age", ""),
        "sex": str(SEX_LABELS[sex]) if sex in SEX_LABELS else sex,
        "date_of_death": row.facts.get("date_of_death", ""), "place_of_death": row.place_label,
        "circumstances": row.facts.get("circumstances", ""), "sources": "; ".join(report.sources_of(row)),
        "lists": len(row.lists), "synthetic": "yes" if report.is_synthetic(row) else "no",
    }


def person_cells(report: CasualtyReport, row: PersonRow) -> list[Any]:
    """One person in ``REPORT_COLUMNS`` order, every text cell spreadsheet-safe."""
    values = person_values(report, row)
    return [spreadsheet_safe(values[column]) for column in REPORT_COLUMNS]


def _cells(report: CasualtyReport) -> Iterator[list[Any]]:
    with translation.override(report.language):
        for row in report.rows:
            yield person_cells(report, row)


def write_csv(out: IO[str], report: CasualtyReport) -> int:
    """The header of column keys, then one line per person; returns how many people."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(_cells(report))
    return len(report.rows)


def write_xlsx(out: IO[bytes], report: CasualtyReport) -> int:
    """Sheet "people": translated labels, then one row per person; sheet "cover": the cover's facts.

    The workbook is written in openpyxl's write-only mode, which keeps rows on disk, not in memory.
    """
    book = Workbook(write_only=True)
    people = book.create_sheet("people")
    with translation.override(report.language):
        people.append([str(COLUMN_LABELS[column]) for column in REPORT_COLUMNS])
    for cells in _cells(report):
        people.append(cells)
    cover = book.create_sheet("cover")
    bold = Font(bold=True)
    for label, value in cover_facts(report):
        cover.append([_bold_cell(cover, label, bold), spreadsheet_safe(value)])
    book.save(out)
    return len(report.rows)


def _bold_cell(sheet: Any, value: str, font: Font) -> Any:
    cell = WriteOnlyCell(sheet, value=spreadsheet_safe(value))
    cell.font = font
    return cell
