"""``tergeu witnesses ...`` and ``tergeu keys ...``: protected people from the command line.

Identities come as JSON on standard input, never as arguments, so they appear in no process list and
no shell history; so may statements (``--text -`` or ``--file``), pressure texts (``--stdin``), reasons
(``--reason -``) and attachments (``attach REF -``). Their argv forms still work for a quick test but
print a warning: anything in argv is readable by every local user (``ps``) and stays in shell history.
The commands act as the operator who holds the key file (the OS account is named in the history and
the reveal log); ``show`` still needs a reason, and is logged like a reveal on a page.
"""

from __future__ import annotations

import datetime
import getpass
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from tergeu.toolkit.cli import console, fail, with_django, write_to
from tergeu.witnesses.vocab import PRESSURE_KINDS

DAY = click.DateTime(formats=["%Y-%m-%d"])
STDIN = "-"
PRESSURE_TEXT_FIELDS = ("text", "reported_by", "follow_up")


def _stdin_json() -> Any:
    """The JSON value on standard input; a clear error naming line and column otherwise."""
    try:
        return json.loads(sys.stdin.read())
    except ValueError as problem:
        fail(f"stdin, line {getattr(problem, 'lineno', '?')}, column {getattr(problem, 'colno', '?')}: not JSON")


def _stdin_object(fields: tuple[str, ...]) -> dict[str, str]:
    """A JSON object of text ``fields`` on standard input (those missing are empty)."""
    data = _stdin_json()
    if not isinstance(data, dict):
        fail("stdin: expected a JSON object")
    if unknown := sorted(set(data) - set(fields)):
        fail(f"stdin: unknown fields {', '.join(unknown)}; the fields are {', '.join(fields)}")
    if wrong := [field for field, value in data.items() if not isinstance(value, str)]:
        fail(f"stdin: {', '.join(wrong)} must be text")
    return {field: data.get(field, "") for field in fields}


def _warn_argv(option: str) -> None:
    """Say that ``option`` given as an argument is visible to others; the stdin form is not."""
    click.echo(f"warning: {option} given as an argument is readable by every local user (ps) and kept in "
               "shell history; pass it on standard input instead (see docs/security.md)", err=True)


def _reason(reason: str) -> str:
    """``--reason -`` reads the reason from the first line of stdin; an argument is warned about."""
    if reason == STDIN:
        return sys.stdin.readline().strip()
    _warn_argv("--reason")
    return reason


def _person(reference: str) -> Any:
    """A person by pseudonym (W-7F3K) or public id; a clear error naming what was not found."""
    from django.db.models import Q

    from tergeu.witnesses.models import ProtectedPerson

    found = ProtectedPerson.objects.filter(Q(pseudonym=reference.upper()) | Q(public_id=reference.lower())).first()
    if found is None:
        fail(f"no protected person {reference}")
    return found


def _guarded(action: Any) -> Any:
    """Run ``action``; a refusal or a key problem becomes one error line (never a traceback with values)."""
    from tergeu.core.protect import ProtectionError
    from tergeu.witnesses.service import ProtectionRefused

    try:
        return action()
    except (ProtectionRefused, ProtectionError) as problem:
        fail(str(problem))


def _actor() -> str:
    from tergeu.history.tracking import current_actor

    return current_actor()[0]


@click.group()
def witnesses() -> None:
    """Protected people: identities sealed under the key file, known by pseudonym (docs/security.md)."""


