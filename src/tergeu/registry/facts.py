"""A record's facts with their provenance, and reviewers' assessments of them.

Every fact a list row states carries its record (hence list and source), a confidence and a status:
the list's defaults, unless a reviewer has assessed that fact, in which case the assessment is a
``Claim`` about the record (tracked in the history like every claim). Further sources for a fact (a
court document, a medical report confirming a date of death) are ``Citation`` rows of the record for
that field: citing does not assess, so a fact is "assessed" only when a reviewer assessed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from tergeu.history.models import ChangeEntry
from tergeu.provenance.citations import citations_of, cite
from tergeu.provenance.models import Citation, Claim, Source
from tergeu.provenance.vocab import Confidence, Status, choice_refusal
from tergeu.registry.models import Record


class InvalidAssessment(ValueError):
    """A confidence or status outside the allowed choices: refused, since every page and export reads them."""


@dataclass(frozen=True)
class Fact:
    field: str
    value: str
    source: Source
    record: Record
    confidence: str
    status: str
    note: str = ""
    assessed: bool = False
    citations: tuple[Citation, ...] = ()  # further sources, only those the viewer may see


def _assessments(record: Record) -> dict[str, Claim]:
    record_type = ContentType.objects.get_for_model(Record)
    claims = Claim.objects.filter(subject_type=record_type, subject_id=record.pk, record=record)
    return {claim.field: claim for claim in claims}


def facts_of(record: Record, citations: QuerySet[Citation] | None = None) -> list[Fact]:
    """The record's facts in field order, each with source, confidence and status, and the further
    citations among ``citations`` (what the viewer may see; none when not given)."""
    imported = record.imported_list
    notes = record.parsed.get("notes", {})
    assessed = _assessments(record)
    cited: dict[str, list[Citation]] = {}
    for citation in citations_of([record], citations)[record.pk] if citations is not None else ():
        cited.setdefault(citation.field, []).append(citation)
    facts = []
    for name, value in record.facts.items():
        claim = assessed.get(name)
        facts.append(Fact(
            field=name, value=value, source=imported.source, record=record,
            confidence=claim.confidence if claim else imported.default_confidence,
            status=claim.status if claim else imported.default_status,
            note=claim.note if claim and claim.note else notes.get(name, ""),
            assessed=claim is not None,
            citations=tuple(cited.get(name, ())),
        ))
    return facts



def assess(record: Record, field: str, *, confidence: str | None = None, status: str | None = None,
           note: str = "") -> Claim:
    """Set the confidence and/or status of one of a record's facts (creates or updates its claim).

    ``Claim.save`` does not check a field's choices, so this is where they are enforced: a value outside
    ``Confidence`` or ``Status`` raises ``InvalidAssessment`` and nothing is stored.
    """
    if field not in record.facts:
        raise KeyError(f"record {record.pk} states no {field!r}; it states {', '.join(record.facts)}")
    for name, value, allowed in (("confidence", confidence, Confidence.values), ("status", status, Status.values)):
        if value and (problem := choice_refusal(name, value, allowed)):
            raise InvalidAssessment(problem)
    if "\x00" in note:
        raise InvalidAssessment("the note holds a NUL character")
    imported = record.imported_list
    claim = _assessments(record).get(field) or Claim(
        subject_type=ContentType.objects.get_for_model(Record), subject_id=record.pk, record=record,
        field=field, value=record.facts[field], source=imported.source,
        confidence=imported.default_confidence, status=imported.default_status,
    )
    claim.confidence = confidence or claim.confidence
    claim.status = status or claim.status
    claim.note = note or claim.note
    claim.save()
    return claim


def cite_fact(record: Record, field: str, source: Source, **citation: Any) -> Citation:
    """Cite ``source`` for one of a record's facts (``citation``: locator, confidence, status, note,
    evidence_sha256, valid_from, valid_to, as ``provenance.citations.cite`` takes them)."""
    if field not in record.facts:
        raise KeyError(f"record {record.pk} states no {field!r}; it states {', '.join(record.facts)}")
    return cite(record, source, field=field, **citation)


def history_of_record(record: Record) -> QuerySet[ChangeEntry]:
    """Changes to the assessments of this record's facts, oldest first, including assessments since deleted."""
    entries = ChangeEntry.objects.filter(object_type=ContentType.objects.get_for_model(Claim))
    ids = {str(pk) for pk in Claim.objects.filter(record=record).values_list("pk", flat=True)}
    ids.update(entries.filter(Q(after__record_id=record.pk) | Q(before__record_id=record.pk))
               .values_list("object_id", flat=True))
    return entries.filter(object_id__in=ids).order_by("at", "pk")
