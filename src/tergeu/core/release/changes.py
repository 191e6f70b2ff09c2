"""What changed between two releases of the list of the dead, person by person.

People are matched by their public id, which a relink keeps for a continuing person. An id of the
previous release that the new one lacks is removed with a reason the caller looks up (``fate``): merged
into another person this release names (``into``), or, for every other case, one neutral reason,
"unlisted". Why the person left the list (their list withdrawn, their records deleted, merged into an
entry whose name is withheld) is not said: each of those reasons would tell a reader something the
release does not publish (that a private list still names the person, or which name a withheld entry
has). Corrections name the fields that changed, never their old values: an old value may be what
was taken back (a name the family asked to withhold).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MERGED, UNLISTED = "merged", "unlisted"
REASONS = (MERGED, UNLISTED)


@dataclass(frozen=True)
class Removal:
    id: str
    reason: str  # one of REASONS
    into: str = ""  # the published person it was merged into (MERGED only)


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    corrected: dict[str, list[str]] = field(default_factory=dict)  # id → changed fields, in field order
    removed: list[Removal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"added": self.added,
                "corrected": [{"id": key, "fields": fields} for key, fields in self.corrected.items()],
                "removed": [{"id": r.id, "reason": r.reason, **({"into": r.into} if r.into else {})}
                            for r in self.removed]}


Fate = Callable[[str], tuple[str, str]]  # a missing id → (reason, the id it was merged into or "")


def compare(previous: Iterable[Mapping[str, Any]], current: Iterable[Mapping[str, Any]], fields: Iterable[str],
            fate: Fate) -> Changes:
    """The changes from ``previous`` to ``current`` entries (dicts with an ``id``), comparing ``fields``."""
    before = {entry["id"]: entry for entry in previous}
    after = {entry["id"]: entry for entry in current}
    compared = tuple(fields)
    changes = Changes(added=sorted(set(after) - set(before)))
    for key in sorted(set(before) & set(after)):
        differing = [name for name in compared if before[key].get(name) != after[key].get(name)]
        if differing:
            changes.corrected[key] = differing
    for key in sorted(set(before) - set(after)):
        reason, into = fate(key)
        if reason not in REASONS or (reason == MERGED) != (into in after):
            raise ValueError(f"{key}: removed as {reason!r} into {into!r}, which the new release does not hold")
        changes.removed.append(Removal(key, reason, into if reason == MERGED else ""))
    return changes
