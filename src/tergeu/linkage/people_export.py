"""Export the people index: one row per person, with the best-supported facts and the records behind them.

The columns are a contract (docs/export-formats.md, ``tergeu export people``): ``person`` (the
person's public id, as ``tergeu export links`` gives it), ``display_name``, the preferred name per
script, then for each person fact its best-supported value and the records stating it
(``<field>_records``: "list name #row" joined by "; "), then the place as the gazetteer knows it, the
lists (by public id and by name), counts and review flags. No primary key is written: in a viewer's
download their gaps would count the people and lists hidden from them (security finding 16). CSV and
XLSX cells are spreadsheet-safe (as ``tergeu export records``); JSON lines keep the values raw and the
records as objects.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any, TextIO

from openpyxl import Workbook

from tergeu.core.fields import field_names
from tergeu.core.places import place
from tergeu.linkage.people import NOT_PERSON_FACTS
from tergeu.linkage.people_index import PersonRow
from tergeu.registry.export import spreadsheet_safe
from tergeu.registry.places import UNKNOWN_PREFIX

FACT_FIELDS = tuple(name for name in field_names() if name not in NOT_PERSON_FACTS)
# The facts of the first version, in their places; a fact added to the catalogue later goes at the end.
FIRST_FACTS = ("date_of_birth", "age", "sex", "national_id", "date_of_death", "place_of_death", "region",
               "circumstances", "date_recorded")
NAME_COLUMNS = {"name_kk": "kk-cyrl", "name_ru": "ru-cyrl", "name_latin": "latn"}


def _fact_columns(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(column for name in names for column in (name, f"{name}_records"))


PEOPLE_COLUMNS = (
    "person", "display_name", *NAME_COLUMNS, *_fact_columns(FIRST_FACTS),
    "place_key", "place_name_kk", "place_name_ru", "place_name_en", "lists", "list_names", "sources", "records",
    "to_review", "review_reasons", *_fact_columns(name for name in FACT_FIELDS if name not in FIRST_FACTS),
)
FORMATS = ("csv", "json", "xlsx")


def _cited(records: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"list": r.imported_list.name, "row": r.row_number} for r in records]


def person_record(row: PersonRow, list_names: dict[str, str]) -> dict[str, Any]:
    """One person as a JSON object: values raw, each fact with the records behind it."""
    key = "" if row.place_value.startswith(UNKNOWN_PREFIX) else row.place_value
    found = place(key)
    return {
        "person": row.public_id, "display_name": row.display_name, "names": dict(row.names),
        "facts": {name: {"value": row.facts[name], "records": _cited(row.cited.get(name, []))}
                  for name in FACT_FIELDS if name in row.facts},
        "place": {"key": key, "names": dict(found.names) if found else {}},
        "lists": list(row.lists), "list_names": [list_names.get(list_id, "") for list_id in row.lists],
        "sources": row.sources,
        "records": row.records, "to_review": row.suspicious, "review_reasons": list(row.reasons),
    }


def person_cells(row: PersonRow, list_names: dict[str, str]) -> list[Any]:
    """One person as a table row in ``PEOPLE_COLUMNS`` order, every text cell spreadsheet-safe."""
    data = person_record(row, list_names)
    names = data["place"]["names"]
    cells: dict[str, Any] = {
        "person": row.public_id, "display_name": row.display_name,
        **{column: row.names.get(script, "") for column, script in NAME_COLUMNS.items()},
        "place_key": data["place"]["key"], "place_name_kk": names.get("kk", ""), "place_name_ru": names.get("ru", ""),
        "place_name_en": names.get("en", ""), "lists": "; ".join(row.lists),
        "list_names": "; ".join(data["list_names"]),
        "sources": row.sources, "records": row.records, "to_review": "yes" if row.suspicious else "no",
        "review_reasons": "; ".join(row.reasons),
    }
    for name, fact in data["facts"].items():
        cells[name] = fact["value"]
        cells[f"{name}_records"] = "; ".join(f"{c['list']} #{c['row']}" for c in fact["records"])
    return [spreadsheet_safe(cells.get(column, "")) for column in PEOPLE_COLUMNS]


def write_people(out: IO[Any], rows: list[PersonRow], list_names: dict[str, str], fmt: str) -> int:
    """Write ``rows`` to ``out`` (text for csv and json, binary for xlsx); returns how many people."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(PEOPLE_COLUMNS)
        writer.writerows(person_cells(row, list_names) for row in rows)
    elif fmt == "json":
        for row in rows:
            out.write(json.dumps(person_record(row, list_names), ensure_ascii=False) + "\n")
    elif fmt == "xlsx":
        out.write(xlsx_bytes(rows, list_names))
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return len(rows)


def xlsx_bytes(rows: list[PersonRow], list_names: dict[str, str]) -> bytes:
    """A workbook of one sheet, "people": the header, then one row per person."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("people")
    sheet.append(list(PEOPLE_COLUMNS))
    for row in rows:
        sheet.append(person_cells(row, list_names))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_text(rows: list[PersonRow], list_names: dict[str, str], fmt: str) -> str:
    """CSV or JSON lines as one string (for a download)."""
    out: TextIO = io.StringIO()
    write_people(out, rows, list_names, fmt)
    return out.getvalue()
