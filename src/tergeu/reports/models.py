"""A casualty report asked for on the web and written in the background (``tergeu.reports.jobs``).

A report of tens of thousands of people takes a minute to build; a request must not wait that long. The
job keeps what was asked (filters, format, language) and who asked: the file holds what that person may
see, so it is theirs alone to download.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.toolkit.public_ids import public_id_field


class ReportJob(models.Model):
    public_id = public_id_field()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    format = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    query = models.JSONField(_("filters"), default=dict, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    error = models.TextField(_("why it failed"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"report {self.public_id} ({self.format})"
