"""The change log: one entry per create, change, delete or import of a tracked object."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeEntry(models.Model):
    """One change to one object: who, when, what it was before and after. Never edited or deleted;
    each entry commits to the one before (``entry_hash``), so an edit or deletion would show."""

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
    # Whose visibility governs the entry when it is not the object's own (a testimony's entries follow
    # its witness); empty: the object's. See ``tergeu.history.access``.
    scope_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    scope_id = models.CharField(max_length=64, blank=True)
    # The hash chain (``tergeu.history.chain``): the place in it (set once the entry's transaction has
    # committed), the previous entry's hash and this one's.
    chain_position = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    entry_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        db_table = "provenance_changeentry"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="change_object")]
        verbose_name_plural = "change history"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"
