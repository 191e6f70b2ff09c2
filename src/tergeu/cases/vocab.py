"""The vocabularies of complaints and cases, taken by the models, the CLI, the API, the import and pages.

The kinds of violation follow the HURIDOCS Events Standard Formats' acts, narrowed to what was alleged
after January 2022; the steps are ``tergeu.core.cases.STEP_STATUSES`` with their labels.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tergeu.core.cases import OFFICIAL_OUTCOMES, STEP_STATUSES


class ComplaintKind(models.TextChoices):
    KILLING = "killing", _("Killing")
    DEATH_IN_CUSTODY = "death-in-custody", _("Death in custody")
    TORTURE = "torture", _("Torture")
    ILL_TREATMENT = "ill-treatment", _("Ill-treatment")
    ARBITRARY_DETENTION = "arbitrary-detention", _("Arbitrary detention")
    DISAPPEARANCE = "enforced-disappearance", _("Enforced disappearance")
    SEXUAL_VIOLENCE = "sexual-violence", _("Sexual violence")
    MEDICAL_CARE = "denial-of-medical-care", _("Denial of medical care")
    THREATS = "threats", _("Threats or pressure")
    OTHER = "other", _("Other")


class StepStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    INVESTIGATION_OPENED = "investigation-opened", _("Investigation opened")
    SUSPECT_IDENTIFIED = "suspect-identified", _("Suspect identified")
    CHARGED = "charged", _("Charged")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    SENT_TO_COURT = "sent-to-court", _("Sent to court")
    VERDICT_GUILTY = "verdict-guilty", _("Verdict: guilty")
    VERDICT_ACQUITTED = "verdict-acquitted", _("Verdict: acquitted")
    APPEAL = "appeal", _("Appeal")


class ClosingGrounds(models.TextChoices):
    NO_CRIME = "no-crime", _("No crime found")
    NOT_IDENTIFIED = "not-identified", _("Perpetrator not identified")
    NO_EVIDENCE = "no-evidence", _("Lack of evidence")
    AMNESTY = "amnesty", _("Amnesty")
    LIMITATION = "limitation", _("Limitation period expired")
    DEATH = "death-of-suspect", _("Death of the suspect")
    OTHER = "other", _("Other grounds")


class Authority(models.TextChoices):
    PROSECUTOR = "prosecutor", _("Prosecutor's office")
    ANTI_CORRUPTION = "anti-corruption", _("Anti-Corruption Service")
    INVESTIGATIVE = "investigative-committee", _("Investigative committee")
    POLICE = "police", _("Police investigators")
    COURT = "court", _("Court")
    OTHER = "other", _("Other authority")


class OfficialOutcome(models.TextChoices):
    QUESTIONED = "questioned", _("Questioned")
    INVESTIGATED = "investigated", _("Investigated")
    AMNESTIED = "amnestied", _("Amnestied")
    CHARGED = "charged", _("Charged")
    ACQUITTED = "acquitted", _("Acquitted")
    CONVICTED = "convicted", _("Convicted")


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    COMPLAINANT = "complainant", _("Complainant")


class FacilityKind(models.TextChoices):
    POLICE_STATION = "police-station", _("Police station")
    TEMPORARY = "temporary-detention", _("Temporary detention facility")
    PRE_TRIAL = "pre-trial-detention", _("Pre-trial detention centre")
    SECURITY_SERVICE = "security-service", _("Security service building")
    UNOFFICIAL = "unofficial", _("Unofficial place of detention")
    OTHER = "other", _("Other")


def expected_label(status: str | None) -> str:
    """The words for the step expected next (``core.cases.next_expected``): a status, or the court's verdict."""
    if not status:
        return ""
    return str(_("The court's verdict")) if status == "verdict" else str(StepStatus(status).label)


COMPLAINT_KINDS: tuple[str, ...] = tuple(ComplaintKind.values)
STEPS: tuple[str, ...] = tuple(StepStatus.values)
GROUNDS: tuple[str, ...] = tuple(ClosingGrounds.values)
AUTHORITIES: tuple[str, ...] = tuple(Authority.values)
OUTCOMES: tuple[str, ...] = tuple(OfficialOutcome.values)
FACILITY_KINDS: tuple[str, ...] = tuple(FacilityKind.values)
assert STEPS == STEP_STATUSES and set(OUTCOMES) == set(OFFICIAL_OUTCOMES)  # nosec B101: one vocabulary
