"""The vocabulary of pressure on a witness, taken by the model, the CLI, the API and the forms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PressureKind(models.TextChoices):
    THREAT = "threat", _("Threat")
    VISIT = "visit-by-officials", _("Visit by officials")
    SUMMONS = "summons", _("Summons")
    DETENTION = "detention", _("Detention")
    JOB_LOSS = "job-loss", _("Loss of job")
    RETRACTION = "retraction", _("Retraction of a statement")
    OTHER = "other", _("Other")


PRESSURE_KINDS: tuple[str, ...] = tuple(PressureKind.values)
