"""The ``tergeu`` command: one click group; commands parse options, call a service, print.

Commands that need the database are wrapped in ``with_django``, which configures Django from the
environment (``TERGEU_HOME``, ``DATABASE_URL``) and brings the schema up to date first, so a fresh
machine needs no separate set-up step.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from tergeu import __version__
from tergeu.cliaccounts import grant_, init, user_
from tergeu.clibase import console, fail, setup_django, with_django

__all__ = ["cli", "console", "fail", "main", "setup_django", "with_django"]

SOURCE_KINDS = ("official", "ngo", "media", "medical", "family", "other")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tergeu")
def cli() -> None:
    """Tergeu: casualty registry, list linkage and accountability records.

    Configuration comes from the environment: TERGEU_HOME (data directory, default
    ~/.local/share/tergeu) and DATABASE_URL (default: SQLite inside TERGEU_HOME).
    """


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD") from None


@cli.command("import")
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
@click.option("--status", type=click.Choice(["confirmed", "pending", "unconfirmed"]), default="pending",
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
    from tergeu.clireport import print_import_report
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


@cli.command("map")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", help="XLSX sheet name.")
def map_(path: Path, sheet: str | None) -> None:
    """Print the column map Tergeu guesses for a file, as TOML to edit and pass to --map."""
    from tergeu.core.fields import guess_columns
    from tergeu.registry.importing.columnmap import ColumnMap
    from tergeu.registry.importing.limits import read_limited
    from tergeu.registry.importing.readers import open_table
    from tergeu.registry.importing.table import ImportProblem

    try:
        table = open_table(path, read_limited(path), sheet=sheet)
    except ImportProblem as exc:
        fail(str(exc))
    guessed = ColumnMap(guess_columns(table.headers), guessed=True)
    unmapped = [h for h in table.headers if h not in guessed.columns.values()]
    click.echo(f"# Column map guessed for {path.name}; unmapped headers: {', '.join(unmapped) or 'none'}")
    click.echo(guessed.as_toml(), nl=False)


@cli.group()
def export() -> None:
    """Export data for other systems (formats in docs/export-formats.md)."""


@export.command("records")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv: one header line then a line per record; json: one JSON object per line.")
@click.option("--list", "list_names", multiple=True, help="Only this list (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of stdout.")
@with_django
def export_records(fmt: str, list_names: tuple[str, ...], output: Path | None) -> None:
    """One line per imported record: list, row, and the facts parsed from it."""
    from tergeu.clifiles import write_to
    from tergeu.registry.export import iter_record_facts, write_csv, write_json_lines

    rows = iter_record_facts(list(list_names) or None)
    writer = write_csv if fmt == "csv" else write_json_lines
    count = write_to(output, lambda handle: writer(handle, rows), fail)
    console.print(f"[dim]{count} records exported[/dim]")


@export.command("links")
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True,
              help="csv, the only format: the header line list,row,person, then a line per record.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here, in UTF-8, instead of stdout (an existing file is replaced).")
@with_django
def export_links(fmt: str, output: Path | None) -> None:
    """One line per imported record: list,row,person (the person's stable id from `tergeu link`).

    The header line list,row,person comes first. Then, lists in import order and rows in file
    order: list is the name given at import, row the record's 1-based data row in its file (the
    header is not counted), person the id of the person `tergeu link` put the record in, kept
    across runs. person is empty for a record no run has linked yet, such as one imported after
    the last `tergeu link`. The format, and what a run that regroups records does to the ids, is in
    docs/export-formats.md.
    """
    from tergeu.clifiles import write_to
    from tergeu.registry.export import iter_links, write_links_csv

    count = write_to(output, lambda handle: write_links_csv(handle, iter_links()), fail)
    console.print(f"[dim]{count} records exported[/dim]")


@cli.command()
@click.option("--full", is_flag=True, help="Retrain and relink every record (default: link only new records "
              "when a run exists and no reviewer decision contradicts the people found).")
@with_django
def link(full: bool) -> None:
    """Link the records of every list into people (Splink on DuckDB; reviewers' decisions respected).

    The first run links everything. Later runs link only records imported since, with the model
    already trained, unless --full is given or a reviewer's decision needs the people redrawn.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from tergeu.linkage.linking import LinkageBlocked, run_linkage

    stages = ["reading records", "features", "training", "scoring", "clustering", "storing people"]
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("Linking", total=len(stages))

        def advance(message: str) -> None:
            bar.update(task, description=f"Linking: {message}", completed=min(
                next((i for i, s in enumerate(stages) if message.startswith(s.split()[0])), 1), len(stages)))

        try:
            summary = run_linkage(full=full, progress=advance)
        except LinkageBlocked as blocked:
            bar.stop()
            fail(str(blocked))
        bar.update(task, completed=len(stages), description="Linking: done")
    if summary.mode == "unchanged":
        console.print(f"Nothing new: {summary.records} records, {summary.people} people already linked "
                      "(use --full to relink everything).")
        return
    how = "full run" if summary.mode == "full" else f"incremental: {summary.new_records} new records"
    console.print(f"Linkage run {summary.run_id} ({how}): {summary.records} records → {summary.people} people; "
                  f"{summary.pairs_to_review} pairs to review; {summary.suspicious_people} people flagged")
    if summary.mode == "full" and summary.reason and not full:
        console.print(f"[dim]Full run because {escape(summary.reason)}.[/dim]")


@cli.command()
@click.option("--method", type=click.Choice(["lcmcr", "loglinear", "stepwise", "bma"]), default="lcmcr",
              show_default=True, help="Latent classes (HRDAG's), log-linear by BIC, CSV-2021 stepwise, or Bayesian "
              "model averaging.")
@click.option("--strata", default="", help="Estimate per stratum and add up: comma-separated of place, date, sex, "
              "circumstances, region. Missing values are imputed.")
@click.option("--table", "table_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Estimate from a capture-pattern CSV (0/1 column per list, plus count) instead of the people.")
@click.option("--linkage-draws", default=5, show_default=True, type=click.IntRange(0, 100),
              help="Alternative linkages drawn from the match probabilities, to carry linkage doubt into the interval.")
@click.option("--preset", type=click.Choice(["standard", "production"]), default="standard", show_default=True,
              help="production: HRDAG's LCMCR settings (5 million iterations) and bootstrap intervals.")
@click.option("--seed", default=1, show_default=True, type=int,
              help="Random seed; the same seed gives the same result.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@with_django
def estimate(method: str, strata: str, table_path: Path | None, linkage_draws: int, preset: str, seed: int,
             as_json: bool) -> None:
    """Estimate the total number of deaths, including those no list recorded (multiple systems estimation).

    Runs on the people `tergeu link` found (and stores the result for the estimation page), or on a
    capture-pattern table with --table.
    """
    from tergeu.estimation.command import EstimationError, estimate_table, print_result
    from tergeu.estimation.service import run_estimate

    fields = [name.strip() for name in strata.split(",") if name.strip()]
    try:
        if table_path is not None:
            if fields:
                fail("--strata needs linked people; a capture-pattern table has no strata")
            data = estimate_table(table_path, method, preset, seed)
        else:
            with console.status("Estimating…"):
                run = run_estimate(method, fields, linkage_draws, seed, preset, by="command line")
            if run.error:
                fail(run.error)
            data = {**run.result, "run": run.pk}
    except (EstimationError, ValueError) as problem:
        fail(str(problem))
    print_result(console, data, as_json)


@cli.command()
@click.option("--limit", default=50, show_default=True, help="How many entries, newest first.")
@click.option("--actor", help="Only changes by this person.")
@click.option("--verify", is_flag=True, help="Check the hash chain of the whole log instead; exit 1 if broken.")
@with_django
def history(limit: int, actor: str | None, verify: bool) -> None:
    """Show the change history: who changed what, when, before and after."""
    from tergeu.history import chain
    from tergeu.history.models import ChangeEntry

    if verify:
        check = chain.verify(ChangeEntry.objects.order_by("pk").iterator(chunk_size=2000))
        if not check.intact:
            fail(f"the change log is broken at entry {check.broken_at}: {check.problem} "
                 f"({check.checked:,} entries before it are intact)")
        console.print(f"The change log is intact: {check.checked:,} entries; newest hash {check.head}")
        return
    entries = ChangeEntry.objects.select_related("object_type")
    if actor:
        entries = entries.filter(actor=actor)
    table = RichTable("when", "who", "what", "object", "change")
    for entry in entries[:limit]:
        change = json.dumps(entry.after if entry.action != "delete" else entry.before, ensure_ascii=False)
        table.add_row(f"{entry.at:%Y-%m-%d %H:%M:%S}", escape(entry.actor), escape(entry.get_action_display()),
                      escape(f"{entry.object_type.model} {entry.object_repr}"), escape(change[:120]))
    Console().print(table)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_django
def serve(host: str, port: int, threads: int) -> None:
    """Serve the web application and API (waitress; static files included, no CDN)."""
    from tergeu.web.server import run

    run(host, port, threads, console)


@cli.command()
@click.option("--serve/--no-serve", "then_serve", default=True, show_default=True,
              help="Start the web application afterwards.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--seed", default=2022, show_default=True, type=int, help="Seed of the synthetic case.")
@click.option("--into-existing-registry", "into_existing", is_flag=True,
              help="Add the synthetic lists even to a registry holding real lists or accounts (never wise).")
@with_django
def demo(then_serve: bool, port: int, seed: int, into_existing: bool) -> None:
    """Build the synthetic January 2022 demo case (four overlapping lists) and serve it.

    Only in an empty data directory, or one an earlier demo filled: invented people must not mix with
    real ones. Use a fresh TERGEU_HOME for the demo.
    """
    from tergeu.demo.build import NotADemoRegistry, build_demo

    try:
        summary = build_demo(seed=seed, console=console, into_existing=into_existing)
    except NotADemoRegistry as refusal:
        fail(str(refusal))
    console.print(f"[bold]Demo case ready[/bold] (SYNTHETIC people only): {summary}")
    if then_serve:
        from tergeu.web.server import run

        run("127.0.0.1", port, 8, console)


cli.add_command(init)
cli.add_command(user_)
cli.add_command(grant_)


def main() -> None:
    cli(prog_name="tergeu")
