"""Every write of a case: open one about complaints, record a dated step (citing its source), name an
official concerned and what happened to them. A case's state is its last step; a case is overdue when
no step was recorded for ``OVERDUE_DAYS`` days while one is expected."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tergeu.cases.models import Case, CaseOfficial, CaseStep, Complaint
from tergeu.cases.service import ComplaintRefused
from tergeu.cases.vocab import AUTHORITIES, GROUNDS, OUTCOMES, STEPS, StepStatus, expected_label
from tergeu.core.cases import is_overdue, next_expected
from tergeu.provenance.citations import cite
from tergeu.provenance.models import Source
from tergeu.provenance.vocab import SourceKind, choice_refusal

CASE_FIELDS = ("number", "authority", "authority_name", "article", "contact", "complaints")


class CaseRefused(ComplaintRefused):
    """A case, step or official that cannot be stored as given (the message says which field)."""


def _refuse_choice(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if refusal := choice_refusal(field, value, allowed):
        raise CaseRefused(refusal)


@transaction.atomic
def add_case(data: Any, complaints: QuerySet[Complaint], *, by: str, user: Any = None) -> Case:
    """A case about ``data["complaints"]`` (public ids, among ``complaints``, what the caller may see)."""
    if not isinstance(data, dict):
        raise CaseRefused(_("the case must be a JSON object"))
    if unknown := sorted(set(data) - set(CASE_FIELDS)):
        raise CaseRefused(_("unknown fields %(unknown)s; the fields are %(fields)s")
                          % {"unknown": ", ".join(unknown), "fields": ", ".join(CASE_FIELDS)})
    number = str(data.get("number") or "").strip()
    if not number or len(number) > 100:
        raise CaseRefused(_("a case needs a number (at most 100 characters)"))
    _refuse_choice("authority", data.get("authority") or "", AUTHORITIES)
    wanted = data.get("complaints") or []
    if not isinstance(wanted, list) or not all(isinstance(item, str) for item in wanted):
        raise CaseRefused(_("complaints must be a list of complaint ids"))
    found = list(complaints.filter(public_id__in=wanted))
    if missing := sorted(set(wanted) - {c.public_id for c in found}):
        raise CaseRefused(_("no complaint %(ids)s") % {"ids": ", ".join(missing[:5])})
    case = Case(number=number, authority=data["authority"], created_by=by,
                **{field: str(data.get(field) or "").strip()[:500] for field in ("authority_name", "article",
                                                                                   "contact")})
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        raise CaseRefused(_("a case numbered %(number)s exists already") % {"number": number}) from None
    case.complaints.set(found)
    if user is not None:
        from tergeu.accounts import grants

        grants.grant(user, case, by=by, level="edit", note="added this case")
    return case


@dataclass(frozen=True)
class Step:
    status: str
    on: datetime.date
    note: str = ""
    public_note: str = ""
    grounds: str = ""
    source: str = ""  # the name of the source (a prosecutor's letter, a court record, the family's account)
    source_kind: str = SourceKind.OFFICIAL
    locator: str = ""


@transaction.atomic
def record_step(case: Case, step: Step, *, by: str) -> CaseStep:
    """One dated step; a closing needs its grounds; the source is cited (``provenance.citations``)."""
    _refuse_choice("status", step.status, STEPS)
    if step.grounds:
        _refuse_choice("grounds", step.grounds, GROUNDS)
    if step.status == StepStatus.CLOSED and not step.grounds:
        raise CaseRefused(_("a closed case needs its grounds (%(grounds)s)") % {"grounds": ", ".join(GROUNDS)})
    if step.grounds and step.status != StepStatus.CLOSED:
        raise CaseRefused(_("grounds are given for a closing only"))
    if step.on > datetime.date.today():
        raise CaseRefused(_("the step's date is in the future"))
    made = CaseStep.objects.create(case=case, status=step.status, on=step.on, grounds=step.grounds,
                                   note=step.note.strip(), public_note=step.public_note.strip(), recorded_by=by)
    if step.source.strip():
        _refuse_choice("source_kind", step.source_kind, tuple(SourceKind.values))
        source, _made = Source.objects.get_or_create(name=step.source.strip()[:200],
                                                     defaults={"kind": step.source_kind})
        cite(made, source, locator=step.locator)
    return made


@transaction.atomic
def add_official(case: Case, name: str, outcome: str, *, position: str = "", public: bool = False) -> CaseOfficial:
    """An official concerned by the case; the same name again updates what happened to them."""
    _refuse_choice("outcome", outcome, OUTCOMES)
    name = (name or "").strip()
    if not name:
        raise CaseRefused(_("the official needs a name"))
    official = case.officials.filter(name=name).first() or CaseOfficial(case=case, name=name[:300])
    official.outcome, official.position, official.public = outcome, position.strip()[:300], public
    official.save()
    return official


@dataclass(frozen=True)
class CaseState:
    last: CaseStep | None
    next_status: str | None
    overdue: bool

    @property
    def next_label(self) -> str:
        return expected_label(self.next_status)


def state_of(case: Case, today: datetime.date | None = None) -> CaseState:
    """The case's last step, the step expected next, and whether it is overdue. The steps are read with
    ``.all()`` so a list that prefetched them costs no query per case (review L13); a case with no step
    at all is measured from its creation, so it too becomes overdue (review L4)."""
    last = max(case.steps.all(), key=lambda step: (step.on, step.pk), default=None)
    status = last.status if last else None
    since = last.on if last else timezone.localdate(case.created_at) if case.created_at else None
    return CaseState(last, next_expected(status), is_overdue(since, status, today or datetime.date.today()))
