"""Sources, imported lists, their rows, and the generic claim that ties every fact to where it came from.

One claim model serves every feature: a casualty record's date of death, later a person's name or a
unit's commander, is a ``Claim`` about some subject, citing a source (and, when it came from a list,
the exact row), with a confidence and a status. Features never add a table per fact.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.provenance.history import track


class SourceKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    NGO = "ngo", _("NGO")
    MEDIA = "media", _("Media")
    MEDICAL = "medical", _("Medical / morgue")
    FAMILY = "family", _("Family")
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
class ImportedList(models.Model):
    """One file as it was imported: its bytes' hash proves which file it was; the map says how it was read."""

    name = models.CharField(_("list name"), max_length=200, unique=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="lists")
    file_name = models.CharField(_("file name"), max_length=500)
    file_format = models.CharField(_("format"), max_length=8)
    encoding = models.CharField(_("encoding"), max_length=32, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    column_map = models.JSONField(_("column map"), default=dict)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    default_confidence = models.CharField(
        _("confidence of its facts"), max_length=8, choices=Confidence.choices, default=Confidence.MEDIUM,
        help_text=_("until a reviewer assesses a fact on its own (then a Claim holds the assessment)"),
    )
    default_status = models.CharField(
        _("status of its facts"), max_length=12, choices=Status.choices, default=Status.PENDING,
    )
    one_per_person = models.BooleanField(
        _("names each person once"), default=False,
        help_text=_("a list known to have no duplicates: linkage never puts two of its records in one person"),
    )
    shared_with_mission = models.BooleanField(
        _("shared with the expert mission"), default=False,
        help_text=_("the expert-mission role sees only lists shared with it"),
    )
    report = models.JSONField(_("import report"), default=dict)
    imported_by = models.CharField(_("imported by"), max_length=150)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["imported_at", "id"]

    def __str__(self) -> str:
        return self.name


class Record(models.Model):
    """One data row of an imported list, kept verbatim beside the facts read from it.

    ``facts`` holds what the row states, normalised (ISO dates, M/F, whole years), one value per
    canonical field. Those facts take their source from the list and their confidence and status
    from the list's defaults until a reviewer assesses one, which adds a ``Claim`` about the record
    for that field (see ``tergeu.provenance.facts``). Storing a row's statements on the row keeps an
    import of 100,000 rows to 100,000 inserts instead of 800,000.
    """

    imported_list = models.ForeignKey(ImportedList, on_delete=models.CASCADE, related_name="records")
    row_number = models.PositiveIntegerField(_("row"), help_text=_("1-based data row of the file"))
    raw = models.JSONField(_("raw row"), help_text=_("the cells exactly as read, in the order of the list's headers"))
    facts = models.JSONField(_("facts"), default=dict, help_text=_("what the row states, normalised"))
    parsed = models.JSONField(_("parsed"), default=dict, help_text=_("notes, derived values and warnings"))
    # Search and sort columns, derived from ``facts`` at import (see tergeu.casualties.search): JSON
    # lookups cannot be indexed portably, and the registry must answer in well under 150 ms.
    display_name = models.CharField(_("name"), max_length=300, blank=True)
    name_keys = models.TextField(blank=True, help_text=_("matching keys and skeletons of the name's words"))
    place = models.CharField(_("place of death"), max_length=200, blank=True, db_index=True)
    death_date = models.CharField(_("date of death"), max_length=10, blank=True, db_index=True)

    class Meta:
        ordering = ["imported_list_id", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["imported_list", "row_number"], name="record_unique_row"),
        ]

    def __str__(self) -> str:
        return f"{self.imported_list_id}:{self.row_number}"


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
        Record, on_delete=models.CASCADE, null=True, blank=True, related_name="claims",
        help_text=_("the list row that states it, when it came from a list"),
    )
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="claim_subject")]

    def __str__(self) -> str:
        return f"{self.field}={self.value}"


class ChangeEntry(models.Model):
    """One change to one object: who, when, what it was before and after. Never edited or deleted."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")

    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=8, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    actor = models.CharField(_("by"), max_length=150)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="change_object")]
        verbose_name_plural = "change history"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"
