"""Which imported lists may be published: the public release shows people as these lists describe them.

Publishing is a decision about a whole list (its source agreed, its rows were checked), taken once and
kept, so two releases differ only by what changed in the data, never by which options a run was given.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.registry.models import ImportedList


@track
class PublishedList(models.Model):
    """A list whose records the public release may show (``tergeu release list NAME --publish``)."""

    imported_list = models.OneToOneField(ImportedList, on_delete=models.CASCADE, related_name="publication",
                                         verbose_name=_("list"))
    published_by = models.CharField(_("by"), max_length=150)
    published_at = models.DateTimeField(_("since"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True, help_text=_("why the list may be published; internal"))

    class Meta:
        verbose_name = _("published list")

    def __str__(self) -> str:
        return f"published: {self.imported_list.name}"
