"""People: the consolidated persons that linkage makes of records, and reviewers' pair decisions.

A person's id is stable across linkage runs: a new run's cluster inherits the id of the person whose
records it shares most (see ``tergeu.linkage.linking``), and with it the person's ``public_id``, the
only id pages, the API and exports show, so exports and bookmarks keep working.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.registry.models import Record
from tergeu.toolkit.public_ids import public_id_field


class LinkageRun(models.Model):
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.CharField(max_length=150)
    model = models.JSONField(default=dict, help_text=_("the trained linkage model (Splink settings and parameters)"))
    stats = models.JSONField(default=dict)
    review = models.JSONField(default=list,
                              help_text=_("uncertain pairs and suspicious people, most consequential first"))
    left_alone = models.JSONField(default=list, help_text=_(
        "the left-alone sample: records alone in their person, by hash, each with whether it had a scored pair"))

    class Meta:
        db_table = "casualties_linkagerun"
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"linkage run {self.pk} ({self.started_at:%Y-%m-%d %H:%M})"


class LinkageJob(models.Model):
    """A linkage started from the web, run in the background (``tergeu.linkage.background``).

    The page shows its step while it runs and its summary or why it failed when done; the run it made
    is a ``LinkageRun`` like any other.
    """

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_by = models.CharField(_("by"), max_length=150)
    full = models.BooleanField(_("full run"), default=False)
    step = models.CharField(_("step"), max_length=200, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    error = models.TextField(_("why it failed"), blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"linkage job {self.pk} ({self.started_at:%Y-%m-%d %H:%M})"


class PersonQuerySet(models.QuerySet):
    def current(self) -> PersonQuerySet:
        """People as the latest linkage found them (not those a relink retired)."""
        return self.filter(retired_at__isnull=True)


class Person(models.Model):
    public_id = public_id_field()  # what pages, the API and exports call it; kept by every relink
    display_name = models.CharField(_("name"), max_length=300, blank=True)
    names = models.JSONField(_("preferred names"), default=dict,
                             help_text=_("the spelling most of the person's records use, per script"))
    lists = models.JSONField(_("lists"), default=list, help_text=_("ids of the lists that name this person"))
    cohesion = models.FloatField(default=1.0, help_text=_("weakest link probability inside the cluster"))
    suspicious = models.BooleanField(default=False)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # A relink never deletes a person: one left without records is retired, pointing at the person who
    # took most of its records (``merged_into``, none if its records are gone), so whatever cites it (a
    # case, a testimony) can follow. Its page and API id lead each viewer to where the records *they*
    # may see went (``former_records``; ``linkage.access.successor_seen_by``).
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    retired_at = models.DateTimeField(null=True, blank=True)
    # The records it held when retired.
    former_records = models.JSONField(default=list, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        db_table = "casualties_person"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"P{self.pk}: {self.display_name}"

    def get_absolute_url(self) -> str:
        return reverse("linkage:person", args=[self.public_id])


class Membership(models.Model):
    record = models.OneToOneField(Record, on_delete=models.CASCADE, related_name="membership")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    run = models.ForeignKey(LinkageRun, on_delete=models.SET_NULL, null=True)

    class Meta:
        db_table = "casualties_membership"

    def __str__(self) -> str:
        return f"record {self.record_id} → person {self.person_id}"


class ScoredPairRow(models.Model):
    """A pair of records a linkage run scored (probability at least 0.05), kept for estimation.

    The toll estimate redraws uncertain pairs to see how much the linkage could move it
    (``tergeu.core.linkage.uncertainty``); it needs the probabilities, not only the clusters.
    """

    run = models.ForeignKey(LinkageRun, on_delete=models.CASCADE, related_name="pairs")
    left_id = models.BigIntegerField()
    right_id = models.BigIntegerField()
    probability = models.FloatField()
    contradicted = models.BooleanField(default=False, help_text=_(
        "some fact of the two records disagrees outright (birth years decades apart, another place)"))

    class Meta:
        db_table = "casualties_scoredpairrow"

    def __str__(self) -> str:
        return f"{self.left_id}–{self.right_id}: {self.probability:.3f}"


@track
class PairDecision(models.Model):
    """A reviewer's word on two records; every later run respects it."""

    class Decision(models.TextChoices):
        SAME = "same", _("same person")
        DIFFERENT = "different", _("not the same")
        UNSURE = "unsure", _("unsure")

    left = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    decided_by = models.CharField(max_length=150)
    decided_at = models.DateTimeField(auto_now=True)
    note = models.TextField(blank=True)
    # Decided while the pair was one of the calibration sample's (chosen by a hash, not by impact): where
    # the decision came from. The estimate reads every decision on the current sample's pairs.
    sampled = models.BooleanField(default=False)

    class Meta:
        db_table = "casualties_pairdecision"
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="pair_decision_once"),
            models.CheckConstraint(condition=models.Q(left__lt=models.F("right")), name="pair_decision_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.left_id}–{self.right_id}: {self.decision}"


@track
class LeftAloneAnswer(models.Model):
    """A reviewer's answer, for a record the linkage left alone (one of the left-alone sample), to "is this
    someone already found?". The estimate reads the answers as how many records left alone are someone
    found (``tergeu.core.linkage.left_alone``); a "yes" naming whom is also stored as a "same" decision."""

    class Answer(models.TextChoices):
        FOUND = "found", _("someone already found")
        NOBODY = "nobody", _("nobody found")
        UNSURE = "unsure", _("unsure")

    record = models.OneToOneField(Record, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    # "found" naming whom: a record of that person. While the two are one person the answer is read though
    # the record is no longer alone (its own answer joined it); joined any other way, it is not.
    partner = models.ForeignKey(Record, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Whether the record had a scored pair to someone else when answered, as the run's sample says: the
    # stratum the answer counts in (records with such a pair are someone found far more often).
    had_scored_pair = models.BooleanField()
    decided_by = models.CharField(max_length=150)
    decided_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.record_id}: {self.answer}"


@track
class WithheldName(models.Model):
    """A family asked that this person's name not be published: the public release shows the person
    (counted, with their other facts) but never their name.

    Kept on the person, not on records, because the family speaks of a person; a relink carries it to
    every person that holds any of this person's records afterwards (``linkage.withholding``), so a
    split keeps both halves withheld and a merge keeps the merged person withheld: when unsure, withhold.
    Set and cleared only through ``linkage.withholding``; the note is internal and never published.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="withheld_name",
                                  verbose_name=_("person"))
    note = models.TextField(_("note"), blank=True, help_text=_("who asked and when; internal, never published"))
    set_by = models.CharField(_("by"), max_length=150)
    set_at = models.DateTimeField(_("since"), auto_now_add=True)
    carried_from = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("carried from"),
                                     help_text=_("the person a relink took this over from"))

    class Meta:
        verbose_name = _("withheld name")

    def __str__(self) -> str:
        return f"name withheld: person {self.person.public_id}"
