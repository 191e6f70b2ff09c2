"""``tergeu assistance review``: for each incident, the units involved on its day and the training each received."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from tergeu.core.forces import units_involved
from tergeu.forces.chain import load_graph
from tergeu.forces.facts import incident_facts
from tergeu.forces.models import Incident, TrainingRecipient


def trainings_by_unit() -> dict[str, list[str]]:
    """The training records surely resolved to each unit (external ids), oldest first."""
    found: dict[str, list[str]] = defaultdict(list)
    rows = (TrainingRecipient.objects.filter(verdict="resolved", unit__isnull=False)
            .order_by("training__start", "training__external_id")
            .values_list("unit__external_id", "training__external_id"))
    for unit, training in rows:
        if training not in found[unit]:
            found[unit].append(training)
    return found


def review(incidents: QuerySet[Incident]) -> dict[str, Any]:
    """``{"incidents": [{"incident", "units": [{"unit", "relation", "trainings"}]}]}``."""
    graph, _postings = load_graph()
    reviewed = units_involved(incident_facts(incidents), graph, trainings_by_unit())
    return {"incidents": [{"incident": item.incident,
                           "units": [{"unit": u.unit, "relation": u.relation, "trainings": list(u.trainings)}
                                     for u in item.units]}
                          for item in reviewed]}
