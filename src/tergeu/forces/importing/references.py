"""The ids a forces file refers to: the rows it names must exist, and the rows it adds must be new.

Loaded once per import (external id → key), and grown as the file's own rows are read, so a file
that names one id twice, or refers to a unit no file has brought, is refused row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tergeu.forces.importing.columns import Layout
from tergeu.forces.models import Incident, Official, Training, Unit
from tergeu.registry.importing.rowparse import CellProblem

_OWN_ID = {"units": "unit_id", "persons": "person_id", "incidents": "incident_id", "trainings": "training_id"}
_OWN_MODEL = {"units": Unit, "persons": Official, "incidents": Incident, "trainings": Training}
_REFERS = {"relations": (("unit_id", "units"), ("parent_unit_id", "units")),
           "postings": (("person_id", "persons"), ("unit_id", "units"))}


@dataclass
class References:
    units: dict[str, int] = field(default_factory=dict)
    persons: dict[str, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # ids of the kind being imported, stored or in this file

    @classmethod
    def load(cls, kind: str, shared: tuple[dict[str, int], dict[str, int]] | None = None) -> References:
        """The stored ids, or ``shared`` units and persons (the kinds of one file see each other's ids)."""
        units, persons = shared or (dict(Unit.objects.values_list("external_id", "pk")),
                                    dict(Official.objects.values_list("external_id", "pk")))
        found = cls(units, persons)
        if kind in _OWN_MODEL:
            found.taken = set(_OWN_MODEL[kind].objects.values_list("external_id", flat=True))
        return found

    def check(self, kind: str, number: int, values: dict[str, Any], settled: Layout) -> list[CellProblem]:
        """Problems with the ids of one row (cells already read); a new id is remembered."""
        problems = []

        def header(name: str) -> str:
            return settled.headers[settled.positions[name]]
        own = _OWN_ID.get(kind)
        if own and own in values:
            if values[own] in self.taken:
                problems.append(CellProblem(number, header(own), values[own], f"{own} {values[own]!r} is already "
                                            "taken (earlier in this file or by an earlier import)"))
            self.taken.add(values[own])
        for column, target in _REFERS.get(kind, ()):
            if column in values and values[column] not in getattr(self, target):
                message = f"no {target[:-1]} has the id {values[column]!r}; import the {target} first"
                problems.append(CellProblem(number, header(column), values[column], message))
        if kind == "relations" and values.get("unit_id") and values.get("unit_id") == values.get("parent_unit_id"):
            problems.append(CellProblem(number, header("parent_unit_id"), values["parent_unit_id"],
                                        "a unit cannot be its own parent"))
        return problems


@dataclass
class Batch:
    """The checked rows of one kind, and the ids they refer to (shared by the kinds of one file)."""

    kind: str
    rows: list[tuple[int, dict[str, Any]]]
    references: References
