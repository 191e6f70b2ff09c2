"""Which column of a file holds which canonical field: from a TOML map, or guessed from the headers.

A map file looks like::

    name_order = "family_first"   # optional: family_first | given_first
    date_order = "dmy"            # optional: dmy (default) | mdy
    [columns]
    full_name = "Фамилия Имя Отчество"
    date_of_death = "Дата гибели"
    [values]                      # optional: facts every row states without a column of its own
    region = "г. Алматы; Алматинская область"   # e.g. the area a morgue serves

A ``[values]`` fact is stored on each row that has no cell of its own for it, and the rows' parsed data
names it as coming from the map, so a reader can tell the list's statement from the row's.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tergeu.core.fields import CellError, field_names, field_spec, guess_columns, parse_cell
from tergeu.registry.importing.table import ImportProblem

NAME_ORDERS = ("family_first", "given_first")
DATE_ORDERS = ("dmy", "mdy")
NAME_FIELDS = ("full_name", "family_name", "given_name")


@dataclass
class ColumnMap:
    columns: dict[str, str]
    name_order: str | None = None
    date_order: str = "dmy"
    guessed: bool = False
    unmapped: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        found = {"columns": self.columns, "name_order": self.name_order, "date_order": self.date_order,
                 "guessed": self.guessed}
        return {**found, "values": self.values} if self.values else found

    def as_toml(self) -> str:
        lines = []
        if self.name_order:
            lines.append(f'name_order = "{self.name_order}"')
        lines.append(f'date_order = "{self.date_order}"')
        lines.append("[columns]")
        lines += [f"{name} = {json.dumps(header, ensure_ascii=False)}" for name, header in self.columns.items()]
        if self.values:
            lines.append("[values]")
            lines += [f"{name} = {json.dumps(value, ensure_ascii=False)}" for name, value in self.values.items()]
        return "\n".join(lines) + "\n"


def _check_choice(path: Path, key: str, value: object, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ImportProblem(path, f"{key} = {value!r}: use one of {', '.join(allowed)}")


def read_map_file(path: Path) -> dict:
    """A map file's TOML as a dict; an unreadable file or invalid TOML is an ``ImportProblem`` naming it."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(path, f"cannot read the map: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ImportProblem(path, f"invalid TOML: {exc}") from None


def load_map(path: Path) -> ColumnMap:
    document = read_map_file(path)
    columns = document.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise ImportProblem(path, "the map needs a [columns] table: canonical field = \"file header\"")
    unknown = [name for name in columns if name not in field_names()]
    if unknown:
        raise ImportProblem(path, f"unknown field(s) {', '.join(unknown)}; known: {', '.join(field_names())}")
    if any(not isinstance(h, str) for h in columns.values()):
        raise ImportProblem(path, "each [columns] entry must name one header as text")
    _check_choice(path, "name_order", document.get("name_order"), NAME_ORDERS)
    _check_choice(path, "date_order", document.get("date_order"), DATE_ORDERS)
    date_order = document.get("date_order") or "dmy"
    values = _list_values(path, document.get("values", {}), columns, date_order)
    return ColumnMap(dict(columns), document.get("name_order"), date_order, values=values)


def _list_values(path: Path, values: object, columns: dict[str, str], date_order: str) -> dict[str, str]:
    """The ``[values]`` table, each value read as its field's cells are (a bad one fails the whole map)."""
    if not isinstance(values, dict):
        raise ImportProblem(path, "values must be a table: canonical field = \"value for every row\"")
    unknown = [name for name in values if name not in field_names()]
    if unknown:
        raise ImportProblem(path, f"unknown field(s) in the values table: {', '.join(unknown)}; "
                                  f"known: {', '.join(field_names())}")
    both = [name for name in values if name in columns]
    if both:
        raise ImportProblem(path, f"{', '.join(both)}: named both as a column and as a value; keep one")
    read = {}
    for name, text in values.items():
        if not isinstance(text, str) or not text.strip():
            raise ImportProblem(path, f"values.{name} must be non-empty text")
        if "\x00" in text:  # TOML's "\u0000"; the database cannot store it
            raise ImportProblem(path, f"values.{name} holds a NUL character (byte 0)")
        try:
            read[name] = parse_cell(field_spec(name).kind, text.strip(), date_order).value
        except CellError as exc:
            raise ImportProblem(path, f"values.{name} = {text!r}: {exc}") from None
    return read


def header_positions(columns: dict[str, str], headers: list[str], path: Path) -> dict[str, int]:
    """Field → index of the header a map names for it; a header missing or repeated is an ``ImportProblem``."""
    positions: dict[str, int] = {}
    for name, header in columns.items():
        if header not in headers:
            raise ImportProblem(path, f"the map names column {header!r} for {name}, but the file's headers are "
                                      f"{', '.join(repr(h) for h in headers)}")
        if headers.count(header) > 1:
            raise ImportProblem(path, f"column {header!r} appears {headers.count(header)} times in the header")
        positions[name] = headers.index(header)
    return positions


def settle_map(given: ColumnMap | None, headers: list[str], path: Path) -> tuple[ColumnMap, dict[str, int]]:
    """Validate (or guess) the map against the file's headers; return it with field → column index."""
    column_map = given or ColumnMap(guess_columns(headers), guessed=True)
    positions = header_positions(column_map.columns, headers, path)
    if not any(name in positions for name in NAME_FIELDS):
        how = "guessed" if column_map.guessed else "mapped"
        raise ImportProblem(path, f"no name column was {how} (need one of {', '.join(NAME_FIELDS)}); headers "
                                  f"are {', '.join(repr(h) for h in headers)}; write a --map file")
    column_map.unmapped = [h for h in headers if h not in column_map.columns.values()]
    return column_map, positions
