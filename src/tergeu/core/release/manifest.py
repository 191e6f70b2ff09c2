"""The manifest of a release folder: every file's path, SHA-256 and size, so a reader can check that a
copy (a mirror, a download, an archive) is the release as published, byte for byte."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
CHUNK = 1 << 16
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(ValueError):
    """A manifest's "files" list is not a list of {path, sha256, bytes} (the message names the entry)."""


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            sha.update(block)
    return sha.hexdigest()


def manifest(folder: Path) -> list[dict[str, Any]]:
    """One entry per file under ``folder`` (the manifest itself excepted), by its ``/``-separated path, sorted."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() != MANIFEST)
    return [{"path": p.relative_to(folder).as_posix(), "sha256": _digest(p), "bytes": p.stat().st_size}
            for p in files]


def verify(folder: Path, listed: list[dict[str, Any]]) -> list[str]:
    """What differs between ``folder`` and its manifest's ``listed`` files (empty: the copy is whole).

    Each problem names the file: missing, changed (size or hash), or present but not listed. A malformed
    entry raises ``ManifestError`` naming it.
    """
    _check_entries(listed)
    problems = []
    found = {entry["path"]: entry for entry in manifest(folder)}
    for entry in listed:
        actual = found.pop(entry.get("path", ""), None)
        if actual is None:
            problems.append(f"{entry.get('path')}: missing")
        elif (actual["sha256"], actual["bytes"]) != (entry.get("sha256"), entry.get("bytes")):
            problems.append(f"{entry['path']}: changed (SHA-256 or size differs from the manifest)")
    problems += [f"{path}: not in the manifest" for path in sorted(found)]
    return problems


def _check_entries(listed: Any) -> None:
    if not isinstance(listed, list):
        raise ManifestError(f'{MANIFEST}: "files" is not a list')
    for number, entry in enumerate(listed, start=1):
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("sha256"), str) and _SHA256.fullmatch(entry["sha256"])
                and type(entry.get("bytes")) is int):
            raise ManifestError(f"{MANIFEST}: file entry {number} is not {{path, sha256 (64 hex digits), bytes}}")
