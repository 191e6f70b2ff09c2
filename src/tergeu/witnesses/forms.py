"""Reading the witnesses' forms and API bodies into what the services take, with clear refusals.

One reader per input, shared by the pages and the API, so a date or a kind is checked once.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from tergeu.witnesses.models import ProtectedPerson
from tergeu.witnesses.records import Pressure
from tergeu.witnesses.service import ProtectionRefused


def day(value: Any, name: str, required: bool = True) -> datetime.date | None:
    text = str(value or "").strip()
    if not text:
        if required:
            raise ProtectionRefused(_("%(name)s is required (YYYY-MM-DD)") % {"name": name})
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ProtectionRefused(_("%(name)s: use YYYY-MM-DD") % {"name": name}) from None


def _voluntary(value: Any) -> bool | None:
    if value in (True, False, None):
        return value
    return {"yes": True, "no": False, "": None}.get(str(value))


def pressure_from(person: ProtectedPerson, data: Mapping[str, Any]) -> Pressure:
    """A pressure event from a form or a JSON body; ``withdraws`` names one of the person's statements."""
    withdraws = str(data.get("withdraws") or "").strip()
    statement = person.statements.filter(public_id=withdraws).first() if withdraws else None
    if withdraws and statement is None:
        raise ProtectionRefused(_("no such statement of this person"))
    return Pressure(occurred_on=day(data.get("occurred_on"), _("date")), kind=str(data.get("kind") or ""),
                    text=str(data.get("text") or ""), reported_by=str(data.get("reported_by") or ""),
                    follow_up=str(data.get("follow_up") or ""), voluntary=_voluntary(data.get("voluntary")),
                    withdraws=statement)
