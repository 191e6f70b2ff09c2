"""Protected people, their sealed identity, statements, pressure events, reveals and alerts.

No column here holds an identity or a statement in plaintext: every ``BinaryField`` is a sealed value
(``tergeu.core.protect``) bound to its table, row and field, and the history never records them
(``@track(redact=...)``). The pseudonym is random, never derived from the name. A person has two data
keys: the identity key, which ``forget`` destroys, and the record key for statements and pressure
events, which stay readable (pseudonymous) after the identity is gone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.toolkit.public_ids import public_id_field
from tergeu.witnesses.vocab import PressureKind

IDENTITY_FIELDS = ("name", "date_of_birth", "contact", "address", "relatives", "notes")


@track(redact=["identity_key", "record_key", "key_id"])
class ProtectedPerson(models.Model):
    class Kind(models.TextChoices):
        WITNESS = "witness", _("Witness")
        VICTIM = "victim", _("Victim")
        COMPLAINANT = "complainant", _("Complainant")

    public_id = public_id_field()
    pseudonym = models.CharField(_("pseudonym"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.WITNESS)
    identity_key = models.BinaryField(default=b"")  # wrapped; empty once forgotten
    record_key = models.BinaryField(default=b"")  # wrapped; kept by forget
    key_id = models.CharField(max_length=16)  # which master key wrapped both (hex)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.CharField(_("created by"), max_length=150)
    forgotten_at = models.DateTimeField(_("identity destroyed at"), null=True, blank=True)

    class Meta:
        ordering = ["pseudonym"]

    def __str__(self) -> str:
        return self.pseudonym

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("witnesses:person", kwargs={"person_id": self.public_id})


def _person_of(row: models.Model) -> ProtectedPerson:
    return row.person


@track(redact=IDENTITY_FIELDS, scope=_person_of)
class Identity(models.Model):
    """The sealed identity; deleted by ``forget`` (the key that sealed it is destroyed with it)."""

    person = models.OneToOneField(ProtectedPerson, on_delete=models.CASCADE, related_name="identity")
    name = models.BinaryField()
    date_of_birth = models.BinaryField(default=b"")
    contact = models.BinaryField(default=b"")
    address = models.BinaryField(default=b"")
    relatives = models.BinaryField(default=b"")
    notes = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return f"identity of {self.person}"


@track(redact=["label"], scope=_person_of)
class Attachment(models.Model):
    """An identity document or photo: encrypted under the identity key into a file under TERGEU_HOME
    (``protected/``), named by public ids only; ``forget`` deletes the file and the row."""

    public_id = public_id_field()
    person = models.ForeignKey(ProtectedPerson, on_delete=models.CASCADE, related_name="attachments")
    label = models.BinaryField()  # sealed: the file's name and type can identify
    size = models.PositiveBigIntegerField()
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.CharField(max_length=150)

    def __str__(self) -> str:
        return f"attachment {self.public_id} of {self.person}"


class BlindToken(models.Model):
    """One keyed HMAC of one of a person's name keys: duplicates are found, names are not stored."""

    person = models.ForeignKey(ProtectedPerson, on_delete=models.CASCADE, related_name="blind_tokens")
    kind = models.CharField(max_length=16)
    token = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"{self.kind} token of {self.person}"


@track(redact=["text"], scope=_person_of)
class Statement(models.Model):
    public_id = public_id_field()
    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="statements")
    text = models.BinaryField()
    given_on = models.DateField(_("given on"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=150)
    retracted = models.BooleanField(_("retracted"), default=False)
    retraction = models.ForeignKey("PressureEvent", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"statement {self.public_id} of {self.person}"


@track(redact=["text", "reported_by", "follow_up"], scope=_person_of)
class PressureEvent(models.Model):
    public_id = public_id_field()
    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="pressure_events")
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=24, choices=PressureKind.choices)
    voluntary = models.BooleanField(_("voluntary"), null=True, blank=True)  # retractions only
    withdraws = models.ForeignKey(Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.BinaryField(default=b"")
    reported_by = models.BinaryField(default=b"")
    follow_up = models.BinaryField(default=b"")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=150)

    class Meta:
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.occurred_on} ({self.person})"


@track(scope=_person_of, redact=["reason"])
class RevealRequest(models.Model):
    """Four eyes: a reveal asked for with a reason, waiting for a second handler's approval.

    The reason often names the person ("calling him at his sister's"): it never enters the
    hash-chained history, which cannot be scrubbed and outlives ``forget``."""

    public_id = public_id_field()
    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="reveal_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    requested_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    approved_at = models.DateTimeField(null=True)
    used_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"reveal of {self.person} asked by {self.requested_by}"


class RevealLog(models.Model):
    """Who read a person's identity, when and why: shown to the person's handlers, never edited."""

    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="reveals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor = models.CharField(_("by"), max_length=150)
    reason = models.CharField(_("reason"), max_length=500)
    approved_by = models.CharField(_("approved by"), max_length=150, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"reveal of {self.person} by {self.actor}"


class Notification(models.Model):
    """An alert to one handler: names the pseudonym and what happened (pressure, or a reveal by another
    handler), never the identity or a text."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(ProtectedPerson, on_delete=models.CASCADE, related_name="notifications")
    event = models.ForeignKey(PressureEvent, on_delete=models.CASCADE, null=True, related_name="+")
    reveal = models.ForeignKey(RevealLog, on_delete=models.CASCADE, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"alert to {self.user} about {self.person}"