@witnesses.command("add")
@click.option("--json", "as_json", is_flag=True, help="Print {\"id\", \"pseudonym\"} as JSON (the default too).")
@click.option("--handler", "handlers", multiple=True, help="Grant this user the person (repeatable).")
@with_django
def add(as_json: bool, handlers: tuple[str, ...]) -> None:
    """Add a person from a JSON object on stdin: {"name", "date_of_birth", "contact", "address", "relatives",
    "notes"}; prints the pseudonym and public id, and any person already registered under a similar name."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from tergeu.accounts import grants
    from tergeu.witnesses import service
    from tergeu.witnesses.models import ProtectedPerson

    identity = _stdin_json()
    users = {name: get_user_model().objects.filter(username=name).first() for name in handlers}
    if missing := [name for name, user in users.items() if user is None]:
        fail(f"no user {', '.join(missing)}")
    name = identity.get("name") if isinstance(identity, dict) else None
    similar = _guarded(lambda: list(service.duplicates_of(name, ProtectedPerson.objects.all()))) if name else []
    with transaction.atomic():
        person = _guarded(lambda: service.add_person(identity, by=_actor()))
        for user in users.values():
            grants.grant(user, person, by=_actor(), level="edit")
    click.echo(json.dumps({"id": person.public_id, "pseudonym": person.pseudonym,
                           "similar": [other.pseudonym for other in similar]}))


@witnesses.command("share")
@click.argument("reference")
@click.argument("username")
@click.option("--view-only", is_flag=True, help="May see, not add statements or pressure events.")
@click.option("--revoke", is_flag=True, help="End the user's access instead.")
@with_django
def share(reference: str, username: str, view_only: bool, revoke: bool) -> None:
    """Make a user a handler of the person (a grant, logged), or end it with --revoke."""
    from django.contrib.auth import get_user_model

    from tergeu.accounts import grants

    person = _person(reference)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        fail(f"no user {username}")
    if revoke:
        ended = grants.revoke(user, person)
        console.print(f"Ended {ended} grant(s) of {escape(username)} on {escape(person.pseudonym)}")
        return
    grants.grant(user, person, by=_actor(), level="view" if view_only else "edit")
    console.print(f"{escape(username)} now handles {escape(person.pseudonym)}")


@witnesses.command("statement")
@click.argument("reference")
@click.option("--text", help="The statement; '-' reads it from stdin (an argument is seen in the process list).")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read it from a file.")
@click.option("--given-on", type=DAY, help="When it was given, YYYY-MM-DD.")
@with_django
def statement(reference: str, text: str | None, path: Path | None, given_on: datetime.datetime | None) -> None:
    """Record a statement of a person (text sealed under their record key)."""
    from tergeu.witnesses import records

    if (text is None) == (path is None):
        fail("give the statement with --text or --file (one of them)")
    if text == STDIN:
        text = sys.stdin.read()
    elif text is not None:
        _warn_argv("--text")
    body = path.read_text(encoding="utf-8") if path else text
    person = _person(reference)
    made = _guarded(lambda: records.add_statement(person, body, by=_actor(),
                                                  given_on=given_on.date() if given_on else None))
    click.echo(json.dumps({"statement": made.public_id, "person": person.pseudonym}))


@witnesses.command("pressure")
@click.argument("reference")
@click.option("--date", "day", type=DAY, required=True, help="When it happened, YYYY-MM-DD.")
@click.option("--kind", type=click.Choice(PRESSURE_KINDS), required=True)
@click.option("--stdin", "from_stdin", is_flag=True,
              help='Read {"text", "reported_by", "follow_up"} as a JSON object on stdin (recommended).')
@click.option("--text", default="", help="What happened (argument: warned; prefer --stdin).")
@click.option("--reported-by", default="", help="Who reported it (argument: warned; prefer --stdin).")
@click.option("--follow-up", default="", help="What was done about it (argument: warned; prefer --stdin).")
@click.option("--voluntary/--not-voluntary", default=None, help="For a retraction: was it voluntary?")
@click.option("--withdraws", help="For a retraction: the public id of the statement it withdraws.")
@with_django
def pressure(reference: str, day: datetime.datetime, kind: str, from_stdin: bool, text: str, reported_by: str,
             follow_up: str, voluntary: bool | None, withdraws: str | None) -> None:
    """Record an event of pressure (a retraction marks the statement it withdraws); handlers are alerted."""
    from tergeu.witnesses import records

    given = {"text": text, "reported_by": reported_by, "follow_up": follow_up}
    if from_stdin and any(given.values()):
        fail("give the texts on stdin (--stdin) or as options, not both")
    if from_stdin:
        given = _stdin_object(PRESSURE_TEXT_FIELDS)
    else:
        for field in (field for field, value in given.items() if value):
            _warn_argv("--" + field.replace("_", "-"))
    text, reported_by, follow_up = (given[field] for field in PRESSURE_TEXT_FIELDS)
    person = _person(reference)
    withdrawn = person.statements.filter(public_id=withdraws).first() if withdraws else None
    if withdraws and withdrawn is None:
        fail(f"{person.pseudonym} has no statement {withdraws}")
    event = _guarded(lambda: records.record_pressure(person, records.Pressure(
        day.date(), kind, text, reported_by, follow_up, voluntary, withdrawn), by=_actor()))
    click.echo(json.dumps({"event": event.public_id, "person": person.pseudonym}))


@witnesses.command("show")
@click.argument("reference")
@click.option("--reason", required=True,
              help="Why you need the identity (logged, shown to the handlers); '-' reads it from stdin.")
@click.option("--json", "as_json", is_flag=True, help="Print the identity as JSON.")
@with_django
def show(reference: str, reason: str, as_json: bool) -> None:
    """Decrypt and print one person's identity; the reveal is logged with your reason."""
    from tergeu.witnesses import service

    person = _person(reference)
    reason = _reason(reason)
    identity = _guarded(lambda: service.reveal(person, actor=_actor(), reason=reason))
    if as_json:
        click.echo(json.dumps({"id": person.public_id, "pseudonym": person.pseudonym, **identity}, ensure_ascii=False))
        return
    for field, value in identity.items():
        click.echo(f"{field}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")


