"""The accountability funnel: how many complaints become cases, and how few officials are convicted.

Stages: complaints → complaints with an opened case → cases opened → officials investigated → officials
charged → convictions. A share compares a stage with the comparable stage before it, in the same unit
(:data:`SHARES`): complaints with an opened case of all complaints, officials charged of those investigated,
convictions of those charged. Cases and officials are other units (one case covers many complaints, many
officials), so "cases opened" and "officials investigated" have no share, and no share is over 100 %. The
counts are of distinct rows: a case linked to two complaints is one case; an official is counted once
per case they are concerned in (two cases, two proceedings). Per kind, region and month, a group's
cases are those linked to its complaints, and their officials; a case about complaints of two kinds
counts in both groups, so the groups can add up to more than the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

STAGES = ("complaints", "complaints_with_case", "cases_opened", "officials_investigated", "officials_charged",
          "convictions")
SHARES = {"complaints_with_case": "complaints", "officials_charged": "officials_investigated",
          "convictions": "officials_charged"}  # stage: the stage it is a share of (a subset of it)
_INVESTIGATED = frozenset({"investigated", "amnestied", "charged", "acquitted", "convicted"})
_CHARGED = frozenset({"charged", "acquitted", "convicted"})


@dataclass(frozen=True)
class CaseFacts:
    """A case as the funnel needs it: opened or not, and the outcome for each official concerned."""

    opened: bool
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComplaintFacts:
    kind: str
    region: str  # a gazetteer key, "" when the place was not resolved
    month: str  # YYYY-MM of the alleged events, "" when undated
    cases: tuple[int, ...] = field(default_factory=tuple)


def stage_counts(complaints: int, cases: Iterable[CaseFacts], with_case: int = 0) -> dict[str, int]:
    """The stage counts for ``complaints`` complaints (``with_case`` of them linked to an opened case) and
    the distinct ``cases`` linked to them."""
    counts = dict.fromkeys(STAGES, 0)
    counts["complaints"], counts["complaints_with_case"] = complaints, with_case
    for case in cases:
        counts["cases_opened"] += case.opened
        counts["officials_investigated"] += sum(outcome in _INVESTIGATED for outcome in case.outcomes)
        counts["officials_charged"] += sum(outcome in _CHARGED for outcome in case.outcomes)
        counts["convictions"] += sum(outcome == "convicted" for outcome in case.outcomes)
    return counts


def _drops(counts: dict[str, int]) -> dict[str, float | None]:
    """Each stage of :data:`SHARES` as a share of its comparable stage (None where that one is zero)."""
    return {later: (counts[later] / counts[earlier] if counts[earlier] else None) for later, earlier in SHARES.items()}


def _with_case(complaints: Iterable[ComplaintFacts], cases: dict[int, CaseFacts]) -> int:
    """How many of ``complaints`` are linked to at least one opened case."""
    return sum(any(cases[case_id].opened for case_id in complaint.cases) for complaint in complaints)


def funnel(complaints: Iterable[ComplaintFacts], cases: dict[int, CaseFacts],
           all_cases: bool = True) -> dict[str, object]:
    """The funnel in total and by kind, region and month.

    ``cases`` are all cases by id; with ``all_cases`` the total counts every case (a case opened without
    a complaint registered here, ex officio, still counts), per group only those linked to its complaints.
    """
    complaints = list(complaints)
    linked = {case_id for complaint in complaints for case_id in complaint.cases}
    total_cases = cases.values() if all_cases else [cases[case_id] for case_id in sorted(linked)]
    total = stage_counts(len(complaints), total_cases, _with_case(complaints, cases))
    result: dict[str, object] = {**total, "shares": _drops(total)}
    for facet in ("kind", "region", "month"):
        groups: dict[str, list[ComplaintFacts]] = defaultdict(list)
        for complaint in complaints:
            groups[getattr(complaint, facet)].append(complaint)
        result[f"by_{facet}"] = {
            key: stage_counts(len(members), [cases[case_id] for case_id in
                                             sorted({c for member in members for c in member.cases})],
                              _with_case(members, cases))
            for key, members in sorted(groups.items())}
    return result
