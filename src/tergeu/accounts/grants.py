"""Sharing one object with one named person, and taking it back: every write of a ``Grant``.

A grant is never changed or deleted: revoking ends it (``expires_at`` set to now) and granting again
ends the live one and adds a new one, so the rows are the record of who could see what, and when.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from tergeu.accounts.models import Grant


def _live_on(user: Any, obj: models.Model) -> models.QuerySet[Grant]:
    return Grant.live(user, type(obj)).filter(scope_id=obj.pk)


@transaction.atomic
def grant(user: Any, obj: models.Model, by: str, level: str = Grant.Level.VIEW,
          expires_at: datetime.datetime | None = None, note: str = "") -> Grant:
    """Share ``obj`` with ``user`` at ``level`` until ``expires_at`` (for good when None)."""
    if level not in Grant.Level.values:
        raise ValueError(f"unknown level {level!r}; levels are {', '.join(Grant.Level.values)}")
    if expires_at is not None and expires_at <= timezone.now():
        raise ValueError("the grant would end before it starts")
    revoke(user, obj)
    return Grant.objects.create(user=user, scope_type=ContentType.objects.get_for_model(type(obj)),
                                scope_id=obj.pk, level=level, granted_by=by, expires_at=expires_at, note=note)


@transaction.atomic
def revoke(user: Any, obj: models.Model) -> int:
    """End every live grant ``user`` holds on ``obj``; how many ended."""
    ending = list(_live_on(user, obj).select_for_update())
    for held in ending:
        held.expires_at = timezone.now()
        held.save(update_fields=["expires_at"])
    return len(ending)