@witnesses.command("attach")
@click.argument("reference")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@with_django
def attach(reference: str, path: Path) -> None:
    """Encrypt an identity document or photo into TERGEU_HOME (the original file is left to you to erase).

    ``-`` reads the file from stdin and stores it as "document": a file name (often the person's) given
    as an argument is readable by others in the process list.
    """
    from tergeu.witnesses.attachments import attach as encrypt

    person = _person(reference)
    if str(path) == STDIN:
        data, name = sys.stdin.buffer.read(), "document"
    else:
        _warn_argv("the file name")
        data, name = path.read_bytes(), path.name
    made = _guarded(lambda: encrypt(person, data, name, by=_actor()))
    click.echo(json.dumps({"attachment": made.public_id, "person": person.pseudonym, "bytes": made.size}))


@witnesses.command("attachment")
@click.argument("reference")
@click.argument("attachment_id")
@click.option("--reason", required=True, help="Why you need it (logged, shown to the handlers); '-': from stdin.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Write it here.")
@with_django
def attachment(reference: str, attachment_id: str, reason: str, output: Path) -> None:
    """Decrypt one attachment of a person into a file; logged like a reveal."""
    from tergeu.witnesses.attachments import read_attachment

    person = _person(reference)
    found = person.attachments.filter(public_id=attachment_id).first()
    if found is None:
        fail(f"{person.pseudonym} has no attachment {attachment_id}")
    reason = _reason(reason)
    _name, data = _guarded(lambda: read_attachment(found, actor=_actor(), reason=reason))
    write_to(output, lambda stream: stream.write(data), fail, binary=True)
    console.print(f"Wrote {len(data)} bytes to {escape(str(output))}")


@witnesses.command("forget")
@click.argument("reference")
@click.option("--yes", is_flag=True, help="Confirm: the identity is destroyed for good.")
@with_django
def forget(reference: str, yes: bool) -> None:
    """Destroy a person's identity key (crypto-shredding), then rotate the master key so old database
    backups cannot open it either; statements and the pressure log stay, under the pseudonym."""
    from tergeu.witnesses import service

    if not yes:
        fail("forgetting cannot be undone: add --yes")
    person = _person(reference)
    rotated = _guarded(lambda: service.forget(person, by=_actor()))
    console.print(f"Forgot the identity of {escape(person.pseudonym)}; master key rotated ({rotated} people "
                  "re-wrapped). Destroy backups of the old key (tergeu keys backup) to finish.")


@click.group()
def keys() -> None:
    """The master key of protected identities (TERGEU_KEY_FILE): rotate, back up, restore."""


@keys.command("rotate")
@with_django
def rotate() -> None:
    """Re-wrap every data key under a new master key (atomically; safe to run again if interrupted)."""
    from tergeu.witnesses import service

    count = _guarded(service.rotate_master_key)
    console.print(f"Master key rotated: {count} people re-wrapped. Back up the new key (tergeu keys backup).")


def _passphrase(confirm: bool) -> str:
    """From the terminal (asked, not echoed) or, without one, the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        fail("the passphrases differ")
    return first


@keys.command("backup")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout).")
@with_django
def backup(output: Path | None) -> None:
    """Write the master key sealed under a passphrase (scrypt, AES-256-GCM); keep it offline."""
    from django.conf import settings

    from tergeu.core.protect import backup_document, load_key_file, pending_path

    if pending_path(settings.TERGEU_KEY_FILE).exists():  # rows may already be wrapped under the next key
        fail(f"{pending_path(settings.TERGEU_KEY_FILE)}: a rotation is unfinished; run `tergeu keys rotate` first, "
             "then back up the key it leaves")
    master = _guarded(lambda: load_key_file(settings.TERGEU_KEY_FILE))
    document = _guarded(lambda: backup_document(master, _passphrase(confirm=True)))
    write_to(output, lambda stream: stream.write(document), fail)


@keys.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_django
def restore(path: Path) -> None:
    """Put the master key of a backup where TERGEU_KEY_FILE points (never over an existing key)."""
    from django.conf import settings

    from tergeu.core.protect import restore_from_backup, write_key_file

    master = _guarded(lambda: restore_from_backup(path.read_text(encoding="utf-8"), _passphrase(False), str(path)))
    _guarded(lambda: write_key_file(settings.TERGEU_KEY_FILE, master))
    console.print(f"Restored master key {master.key_id.hex()} to {escape(str(settings.TERGEU_KEY_FILE))}")


COMMANDS = [witnesses, keys]
