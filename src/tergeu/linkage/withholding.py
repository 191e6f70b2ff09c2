"""Withholding a person's name from publication, at the family's request: the only writes of ``WithheldName``.

Setting and clearing are tracked in the history (who, when, the note), under the ``withhold_names``
capability, for a person the user may see. A linkage run redraws people, so the flag follows the
records: after a full run every current person holding a record that a withheld person held before
the run is withheld too (``carry_over``). A person that continues keeps its flag; a split leaves every
part withheld; a merge with a withheld person leaves the merged person withheld. Clearing is a
person-by-person decision, made again after a split if it should apply to each part.
"""

from __future__ import annotations

import base64
from typing import Any

from django.db import transaction
from django.utils.crypto import salted_hmac

from tergeu.accounts.access import can
from tergeu.accounts.roles import WITHHOLD_NAMES
from tergeu.history.tracking import acting_as, current_actor
from tergeu.linkage.models import Membership, Person, WithheldName
from tergeu.registry.models import Record

MAX_NOTE = 2000


class NotAllowed(LookupError):
    """The user may not withhold names, or may not see this person (both read as "not found")."""


def _check(user: Any, person: Person) -> None:
    if user is not None and not can(user, WITHHOLD_NAMES, person):
        raise NotAllowed("not found")


def withhold(person: Person, note: str, user: Any = None) -> WithheldName:
    """Withhold ``person``'s name (or change the note of a withheld one); ``user`` None: the command line,
    whose operator is the OS account (``current_actor``)."""
    _check(user, person)
    if person.retired_at is not None:
        raise ValueError("a relink retired this person: withhold the person its records went to")
    name = user.get_username() if user is not None else current_actor()[0]
    with transaction.atomic(), acting_as(name, user):
        held = WithheldName.objects.filter(person=person).first() or WithheldName(person=person)
        held.note, held.set_by = note.strip()[:MAX_NOTE], name
        held.save()
    return held


def clear(person: Person, user: Any = None) -> bool:
    """Publish ``person``'s name again; False when it was not withheld."""
    _check(user, person)
    name = user.get_username() if user is not None else current_actor()[0]
    with transaction.atomic(), acting_as(name, user):
        held = WithheldName.objects.filter(person=person).first()
        if held is None:
            return False
        held.delete()
    return True


def is_withheld(person: Person) -> bool:
    return WithheldName.objects.filter(person=person).exists()


def withheld_people() -> frozenset[int]:
    """The keys of every person (current or retired) whose name is withheld."""
    return frozenset(WithheldName.objects.values_list("person_id", flat=True))


def stand_in_ids(people: set[int] | frozenset[int]) -> dict[int, str]:
    """The id the public release gives each withheld person of ``people`` (keys) instead of their public id.

    The public id is kept by every relink, so a release listing a person's id with their name and a later
    one listing the same id as withheld would tell anyone holding both which name is withheld. The stand-in
    has the public id's form, is the same in every release while the flag stays (so the diff still follows
    the entry), and cannot be computed without the installation's secret key: from the outside it is a new
    entry, unconnected to any earlier one.
    """
    flags = WithheldName.objects.filter(person_id__in=people).values_list("person_id", "pk", "person__public_id")
    return {person: _stand_in(public_id, flag) for person, flag, public_id in flags}


def _stand_in(public_id: str, flag: int) -> str:
    digest = salted_hmac("tergeu.release.withheld-entry", f"{public_id}:{flag}", algorithm="sha256").digest()
    return base64.b32encode(digest[:16]).decode("ascii").rstrip("=").lower()


def withheld_spellings() -> set[str]:
    """Every spelling of every withheld person's name: their preferred names and the name of every record
    they hold or held before a relink (all lists, published or not), for the release's last check."""
    spellings: set[str] = set()
    held: set[int] = set()
    for display_name, names, former in Person.objects.filter(withheld_name__isnull=False).values_list(
            "display_name", "names", "former_records"):
        spellings.update([display_name, *(names or {}).values()])
        held.update(former or [])
    now = Membership.objects.filter(person__withheld_name__isnull=False).values("record_id")
    records = Record.objects.filter(pk__in=now) | Record.objects.filter(pk__in=held)
    spellings.update(records.values_list("display_name", flat=True))
    return {spelling for spelling in spellings if spelling}


def carry_over(before: dict[int, int], after: dict[int, int]) -> int:
    """After a relink (records → person before and after it), withhold every person now holding a record
    a withheld person held before; returns how many people became withheld this way.

    Each new flag is a tracked creation naming the person it came from, its note copied, so the history
    says why a name the family asked about for another person id is withheld now.
    """
    flagged = dict(WithheldName.objects.values_list("person_id", "note"))
    if not flagged:
        return 0
    heirs: dict[int, int] = {}
    for record, person in sorted(before.items()):
        if person in flagged and record in after and after[record] not in flagged:
            heirs.setdefault(after[record], person)
    for heir, origin in sorted(heirs.items()):
        WithheldName.objects.create(person_id=heir, note=flagged[origin], set_by=current_actor()[0],
                                    carried_from_id=origin)
    return len(heirs)


__all__ = ["NotAllowed", "carry_over", "clear", "is_withheld", "stand_in_ids", "withheld_people", "withheld_spellings",
           "withhold"]
