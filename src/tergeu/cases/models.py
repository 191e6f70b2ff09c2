"""Complaints (allegations), detention facilities, official cases, their steps and officials, and what the
victim's status page keeps (visits, messages, throttled attempts).

No column holds a victim's or complainant's identity: they are protected people of ``tergeu.witnesses``
(sealed identity, pseudonym), linked through ``ComplaintPerson``. A complaint's description and injuries
can name people, so they are sealed under the record key of the complaint's ``holder`` (the person the
access code is given to) and never enter the history. The access code itself is never stored: only a
keyed hash (``code_hash``), redacted from the history too.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tergeu.cases.vocab import (
    Authority,
    ClosingGrounds,
    ComplaintKind,
    FacilityKind,
    OfficialOutcome,
    PersonRole,
    StepStatus,
)
from tergeu.history.tracking import track
from tergeu.toolkit.public_ids import public_id_field

SEALED_TEXTS = ("description", "injuries")


@track
class Facility(models.Model):
    """A place of detention named in complaints (a police station, a pre-trial centre, an unofficial site)."""

    public_id = public_id_field()
    name = models.CharField(_("name"), max_length=300, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=FacilityKind.choices, default=FacilityKind.OTHER)
    place_key = models.CharField(_("place"), max_length=64, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("facilities")

    def __str__(self) -> str:
        return self.name


@track(redact=["description", "injuries", "code_hash"])
class Complaint(models.Model):
    public_id = public_id_field()
    reference = models.CharField(_("register number"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=ComplaintKind.choices)
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    occurred_until = models.DateField(_("until"), null=True, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    place = models.CharField(_("place as written"), max_length=300, blank=True)
    place_key = models.CharField(_("place"), max_length=64, blank=True, db_index=True)
    region_key = models.CharField(_("region"), max_length=64, blank=True, db_index=True)
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, null=True, blank=True, related_name="complaints",
                                 verbose_name=_("facility"))
    holder = models.ForeignKey("witnesses.ProtectedPerson", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("code holder"))
    description = models.BinaryField(default=b"")  # sealed (holder's record key)
    injuries = models.BinaryField(default=b"")  # sealed: injuries and forensic findings
    perpetrators = models.TextField(_("alleged perpetrators"), blank=True)
    deceased = models.ForeignKey("linkage.Person", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("deceased victim (registry)"))
    code_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    code_issued_at = models.DateTimeField(_("code issued at"), null=True, blank=True)
    code_revoked_at = models.DateTimeField(_("code revoked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.CharField(_("created by"), max_length=150)

    class Meta:
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.public_id[:8]})"

    def get_absolute_url(self) -> str:
        return reverse("cases:complaint", kwargs={"public_id": self.public_id})


def _complaint_of(row: models.Model) -> Complaint:
    return row.complaint


@track(scope=_complaint_of)
class ComplaintPerson(models.Model):
    """A victim or complainant of a complaint: a protected person, known here by pseudonym only."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey("witnesses.ProtectedPerson", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=16, choices=PersonRole.choices)

    class Meta:
        unique_together = [("complaint", "person", "role")]

    def __str__(self) -> str:
        return f"{self.role} {self.person} of {self.complaint}"


@track
class Case(models.Model):
    """Official proceedings: a criminal case at a prosecutor's office, an investigator, or a court."""

    public_id = public_id_field()
    number = models.CharField(_("case number"), max_length=100, unique=True)
    authority = models.CharField(_("authority"), max_length=24, choices=Authority.choices)
    authority_name = models.CharField(_("authority's name"), max_length=300, blank=True)
    article = models.CharField(_("criminal-code article"), max_length=100, blank=True)
    contact = models.CharField(_("whom to contact"), max_length=500, blank=True,
                               help_text=_("Shown to the complainant on the status page."))
    complaints = models.ManyToManyField(Complaint, related_name="cases", blank=True, verbose_name=_("complaints"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.CharField(_("created by"), max_length=150)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("cases:case", kwargs={"public_id": self.public_id})


def _case_of(row: models.Model) -> Case:
    return row.case


@track(scope=_case_of)
class CaseStep(models.Model):
    """One dated step; ``note`` is for handlers only, ``public_note`` is shown on the status page."""

    public_id = public_id_field()
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=24, choices=StepStatus.choices)
    on = models.DateField(_("date"))
    grounds = models.CharField(_("grounds"), max_length=24, choices=ClosingGrounds.choices, blank=True)
    note = models.TextField(_("internal note"), blank=True)
    public_note = models.TextField(_("public note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.on}"


@track(scope=_case_of)
class CaseOfficial(models.Model):
    """An official concerned by a case and what happened to them; named on the status page only if public."""

    public_id = public_id_field()
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("name"), max_length=300)
    position = models.CharField(_("position"), max_length=300, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=OfficialOutcome.choices)
    public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.outcome})"


class StatusVisit(models.Model):
    """A status page opened with a right code: when, never the code nor the address."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="visits")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"status visit {self.at:%Y-%m-%d %H:%M}"


class StatusFailure(models.Model):
    """A wrong code from an address (keyed hash of it): counted for the cool-down, then purged."""

    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"wrong code at {self.at:%Y-%m-%d %H:%M}"


@track(redact=["text"], scope=_complaint_of)
class VictimMessage(models.Model):
    """A message the complainant left on the status page, sealed under the holder's record key."""

    public_id = public_id_field()
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="messages")
    text = models.BinaryField()
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"message {self.public_id}"


class CaseAlert(models.Model):
    """An alert to one handler that a complainant left a message, or that another handler rotated or
    revoked the complaint's access code (names the complaint and who acted, never a text or a code)."""

    KINDS = (("message", "message"), ("code-rotated", "code rotated"), ("code-revoked", "code revoked"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(VictimMessage, on_delete=models.CASCADE, related_name="alerts", null=True)
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="+", null=True)
    kind = models.CharField(max_length=20, choices=KINDS, default="message")
    actor = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"alert to {self.user}"

    @property
    def about(self) -> Complaint:
        """The complaint the alert is about (through its message, for a message)."""
        return self.complaint or self.message.complaint


class ComplaintImport(models.Model):
    """A complaint register imported (by SHA-256, so the same file is not imported twice)."""

    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64, unique=True)
    rows = models.PositiveIntegerField()
    imported_by = models.CharField(max_length=150)
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.file_name
