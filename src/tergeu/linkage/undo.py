"""Undo a reviewer's last pair decision, through the history: the undo is a new entry, never a deletion.

A reviewer who pressed the wrong key must be able to take it back at once. The last decision is read
from the change log (the entries the reviewer's own account wrote about pair decisions), so it is the
last thing they did whichever page or API call did it. Undoing restores the pair as it was before:
a decision that was new is withdrawn (the row goes, with a ``delete`` entry saying "undo"), one that
replaced an earlier decision gets that decision back (an ``update`` entry saying "undo"). The log
keeps both the decision and its undo. Only the reviewer's own last step is undone, and only if no one
has changed the pair since; an undo is not itself undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import acting_as, because
from tergeu.linkage.linking import DecisionConflict, decision_conflict
from tergeu.linkage.models import PairDecision
from tergeu.registry.access import visible_records
from tergeu.toolkit import locks

UNDO = "undo of the reviewer's last decision"
RESTORED = ("decision", "note", "decided_by", "sampled")


@dataclass(frozen=True)
class LastDecision:
    """The reviewer's last decision that can be undone: the entry, the pair and what it set."""

    entry: ChangeEntry
    left: int
    right: int
    decision: str


def last_decision(user: Any) -> LastDecision | None:
    """The user's own last pair decision, if it can still be undone (none after an undo or another's change)."""
    if user is None or not getattr(user, "pk", None):
        return None
    kind = ContentType.objects.get_for_model(PairDecision)
    entry = ChangeEntry.objects.filter(object_type=kind, user=user).order_by("-at", "-id").first()
    if entry is None or entry.reason == UNDO or entry.action not in ("create", "update"):
        return None
    if ChangeEntry.objects.filter(object_type=kind, object_id=entry.object_id, id__gt=entry.pk).exists():
        return None  # changed since (by someone else): undoing would overwrite their decision
    stored = PairDecision.objects.filter(pk=entry.object_id).first()
    if stored is None or visible_records(user).filter(pk__in=(stored.left_id, stored.right_id)).count() != 2:
        return None
    return LastDecision(entry, stored.left_id, stored.right_id, stored.decision)


def undo_last_decision(user: Any) -> LastDecision | None:
    """Undo the user's last decision (see the module); None when there is nothing to undo.

    Restoring an earlier decision that the others now contradict raises ``DecisionConflict`` and
    changes nothing, as deciding it again would.
    """
    with transaction.atomic():
        locks.hold(locks.DECISIONS)  # one decider at a time, as in ``linking.decide_pair``
        last = last_decision(user)
        if last is None:
            return None
        stored = PairDecision.objects.get(pk=last.entry.object_id)
        with acting_as(user.get_username(), user), because(UNDO):
            if last.entry.action == "create":
                stored.delete()
                return last
            before = last.entry.before or {}
            restored = before.get("decision", stored.decision)
            conflict = decision_conflict(stored.left_id, stored.right_id, restored)
            if conflict:
                raise DecisionConflict(_("the earlier decision cannot come back: %(reason)s") % {"reason": conflict})
            for name in RESTORED:
                if name in before:
                    setattr(stored, name, before[name])
            stored.save()
    return last
