"""The registry's commands: ``tergeu import``, ``tergeu map``, ``tergeu grant`` (share one list with one
named person), ``tergeu places`` (records by place, unknown places) and ``tergeu export records``.

Each command parses its options, calls the registry's services and prints; ``tergeu.cli`` mounts them.
An import report names every problem with its row and column; everything taken from the file or the
command line (file, list and column names, cells, messages quoting them) is escaped before Rich prints
it: Rich reads ``[...]`` as markup, and a header such as ``[/x]`` would otherwise crash the report of
an import already written.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tergeu.core.fields import field_names
from tergeu.provenance.vocab import SOURCE_KINDS, STATUSES
from tergeu.toolkit.cli import console, fail, with_django, write_to

if TYPE_CHECKING:  # the pipeline needs Django set up; commands import it when they run
    from tergeu.registry.importing.pipeline import ImportReport


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD") from None


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--list", "list_name", required=True, help="Name for this list (unique), e.g. 'GPO Aug 2022'.")
@click.option("--source", "source_name", help="Source name (default: the list name). Reused if it exists.")
@click.option("--source-kind", type=click.Choice(SOURCE_KINDS), default="other", show_default=True)
@click.option("--publisher", default="", help="Who published the list.")
@click.option("--published", callback=_parse_day, help="Publication date, YYYY-MM-DD.")
@click.option("--reliability", type=click.Choice(list("ABCDE")), help="Source grade, A (completely "
              "reliable) to E (unreliable); sets the facts' first confidence.")
@click.option("--map", "map_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML column map (see `tergeu map`). Without it, columns are guessed from headers.")
@click.option("--format", "file_format", type=click.Choice(["csv", "xlsx", "json"]), help="Override detection.")
@click.option("--encoding", help="Override encoding detection (e.g. cp1251).")
@click.option("--sheet", help="XLSX sheet name (default: the first).")
@click.option("--status", type=click.Choice(STATUSES), default="pending",
              show_default=True, help="Status given to the imported facts.")
@click.option("--one-per-person", is_flag=True, help="The list names each person at most once (an official "
              "register): linkage never puts two of its rows in one person.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported and every problem; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@with_django
def import_(path: Path, list_name: str, source_name: str | None, source_kind: str, publisher: str,
            published: datetime.date | None, reliability: str | None, map_path: Path | None,
            file_format: str | None, encoding: str | None, sheet: str | None, status: str, one_per_person: bool,
            dry_run: bool, as_json: bool) -> None:
    """Import a casualty list (CSV, XLSX or JSON) atomically: every row, or nothing."""
    from tergeu.registry.importing.columnmap import load_map
    from tergeu.registry.importing.pipeline import ImportOptions, import_file
    from tergeu.registry.importing.table import ImportProblem

    options = ImportOptions(
        list_name=list_name, source_name=source_name, source_kind=source_kind, publisher=publisher,
        published_on=published, reliability=reliability or "", file_format=file_format,
        encoding=encoding, sheet=sheet, status=status, dry_run=dry_run, one_per_person=one_per_person,
    )
    try:
        options.column_map = load_map(map_path) if map_path else None
        with _progress(f"Reading {escape(path.name)}") as advance:
            report = import_file(path, options, progress=advance)
    except ImportProblem as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print_import_report(console, report)
    if not report.ok:
        sys.exit(1)


class _progress:
    """A rich progress counter for work whose total is not known in advance."""

    def __init__(self, description: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

        self.progress = Progress(SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console, transient=True)
        self.description = description

    def __enter__(self) -> Callable[[int], None]:
        self.progress.start()
        task = self.progress.add_task(self.description, total=None)
        return lambda n: self.progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


@click.command("map")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", help="XLSX sheet name.")
@click.option("--encoding", help="Override encoding detection (e.g. cp1251, kz1048), as tergeu import does.")
def map_(path: Path, sheet: str | None, encoding: str | None) -> None:
    """Print the column map Tergeu guesses for a file, as TOML to edit and pass to --map."""
    from tergeu.core.fields import guess_columns
    from tergeu.registry.importing.columnmap import ColumnMap
    from tergeu.registry.importing.limits import read_limited
    from tergeu.registry.importing.readers import open_table
    from tergeu.registry.importing.table import ImportProblem

    try:
        table = open_table(path, read_limited(path), sheet=sheet, encoding=encoding)
    except ImportProblem as exc:
        fail(str(exc))
    guessed = ColumnMap(guess_columns(table.headers), guessed=True)
    unmapped = [h for h in table.headers if h not in guessed.columns.values()]
    click.echo(f"# Column map guessed for {path.name}; unmapped headers: {', '.join(unmapped) or 'none'}")
    click.echo(guessed.as_toml(), nl=False)


@click.command("records")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv: one header line then a line per record; json: one JSON object per line.")
@click.option("--list", "list_names", multiple=True, help="Only this list (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of stdout.")
@with_django
def export_records(fmt: str, list_names: tuple[str, ...], output: Path | None) -> None:
    """One line per imported record: list, row, and the facts parsed from it."""
    from tergeu.registry.export import iter_record_facts, write_csv, write_json_lines

    rows = iter_record_facts(list(list_names) or None)
    writer = write_csv if fmt == "csv" else write_json_lines
    count = write_to(output, lambda handle: writer(handle, rows), fail)
    console.print(f"[dim]{count} records exported[/dim]")


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


@click.command("grant")
@click.argument("username")
@click.option("--list", "list_name", required=True, help="The imported list to share (by its name).")
@click.option("--until", "until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Last day of the grant (YYYY-MM-DD); for good when left out.")
@click.option("--revoke", is_flag=True, help="End the person's grants on the list instead.")
@click.option("--note", default="", help="Why it is shared (kept with the grant).")
@with_django
def grant_(username: str, list_name: str, until: Any, revoke: bool, note: str) -> None:
    """Share one list with one named person (beyond what their role shows), or end the sharing.

    A grant widens what a role sees; it never opens a page the role cannot open. Grants are kept
    after they end, as the record of who could see what, and when.
    """
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from tergeu.accounts import grants
    from tergeu.history.tracking import current_actor
    from tergeu.registry.models import ImportedList

    user = get_user_model().objects.filter(username=username).first()
    imported = ImportedList.objects.filter(name=list_name).first()
    if user is None or imported is None:
        fail(f"no {'user' if user is None else 'list'} named {username if user is None else list_name!r}")
    if revoke:
        ended = grants.revoke(user, imported)
        console.print(f"Ended {ended} grant(s) of {escape(username)} on {escape(list_name)}")
        return
    expires = None
    if until is not None:
        expires = timezone.make_aware(datetime.datetime.combine(until.date(), datetime.time.max))
    try:
        held = grants.grant(user, imported, by=current_actor()[0], expires_at=expires, note=note)
    except ValueError as refused:
        fail(str(refused))
    ending = f" until {held.expires_at:%Y-%m-%d}" if held.expires_at else ""
    console.print(f"{escape(username)} {held.get_level_display()} {escape(list_name)}{ending}")


@click.command("places")
@click.option("--unknown", is_flag=True, help="List the places as written that the gazetteer does not know, "
              "with how many records name each (to review: add a variant to the gazetteer or fix the list).")
@click.option("--refresh", is_flag=True, help="Recompute every record's place key (after the gazetteer changed).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@with_django
def places_(unknown: bool, refresh: bool, as_json: bool) -> None:
    """Records per place of death, merged by the gazetteer ("Алматы" = "г. Алматы" = "Almaty")."""
    from tergeu.registry.models import Record
    from tergeu.registry.places import place_counts, refresh_place_keys, unknown_places

    if refresh:
        console.print(f"{refresh_place_keys()} record(s) got a new place key")
    records = Record.objects.all()
    rows = ([{"place": written, "records": n} for written, n in unknown_places(records)] if unknown else
            [{"key": c.value if c.known else None, "place": c.label, "records": c.count}
             for c in place_counts(records, "en")])
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(*(["place as written", "records"] if unknown else ["key", "place", "records"]))
    for row in rows:
        table.add_row(*(escape(str(value)) if value is not None else "?" for value in row.values()))
    Console().print(table)


COMMANDS = [import_, map_, grant_, places_]
EXPORTS = [export_records]
