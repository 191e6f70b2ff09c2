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

from django.db.models import QuerySet
from django.utils import timezone

from tergeu.forces.models import Incident, Official, Unit
from tergeu.forces.vetting import vet
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


def vetting_file(query: str, kind: str, until: datetime.date | None, seen: QuerySet[Citation],
                 incidents: QuerySet[Incident]) -> dict[str, Any]:
    """``vet``'s answer, with ``kind``, ``on``, when it was made, each finding's incident as recorded
    (``incidents``: those the reader may see) and whether invented data is in it (``synthetic``)."""
    found = vet(query, kind, until, seen)
    ids = {finding["incident"] for finding in found["findings"]}
    details = {i.external_id: {"start": i.start, "end": i.end, "place": i.place, "description": i.description,
                               "violation_types": i.violation_types}
               for i in incidents.filter(external_id__in=ids)}
    return {**found, "kind": kind, "on": until.isoformat() if until else None, "generated_at": timezone.now(),
            "incidents": details, "synthetic": _synthetic(found, seen)}


def file_name(found: dict[str, Any]) -> str:
    """vetting-unit-2026-12-05.pdf: never the name vetted, which may be a person's."""
    return f"vetting-{found['kind']}-{found['generated_at']:%Y-%m-%d}.pdf"
