"""Template context every page gets: the synthetic-data flag and what the menu may offer."""

from __future__ import annotations

from django.http import HttpRequest

from tergeu.accounts.access import can
from tergeu.accounts.roles import (
    HANDLE_WITNESSES,
    IMPORT_LISTS,
    REVIEW_FACTS,
    VIEW_ALL_LISTS,
    VIEW_CASES,
    VIEW_FORCES,
    VIEW_HISTORY,
)
from tergeu.provenance.models import Source


def tergeu_context(request: HttpRequest) -> dict:
    return {
        "tergeu_demo": Source.objects.filter(is_synthetic=True).exists(),
        "tergeu_can_import": can(getattr(request, "user", None), IMPORT_LISTS),
        "tergeu_can_see_history": can(getattr(request, "user", None), VIEW_HISTORY),
        "tergeu_can_review": can(getattr(request, "user", None), REVIEW_FACTS),
        "tergeu_can_see_estimates": can(getattr(request, "user", None), VIEW_ALL_LISTS),
        "tergeu_can_see_forces": can(getattr(request, "user", None), VIEW_FORCES),
        "tergeu_can_handle_witnesses": can(getattr(request, "user", None), HANDLE_WITNESSES),
        "tergeu_can_see_cases": can(getattr(request, "user", None), VIEW_CASES),
    }
