"""The canonical columns of each kind of forces file, Security Force Monitor's FMTRPT headers, and maps.

A file's headers are its canonical column names (``unit_id``, ``name``, …; case and surrounding
spaces do not matter), or a ``--map`` TOML file says which header holds which column::

    [columns]
    unit_id = "Номер"
    name = "Атауы"

A training file whose header holds ``training:id:admin`` is Security Force Monitor's published
FMTRPT TSV and is read through :data:`FMTRPT` without a map.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tergeu.registry.importing.columnmap import header_positions, read_map_file
from tergeu.registry.importing.table import ImportProblem

KINDS = ("units", "relations", "persons", "postings", "incidents", "trainings")

# kind -> (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "units": (("unit_id", "name"), ("aliases", "identifiers", "classification", "country", "founded",
                                     "dissolved", "source")),
    "relations": (("unit_id", "parent_unit_id"), ("first_cited", "last_cited", "first_is_start", "open_ended",
                                                   "classification", "source")),
    "persons": (("person_id", "name"), ("aliases", "date_of_birth", "source")),
    "postings": (("person_id", "unit_id", "role"), ("title", "rank", "first_cited", "last_cited",
                                                    "first_is_start", "open_ended", "source")),
    "incidents": (("incident_id",), ("start", "end", "place", "description", "violation_types",
                                     "perpetrator_units", "perpetrator_persons", "source")),
    "trainings": (("training_id",), ("recipient_unit", "course", "program", "start", "end", "location", "quantity",
                                     "cost", "delivery_unit", "country", "source", "locator")),
}

# Security Force Monitor's FMTRPT dataset (github.com/security-force-monitor/fmtrpt_data, README):
# header -> canonical column. The clean ISO dates are read, not the report's month-first originals.
FMTRPT = {
    "training:id:admin": "training_id",
    "training:recipient_unit": "recipient_unit",
    "training:course_title": "course",
    "training:program": "program",
    "qa:training_start_date_clean": "start",
    "qa:training_end_date_clean": "end",
    "training:location": "location",
    "training:quantity": "quantity",
    "training:total_cost": "cost",
    "training:delivery_unit": "delivery_unit",
    "training:country": "country",
    "training:source_title_with_volume_section:admin": "source",
    "training:page_number": "locator",
}


@dataclass(frozen=True)
class Layout:
    """Which header index holds each canonical column, and what the file was read as."""

    positions: dict[str, int]
    headers: list[str]
    read_as: str  # "canonical", "fmtrpt" or "map"


def load_map(path: Path, kind: str) -> dict[str, str]:
    """The ``[columns]`` table of a map file: canonical column -> the file's header."""
    columns = read_map_file(path).get("columns")
    if not isinstance(columns, dict) or not columns or not all(isinstance(v, str) for v in columns.values()):
        raise ImportProblem(path, 'the map needs a [columns] table: canonical column = "file header"')
    known = set(sum(COLUMNS[kind], ()))
    unknown = sorted(set(columns) - known)
    if unknown:
        raise ImportProblem(path, f"unknown column(s) for {kind}: {', '.join(unknown)}; known: "
                                  f"{', '.join(sorted(known))}")
    return dict(columns)


def layout(path: Path, kind: str, headers: list[str], column_map: dict[str, str] | None) -> Layout:
    """Settle where each column is, or say which required column is missing and what the headers are."""
    required, optional = COLUMNS[kind]
    if column_map is not None:
        wanted, read_as = dict(column_map), "map"
    elif kind == "trainings" and "training:id:admin" in headers:
        wanted, read_as = {name: header for header, name in FMTRPT.items() if header in headers}, "fmtrpt"
    else:
        folded = {h.strip().lower(): h for h in headers}
        wanted = {name: folded[name] for name in (*required, *optional) if name in folded}
        read_as = "canonical"
    positions = header_positions(wanted, headers, path)
    missing = [name for name in required if name not in positions]
    if missing:
        raise ImportProblem(path, f"no {', '.join(missing)} column for {kind} (canonical columns: "
                                  f"{', '.join((*required, *optional))}); headers are "
                                  f"{', '.join(repr(h) for h in headers)}; write a --map file")
    return Layout(positions, headers, read_as)
