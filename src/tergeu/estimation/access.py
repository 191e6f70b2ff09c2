"""Which estimates a user may see: the only place the estimation app defines it.

An estimate reads every list (and its figures say how many people each list names), so only roles
that see every list see estimates.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tergeu.accounts.access import register_visibility
from tergeu.accounts.roles import VIEW_ALL_LISTS, role_allows
from tergeu.estimation.models import EstimateRun


def visible_estimates(user: Any) -> QuerySet[EstimateRun]:
    return EstimateRun.objects.all() if role_allows(user, VIEW_ALL_LISTS) else EstimateRun.objects.none()


def register() -> None:
    register_visibility(EstimateRun, visible_estimates)
