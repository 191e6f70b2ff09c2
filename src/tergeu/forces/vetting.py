"""Vetting a unit or a person proposed for assistance against the incidents on record (``tergeu vet``).

The query is resolved like any name (numbers, scripts, aliases: ``core.forces.BlockedNameIndex``, the
candidates ``NameIndex`` gives from 0.6, kept under a data version); each match is vetted by
``core.forces.vet_unit`` or ``vet_person`` on its own neighbourhood of the chain of command
(``forces.neighbourhood``: only what its findings can come from) and the incidents' surely resolved
perpetrators. Each finding lists the sources of the incident and of the
relation or posting it rests on, among those the caller may see.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet

from tergeu.core.forces import DOUBTFUL_MATCH, sure_match, verdict_of, vet_person, vet_unit
from tergeu.forces.chain import sources_of
from tergeu.forces.facts import incident_facts
from tergeu.forces.models import Incident, Posting, UnitRelation
from tergeu.forces.neighbourhood import names_index, person_neighbourhood, unit_neighbourhood
from tergeu.provenance.models import Citation

__all__ = ["KINDS", "incident_facts", "vet"]  # incident_facts: where it was read from before

KINDS = ("unit", "person")


def _evidence_sources(findings: list, seen: QuerySet[Citation]) -> dict[str, dict[int, list[str]]]:
    incidents = list(Incident.objects.filter(external_id__in={f.incident for f in findings}))
    refs = {ref for f in findings for ref in f.evidence}
    cited = sources_of(incidents, seen)
    return {"incident": {i.external_id: cited.get(i.pk, []) for i in incidents},
            "posting": sources_of(list(Posting.objects.filter(pk__in=refs)), seen),
            "relation": sources_of(list(UnitRelation.objects.filter(pk__in=refs)), seen)}


def vet(query: str, kind: str, until: datetime.date | None, seen: QuerySet[Citation]) -> dict[str, Any]:
    """``{"query", "matches", "findings", "verdict"}`` (docs/forces.md, "Vetting")."""
    matches = names_index(kind).candidates(query, kind, floor=DOUBTFUL_MATCH)
    sure = sure_match(matches)
    vetted = [sure] if sure else matches
    vet_one, around = (vet_unit, unit_neighbourhood) if kind == "unit" else (vet_person, person_neighbourhood)
    graph, incidents = around([match.id for match in vetted]) if vetted else (None, [])
    found = {match.id: vet_one(match.id, graph, incidents, until) for match in vetted}
    every = [finding for findings in found.values() for finding in findings]
    sources = _evidence_sources(every, seen) if every else {}
    evidence_kind = "posting" if kind == "person" else "relation"
    return {
        "query": query,
        "matches": [{"kind": m.kind, "id": m.id, "name": m.name, "score": m.score, "why": m.explanation}
                    for m in matches],
        "findings": [{"incident": f.incident, "via": f.via, "unit": f.unit, "person": f.person, "date": f.date,
                      "holds": f.holding.value,
                      "sources": sorted({*sources["incident"].get(f.incident, []),
                                         *(s for ref in f.evidence for s in sources[evidence_kind].get(ref, []))})}
                     for f in every],
        "verdict": verdict_of(matches, found),
    }
