"""The shape every reader produces: headers, then numbered rows of cell text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


class ImportProblem(ValueError):
    """A problem with a file as a whole (unreadable, no header, unknown column): nothing is imported."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{Path(self.path).name}: {message}")


@dataclass(frozen=True)
class Row:
    number: int  # 1-based data row (the header row is not counted)
    cells: list[str | None]
    line: int | None = None  # physical line a text file's row starts on (quoted line breaks make it differ)


@dataclass
class Table:
    """A list file opened for reading; ``rows`` is a one-shot iterator so big files are streamed."""

    path: Path
    file_format: str
    headers: list[str]
    rows: Iterator[Row]
    encoding: str = ""
    details: dict = field(default_factory=dict)
    size: int = 0  # bytes in the file, to decide whether parsing is worth spreading over processes

    def location(self, row: Row, header: str | None = None) -> str:
        where = f"{self.path.name}, row {row.number}"
        if row.line is not None and row.line != row.number + 1:
            where += f" (line {row.line})"
        if header is not None:
            where += f", column {header!r}"
        return where
