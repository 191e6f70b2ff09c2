"""Reading the previous release and saying what became of the people it listed and this one does not."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tergeu.core.release import MANIFEST, MERGED, UNLISTED, Fate, ManifestError, verify
from tergeu.linkage.models import Person
from tergeu.release.access import public_records

PEOPLE_JSON = "people.json"


class PreviousReleaseError(ValueError):
    """The previous release cannot be read or does not match its manifest (the message names the file)."""


@dataclass(frozen=True)
class PreviousRelease:
    folder: Path
    generated_at: str
    manifest_sha256: str
    people: list[dict[str, Any]]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PreviousReleaseError(f"{path}: not found; --previous takes a release folder or its {MANIFEST}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PreviousReleaseError(f"{path}: cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise PreviousReleaseError(f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
                                   ) from None


def read_previous(where: Path) -> PreviousRelease:
    """The release in folder ``where`` (or whose manifest ``where`` is), checked against its manifest first:
    a diff against a copy that was altered would report changes nobody made."""
    folder = where.parent if where.name == MANIFEST and where.is_file() else where
    manifest_path = folder / MANIFEST
    listed = _read_json(manifest_path)
    if not isinstance(listed, dict) or not isinstance(listed.get("files"), list):
        raise PreviousReleaseError(f"{manifest_path}: not a release manifest (no \"files\" list)")
    try:
        problems = verify(folder, listed["files"])
    except ManifestError as error:
        raise PreviousReleaseError(f"{folder}/{error}") from None
    if problems:
        raise PreviousReleaseError(f"{folder} does not match its manifest: {'; '.join(problems[:5])}")
    people = _read_json(folder / PEOPLE_JSON)
    entries = people.get("people") if isinstance(people, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str)
                                                for e in entries):
        raise PreviousReleaseError(f"{folder / PEOPLE_JSON}: no \"people\" list of entries with an \"id\"")
    digest = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    return PreviousRelease(folder, str(listed.get("generated_at", "")), digest, entries)


def fate_in(named: Collection[str]) -> Fate:
    """What became of a person the previous release listed and this one does not (``named``: the ids of
    this release's entries whose name is published).

    Merged: a relink retired the person, and the published person now holding most of its published
    records is named in this release (as ``linkage.access.successor_seen_by`` leads a reader who sees some
    lists: by the records the public sees, not by ``merged_into``, which follows records the public does
    not). Everything else is "unlisted", one reason for all: a list withdrawn, records deleted, a merge
    into a withheld entry. Telling them apart would tell a reader that a private list still names the
    person, or which earlier name a withheld entry has.
    """

    def fate(public_id: str) -> tuple[str, str]:
        person = Person.objects.filter(public_id=public_id, retired_at__isnull=False).first()
        if person is None:
            return UNLISTED, ""
        holders = Counter(public_records().filter(pk__in=person.former_records, membership__isnull=False)
                          .values_list("membership__person_id", "membership__person__public_id"))
        if holders:
            successor = min(holders, key=lambda holder: (-holders[holder], holder[0]))[1]  # ties: the earlier
            if successor in named:
                return MERGED, successor
        return UNLISTED, ""

    return fate


def named_then_withheld_now(ids: Collection[str]) -> list[str]:
    """Which of ``ids`` (entries a previous release named and this one removes) are people whose name is
    withheld now, or whose records a withheld person holds now: a name once published cannot be recalled,
    and the operator should know before publishing (printed on the console, never written to the release)."""
    found = set(Person.objects.filter(public_id__in=ids, withheld_name__isnull=False).values_list("public_id",
                                                                                                  flat=True))
    for public_id, former in Person.objects.filter(public_id__in=ids, retired_at__isnull=False).values_list(
            "public_id", "former_records"):
        if Person.objects.filter(memberships__record__in=former or [], withheld_name__isnull=False).exists():
            found.add(public_id)
    return sorted(found)
