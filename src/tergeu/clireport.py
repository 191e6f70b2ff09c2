"""How the CLI shows an import report: the map, a preview, every problem with its location.

Everything taken from the file or the command line (file, list and column names, cells, messages
quoting them) is escaped before Rich prints it: Rich reads ``[...]`` as markup, and a header such as
``[/x]`` would otherwise crash the report of an import already written.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tergeu.core.fields import field_names
from tergeu.registry.importing.pipeline import ImportReport


def _problem_table(console: Console, title: str, problems: list, total: int) -> Table:
    console.print(f"{title} ({total}):")  # callers escape what the title quotes
    table = Table("row", "column", "value", "problem")
    for problem in problems:
        table.add_row(str(problem.row), escape(problem.column), escape(problem.value), escape(problem.message))
    return table


def print_import_report(console: Console, report: ImportReport) -> None:
    name = escape(report.path.rsplit("/", 1)[-1])
    if report.already_imported_as:
        console.print(f"{name} was already imported as list '{escape(report.already_imported_as)}' "
                      f"(same SHA-256); nothing changed.")
        return
    column_map = report.column_map
    how = "guessed from the headers" if column_map.guessed else "from the map file"
    console.print(f"Column map ({how}):")
    table = Table("field", "column")
    for field_name, header in column_map.columns.items():
        table.add_row(field_name, escape(header))
    console.print(table)
    if column_map.unmapped:
        console.print(f"Not imported as facts (kept in the raw row): {escape(', '.join(column_map.unmapped))}")
    console.print(f"{name}: {report.file_format}, encoding {escape(report.encoding or 'n/a')}, {report.rows} rows, "
                  f"{report.facts} facts")
    if report.warnings:
        console.print(_problem_table(console, "Warnings", report.warnings[:50], report.warning_count))
    if report.errors:
        console.print(_problem_table(console, f"Errors in {name}", report.errors[:200], report.error_count))
        console.print(f"[bold red]Nothing was imported[/bold red]: {report.error_count} cell(s) could not be "
                      "read. Fix them, or map the column differently, and import again.")
        return
    if report.dry_run:
        columns = sorted({k for row in report.preview for k in row}, key=_preview_order)
        console.print("Preview (dry run):")
        preview = Table(*columns)
        for row in report.preview:
            preview.add_row(*(escape(str(row.get(c, ""))) for c in columns))
        console.print(preview)
        console.print("[yellow]Dry run[/yellow]: nothing was written.")
        return
    console.print(f"[green]Imported[/green] list '{escape(report.list_name)}': {report.rows} records, "
                  f"{report.facts} facts.")


def _preview_order(column: str) -> int:
    names = ("row", *field_names())
    return names.index(column) if column in names else len(names)
