"""The forces commands: ``tergeu forces import`` and ``tergeu forces command`` (``tergeu.cli`` mounts them)."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

import click

from tergeu.forces.importing.columns import KINDS
from tergeu.toolkit.cli import console, fail, with_django, write_to


@click.group()
def forces() -> None:
    """Security forces: units, their parents and commanders over time, incidents, trainings."""


@forces.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice((*KINDS, "ftm")), required=True,
              help="What the file lists; ftm: FollowTheMoney JSON lines holding every kind but trainings.")
@click.option("--map", "map_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file: [columns] canonical column = \"file header\".")
@click.option("--source", "source_name", help="Source of rows without a source cell (default: the file's name).")
@click.option("--synthetic", is_flag=True, help="The file is invented (demo, tests): its sources are marked so.")
@click.option("--dry-run", is_flag=True, help="Check and write everything, then roll back.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@with_django
def import_command(path: Path, kind: str, map_path: Path | None, source_name: str | None, synthetic: bool,
                   dry_run: bool, as_json: bool) -> None:
    """Import a CSV, TSV, JSON or XLSX file of units, relations, persons, postings, incidents or trainings,
    or a FollowTheMoney file (--kind ftm) of all but trainings.

    Every row is checked first; one problem anywhere and nothing is stored (docs/forces.md lists the
    columns). Trainings may be Security Force Monitor's FMTRPT TSV as published.
    """
    from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
    from tergeu.registry.importing.table import ImportProblem

    try:
        report = import_forces_file(path, ForcesImportOptions(kind, map_path, source_name, synthetic, dry_run))
    except ImportProblem as problem:
        fail(str(problem))
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif report.already_imported:
        console.print(f"{path.name}: already imported; nothing done")
    else:
        for problem in report.errors:
            console.print(f"{path.name}, row {problem.row}, column {problem.column!r}: {problem.message}",
                          markup=False)
        done = "checked (dry run)" if dry_run else "imported"
        if report.ok:
            console.print(f"{path.name}: {report.rows} {kind} rows {done}; resolutions {report.resolutions}")
        if report.skipped:  # FollowTheMoney entities that are no forces row: said, never silently dropped
            left_out = ", ".join(f"{schema} {count}" for schema, count in sorted(report.skipped.items()))
            console.print(f"{path.name}: left out (no unit, person, relation, posting or incident): {left_out}",
                          markup=False)
    if not report.ok:
        raise SystemExit(1)


@forces.command("export")
@click.option("--format", "fmt", type=click.Choice(["ftm"]), default="ftm", show_default=True,
              help="ftm: FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions' tools).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (replaced only once whole); default stdout.")
@with_django
def export_command(fmt: str, output: Path | None) -> None:
    """Export units, officials, postings, unit relations and incidents with their citations.

    Victims are registry people and are not exported. `tergeu forces import FILE --kind ftm` reads the
    file back (docs/forces.md, "FollowTheMoney").
    """
    from tergeu.forces.interchange import write_ftm  # loads followthemoney (about 0.7 s): only when asked
    from tergeu.forces.models import Incident, Official, Posting, Unit, UnitRelation
    from tergeu.provenance.models import Citation

    everything = {model: model.objects.all() for model in (Unit, Official, UnitRelation, Posting, Incident)}
    count = write_to(output, lambda out: write_ftm(out, everything, Citation.objects.all()), fail)
    console.print(f"[dim]{count} entities ({fmt})[/dim]")


@forces.command("command")
@click.argument("unit")
@click.option("--on", "on", required=True, type=click.DateTime(["%Y-%m-%d"]), help="The day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON on stdout.")
@with_django
def command_command(unit: str, on: datetime.datetime, as_json: bool) -> None:
    """Who commanded UNIT on a day, its parents (nearest first) and the units under it.

    UNIT may be its id, a name or alias in any script, or its number in any form («в/ч 30417», "MU 30417").
    """
    from tergeu.forces.chain import UnitNotFound, command_on, find_unit
    from tergeu.forces.models import Unit
    from tergeu.provenance.models import Citation

    try:
        found = find_unit(unit, Unit.objects.all())
    except UnitNotFound as problem:
        fail(str(problem))
    answer = command_on(found, on.date(), Citation.objects.all())
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    console.print(f"{answer['name']} ({answer['unit']}) on {answer['on']}", markup=False)
    for link in answer["parents"]:
        console.print(f"  {'↑' * link['depth']} {link['name']} ({link['unit']}, {link['holds']})", markup=False)
    for person in answer["commanders"] or [{"name": "no commander known", "holds": "-", "role": ""}]:
        console.print(f"  ★ {person['name']} {person['role']} ({person['holds']})", markup=False)
    for link in answer["children"]:
        console.print(f"  {'↓' * link['depth']} {link['name']} ({link['unit']}, {link['holds']})", markup=False)


def _vetting_query(query: str | None, kind: str) -> str:
    """The query: a unit's name or number from the command line; a person's name only as JSON on stdin
    (``{"query": "…"}``), so it never sits in the shell's history or the process list."""
    if query not in (None, "-"):
        if kind == "person":
            fail('give a person\'s name as JSON on stdin, not as an argument: '
                 'echo \'{"query": "…"}\' | tergeu vet - --kind person')
        return query
    try:
        document = json.loads(sys.stdin.read())
    except ValueError as exc:
        fail(f"stdin is not JSON: {exc}")
    if not isinstance(document, dict) or not isinstance(document.get("query"), str) or not document["query"].strip():
        fail('stdin must hold {"query": "the name, alias or number to vet"}')
    return document["query"].strip()


