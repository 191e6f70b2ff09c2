"""Reading a FollowTheMoney file (JSON lines, one entity a line) as rows of every forces kind.

``core.ftm.from_entities`` turns the entities into rows of the canonical columns; each row is then
read and checked exactly as a table's row is (``cells.read_row``, ``References.check``), its problems
named by line and FtM property. Units and persons come first, so the relations, postings and
incidents of the same file may name them; the pipeline writes all of it in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tergeu.core.ftm import FTM_COLUMNS, from_entities
from tergeu.forces.importing.cells import read_row
from tergeu.forces.importing.columns import COLUMNS, Layout
from tergeu.forces.importing.references import Batch, References
from tergeu.forces.models import Official, Unit
from tergeu.registry.importing.rowparse import CellProblem
from tergeu.registry.importing.table import ImportProblem

ORDER = ("units", "persons", "relations", "postings", "incidents")
UNWRITTEN = 0  # the key of a unit or person this file adds, until it is written


@dataclass
class FtmRead:
    batches: list[Batch] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    rows: int = 0


def _entities(path: Path, data: bytes, problems: list[CellProblem]) -> list[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(path, f"not UTF-8 (byte {exc.start}); FollowTheMoney files are UTF-8 JSON lines") from None
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entity = json.loads(line)
        except ValueError as exc:
            problems.append(CellProblem(number, "json", line[:200], f"not JSON: {exc}"))
            continue
        found.append((number, entity))
    if not found and not problems:
        raise ImportProblem(path, "no entity in the file (one JSON object a line)")
    return found


def read_ftm(path: Path, data: bytes) -> FtmRead:
    """Every row of the file checked, by kind in writing order, and every problem."""
    read = FtmRead()
    entities = _entities(path, data, read.problems)
    found = from_entities(entities)
    read.rows = len(entities)
    read.problems += [CellProblem(p.line, p.column, p.value, p.message) for p in found.problems]
    units = dict(Unit.objects.values_list("external_id", "pk"))
    persons = dict(Official.objects.values_list("external_id", "pk"))
    for kind in ORDER:
        references = References.load(kind)
        references.units, references.persons = units, persons  # shared: a kind sees the ids added before it
        columns = [*COLUMNS[kind][0], *(c for c in COLUMNS[kind][1] if c in FTM_COLUMNS[kind])]
        settled = Layout({name: index for index, name in enumerate(columns)},
                         [FTM_COLUMNS[kind][name] for name in columns], "ftm")
        rows = []
        for row in found.rows[kind]:
            cells = [row.values.get(name, "") for name in columns]
            values, problems = read_row(kind, row.line, cells, settled.positions, settled.headers, COLUMNS[kind][0])
            problems += references.check(kind, row.line, values, settled)
            read.problems += problems
            if not problems:
                values["citations"] = row.citations
                rows.append((row.line, values))
                if kind in ("units", "persons"):
                    added = units if kind == "units" else persons
                    added.setdefault(values["unit_id" if kind == "units" else "person_id"], UNWRITTEN)
        read.batches.append(Batch(kind, rows, references))
    return read
