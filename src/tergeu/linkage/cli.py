"""The linkage's commands: ``tergeu link``, ``tergeu export links`` and ``tergeu export people``
(``tergeu.cli`` mounts them)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from tergeu.toolkit.cli import console, fail, json_from_stdin, with_django, write_to


@click.command("links")
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
    from tergeu.registry.export import iter_links, write_links_csv

    count = write_to(output, lambda handle: write_links_csv(handle, iter_links()), fail)
    console.print(f"[dim]{count} records exported[/dim]")


@click.command()
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


@click.command("people")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default="csv", show_default=True,
              help="csv or xlsx: a header row then one row per person; json: one JSON object per line.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of stdout (an existing file is replaced).")
@with_django
def export_people(fmt: str, output: Path | None) -> None:
    """One row per person: preferred names, best-supported facts with the records behind them, place,
    counts of lists and sources, review flags. Columns: docs/export-formats.md."""
    from tergeu.linkage.people_export import write_people
    from tergeu.linkage.people_index import people_rows, sort_rows
    from tergeu.registry.models import ImportedList, Record

    rows = sort_rows(people_rows(Record.objects.all(), "en"), "name")  # the /people/ page's order
    names = dict(ImportedList.objects.values_list("public_id", "name"))
    count = write_to(output, lambda handle: write_people(handle, rows, names, fmt), fail, binary=fmt == "xlsx")
    console.print(f"[dim]{count} people exported[/dim]")


@click.group("people")
def people() -> None:
    """People as linkage found them: withhold a name from the public release."""


@people.command("withhold")
@click.argument("person_id")
@click.option("--clear", is_flag=True, help="Publish the name again instead.")
@with_django
def withhold_(person_id: str, clear: bool) -> None:
    """Withhold PERSON_ID's name from the public release, at the family's request (or --clear it).

    The note (who asked, when) is read from stdin as JSON, {"note": "..."}, never from the command
    line, where shell histories keep it; it stays internal. The person is still published and counted,
    without the name. A relink keeps the flag on every person the records go to. Tracked in the history.
    """
    from tergeu.linkage.models import Person
    from tergeu.linkage.withholding import clear as clear_name
    from tergeu.linkage.withholding import withhold

    person = Person.objects.filter(public_id=person_id).first()
    if person is None:
        fail(f"no person {person_id!r}")
    if clear:
        done = clear_name(person)
        console.print(f"Name of person {person_id} {'published again' if done else 'was not withheld'}")
        return
    note = json_from_stdin(fail, frozenset({"note"})).get("note", "")
    if not isinstance(note, str):
        fail("stdin: note must be a string")
    try:
        withhold(person, note)
    except ValueError as refused:
        successor = person.merged_into.public_id if person.merged_into else None
        fail(f"{refused}" + (f" ({successor})" if successor else ""))
    console.print(f"Name of person {person_id} withheld from the public release")


COMMANDS = [link, people]
EXPORTS = [export_links, export_people]
