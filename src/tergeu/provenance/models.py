"""Sources, the generic claim that ties every fact to where it came from, and citations of any row.

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
from tergeu.toolkit.public_ids import public_id_field


@track
class Source(models.Model):
    public_id = public_id_field()  # what the API and forms call it: the pk would count hidden sources
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


@track
class Citation(models.Model):
    """Where a statement about any row comes from: a source, the place in it, how far it is trusted, when.

    Attachable to any row (``cited``), or to one fact of it (``field``): a record's date of death today; a
    unit's posting or a step of an investigation tomorrow, which would otherwise each re-invent sources
    and confidence. The
    ``locator`` says where in the source (page, paragraph, row, timestamp); an evidence item (issue 8's
    content-addressed files) is named by its SHA-256; ``valid_from``/``valid_to`` bound what the source
    says to a period (a commander "from 3 to 9 January"). A ``Claim`` holds its first citation inline
    (source, list row, confidence, status), because a linkage run rewrites people's fact claims in bulk;
    further sources of a fact are ``Citation`` rows.
    """

    cited_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, db_index=False, related_name="+")
    cited_id = models.PositiveBigIntegerField()
    cited = GenericForeignKey("cited_type", "cited_id")
    field = models.CharField(_("field"), max_length=40, blank=True,
                             help_text=_("the fact of the cited row it supports; empty: the whole row"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    locator = models.CharField(_("where in the source"), max_length=200, blank=True,
                               help_text=_("page, paragraph, row or timestamp"))
    evidence_sha256 = models.CharField(_("evidence item (SHA-256)"), max_length=64, blank=True)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    cited_by = models.CharField(_("cited by"), max_length=150)
    cited_at = models.DateTimeField(_("cited at"), auto_now_add=True)

    class Meta:
        ordering = ["cited_at", "id"]
        indexes = [models.Index(fields=["cited_type", "cited_id"], name="citation_cited")]
        constraints = [models.CheckConstraint(
            condition=models.Q(valid_from__isnull=True) | models.Q(valid_to__isnull=True)
            | models.Q(valid_from__lte=models.F("valid_to")), name="citation_period_ordered")]

    def __str__(self) -> str:
        return f"{self.source_id} {self.locator}".strip()
