"""Sources and the generic claim that ties every fact to where it came from.

One claim model serves every feature: a casualty record's date of death, later a person's name or a
unit's commander, is a ``Claim`` about some subject, citing a source (and, when it came from a list,
the exact row), with a confidence and a status. Features never add a table per fact. The imported
lists and their rows live in ``tergeu.registry``; the vocabularies in ``tergeu.provenance.vocab``.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.provenance.vocab import Confidence, Reliability, SourceKind, Status


@track
class Source(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SourceKind.choices, default=SourceKind.OTHER)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    reliability = models.CharField(_("reliability"), max_length=1, choices=Reliability.choices, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, help_text=_("Invented for the demo case: no real person is named.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@track
class Claim(models.Model):
    """A fact about any subject, as one source states it, with its assessed confidence and status.

    A claim whose subject is a list's record and whose ``record`` is that record is a reviewer's
    assessment of one of the record's own facts.
    """

    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, db_index=False)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    field = models.CharField(_("field"), max_length=40)
    value = models.TextField(_("value"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, db_index=False)
    record = models.ForeignKey(
        "registry.Record", on_delete=models.CASCADE, null=True, blank=True, related_name="claims",
        help_text=_("the list row that states it, when it came from a list"),
    )
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="claim_subject")]

    def __str__(self) -> str:
        return f"{self.field}={self.value}"