@click.command()
@click.argument("query", required=False)
@click.option("--kind", type=click.Choice(["unit", "person"]), required=True, help="What to vet.")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), help="Only incidents that began on or before this day.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON on stdout.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the printable findings report (PDF) here, for the vetting file.")
@click.option("--language", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="The language of the PDF.")
@with_django
def vet(query: str | None, kind: str, on: datetime.datetime | None, as_json: bool, pdf_path: Path | None,
        language: str) -> None:
    """Vet a unit or a person against the incidents on record: findings with their sources and a verdict.

    A unit is flagged for its own incidents and those of units under it on the incident's day; a person
    for incidents naming them and those of a unit they commanded on that day. A unit's QUERY may be any
    name, alias or number; a person's name comes as JSON on stdin (QUERY "-"): {"query": "…"}.
    """
    from tergeu.forces.vetting import vet as run_vetting
    from tergeu.provenance.models import Citation

    asked, until = _vetting_query(query, kind), on.date() if on else None
    if pdf_path is None:
        answer = run_vetting(asked, kind, until, Citation.objects.all())
    else:
        answer = {key: value for key, value in _write_findings(pdf_path, asked, kind, until, language).items()
                  if key in ("query", "matches", "findings", "verdict")}
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    console.print(f"{answer['verdict'].upper()}: {len(answer['matches'])} match(es), "
                  f"{len(answer['findings'])} finding(s)", markup=False)
    for match in answer["matches"]:
        console.print(f"  {match['kind']} {match['id']} {match['name']} ({match['score']:.2f}: {match['why']})",
                      markup=False)
    for finding in answer["findings"]:
        console.print(f"  incident {finding['incident']} {finding['date']} via {finding['via']} "
                      f"({finding['unit'] or finding['person']}, {finding['holds']}); "
                      f"sources: {', '.join(finding['sources']) or '-'}", markup=False)


def _write_findings(path: Path, query: str, kind: str, until: datetime.date | None,
                    language: str) -> dict[str, Any]:
    """The vetting file, written to ``path`` as a PDF (whole, or not at all)."""
    from tergeu.forces.findings import NoWriter, vetting_file, write_findings
    from tergeu.forces.models import Incident
    from tergeu.provenance.models import Citation

    found = vetting_file(query, kind, until, Citation.objects.all(), Incident.objects.all())

    def write(out: Any) -> int:
        write_findings(out, found, language)
        return len(found["findings"])
    try:
        write_to(path, write, fail, binary=True)
    except NoWriter as missing:
        fail(str(missing))
    console.print(f"[dim]findings report: {path}[/dim]")
    return found


@forces.command("review")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON on stdout.")
@with_django
def review_command(as_json: bool) -> None:
    """List the names of perpetrators and training recipients that wait for a person's decision."""
    from tergeu.forces.review import MENTIONS, open_mentions

    waiting = [{"kind": kind, "id": row.pk, "mention": row.mention, "candidates": row.candidates}
               for kind, model in MENTIONS.items() for row in open_mentions(model.objects.all())]
    if as_json:
        click.echo(json.dumps(waiting, ensure_ascii=False, indent=2))
        return
    for item in waiting:
        choices = "; ".join(f"{c['id']} {c['name']} ({c['score']:.2f})" for c in item["candidates"])
        console.print(f"{item['kind']} {item['id']}: {item['mention']!r} → {choices}", markup=False)


@forces.command("decide")
@click.argument("kind", type=click.Choice(["perpetrator", "recipient"]))
@click.argument("row_id", type=int)
@click.option("--choose", help="The id of the unit or person the name means.")
@click.option("--none", "none_of_them", is_flag=True, help="The name means none of the candidates.")
@with_django
def decide_command(kind: str, row_id: int, choose: str | None, none_of_them: bool) -> None:
    """Decide what one waiting name means (ids from `tergeu forces review`); the decision is kept."""
    from tergeu.forces.review import MENTIONS, DecisionRefused, decide_mention, open_mentions
    from tergeu.history.tracking import current_actor

    if (choose is None) == (not none_of_them):
        fail("give either --choose ID or --none")
    row = open_mentions(MENTIONS[kind].objects.all()).filter(pk=row_id).first()
    if row is None:
        fail(f"no {kind} {row_id} waits for a decision")
    try:
        decide_mention(row, choose, current_actor()[0])
    except DecisionRefused as refusal:
        fail(str(refusal))
    console.print(f"{kind} {row_id}: {row.verdict} ({row.explanation})", markup=False)


@click.group()
def assistance() -> None:
    """The review of security assistance: did units that were trained take part in incidents?"""


@assistance.command("review")
@click.option("--incident", "incident_id", help="Only this incident (its id in the incidents file).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON on stdout.")
@with_django
def assistance_review(incident_id: str | None, as_json: bool) -> None:
    """For each incident: its perpetrator units, the units above and under them on its day, and the
    training records resolved to each."""
    from tergeu.forces.assistance import review
    from tergeu.forces.models import Incident

    incidents = Incident.objects.all()
    if incident_id is not None:
        incidents = incidents.filter(external_id=incident_id)
        if not incidents.exists():
            fail(f"no incident has the id {incident_id!r}")
    answer = review(incidents)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    for item in answer["incidents"]:
        console.print(f"incident {item['incident']}", markup=False)
        for unit in item["units"]:
            trained = ", ".join(unit["trainings"]) or "no training on record"
            console.print(f"  {unit['relation']}: {unit['unit']}: {trained}", markup=False)


COMMANDS = [forces, vet, assistance]
