"""Reading CSV records strictly, and saying exactly where a damaged file goes wrong.

Python's csv module in strict mode refuses a quote left open, but only says "unexpected end of data"
at the end of the file, when the quote may have opened 5,000 lines earlier; and in lenient mode it
refuses nothing. ``CsvRecords`` reads strictly and, on a fault, re-reads the broken record with a
small scanner that follows the same rules, to name the row, the column and the line of the quote.
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path
from typing import Any

from tergeu.registry.importing.table import ImportProblem

SAMPLE_CHARS = 65536  # enough lines to choose a separator; more would only cost time
MORE_LISTED = 5  # further faulty rows named in a ragged-row message
QUOTE_HINT = 'to keep quotes inside a cell, quote the whole cell and double each quote in it ("""A"" B")'

# The longest cell a list may have: Python's csv default, set again before each reading because the
# limit is global and a library may raise it on import (followthemoney does, for its own files); a
# quote left open until a stray one far below is found by exceeding it.
MAX_CELL_CHARACTERS = 131_072


def _lines(text: str) -> int:
    """Line breaks in ``text`` as csv counts them: \\r\\n, \\n and a lone \\r each end one line."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def find_fault(text: str, delimiter: str) -> tuple[str, int, int, int] | None:
    """Follow one record from the start of ``text`` as csv's strict mode does; return (fault, cell index,
    line offset of the cell's opening quote, line offset of the fault), or None if the record is sound.

    fault is 'unclosed' (the text ends inside a quoted cell) or 'after_quote' (text follows a closing
    quote). A quote is special only as the first character of a cell, as in csv.
    """
    cell = line = opened = 0
    state = "start"  # start | plain | quoted | closed
    position, end = 0, len(text)
    while position < end:
        if state == "quoted":
            quote = text.find('"', position)
            if quote < 0:
                return "unclosed", cell, opened, line + _lines(text[position:])
            line += _lines(text[position:quote])
            if text.startswith('""', quote):
                position = quote + 2
            else:
                position, state = quote + 1, "closed"
            continue
        char = text[position]
        position += 1
        if char in "\r\n":
            return None
        if char == delimiter:
            cell, state = cell + 1, "start"
        elif state == "closed":
            return "after_quote", cell, opened, line
        elif state == "start" and char == '"':
            state, opened = "quoted", line
        else:
            state = "plain"
    return ("unclosed", cell, opened, line) if state == "quoted" else None


def _reader(text: str, delimiter: str, strict: bool = True) -> Any:
    """csv's reader of ``text`` (a ``_csv.reader``: rows and ``line_num``), with the cell limit set first (the
    limit is global: see ``MAX_CELL_CHARACTERS``)."""
    csv.field_size_limit(MAX_CELL_CHARACTERS)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)


def _records_ok(sample: str, delimiter: str) -> tuple[int, int]:
    """(rows as wide as the header, header width) when ``sample`` is read with ``delimiter``.

    The header's width is read leniently, so a header the strict reader refuses still counts as split
    by the right separator (the import then reports the fault rather than reading one wide column).
    """
    header = next(_reader(sample, delimiter, strict=False), [])
    width, fitting = len(header), 0
    reader = _reader(sample, delimiter)
    try:
        next(reader, None)
        for cells in reader:
            if cells and (len(cells) == width or (len(cells) > width and not "".join(cells[width:]).strip())):
                fitting += 1
    except csv.Error:
        pass  # a fault (or the sample's cut) ends the count; the rows read so far still tell
    return fitting, width


def delimiter_for(text: str, delimiters: str) -> str:
    """The separator that splits the header into columns and reads the most rows at the header's width.

    csv.Sniffer guesses from character frequencies and can be fooled by separators inside quoted
    cells; reading the sample strictly under each candidate cannot: a wrong separator misreads quotes
    or leaves rows ragged. Ranked by: the header split into more than one column, rows as wide as the
    header, the header's width, the order of ``delimiters`` (in a one-column file, the separator that
    splits no row; a tie there means the choice changes nothing).
    """
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:
        sample = sample[:max(sample.rfind("\n"), sample.rfind("\r"), 0)]
    scores = {d: _records_ok(sample, d) for d in delimiters}
    return max(delimiters, key=lambda d: (scores[d][1] > 1, scores[d][0], scores[d][1], -delimiters.index(d)))


class CsvRecords:
    """Iterator over (record number, first line, cells) of a CSV text; the header is record 0.

    Every fault is raised as an ``ImportProblem`` naming the record, its line and the column
    (``headers`` are set once the header is read, to name columns).
    """

    def __init__(self, path: Path, text: str, delimiter: str) -> None:
        self.path, self.text, self.delimiter = path, text, delimiter
        self.headers: list[str] = []
        self.number = -1
        self._has_nul = "\x00" in text
        self._reader = _reader(text, delimiter)

    def __iter__(self) -> CsvRecords:
        return self

    def __next__(self) -> tuple[int, int, list[str]]:
        line = self._reader.line_num + 1
        try:
            cells = next(self._reader)
        except csv.Error as exc:
            raise self._syntax_problem(line, exc) from None
        self.number += 1
        if self._has_nul and any("\x00" in cell for cell in cells):
            index = next(i for i, cell in enumerate(cells) if "\x00" in cell)
            raise ImportProblem(self.path, f"{self._where(self.number, line)}, {self._column(index)}: holds a NUL "
                                           "character (byte 0); the file is damaged (e.g. zero-filled after a "
                                           "crash) or is not text in the encoding detected (pass --encoding)")
        return self.number, line, cells

    def _where(self, number: int, line: int) -> str:
        return f"the header (line {line})" if number == 0 else f"row {number} (line {line})"

    def _column(self, index: int) -> str:
        if not self.headers:
            return f"header cell {index + 1}"
        if index < len(self.headers) and self.headers[index]:
            return f"column {self.headers[index]!r}"
        return f"column {index + 1}" + (" (beyond the last header)" if index >= len(self.headers) else "")

    def _syntax_problem(self, line: int, error: csv.Error) -> ImportProblem:
        where = self._where(self.number + 1, line)
        record = "".join(islice(io.StringIO(self.text, newline=""), line - 1, None))
        fault = find_fault(record, self.delimiter)
        if fault is None and "field larger" in str(error):
            return ImportProblem(self.path, f"{where}: a cell is longer than {MAX_CELL_CHARACTERS:,} "
                                            "characters; a quote opened in this row is probably closed only by a "
                                            "stray quote many lines later, swallowing the rows between")
        if fault is None:
            return ImportProblem(self.path, f"{where}: {error}")
        kind, index, opened, broke = fault
        column = self._column(index)
        if kind == "unclosed":
            return ImportProblem(self.path, f"{where}, {column}: the quote opening this cell on line "
                                            f"{line + opened} is never closed; the file looks cut short "
                                            "(truncated), or a closing quote is missing")
        if opened == broke:
            return ImportProblem(self.path, f"{where}, {column}: text follows the closing quote of a quoted "
                                            f"cell; {QUOTE_HINT}")
        return ImportProblem(self.path, f"{where}, {column}: the quoted cell opened on line {line + opened} "
                                        f"closes on line {line + broke} and text follows the quote; a closing "
                                        f"quote is probably missing on line {line + opened}")

    def ragged(self, number: int, line: int, cells: list[str]) -> ImportProblem:
        """A row of the wrong width, with the next few such rows so one round of fixes can cover them."""
        width = len(self.headers)
        if len(cells) > width:
            extra = next(i for i in range(width, len(cells)) if cells[i].strip())
            detail = f"cell {extra + 1}, {cells[extra].strip()[:40]!r}, has no header"
        else:
            detail = f"no cell for {self._column(len(cells))}"
        message = (f"row {number} (line {line}) has {len(cells)} cell{'s' if len(cells) != 1 else ''} but the "
                   f"header has {width} ({detail}); every row needs one cell per header, empty ones included (a "
                   "missing or extra separator, or a line break outside quotes, shifts a row's cells)")
        others = self._more_ragged(width)
        if others:
            named = ", ".join(str(n) for n in others[:MORE_LISTED])
            rest = f" and {len(others) - MORE_LISTED} more" if len(others) > MORE_LISTED else ""
            message += f"; also row{'s' if len(others) > 1 else ''} {named}{rest}"
        return ImportProblem(self.path, message)

    def _more_ragged(self, width: int) -> list[int]:
        found: list[int] = []
        try:
            for number, _line, cells in self:
                if "".join(cells).strip() and (len(cells) < width or any(c.strip() for c in cells[width:])):
                    found.append(number)
        except ImportProblem:
            pass  # a later fault in the file; the first one is the one to report
        return found
