"""A vetting file: ``vet``'s answer with what a printed report needs, and who prints it.

The findings report is a PDF drawn by the ``reports`` app, which lies above ``forces``
(docs/architecture.md): ``forces`` cannot import it, so ``reports`` registers its writer here when it
starts (``ReportsConfig.ready``), as every app registers its visibility with ``accounts``. The command
(``tergeu vet --pdf``) and the unit and official pages then print through :func:`write_findings`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import IO, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tergeu.core.forces import COMMAND_ROLES, Candidate, Finding, verdict_of, vet_person, vet_unit
from tergeu.forces.chain import load_graph
from tergeu.forces.facts import incident_facts
from tergeu.forces.models import Incident, Official, Unit
from tergeu.forces.vetting import _evidence_sources, vet
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation, Source

LANGUAGES = ("kk", "ru", "en")
Writer = Callable[[IO[bytes], dict[str, Any], str], None]
_WRITERS: dict[str, Writer] = {}


class NoWriter(LookupError):
    """No app has registered a writer for the format (the reports app is not installed)."""


def register_writer(fmt: str, writer: Writer) -> None:
    """Called by the reports app at start: ``writer(out, vetting_file, language)`` prints a vetting file."""
    _WRITERS[fmt] = writer


def write_findings(out: IO[bytes], found: dict[str, Any], language: str, fmt: str = "pdf") -> None:
    if fmt not in _WRITERS:
        raise NoWriter(f"no {fmt} writer for vetting findings: the reports app is not installed")
    _WRITERS[fmt](out, found, language)


def _synthetic(found: dict[str, Any], seen: QuerySet[Citation]) -> bool:
    """Whether invented data is printed: a source of a finding, or of a matched unit or person, is synthetic."""
    names = {source for finding in found["findings"] for source in finding["sources"]}
    if Source.objects.filter(name__in=names, is_synthetic=True).exists():
        return True
    for model, kind in ((Unit, "unit"), (Official, "person")):
        rows = model.objects.filter(external_id__in=[m["id"] for m in found["matches"] if m["kind"] == kind])
        if any(c.source.is_synthetic for cited in citations_of(rows, seen).values() for c in cited):
            return True
    return False


def commanded_incidents(official: Official, incidents: QuerySet[Incident]) -> QuerySet[Incident]:
    """Those of ``incidents`` an official's findings can come from: naming them, or surely naming a unit
    they ever commanded (``vet_person`` then keeps those on a day of their command)."""
    units = official.postings.filter(role__in=COMMAND_ROLES).values("unit_id")
    return incidents.filter(pk__in=Incident.objects.filter(
        Q(perpetrators__official=official) | Q(perpetrators__unit_id__in=units),
        perpetrators__verdict="resolved").values("pk"))


def finding_rows(every: list[Finding], kind: str, seen: QuerySet[Citation]) -> list[dict[str, Any]]:
    """Findings as ``vet`` lists them, each with the sources of its incident and of its evidence."""
    sources = _evidence_sources(every, seen) if every else {}
    evidence_kind = "posting" if kind == "person" else "relation"
    return [{"incident": f.incident, "via": f.via, "unit": f.unit, "person": f.person, "date": f.date,
             "holds": f.holding.value,
             "sources": sorted({*sources["incident"].get(f.incident, []),
                                *(s for ref in f.evidence for s in sources[evidence_kind].get(ref, []))})}
            for f in every]


def vet_record(record: Unit | Official, until: datetime.date | None, seen: QuerySet[Citation]) -> dict[str, Any]:
    """``vet``'s answer for one stored unit or official, by its id. A page's findings are about its own
    record: vetting its name would also vet every namesake ("1st Company" of each battalion)."""
    kind = "unit" if isinstance(record, Unit) else "person"
    incidents = Incident.objects.all()
    if isinstance(record, Official):
        incidents = commanded_incidents(record, incidents)
    vet_one = vet_unit if kind == "unit" else vet_person
    found = vet_one(record.external_id, load_graph()[0], incident_facts(incidents), until)
    match = Candidate(kind, record.external_id, record.name, 1.0, "")
    return {"query": record.name, "verdict": verdict_of([match], {record.external_id: found}),
            "matches": [{"kind": kind, "id": record.external_id, "name": record.name, "score": 1.0,
                         "why": _("this record itself, by its id (namesakes are not vetted)")}],
            "findings": finding_rows(found, kind, seen)}


def vetting_file(query: str | Unit | Official, kind: str, until: datetime.date | None, seen: QuerySet[Citation],
                 incidents: QuerySet[Incident]) -> dict[str, Any]:
    """``vet``'s answer (of a name, or of one stored unit or official), with ``kind``, ``on``, when it was
    made, each finding's incident as recorded (``incidents``: those the reader may see) and whether
    invented data is in it (``synthetic``)."""
    found = vet(query, kind, until, seen) if isinstance(query, str) else vet_record(query, until, seen)
    ids = {finding["incident"] for finding in found["findings"]}
    details = {i.external_id: {"start": i.start, "end": i.end, "place": i.place, "description": i.description,
                               "violation_types": i.violation_types}
               for i in incidents.filter(external_id__in=ids)}
    return {**found, "kind": kind, "on": until.isoformat() if until else None, "generated_at": timezone.now(),
            "incidents": details, "synthetic": _synthetic(found, seen)}


def file_name(found: dict[str, Any]) -> str:
    """vetting-unit-2026-12-05.pdf: never the name vetted, which may be a person's. The day is the instance's
    (TERGEU_TIME_ZONE), as the footer prints it, not UTC's."""
    return f"vetting-{found['kind']}-{timezone.localdate(found['generated_at']):%Y-%m-%d}.pdf"
