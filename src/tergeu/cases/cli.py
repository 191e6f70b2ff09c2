"""``tergeu complaints ...`` and ``tergeu cases ...``: allegations and proceedings from the command line.

Anything about a person (the complaint with its victim and complainant) comes as JSON on standard input,
never as arguments, so no identity stands in the process list or the shell history. The access code is
printed once, by the command that makes it (``add``, ``code --rotate``); only its keyed hash is kept.
The funnel is ``tergeu report funnel`` (the reports app).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import click

from tergeu.cases.vocab import GROUNDS, STEPS
from tergeu.toolkit.cli import fail, with_django
from tergeu.witnesses.cli import _actor, _guarded, _stdin_json

DAY = click.DateTime(formats=["%Y-%m-%d"])


def _complaint(reference: str) -> Any:
    from tergeu.cases.models import Complaint

    found = Complaint.objects.filter(public_id=reference.lower()).first()
    if found is None:
        fail(f"no complaint {reference}")
    return found


def _case(reference: str) -> Any:
    from django.db.models import Q

    from tergeu.cases.models import Case

    found = Case.objects.filter(Q(public_id=reference.lower()) | Q(number=reference)).first()
    if found is None:
        fail(f"no case {reference}")
    return found


def _users(names: tuple[str, ...]) -> list[Any]:
    from django.contrib.auth import get_user_model

    users = {name: get_user_model().objects.filter(username=name).first() for name in names}
    if missing := [name for name, user in users.items() if user is None]:
        fail(f"no user {', '.join(missing)}")
    return list(users.values())


def _handlers(names: tuple[str, ...]) -> list[Any]:
    """The users named, each able to handle protected people (else the messages would alert nobody)."""
    from tergeu.accounts.roles import HANDLE_WITNESSES, role_allows

    users = _users(names)
    if refused := [user.username for user in users if not role_allows(user, HANDLE_WITNESSES)]:
        fail(f"{', '.join(refused)}: no role that handles protected people; a handler must have one")
    return users


def code_manager_complaint(reference: str, username: str) -> tuple[Any, Any]:
    """(complaint, user) when the Tergeu user ``username`` may rotate, revoke or print the complaint's code
    (manages cases and handles the code holder, as on the web); fails otherwise, the same for a missing
    complaint and a refused one."""
    from tergeu.cases.access import code_managers

    user = _users((username,))[0]
    found = code_managers(user).filter(public_id=reference.lower()).first()
    if found is None:
        fail(f"no complaint {reference} whose code {username} may change (only the handlers of its code holder, "
             "with a role that manages cases, may)")
    return found, user


@click.group()
def complaints() -> None:
    """Complaints of torture and abuse: victims protected, an access code for the status page."""


@complaints.command("add")
@click.option("--json", "as_json", is_flag=True, help='Print {"id", "access_code"} as JSON (the default too).')
@click.option("--handler", "handlers", multiple=True, required=True,
              help="Grant this user the complaint and its people (repeatable, at least one: they read the "
                   "complainant's messages).")
@with_django
def add(as_json: bool, handlers: tuple[str, ...]) -> None:
    """Add a complaint from a JSON object on stdin: {"kind", "date", "place", "description", "victim": {"name",
    "contact", ...}, "complainant": {...}, "deceased": registry person id, ...}; prints its id and access code
    (shown this once: give it to the complainant, or print the letter)."""
    from django.db import transaction

    from tergeu.cases import service

    data = _stdin_json()
    users = _handlers(handlers)
    with transaction.atomic():
        complaint, code = _guarded(lambda: service.add_complaint(data, by=_actor()))
        service.give_handlers(complaint, users, by=_actor())
    click.echo(json.dumps({"id": complaint.public_id, "access_code": code}))


@complaints.command("code")
@click.argument("complaint_id")
@click.option("--rotate", is_flag=True, help="Issue a new code (printed once); the old one stops working.")
@click.option("--revoke", is_flag=True, help="No code opens the status page any more.")
@click.option("--by", "username", required=True,
              help="The Tergeu user acting: one who manages cases and handles the code holder.")
@with_django
def code(complaint_id: str, rotate: bool, revoke: bool, username: str) -> None:
    """Rotate or revoke the access code of a complaint (the holder's other handlers are alerted). A lost
    code cannot be recovered, only its hash is kept: a handler issues a new one (this, or the letter)."""
    from tergeu.cases import service

    if rotate == revoke:
        fail("give --rotate or --revoke (one of them)")
    complaint, user = code_manager_complaint(complaint_id, username)
    if revoke:
        service.revoke_code(complaint, by=f"cli:{username}", user=user)
        click.echo(json.dumps({"id": complaint.public_id, "access_code": None}))
        return
    click.echo(json.dumps({"id": complaint.public_id,
                           "access_code": service.rotate_code(complaint, by=f"cli:{username}", user=user)}))


@complaints.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--map", "map_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML column map: [columns] canonical = \"file header\".")
@click.option("--codes", "codes_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write each row's complaint id and access code here (CSV, 0600); default: not kept.")
@click.option("--dry-run", is_flag=True, help="Check and write in a transaction, then roll it back.")
@click.option("--handler", "handlers", multiple=True, required=True,
              help="Grant this user every imported complaint and its people (repeatable, at least one).")
@with_django
def import_(path: Path, map_path: Path | None, codes_path: Path | None, dry_run: bool,
            handlers: tuple[str, ...]) -> None:
    """Import a complaint register (CSV or XLSX): every row, or nothing (problems by row and column). The
    codes file is written inside the import's transaction: if it cannot be, nothing is imported."""
    from tergeu.cases.importing import import_complaints
    from tergeu.registry.importing.table import ImportProblem

    users = _handlers(handlers)
    try:
        report = _guarded(lambda: import_complaints(path, map_path=map_path, dry_run=dry_run, codes_path=codes_path,
                                                    handlers=users))
    except (ImportProblem, OSError) as problem:
        fail(str(problem))
    click.echo(json.dumps(report.as_json(), ensure_ascii=False))
    if not report.ok:
        raise SystemExit(1)


@click.group()
def cases() -> None:
    """Official proceedings: numbers, authorities, articles, dated steps, officials concerned."""


@cases.command("add")
@click.option("--json", "as_json", is_flag=True, help='Print {"id"} as JSON (the default too).')
@with_django
def add_case(as_json: bool) -> None:
    """Add a case from a JSON object on stdin: {"number", "authority", "article", "authority_name", "contact",
    "complaints": [complaint ids]}."""
    from tergeu.cases import proceedings
    from tergeu.cases.models import Complaint

    data = _stdin_json()
    case = _guarded(lambda: proceedings.add_case(data, Complaint.objects.all(), by=_actor()))
    click.echo(json.dumps({"id": case.public_id}))


@cases.command("step")
@click.argument("case_id")
@click.option("--status", type=click.Choice(STEPS), required=True)
@click.option("--date", "day", type=DAY, required=True, help="YYYY-MM-DD")
@click.option("--note", default="", help="For handlers only. Never a protected person's name here (argv stands in "
              "ps and the shell history): use --notes-stdin for anything about a person.")
@click.option("--public-note", default="", help="Shown on the status page to every complainant of the case.")
@click.option("--notes-stdin", is_flag=True,
              help='Read {"note": "...", "public_note": "..."} as JSON from stdin instead of the two options.')
@click.option("--grounds", type=click.Choice(GROUNDS), help="For a closing: on what grounds.")
@click.option("--source", default="", help="Where the step is known from (a letter, a court record), by name.")
@click.option("--source-kind", default="official", show_default=True, help="The source's kind, if new.")
@click.option("--locator", default="", help="Its number, page or date.")
@with_django
def step(case_id: str, status: str, day: datetime.datetime, note: str, public_note: str, notes_stdin: bool,
         grounds: str | None, source: str, source_kind: str, locator: str) -> None:
    """Record a dated step of a case, citing its source. Notes that may name someone come on stdin
    (--notes-stdin), so they stay out of the process list and the shell history."""
    from tergeu.cases import proceedings
    from tergeu.toolkit.cli import json_from_stdin

    if notes_stdin:
        if note or public_note:
            fail("give the notes on stdin or as options, not both")
        notes = json_from_stdin(fail, frozenset({"note", "public_note"}))
        if not all(isinstance(value, str) for value in notes.values()):
            fail("stdin: note and public_note must be text")
        note, public_note = notes.get("note", ""), notes.get("public_note", "")
    case = _case(case_id)
    made = _guarded(lambda: proceedings.record_step(case, proceedings.Step(
        status, day.date(), note, public_note, grounds or "", source, source_kind, locator), by=_actor()))
    click.echo(json.dumps({"case": case.public_id, "step": made.public_id, "status": made.status}))


@cases.command("official")
@click.argument("case_id")
@click.option("--outcome", type=click.Choice(["questioned", "investigated", "amnestied", "charged", "acquitted",
                                              "convicted"]), required=True)
@click.option("--position", default="")
@click.option("--public", is_flag=True, help="May be named on the complainant's status page.")
@with_django
def official(case_id: str, outcome: str, position: str, public: bool) -> None:
    """Name an official concerned by a case (the name as the first line of stdin) and what happened to them."""
    import sys

    from tergeu.cases import proceedings

    case = _case(case_id)
    name = sys.stdin.readline().strip()
    made = _guarded(lambda: proceedings.add_official(case, name, outcome, position=position, public=public))
    click.echo(json.dumps({"case": case.public_id, "official": made.public_id, "outcome": made.outcome}))


@cases.command("share")
@click.argument("case_id")
@click.argument("username")
@click.option("--edit", is_flag=True, help="May also record steps (with a role that manages cases).")
@click.option("--until", type=DAY, help="The grant ends on this day.")
@click.option("--revoke", is_flag=True, help="End the user's access instead.")
@with_django
def share(case_id: str, username: str, edit: bool, until: datetime.datetime | None, revoke: bool) -> None:
    """Share one case (and so its complaints) with a named person: a grant, logged (the expert mission
    sees no case otherwise)."""
    from tergeu.accounts import grants

    case = _case(case_id)
    user = _users((username,))[0]
    if revoke:
        click.echo(json.dumps({"case": case.public_id, "user": username, "ended": grants.revoke(user, case)}))
        return
    from django.utils import timezone

    try:
        grants.grant(user, case, by=_actor(), level="edit" if edit else "view",
                     expires_at=timezone.make_aware(until) if until else None)
    except ValueError as refused:
        fail(str(refused))
    click.echo(json.dumps({"case": case.public_id, "user": username, "level": "edit" if edit else "view"}))


COMMANDS = [complaints, cases]
