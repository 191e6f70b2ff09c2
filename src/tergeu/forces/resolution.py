"""Free-text names of units and officials, resolved against the stored ones (``core.forces.NameIndex``).

An incident's perpetrators and a training's recipients are kept as written and as resolved links:
each mention becomes one row with the unit or official it most likely names, its score, the
resolver's verdict (resolved, review, unresolved) and why. Only ``resolved`` links count in
queries; ``review`` ones wait for a person, whose decision is kept in ``decided_by``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tergeu.core.forces import UNRESOLVED, BlockedNameIndex, Entity, split_mentions
from tergeu.forces.models import Mention, NameKind, Official, Perpetrator, TrainingRecipient, Unit, UnitName


def unit_entities() -> list[Entity]:
    names: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for unit_id, kind, text in UnitName.objects.values_list("unit_id", "kind", "text"):
        names[unit_id][kind].append(text)
    return [Entity("unit", external_id, name, tuple(names[pk][NameKind.ALIAS]), tuple(names[pk][NameKind.IDENTIFIER]))
            for pk, external_id, name in Unit.objects.values_list("pk", "external_id", "name")]


def official_entities() -> list[Entity]:
    return [Entity("person", external_id, name, tuple(aliases))
            for external_id, name, aliases in Official.objects.values_list("external_id", "name", "aliases")]


class Resolver:
    """Resolves mentions to stored units or officials; built once per import or query.

    The index keeps the candidates from 0.6 (``BlockedNameIndex``): the verdicts are those of scoring
    every name, and an import against 20,000 units takes seconds, not the better part of an hour.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.model = Unit if kind == "unit" else Official
        entities = unit_entities() if kind == "unit" else official_entities()
        self.index = BlockedNameIndex(entities)
        self.pk_of = dict(self.model.objects.values_list("external_id", "pk"))

    def mentions(self, text: str) -> list[dict[str, Any]]:
        """One dict of ``Mention`` fields per name in ``text``; a file's own id resolves at once."""
        return [self.one(mention) for mention in split_mentions(text)]

    def one(self, mention: str) -> dict[str, Any]:
        """The ``Mention`` fields of one name: its link (if any), score, verdict, why and candidates."""
        if mention in self.pk_of:
            return self._link(mention, self.pk_of[mention], 1.0, "resolved", "the id of a stored row")
        resolution = self.index.resolve(mention, self.kind)
        best = resolution.best
        candidates = [{"id": c.id, "name": c.name, "score": c.score, "why": c.explanation[:300]}
                      for c in resolution.candidates]
        if best is None or resolution.verdict == UNRESOLVED:
            return {"mention": mention[:300], "score": best.score if best else 0.0, "verdict": UNRESOLVED,
                    "explanation": (best.explanation if best else "no unit or person comes close")[:300],
                    "candidates": candidates}
        link = self._link(mention, self.pk_of[best.id], best.score, resolution.verdict, best.explanation)
        return {**link, "candidates": candidates}

    def _link(self, mention: str, pk: int, score: float, verdict: str, why: str) -> dict[str, Any]:
        target = "unit_id" if self.kind == "unit" else "official_id"
        return {"mention": mention[:300], target: pk, "score": score, "verdict": verdict, "explanation": why[:300]}


def reresolve(kind: str) -> dict[str, int]:
    """Resolve again every undecided mention of ``kind`` (unit or person) that was not surely resolved.

    Why: perpetrators and training recipients imported before their unit or official was known stay
    unresolved or in review; after new units or persons are imported they may now be found. A person's
    decision (``decided_by``) is never touched, nor a link already resolved. Returns how many rows
    changed to each verdict.
    """
    waiting = {"decided_by": "", "verdict__in": ("review", "unresolved")}
    rows: list[Mention] = list(Perpetrator.objects.filter(kind=kind, **waiting))
    if kind == "unit":
        rows += list(TrainingRecipient.objects.filter(**waiting))
    if not rows:
        return {}
    resolver, changed = Resolver(kind), defaultdict(int)
    target = "unit_id" if kind == "unit" else "official_id"
    for row in rows:
        fields = {target: None, "candidates": [], **resolver.one(row.mention)}
        if all(getattr(row, key) == value for key, value in fields.items()):
            continue
        for key, value in fields.items():
            setattr(row, key, value)
        row.save()
        changed[row.verdict] += 1
    return dict(changed)
