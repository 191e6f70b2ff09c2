"""Imported casualty lists and their rows: what each file said, verbatim, beside the facts read from it."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.provenance.models import Source
from tergeu.provenance.vocab import Confidence, Status
from tergeu.toolkit.public_ids import public_id_field


@track
class ImportedList(models.Model):
    """One file as it was imported: its bytes' hash proves which file it was; the map says how it was read."""

    public_id = public_id_field()  # what pages and the API call it: the pk would count hidden lists
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
        db_table = "provenance_importedlist"
        ordering = ["imported_at", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:list", args=[self.public_id])


class Record(models.Model):
    """One data row of an imported list, kept verbatim beside the facts read from it.

    ``facts`` holds what the row states, normalised (ISO dates, M/F, whole years), one value per
    canonical field. Those facts take their source from the list and their confidence and status
    from the list's defaults until a reviewer assesses one, which adds a ``Claim`` about the record
    for that field (see ``tergeu.registry.facts``). Storing a row's statements on the row keeps an
    import of 100,000 rows to 100,000 inserts instead of 800,000.
    """

    public_id = public_id_field()  # what pages and the API call it: the pk would count hidden records
    imported_list = models.ForeignKey(ImportedList, on_delete=models.CASCADE, related_name="records")
    row_number = models.PositiveIntegerField(_("row"), help_text=_("1-based data row of the file"))
    raw = models.JSONField(_("raw row"), help_text=_("the cells exactly as read, in the order of the list's headers"))
    facts = models.JSONField(_("facts"), default=dict, help_text=_("what the row states, normalised"))
    parsed = models.JSONField(_("parsed"), default=dict, help_text=_("notes, derived values and warnings"))
    # Search and sort columns, derived from ``facts`` at import (see tergeu.registry.search): JSON
    # lookups cannot be indexed portably, and the registry must answer in well under 150 ms.
    display_name = models.CharField(_("name"), max_length=300, blank=True)
    name_keys = models.TextField(blank=True, help_text=_("matching keys and skeletons of the name's words"))
    place = models.CharField(_("place of death"), max_length=200, blank=True, db_index=True)
    # The gazetteer's key for ``place`` (tergeu.core.places): "г. Алматы" and "Alma-Ata" are both "almaty".
    # Empty when the place is not known to the gazetteer (those are listed for review: ``tergeu places
    # --unknown``). Set at import; ``tergeu places --refresh`` recomputes it after the gazetteer changes.
    place_key = models.CharField(_("place (gazetteer key)"), max_length=60, blank=True, db_index=True)
    death_date = models.CharField(_("date of death"), max_length=10, blank=True, db_index=True)

    class Meta:
        db_table = "provenance_record"
        ordering = ["imported_list_id", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["imported_list", "row_number"], name="record_unique_row"),
        ]

    def __str__(self) -> str:
        return f"{self.imported_list_id}:{self.row_number}"

    def get_absolute_url(self) -> str:
        return reverse("registry:record", args=[self.public_id])
