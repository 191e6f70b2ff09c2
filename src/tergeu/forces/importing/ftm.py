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

from tergeu.core.ftm import FTM_COLUMNS, FtmRow, SourceFacts, from_entities
from tergeu.forces.importing.cells import read_row
from tergeu.forces.importing.columns import COLUMNS, Layout
from tergeu.forces.importing.references import Batch, References
from tergeu.forces.models import Official, Unit
from tergeu.provenance.models import Source
from tergeu.registry.importing.rowparse import CellProblem
from tergeu.registry.importing.table import ImportProblem

ORDER = ("units", "persons", "relations", "postings", "incidents")
UNWRITTEN = 0  # the key of a unit or person this file adds, until it is written


@dataclass
class FtmRead:
    batches: list[Batch] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # schema -> entities that are no forces row


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


def _involved(row: FtmRow, units: dict[str, int], persons: dict[str, int]) -> list[CellProblem]:
    """Problems with an incident's ``involved`` entities: each must be a unit or an official of the file or
    stored. One the file does not place (another tool's id; Tergeu's own carry their kind) is looked up
    among both and added to the perpetrators as its id, which resolves at once; an unknown one is named,
    never dropped: an incident without its perpetrators would vet as clear."""
    problems = []
    for kind, ref in row.involved:
        if kind == "unit" and ref in units or kind == "person" and ref in persons:
            continue
        if kind == "" and (ref in units or ref in persons):
            column = "perpetrator_units" if ref in units else "perpetrator_persons"
            row.values[column] = "; ".join(part for part in (row.values.get(column, ""), ref) if part)
            continue
        problems.append(CellProblem(row.line, "involved", ref[:200], f"no {kind or 'unit or person'} has the id "
                                    f"{ref!r} in this file or stored; import it first or remove it"))
    return problems


def _marked_sources(sources: dict[str, SourceFacts]) -> list[CellProblem]:
    """A source the file marks synthetic may not be cited as a stored real source of the same name."""
    real = set(Source.objects.filter(name__in=[n for n, f in sources.items() if f.synthetic], is_synthetic=False)
               .values_list("name", flat=True))
    return [CellProblem(sources[name].line, "notes", name[:200], f"the file marks source {name!r} as synthetic "
                        "(invented), but a real source of that name is stored; rename one of them")
            for name in sorted(real)]


def read_ftm(path: Path, data: bytes) -> FtmRead:
    """Every row of the file checked, by kind in writing order, and every problem."""
    read = FtmRead()
    entities = _entities(path, data, read.problems)
    found = from_entities(entities)
    read.rows = len(entities)
    read.problems += [CellProblem(p.line, p.column, p.value, p.message) for p in found.problems]
    read.problems += _marked_sources(found.sources)
    read.skipped = dict(found.skipped)
    units = dict(Unit.objects.values_list("external_id", "pk"))
    persons = dict(Official.objects.values_list("external_id", "pk"))
    for kind in ORDER:
        references = References.load(kind, (units, persons))  # shared: a kind sees the ids added before it
        columns = [*COLUMNS[kind][0], *(c for c in COLUMNS[kind][1] if c in FTM_COLUMNS[kind])]
        settled = Layout({name: index for index, name in enumerate(columns)},
                         [FTM_COLUMNS[kind][name] for name in columns], "ftm")
        rows = []
        for row in found.rows[kind]:
            involved = _involved(row, units, persons)
            cells = [row.values.get(name, "") for name in columns]
            headers = ["summary" if name in row.from_summary else header  # "first cited: 2021-13" is there
                       for name, header in zip(columns, settled.headers, strict=True)]
            values, problems = read_row(kind, row.line, cells, settled.positions, headers, COLUMNS[kind][0])
            problems += references.check(kind, row.line, values, settled) + involved
            read.problems += problems
            if not problems:
                values.update({column: items for column, items in row.lists.items() if column in values})
                values["citations"], values["source_facts"] = row.citations, found.sources
                rows.append((row.line, values))
                if kind in ("units", "persons"):
                    added = units if kind == "units" else persons
                    added.setdefault(values["unit_id" if kind == "units" else "person_id"], UNWRITTEN)
        read.batches.append(Batch(kind, rows, references))
    return read
