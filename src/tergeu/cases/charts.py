"""The funnel as a chart: bar geometry for an inline SVG drawn by the template (no script, no CDN,
nothing for the Content-Security-Policy to refuse: SVG attributes, not style attributes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from tergeu.core.cases import STAGES

STAGE_LABELS = {
    "complaints": _("Complaints"),
    "complaints_with_case": _("Complaints with an opened case"),
    "cases_opened": _("Cases opened"),
    "officials_investigated": _("Officials investigated"),
    "officials_charged": _("Officials charged"),
    "convictions": _("Convictions"),
}
WIDTH = 600  # the SVG's drawing width for the longest bar
ROW = 44
CHART_HEIGHT = len(STAGES) * ROW + 8


@dataclass(frozen=True)
class Bar:
    stage: str
    label: str
    count: int
    width: int
    y: int
    share: float | None  # of the comparable stage before (core.cases.SHARES), None where units differ


def funnel_bars(found: dict[str, Any]) -> list[Bar]:
    """One bar per stage, scaled to the first (a stage with any count is at least one unit wide)."""
    top = max((found[stage] for stage in STAGES), default=0) or 1
    return [Bar(stage, str(STAGE_LABELS[stage]), found[stage],
                max(round(found[stage] / top * WIDTH), 1 if found[stage] else 0), index * ROW,
                found["shares"].get(stage)) for index, stage in enumerate(STAGES)]
