"""Linking an incident to its victims: registry people (``linkage.Person``) who died where and when it happened.

The incident file names no victim (a list of the dead is the registry's, with its own protections), so the
link is made here: the current people with a record stating the incident's place (by gazetteer key) and its
day of death. A person merged or split by a later linkage run is followed like any other reference to a
person (docs/architecture.md, "People are never deleted").
"""

from __future__ import annotations

from django.db.models import QuerySet

from tergeu.core.places import resolve_key
from tergeu.forces.models import Incident
from tergeu.linkage.models import Person


def people_at(place: str, day: str) -> QuerySet[Person]:
    """Current people with a record of death at ``place`` (as written, in any script) on ``day`` (ISO)."""
    key = resolve_key(place)
    if not key or len(day) != 10:
        return Person.objects.none()
    return Person.objects.current().filter(memberships__record__place_key=key,
                                           memberships__record__death_date=day).distinct()


def tie_victims_by_place_and_day(incidents: QuerySet[Incident]) -> int:
    """Link each incident dated to one day to the people who died at its place that day; how many links."""
    made = 0
    for incident in incidents:
        if incident.start and incident.start == (incident.end or incident.start):
            people = list(people_at(incident.place, incident.start))
            incident.victims.add(*people)
            made += len(people)
    return made
