"""Citing a source for any row, and reading a row's citations: every write of a ``Citation``.

The values are checked here, not by the database: a confidence or status outside the vocabulary, an
evidence hash that is not 64 hexadecimal digits, a period that ends before it starts, text with a NUL
character or longer than its column is refused with a message naming the value, and nothing is stored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tergeu.history.tracking import current_actor
from tergeu.provenance.models import Citation, Source
from tergeu.provenance.vocab import Confidence, Status, choice_refusal

_SHA256 = re.compile(r"[0-9a-f]{64}")


class InvalidCitation(ValueError):
    """A citation that could not be read back as it was meant: refused, nothing stored."""


LIMITS = {"locator": 200, "note": 2000, "field": 40}  # characters; longer is refused, never cut


def _checked(confidence: str, status: str, evidence_sha256: str, valid_from: datetime.date | None,
             valid_to: datetime.date | None, texts: dict[str, str]) -> None:
    for name, value, allowed in (("confidence", confidence, Confidence.values), ("status", status, Status.values)):
        if problem := choice_refusal(name, value, allowed):
            raise InvalidCitation(problem)
    if evidence_sha256 and not _SHA256.fullmatch(evidence_sha256):
        raise InvalidCitation(_("an evidence item is named by its SHA-256: 64 hexadecimal digits"))
    if valid_from and valid_to and valid_to < valid_from:
        raise InvalidCitation(_("the period ends (%(end)s) before it starts (%(start)s)") % {
            "end": valid_to, "start": valid_from})
    for name, text in texts.items():
        if "\x00" in text:
            raise InvalidCitation(_("%(name)s holds a NUL character") % {"name": name})
        if len(text) > LIMITS[name]:
            raise InvalidCitation(_("%(name)s is longer than %(limit)s characters") % {
                "name": name, "limit": LIMITS[name]})


def cite(obj: models.Model, source: Source, *, field: str = "", locator: str = "",
         confidence: str = Confidence.MEDIUM, status: str = Status.PENDING, note: str = "", evidence_sha256: str = "",
         valid_from: datetime.date | None = None, valid_to: datetime.date | None = None) -> Citation:
    """Add a citation of ``source`` for ``obj`` (any saved row), or for its fact ``field``; the current
    actor is its author."""
    if obj.pk is None:
        raise InvalidCitation(_("cite a saved row"))
    evidence_sha256, locator = evidence_sha256.strip().lower(), locator.strip()
    _checked(confidence, status, evidence_sha256, valid_from, valid_to,
             {"locator": locator, "note": note, "field": field})
    return Citation.objects.create(
        cited_type=ContentType.objects.get_for_model(type(obj)), cited_id=obj.pk, field=field, source=source,
        locator=locator, confidence=confidence, status=status, note=note, evidence_sha256=evidence_sha256,
        valid_from=valid_from, valid_to=valid_to, cited_by=current_actor()[0])


def citations_of(objects: Iterable[models.Model], seen: QuerySet[Citation]) -> dict[int, list[Citation]]:
    """The citations among ``seen`` (what the viewer may see: ``visible_to(user, Citation)``) of each of
    ``objects`` (all of one model), oldest first, by the object's id."""
    objects = list(objects)
    found: dict[int, list[Citation]] = {obj.pk: [] for obj in objects}
    if not objects:
        return found
    kind = ContentType.objects.get_for_model(type(objects[0]))
    rows = seen.filter(cited_type=kind, cited_id__in=list(found)).select_related("source")
    for citation in rows:
        found[citation.cited_id].append(citation)
    return found
