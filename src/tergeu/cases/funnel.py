"""The accountability funnel over what a user may see: rows loaded here, counted by ``core.cases.funnel``.

Also the deaths of the registry: how many people of the casualty registry (current linkage) are the
deceased victim of a complaint, and of those, how many are in a case that was opened.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from tergeu.cases.models import Case, CaseOfficial, CaseStep, Complaint
from tergeu.core.cases import OPENED, CaseFacts, ComplaintFacts, funnel


def _case_facts(cases: QuerySet[Case]) -> dict[int, CaseFacts]:
    opened = set(CaseStep.objects.filter(case__in=cases, status__in=OPENED).values_list("case_id", flat=True))
    outcomes: dict[int, list[str]] = defaultdict(list)
    for case_id, outcome in CaseOfficial.objects.filter(case__in=cases).values_list("case_id", "outcome"):
        outcomes[case_id].append(outcome)
    return {pk: CaseFacts(pk in opened, tuple(outcomes[pk])) for pk in cases.values_list("pk", flat=True)}


def _complaint_facts(complaints: QuerySet[Complaint], visible_case_ids: set[int]) -> list[ComplaintFacts]:
    links: dict[int, list[int]] = defaultdict(list)
    for complaint_id, case_id in Case.complaints.through.objects.filter(complaint__in=complaints).values_list(
            "complaint_id", "case_id"):
        if case_id in visible_case_ids:
            links[complaint_id].append(case_id)
    return [ComplaintFacts(kind, region, day.strftime("%Y-%m") if day else "", tuple(links[pk]))
            for pk, kind, region, day in complaints.values_list("pk", "kind", "region_key", "occurred_on")]


def deaths(complaints: QuerySet[Complaint], people: QuerySet, opened_cases: set[int]) -> dict[str, int]:
    """Registry deaths → complaints about them → with an opened case."""
    about = complaints.filter(deceased__in=people)
    with_case = about.filter(cases__in=list(opened_cases)).values("deceased").distinct().count()
    return {"registry_deaths": people.count(), "with_complaint": about.values("deceased").distinct().count(),
            "with_case_opened": with_case}


def funnel_for(complaints: QuerySet[Complaint], cases: QuerySet[Case], people: QuerySet) -> dict[str, Any]:
    """The funnel of ``complaints`` and ``cases`` (already narrowed to what the reader may see)."""
    facts = _case_facts(cases)
    result = funnel(_complaint_facts(complaints, set(facts)), facts)
    result["deaths"] = deaths(complaints, people, {pk for pk, case in facts.items() if case.opened})
    return result
