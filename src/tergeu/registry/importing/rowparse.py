"""One list row → the facts it states, derived values, and every problem, located by column.

Pure apart from its inputs: it receives cell text and returns plain data, so the whole import can be
dry-run, and so the same code reads a row whether it came from the CLI, the web form or the API.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tergeu.core.fields import CellError, field_spec, is_missing, parse_cell


@dataclass
class CellProblem:
    row: int
    column: str
    value: str
    message: str


@dataclass
class ParsedRow:
    facts: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    parsed: dict = field(default_factory=dict)
    errors: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)


def _years_between(birth: str, death: str) -> int | None:
    if len(birth) != 10 or len(death) != 10:
        return None
    born, died = datetime.date.fromisoformat(birth), datetime.date.fromisoformat(death)
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


class RowParser:
    """Parses rows of one file under one column map."""

    def __init__(self, headers: list[str], positions: dict[str, int], date_order: str = "dmy",
                 list_values: dict[str, str] | None = None) -> None:
        self.headers = headers
        self.positions = positions
        self.date_order = date_order
        self.list_values = list_values or {}  # facts the column map states for every row (already read)
        # (field, column index, field kind): the loop below runs once per cell of a 100,000-row file.
        self.columns = [(name, index, field_spec(name).kind) for name, index in positions.items()]

    def parse(self, number: int, cells: list[str | None]) -> ParsedRow:
        result = ParsedRow()
        derived: dict[str, str] = {}
        for name, index, kind in self.columns:
            text = cells[index]
            if is_missing(text):
                continue
            text = text.strip()
            try:
                value = parse_cell(kind, text, self.date_order)
            except CellError as exc:
                result.errors.append(CellProblem(number, self.headers[index], text, str(exc)))
                continue
            result.facts[name] = value.value
            if value.note:
                result.notes[name] = value.note
            for message in value.warnings:
                result.warnings.append(CellProblem(number, self.headers[index], text, message))
            if value.derived:
                derived.update({f"{k}_from_{name}": v for k, v in value.derived.items()})
        if derived:
            result.parsed["derived"] = derived
        from_list = [name for name in self.list_values if name not in result.facts]
        for name in from_list:
            result.facts[name] = self.list_values[name]
        if from_list:
            result.parsed["from_list"] = from_list
        if result.notes:
            result.parsed["notes"] = result.notes
        self._cross_check(number, result, derived)
        if result.warnings:
            result.parsed["warnings"] = [f"{w.column}: {w.message}" for w in result.warnings]
        return result

    def _column(self, *names: str) -> str:
        """The header of the first of ``names`` the map gives a column ('' for a fact from ``[values]``)."""
        return next((self.headers[self.positions[n]] for n in names if n in self.positions), "")

    def _cross_check(self, number: int, result: ParsedRow, derived: dict[str, str]) -> None:
        """Disagreements inside one row are kept as stated and flagged, never resolved silently."""
        facts = result.facts
        column = self._column("national_id")
        iin_birth = derived.get("date_of_birth_from_national_id")
        if iin_birth and facts.get("date_of_birth") and not iin_birth.startswith(facts["date_of_birth"]):
            result.warnings.append(CellProblem(number, column, facts["national_id"],
                                               f"IIN says born {iin_birth}, the list says {facts['date_of_birth']}"))
        iin_sex = derived.get("sex_from_national_id")
        if iin_sex and facts.get("sex") and iin_sex != facts["sex"]:
            result.warnings.append(CellProblem(number, column, facts["national_id"],
                                               f"IIN says sex {iin_sex}, the list says {facts['sex']}"))
        birth, death, age = facts.get("date_of_birth"), facts.get("date_of_death"), facts.get("age")
        if birth and death and age:
            years = _years_between(birth, death)
            if years is not None and abs(years - int(age)) > 1:
                result.warnings.append(CellProblem(number, self._column("age"), age,
                                                   f"age {age} disagrees with birth {birth} and death {death}"))
        recorded = facts.get("date_recorded")
        if recorded and death and _earlier(recorded, death):
            result.warnings.append(CellProblem(
                number, self._column("date_recorded", "date_of_death"), recorded,
                f"recorded on {recorded}, before the date of death {death} (a death is recorded on or after it)"))


def _earlier(first: str, second: str) -> bool:
    """Whether ISO date ``first`` is surely before ``second``, compared at the precision both give
    ('2022-01' is not before '2022-01-05': the list may mean any day of that month)."""
    common = min(len(first), len(second))
    return first[:common] < second[:common]
