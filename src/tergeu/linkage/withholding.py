"""Withholding a person's name from publication, at the family's request: the only writes of ``WithheldName``.

Setting and clearing are tracked in the history (who, when, the note), under the ``withhold_names``
capability, for a person the user may see. A linkage run redraws people, so the flag follows the
records: after a full run every current person holding a record that a withheld person held before
the run is withheld too (``carry_over``). A person that continues keeps its flag; a split leaves every
part withheld; a merge with a withheld person leaves the merged person withheld. Clearing is a
person-by-person decision, made again after a split if it should apply to each part.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tergeu.accounts.access import can
from tergeu.accounts.roles import WITHHOLD_NAMES
from tergeu.history.tracking import acting_as, current_actor
from tergeu.linkage.models import Person, WithheldName

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


__all__ = ["NotAllowed", "carry_over", "clear", "is_withheld", "withheld_people", "withhold"]
