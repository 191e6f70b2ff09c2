"""The release's commands: ``tergeu release public`` (the static site), ``tergeu release verify`` and
``tergeu release list`` (which lists may be published); ``tergeu.cli`` mounts them."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape

from tergeu.toolkit.cli import console, fail, with_django


@click.group("release")
def release() -> None:
    """Publish the list of the dead as a static site (docs/public-release.md)."""


@release.command("public")
@click.option("--to", "to", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="A new (or empty) folder to write the release into.")
@click.option("--previous", type=click.Path(exists=True, path_type=Path),
              help="The previous release (its folder or its manifest.json), checked against its manifest; "
                   "diff.json and the changes pages say what changed since.")
@with_django
def public(to: Path, previous: Path | None) -> None:
    """Write the public release: kk/ru/en pages, people.csv, people.json, diff.json, manifest.json.

    One entry per person of the published lists (tergeu release list NAME --publish): names, age,
    sex, date and place of death, circumstances, how many lists and sources. A withheld name is left
    out, the person still listed and counted. Never IINs, dates of birth, contacts, notes, reviewers:
    every file is checked for them before the release is moved into place, and nothing is released if one
    is found. Refused while records of published lists are not linked yet (run tergeu link first).
    """
    from tergeu.release.diffing import PreviousReleaseError, read_previous
    from tergeu.release.reading import NotLinkedError
    from tergeu.release.site import ReleaseFolderError, ReleaseRefused, build, manifest_digest

    try:
        earlier = read_previous(previous) if previous is not None else None
        made = build(to, earlier)
    except (PreviousReleaseError, ReleaseFolderError, ReleaseRefused, NotLinkedError) as problem:
        fail(str(problem))
    changes = made.changes
    if made.named_then_withheld:
        console.print(f"[yellow]Warning: {len(made.named_then_withheld)} entr(ies) of the previous release were "
                      "named and are withheld now; this release removes them without a link to the withheld "
                      "entry, but their names stay in the earlier release: "
                      f"{', '.join(made.named_then_withheld)}[/yellow]", highlight=False)
    console.print(f"Released {made.people} people ({made.withheld} with the name withheld) to {escape(str(to))}: "
                  f"{len(changes.added)} added, {len(changes.corrected)} corrected, {len(changes.removed)} removed")
    console.print(f"[dim]manifest SHA-256 {manifest_digest(to)}[/dim]")


@release.command("verify")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def verify_(folder: Path) -> None:
    """Check every file of a release against its manifest.json (SHA-256 and size); exit 1 if any differs."""
    from tergeu.core.release import MANIFEST, ManifestError, verify

    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        problems = verify(folder, listed)
    except ManifestError as error:
        fail(f"{folder}/{error}")
    except (OSError, ValueError, KeyError, TypeError) as error:
        fail(f"{folder / MANIFEST}: not a readable release manifest ({error})")
    for problem in problems:
        console.print(escape(problem), highlight=False)
    if problems:
        fail(f"{len(problems)} file(s) differ from the manifest")
    console.print(f"{len(listed)} files match the manifest")


@release.command("list")
@click.argument("list_name", required=False)
@click.option("--publish", "action", flag_value="publish", help="Let the public release show this list's records.")
@click.option("--withdraw", "action", flag_value="withdraw", help="Stop publishing this list.")
@with_django
def list_(list_name: str | None, action: str | None) -> None:
    """Mark a list as published (--publish) or not (--withdraw); without options, show the published lists.

    Only people named in a published list are released, described by the published lists alone.
    """
    from tergeu.registry.models import ImportedList
    from tergeu.release.publishing import publish, published_lists, withdraw

    if list_name is None or action is None:
        if list_name is not None or action is not None:
            fail("give a list name and --publish or --withdraw, or neither to see the published lists")
        for imported in published_lists():
            click.echo(imported.name)
        return
    imported = ImportedList.objects.filter(name=list_name).first()
    if imported is None:
        fail(f"no list named {list_name!r}")
    if action == "publish":
        publish(imported)
        console.print(f"List {escape(list_name)} is published")
    else:
        console.print(f"List {escape(list_name)} " + ("withdrawn" if withdraw(imported) else "was not published"))


COMMANDS = [release]
