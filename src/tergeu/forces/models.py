"""Security forces: units, their dated relations, officials and their postings, incidents, trainings.

The semantics follow Security Force Monitor's research handbook: a relation or a posting is dated by
the first and last dates a source shows it (kept as written, "2021", "2021-11" or "2021-11-03"), with
the handbook's flags saying whether the first date is the start and whether the last is the end
(``E``), assumed to continue (``Y``) or neither (``N``); ``tergeu.core.forces.timeline`` reads them.
Every row keeps the id its import file gave it (``external_id``) and is cited through
``provenance.Citation``, never through source columns of its own. The officials are the people in
command of units; the victims of an incident are registry people (``linkage.Person``).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tergeu.history.tracking import track
from tergeu.toolkit.public_ids import public_id_field

DATE_TEXT = 10  # "YYYY-MM-DD", or a month or a year


class OpenEnd(models.TextChoices):
    UNKNOWN = "N", _("nothing assumed after the last cited date")
    CONTINUES = "Y", _("assumed to continue until a source shows otherwise")
    EXACT = "E", _("ended on the last cited date")


class Role(models.TextChoices):
    COMMANDER = "commander", _("commander")
    DEPUTY = "deputy", _("deputy")
    MEMBER = "member", _("member")


class NameKind(models.TextChoices):
    NAME = "name", _("name")
    ALIAS = "alias", _("alias")
    IDENTIFIER = "identifier", _("identifier")


class Dated(models.Model):
    """The handbook's four date fields of a relation or a posting."""

    first_cited = models.CharField(_("first cited"), max_length=DATE_TEXT, blank=True)
    last_cited = models.CharField(_("last cited"), max_length=DATE_TEXT, blank=True)
    first_is_start = models.BooleanField(_("first cited is the start"), default=False)
    open_end = models.CharField(_("open-ended?"), max_length=1, choices=OpenEnd.choices, default=OpenEnd.UNKNOWN)

    class Meta:
        abstract = True


@track
class Unit(models.Model):
    public_id = public_id_field()
    external_id = models.CharField(_("id in its file"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    classification = models.CharField(_("classification"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    founded = models.CharField(_("founded"), max_length=DATE_TEXT, blank=True)
    dissolved = models.CharField(_("dissolved"), max_length=DATE_TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forces:unit", args=[self.public_id])


class UnitName(models.Model):
    """One name, alias or number of a unit, with the key it is found by (a spelling key, ``mu:30417``)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="names")
    kind = models.CharField(_("kind"), max_length=10, choices=NameKind.choices)
    text = models.CharField(_("as written"), max_length=300)
    match_key = models.CharField(_("key"), max_length=300, db_index=True)

    class Meta:
        ordering = ["unit", "kind", "id"]

    def __str__(self) -> str:
        return self.text


@track
class UnitRelation(Dated):
    child = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="parent_relations")
    parent = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="child_relations")
    classification = models.CharField(_("classification"), max_length=20, default="command")

    def __str__(self) -> str:
        return f"{self.child} → {self.parent}"


@track
class Official(models.Model):
    """A member of a security force named by a source (a commander, a deputy, a soldier)."""

    public_id = public_id_field()
    external_id = models.CharField(_("id in its file"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    date_of_birth = models.CharField(_("date of birth"), max_length=DATE_TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forces:official", args=[self.public_id])


@track
class Posting(Dated):
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="postings")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="postings")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    rank = models.CharField(_("rank"), max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.official} – {self.role} – {self.unit}"


@track
class Incident(models.Model):
    public_id = public_id_field()
    external_id = models.CharField(_("id in its file"), max_length=100, unique=True)
    start = models.CharField(_("start"), max_length=DATE_TEXT, blank=True)
    end = models.CharField(_("end"), max_length=DATE_TEXT, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    violation_types = models.JSONField(_("violation types"), default=list, blank=True)
    perpetrator_units_text = models.TextField(_("perpetrator units, as written"), blank=True)
    perpetrator_persons_text = models.TextField(_("perpetrator persons, as written"), blank=True)
    victims = models.ManyToManyField("linkage.Person", blank=True, related_name="+")

    class Meta:
        ordering = ["start", "id"]

    def __str__(self) -> str:
        return f"{self.external_id} {self.start} {self.place}".strip()

    def get_absolute_url(self) -> str:
        return reverse("forces:incident", args=[self.public_id])


class Mention(models.Model):
    """A name in free text, the unit or official it was resolved to (if any), how sure, and why.

    ``verdict`` is the resolver's (resolved, review, unresolved); a person's decision replaces it and
    says so in ``decided_by``.
    """

    mention = models.CharField(_("as written"), max_length=300)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    official = models.ForeignKey(Official, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    score = models.FloatField(_("score"), default=0.0)
    verdict = models.CharField(_("verdict"), max_length=12)
    explanation = models.CharField(_("why"), max_length=300, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=150, blank=True)
    candidates = models.JSONField(_("candidates"), default=list, blank=True,
                                  help_text=_("the resolver's best candidates: id, name, score, why"))

    class Meta:
        abstract = True


@track
class Perpetrator(Mention):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="perpetrators")
    kind = models.CharField(_("kind"), max_length=6)  # unit | person

    def __str__(self) -> str:
        return self.mention


@track
class Training(models.Model):
    """One training or assistance record (a row of the US Foreign Military Training reports, say)."""

    public_id = public_id_field()
    external_id = models.CharField(_("id in its file"), max_length=100, unique=True)
    recipient_text = models.TextField(_("recipient, as written"), blank=True)
    course = models.CharField(_("course"), max_length=300, blank=True)
    program = models.CharField(_("program"), max_length=500, blank=True)
    start = models.CharField(_("start"), max_length=DATE_TEXT, blank=True)
    end = models.CharField(_("end"), max_length=DATE_TEXT, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    quantity = models.PositiveIntegerField(_("trainees"), null=True, blank=True)
    cost = models.DecimalField(_("cost (USD)"), max_digits=14, decimal_places=2, null=True, blank=True)
    delivery_unit = models.CharField(_("delivered by"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)

    class Meta:
        ordering = ["start", "id"]

    def __str__(self) -> str:
        return f"{self.external_id} {self.course}".strip()


@track
class TrainingRecipient(Mention):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="recipients")

    def __str__(self) -> str:
        return self.mention


class ForcesImport(models.Model):
    """One file imported: its hash, so the same file is never imported twice."""

    kind = models.CharField(_("kind"), max_length=12)
    file_name = models.CharField(_("file"), max_length=300)
    sha256 = models.CharField(max_length=64, unique=True)
    rows = models.PositiveIntegerField(default=0)
    imported_by = models.CharField(max_length=150)
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"
