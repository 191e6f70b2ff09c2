"""Citing a source for any row, and reading a row's citations: every write of a ``Citation``.

The values are checked here, not by the database: a confidence or status outside the vocabulary, an
evidence hash that is not 64 hexadecimal digits, or a period that ends before it starts is refused with
a message naming the value, and nothing is stored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tergeu.history.tracking import current_actor
from tergeu.provenance.models import Citation, Source
from tergeu.provenance.vocab import Confidence, Status

_SHA256 = re.compile(r"[0-9a-f]{64}")


class InvalidCitation(ValueError):
    """A citation that could not be read back as it was meant: refused, nothing stored."""


def _checked(confidence: str, status: str, evidence_sha256: str, valid_from: datetime.date | None,
             valid_to: datetime.date | None) -> None:
    for name, value, allowed in (("confidence", confidence, Confidence.values), ("status", status, Status.values)):
        if value not in allowed:
            raise InvalidCitation(f"{name} must be one of {', '.join(allowed)}, not {value[:40]!r}")
    if evidence_sha256 and not _SHA256.fullmatch(evidence_sha256):
        raise InvalidCitation("an evidence item is named by its SHA-256: 64 lowercase hexadecimal digits")
    if valid_from and valid_to and valid_to < valid_from:
        raise InvalidCitation(f"the period ends ({valid_to}) before it starts ({valid_from})")


def cite(obj: models.Model, source: Source, *, locator: str = "", confidence: str = Confidence.MEDIUM,
         status: str = Status.PENDING, note: str = "", evidence_sha256: str = "",
         valid_from: datetime.date | None = None, valid_to: datetime.date | None = None) -> Citation:
    """Add a citation of ``source`` for ``obj`` (any saved row); the current actor is its author."""
    if obj.pk is None:
        raise InvalidCitation("cite a saved row")
    evidence_sha256 = evidence_sha256.strip().lower()
    _checked(confidence, status, evidence_sha256, valid_from, valid_to)
    return Citation.objects.create(
        cited_type=ContentType.objects.get_for_model(type(obj)), cited_id=obj.pk, source=source,
        locator=locator.strip()[:200], confidence=confidence, status=status, note=note,
        evidence_sha256=evidence_sha256, valid_from=valid_from, valid_to=valid_to, cited_by=current_actor()[0])


def citations_of(objects: Iterable[models.Model]) -> dict[int, list[Citation]]:
    """The citations of each of ``objects`` (all of one model), oldest first, by the object's id."""
    objects = list(objects)
    found: dict[int, list[Citation]] = {obj.pk: [] for obj in objects}
    if not objects:
        return found
    kind = ContentType.objects.get_for_model(type(objects[0]))
    rows = Citation.objects.filter(cited_type=kind, cited_id__in=list(found)).select_related("source")
    for citation in rows:
        found[citation.cited_id].append(citation)
    return found
