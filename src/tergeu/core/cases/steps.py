"""The fixed vocabulary of a case's steps, what usually comes next, and when a case is overdue.

The order of the stages is the order the law gives a criminal case in Kazakhstan: registered in the
unified register, a pre-trial investigation, a suspect, a charge, the court, its verdict, an appeal.
``suspended`` and ``closed`` stop it; ``reopened`` starts the investigation again.
"""

from __future__ import annotations

import datetime

STEP_STATUSES = ("registered", "investigation-opened", "suspect-identified", "charged", "suspended", "closed",
                 "reopened", "sent-to-court", "verdict-guilty", "verdict-acquitted", "appeal")
# A case counts as opened in the funnel once an investigation was opened (or anything that needs one).
OPENED = frozenset({"investigation-opened", "suspect-identified", "charged", "suspended", "reopened",
                    "sent-to-court", "verdict-guilty", "verdict-acquitted", "appeal"})
_NEXT = {
    "registered": "investigation-opened",
    "investigation-opened": "suspect-identified",
    "suspect-identified": "charged",
    "charged": "sent-to-court",
    "suspended": "reopened",
    "reopened": "suspect-identified",
    "sent-to-court": "verdict",  # not a status: either verdict, the court decides which
}  # closed, a verdict, an appeal: nothing is expected of the authorities (an appeal is the parties')
# What happened to an official, furthest stage last; "amnestied" ends a case without a verdict.
OFFICIAL_OUTCOMES = ("questioned", "investigated", "amnestied", "charged", "acquitted", "convicted")
OVERDUE_DAYS = 90


def next_expected(last_status: str | None) -> str | None:
    """The step that usually follows ``last_status`` (None: nothing is expected, e.g. after closing)."""
    if last_status is None:
        return "registered"
    return _NEXT.get(last_status)


def is_overdue(last_step_on: datetime.date | None, last_status: str | None, today: datetime.date) -> bool:
    """No step for ``OVERDUE_DAYS`` days while a next step is expected (a closed case is never overdue)."""
    if last_step_on is None or next_expected(last_status) is None:
        return False
    return (today - last_step_on).days > OVERDUE_DAYS
