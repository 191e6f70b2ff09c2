"""Estimation runs: what was asked (method, strata, draws, seed), on which linkage, and what came out."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.linkage.models import LinkageRun


class EstimateRunQuerySet(models.QuerySet):
    def last_good(self) -> EstimateRun | None:
        """The newest run that finished with an estimate: the figure people quote, which a later failure (too
        few lists left, a stopped server) or a run still going never blanks. One rule for every page."""
        return (self.exclude(finished_at=None).filter(error="", result__has_key="estimate")
                .order_by("-created_at", "-id").first())


class EstimateRun(models.Model):
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    created_by = models.CharField(_("by"), max_length=150)
    linkage_run = models.ForeignKey(LinkageRun, on_delete=models.SET_NULL, null=True, blank=True)
    method = models.CharField(_("method"), max_length=20)
    settings = models.JSONField(_("settings"), default=dict)
    result = models.JSONField(_("result"), default=dict,
                              help_text=_("observed, estimate, interval, per-stratum results, warnings"))
    error = models.TextField(_("why no estimate"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True,
                                       help_text=_("empty while the estimate runs (in the background)"))

    objects = EstimateRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"estimate {self.pk} ({self.method}, {self.created_at:%Y-%m-%d %H:%M})"
