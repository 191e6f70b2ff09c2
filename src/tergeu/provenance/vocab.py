"""The vocabularies every face of Tergeu speaks: source kinds, reliability grades, confidence, status.

Plain choices in one module, so the models, the CLI's options, the API's schemas and the forms all take
them from here and never write them out again.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    """What investigators cite. The first six keys predate the others and keep their meaning."""

    OFFICIAL = "official", _("Official statement")
    COURT = "court", _("Court document")
    COMPLAINT = "complaint", _("Complaint")
    TESTIMONY = "testimony", _("Testimony")
    MEDICAL = "medical", _("Medical / forensic report")
    MEDIA = "media", _("Media")
    NGO = "ngo", _("NGO report")
    SOCIAL = "social", _("Social-media post")
    VISUAL = "visual", _("Photo or video")
    LEAK = "leak", _("Leaked document")
    FAMILY = "family", _("Family account")
    OTHER = "other", _("Other")


class Reliability(models.TextChoices):
    """The five source grades of the intelligence "Admiralty" scale, common in human-rights documentation."""

    A = "A", _("A: completely reliable")
    B = "B", _("B: usually reliable")
    C = "C", _("C: fairly reliable")
    D = "D", _("D: not usually reliable")
    E = "E", _("E: unreliable")


class Confidence(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Status(models.TextChoices):
    """Every Casualty standards: how far a fact has been verified."""

    CONFIRMED = "confirmed", _("Confirmed")
    PENDING = "pending", _("Pending")
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")


def default_confidence(reliability: str | None) -> str:
    """A fact inherits its first confidence from its source's grade; reviewers change it later."""
    if reliability in (Reliability.A, Reliability.B):
        return Confidence.HIGH
    if reliability in (Reliability.D, Reliability.E):
        return Confidence.LOW
    return Confidence.MEDIUM


SOURCE_KINDS: tuple[str, ...] = tuple(SourceKind.values)
RELIABILITY_GRADES: tuple[str, ...] = tuple(Reliability.values)
CONFIDENCES: tuple[str, ...] = tuple(Confidence.values)
STATUSES: tuple[str, ...] = tuple(Status.values)


def choice_refusal(name: str, value: str, allowed: Iterable[str]) -> str | None:
    """Why ``value`` is refused for the choice ``name`` (None when it is one of ``allowed``): one message
    for every service that takes a vocabulary value from a form or the API."""
    allowed = tuple(allowed)
    if value in allowed:
        return None
    return gettext("%(name)s must be one of %(allowed)s, not %(value)s") % {
        "name": name, "allowed": ", ".join(allowed), "value": repr(value[:40])}
