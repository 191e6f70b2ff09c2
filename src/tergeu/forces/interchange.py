"""Export of the forces rows as FollowTheMoney entities (``tergeu forces export --format ftm``).

The rows are gathered as plain dicts of the canonical import columns, with their citations among
those the reader may see, and handed to ``core.ftm.to_entities``; docs/forces.md has the mapping.
Victims of incidents are registry people and are not exported: who may see them, and under which
name, is the registry's and the public release's to decide, not an interchange file's. Importing this
module loads ``followthemoney``: the command imports it when asked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from django.db.models import Prefetch, QuerySet

from tergeu.core.ftm import ForceRows, to_entities
from tergeu.forces.models import Incident, NameKind, Official, Perpetrator, Posting, Unit, UnitRelation
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation


def _cited(rows: list[Any], seen: QuerySet[Citation]) -> dict[int, list[dict[str, Any]]]:
    found = citations_of(rows, seen) if rows else {}
    return {pk: [{"source": c.source.name, "locator": c.locator, "url": c.source.url,
                  "synthetic": c.source.is_synthetic} for c in cited] for pk, cited in found.items()}


def _dates(row: Any) -> dict[str, Any]:
    return {"first_cited": row.first_cited, "last_cited": row.last_cited, "first_is_start": row.first_is_start,
            "open_end": row.open_end}


def _units(units: QuerySet[Unit], seen: QuerySet[Citation]) -> list[dict[str, Any]]:
    rows = list(units.prefetch_related("names"))
    cited = _cited(rows, seen)
    return [{"unit_id": u.external_id, "name": u.name, "classification": u.classification, "country": u.country,
             "founded": u.founded, "dissolved": u.dissolved, "citations": cited.get(u.pk, []),
             "aliases": [n.text for n in u.names.all() if n.kind == NameKind.ALIAS],
             "identifiers": [n.text for n in u.names.all() if n.kind == NameKind.IDENTIFIER]} for u in rows]


def _incidents(incidents: QuerySet[Incident], seen: QuerySet[Citation]) -> list[dict[str, Any]]:
    # select_related inside the prefetch: a plain "perpetrators__unit" prefetch goes through the hidden
    # reverse relation, which Django queries as an OR chain SQLite refuses past about 1000 units
    rows = list(incidents.prefetch_related(
        Prefetch("perpetrators", queryset=Perpetrator.objects.select_related("unit", "official"))))
    cited = _cited(rows, seen)
    found = []
    for incident in rows:
        sure = [p for p in incident.perpetrators.all() if p.verdict == "resolved"]
        found.append({
            "incident_id": incident.external_id, "start": incident.start, "end": incident.end,
            "place": incident.place, "description": incident.description,
            "violation_types": incident.violation_types, "perpetrator_units": incident.perpetrator_units_text,
            "perpetrator_persons": incident.perpetrator_persons_text, "citations": cited.get(incident.pk, []),
            "mentions": [p.mention for p in incident.perpetrators.all()],
            "involved_units": [p.unit.external_id for p in sure if p.unit is not None],
            "involved_persons": [p.official.external_id for p in sure if p.official is not None]})
    return found


def force_rows(user_sees: dict[type, QuerySet], seen: QuerySet[Citation]) -> ForceRows:
    """The rows of each model among ``user_sees`` (model → what the reader may see), as plain dicts."""
    persons = list(user_sees[Official])
    relations = list(user_sees[UnitRelation].select_related("child", "parent"))
    postings = list(user_sees[Posting].select_related("official", "unit"))
    cited = {"persons": _cited(persons, seen), "relations": _cited(relations, seen),
             "postings": _cited(postings, seen)}
    return ForceRows(
        units=_units(user_sees[Unit], seen),
        persons=[{"person_id": p.external_id, "name": p.name, "aliases": p.aliases, "date_of_birth": p.date_of_birth,
                  "citations": cited["persons"].get(p.pk, [])} for p in persons],
        relations=[{"unit_id": r.child.external_id, "parent_unit_id": r.parent.external_id,
                    "classification": r.classification, "citations": cited["relations"].get(r.pk, []), **_dates(r)}
                   for r in relations],
        postings=[{"person_id": p.official.external_id, "unit_id": p.unit.external_id, "role": p.role,
                   "title": p.title, "rank": p.rank, "citations": cited["postings"].get(p.pk, []), **_dates(p)}
                  for p in postings],
        incidents=_incidents(user_sees[Incident], seen))


def entity_lines(rows: ForceRows) -> Iterator[str]:
    for entity in to_entities(rows):
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True)


def write_ftm(out: IO[str], user_sees: dict[type, QuerySet], seen: QuerySet[Citation]) -> int:
    """Every entity as one JSON line on ``out``; returns how many."""
    count = 0
    for line in entity_lines(force_rows(user_sees, seen)):
        out.write(line + "\n")
        count += 1
    return count
