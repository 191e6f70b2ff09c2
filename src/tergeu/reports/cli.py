"""``tergeu report``: reports for readers, a group so that later reports (``tergeu report funnel``) join it.

``tergeu.cli`` mounts ``COMMANDS``. The command line runs as the data's custodian: it sees every list
and every estimate, as ``tergeu export people`` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tergeu.toolkit.cli import console, fail, with_django, write_to

FILTER_HELP = {  # one option per facet of the people index (linkage.people_index.FACETS)
    "region": "Region (or city of republican significance) of the place of death, as the gazetteer keys it "
              "(almaty-region, almaty), as the map links to the index.",
    "place": "Place of death, as the gazetteer keys it (almaty), or ~ and the place as written.",
    "date": "Date of death, YYYY-MM-DD.",
    "circumstances": "Circumstances, as stated.",
    "sex": "M or F.",
    "age": "Age band: 0–17, 18–29, 30–44, 45–59 or 60+ (an en dash; a hyphen is read as one).",
    "list": "A list, by the name given at import (or its public id).",
}


@click.group()
def report() -> None:
    """Reports for readers: the list of the dead as a PDF, a workbook or CSV."""


def _filter_options(command: click.Command) -> click.Command:
    for name, text in reversed(FILTER_HELP.items()):
        command = click.option(f"--{name}", f"filter_{name}", metavar="VALUE", help=text)(command)
    return command


@report.command("casualties")
@click.option("--format", "fmt", type=click.Choice(["pdf", "xlsx", "csv"]), default="pdf", show_default=True,
              help="pdf: a cover page and the list; xlsx: a sheet of people and one of cover facts; csv: the list.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (an existing file is replaced, and only once the report is whole); "
                   "default stdout, for csv or when piped.")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="The language of labels, cover and place names.")
@click.option("--sort", type=click.Choice(["name", "-name", "date", "-date", "place", "age", "-age", "lists"]),
              default="name", show_default=True, help="The order of the people, as on the people index.")
@_filter_options
@with_django
def casualties(fmt: str, output: Path | None, language: str, sort: str, **filters: str | None) -> None:
    """The list of the dead: one row per person (names in Kazakh, Russian and Latin script, age, sex, date and
    place of death, circumstances, sources, how many lists name them), with a cover of counts, the latest
    estimate of the toll and its method. Filters are the people index's. Columns: docs/export-formats.md."""
    from tergeu.estimation.models import EstimateRun
    from tergeu.registry.models import ImportedList, Record
    from tergeu.reports.casualties import casualty_report
    from tergeu.reports.render import write_report

    if output is None and fmt != "csv" and sys.stdout.isatty():
        fail(f"a {fmt} report is binary: name a file with -o (for example -o casualties.{fmt}) or pipe it")
    query = {name.removeprefix("filter_"): value.replace("-", "–") if name == "filter_age" else value
             for name, value in filters.items() if value}
    query["sort"] = sort
    if "list" in query:
        query["list"] = _list_id(query["list"])
    found = casualty_report(Record.objects.all(), ImportedList.objects.select_related("source"),
                            EstimateRun.objects.all(), query, language)
    count = write_to(output, lambda handle: write_report(handle, found, fmt), fail, binary=fmt != "csv")
    console.print(f"[dim]{count} people in the report[/dim]")


def _list_id(name: str) -> str:
    """The public id of the list named ``name`` (the people index filters by id); fails when there is none."""
    from django.db.models import Q

    from tergeu.registry.models import ImportedList

    found = ImportedList.objects.filter(Q(name=name) | Q(public_id=name)).values_list("public_id", flat=True).first()
    if found is None:
        fail(f"no list named {name!r} (lists are named at import: tergeu import --list NAME)")
    return str(found)


@report.command("funnel")
@click.option("--json", "as_json", is_flag=True, help="Print the funnel as one JSON object.")
@with_django
def funnel(as_json: bool) -> None:
    """The accountability funnel: complaints → with an opened case → cases opened → officials investigated →
    charged → convicted (shares only between like units: of complaints, of officials investigated, of charged),
    in total and per kind, region and month, and the registry's deaths → complaints → cases."""
    import json

    from tergeu.cases.funnel import funnel_for
    from tergeu.cases.models import Case, Complaint
    from tergeu.core.cases import SHARES, STAGES
    from tergeu.linkage.models import Person

    found = funnel_for(Complaint.objects.all(), Case.objects.all(), Person.objects.current())
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    for stage in STAGES:
        share = found["shares"].get(stage)
        of = SHARES.get(stage, "").replace("_", " ")
        console.print(f"{stage.replace('_', ' '):>24}  {found[stage]:>6}" + (f"  ({share:.0%} of {of})"
                                                                              if share is not None else ""))
    deaths = found["deaths"]
    console.print(f"registry deaths {deaths['registry_deaths']}, with a complaint {deaths['with_complaint']}, "
                  f"with a case opened {deaths['with_case_opened']}")


@report.command("letter")
@click.argument("complaint_id")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), required=True)
@click.option("--site", envvar="TERGEU_STATUS_URL", required=True,
              help="The status page's address as the complainant will type it (default: TERGEU_STATUS_URL).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="A new file (an existing one is refused); written whole before the new code is committed.")
@click.option("--by", "username", required=True,
              help="The Tergeu user printing it: one who manages cases and handles the code holder.")
@with_django
def letter(complaint_id: str, language: str, site: str, output: Path, username: str) -> None:
    """Print the letter that gives a complainant a new access code (the old code stops working). The
    holder's other handlers are alerted. If the letter cannot be written, the old code stays valid."""
    from tergeu.cases.cli import code_manager_complaint
    from tergeu.cases.service import rotate_code
    from tergeu.reports.letter import letter_pdf
    from tergeu.toolkit.files import UnwritablePath, refuse_unwritable, write_new_file

    complaint, user = code_manager_complaint(complaint_id, username)
    try:
        refuse_unwritable(output)
        rotate_code(complaint, by=f"cli:{username}", user=user, deliver=lambda code: write_new_file(
            output, letter_pdf(code, language=language, site=site, complaint_date=complaint.received_on)))
    except OSError as problem:  # the transaction rolled back: the old code still works
        fail(f"{problem if isinstance(problem, UnwritablePath) else f'cannot write {output}: {problem}'}; "
             "the complaint's code was not changed")
    console.print(f"Wrote the letter to {output}; the complaint's previous code no longer works")


COMMANDS = [report]
