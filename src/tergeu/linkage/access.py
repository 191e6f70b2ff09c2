"""Which people, decisions and runs a user may see: the only place the linkage app defines it.

A person is seen through the records the user may see (``tergeu.registry.access``): a person with no
visible record does not exist for that user, and one with some is shown from those only
(``people.person_as_seen``). A decision is seen when both its records are. A linkage run reads every
list, so only roles that see every list see runs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import QuerySet

from tergeu.accounts.access import register_visibility, visible_to
from tergeu.accounts.roles import VIEW_ALL_LISTS, role_allows
from tergeu.linkage.models import LinkageJob, LinkageRun, Membership, PairDecision, Person, WithheldName
from tergeu.registry.models import Record


def _sees_every_list(user: Any) -> bool:
    """Roles that see every list see every row derived from them, deleted ones' history included."""
    return role_allows(user, VIEW_ALL_LISTS)


def visible_people(user: Any) -> QuerySet[Person]:
    """People with a record the user may see (so never a retired person: it has no records)."""
    return Person.objects.filter(memberships__record__in=visible_to(user, Record).values("pk")).distinct()


def successor_seen_by(user: Any, public_id: str) -> str | None:
    """Where a retired person's page and API id lead this user: the public id of the person now holding
    most of the retired person's records that this user may see; None when they may see none of them.

    Not ``merged_into``, which follows all the records: a viewer who saw only some of them must not be
    led to a person holding records they cannot see, which would tell them where those records went.
    """
    retired = Person.objects.filter(public_id=public_id, retired_at__isnull=False).first()
    if retired is None or not retired.former_records:
        return None
    seen = visible_to(user, Record).filter(pk__in=retired.former_records, membership__isnull=False)
    holders = Counter(seen.values_list("membership__person_id", "membership__person__public_id"))
    if not holders:
        return None
    return min(holders, key=lambda person: (-holders[person], person[0]))[1]  # ties: the earlier person


def visible_decisions(user: Any) -> QuerySet[PairDecision]:
    if _sees_every_list(user):
        return PairDecision.objects.all()
    records = visible_to(user, Record).values("pk")
    return PairDecision.objects.filter(left__in=records, right__in=records)


def visible_memberships(user: Any) -> QuerySet[Membership]:
    if _sees_every_list(user):
        return Membership.objects.all()
    return Membership.objects.filter(record__in=visible_to(user, Record).values("pk"))


def visible_runs(user: Any) -> QuerySet[LinkageRun]:
    return LinkageRun.objects.all() if _sees_every_list(user) else LinkageRun.objects.none()


def visible_jobs(user: Any) -> QuerySet[LinkageJob]:
    return LinkageJob.objects.all() if _sees_every_list(user) else LinkageJob.objects.none()


def visible_withheld_names(user: Any) -> QuerySet[WithheldName]:
    """A withheld name is seen with its person; retired people's flags by roles that see every list."""
    if _sees_every_list(user):
        return WithheldName.objects.all()
    return WithheldName.objects.filter(person__in=visible_people(user).values("pk"))


def register() -> None:
    register_visibility(Person, visible_people)
    register_visibility(PairDecision, visible_decisions)
    register_visibility(Membership, visible_memberships, about_others=True)
    register_visibility(LinkageRun, visible_runs)
    register_visibility(LinkageJob, visible_jobs)
    register_visibility(WithheldName, visible_withheld_names, about_others=True)
