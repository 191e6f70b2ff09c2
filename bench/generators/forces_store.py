"""Storing a generated force in bulk (the benchmark's set-up; importing 300,000 rows one by one is not timed).

The rows are written as the import writers write them (``forces.importing.writers``): the same name
keys (``matching_key``, ``identifier_lookup_key``), perpetrators resolved to their units and officials,
and a citation of one synthetic source for each incident, relation and commander's posting, so findings
carry sources as they would.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from tergeu.core.names import matching_key
from tergeu.forces.importing.writers import identifier_lookup_key
from tergeu.forces.models import Incident, Official, Perpetrator, Posting, Unit, UnitName, UnitRelation
from tergeu.provenance.models import Citation, Source
from tergeu.provenance.vocab import Confidence, Status

from .forces import ForceSet

BATCH = 5000


def _split(cell: str) -> list[str]:
    return [part for part in cell.split(";") if part]


def _dates(row: dict) -> dict:
    return {"first_cited": row.get("first_cited", ""), "last_cited": row.get("last_cited", ""),
            "open_end": row.get("open_ended", "N")}


def _cite(rows: list, source: Source) -> None:
    if not rows:
        return
    kind = ContentType.objects.get_for_model(type(rows[0]))
    Citation.objects.bulk_create([Citation(cited_type=kind, cited_id=row.pk, source=source, locator="bench",
                                           confidence=Confidence.MEDIUM, status=Status.PENDING) for row in rows],
                                 batch_size=BATCH)


def store(force: ForceSet) -> None:
    """Every row of ``force`` in the database (empty before), in bulk."""
    source = Source.objects.create(name="Synthetic force (bench)", is_synthetic=True)
    Unit.objects.bulk_create([Unit(external_id=u["unit_id"], name=u["name"], classification=u["classification"],
                                   country=u["country"]) for u in force.units], batch_size=BATCH)
    unit_pk = dict(Unit.objects.values_list("external_id", "pk"))
    unit_names = []
    for u in force.units:
        pk = unit_pk[u["unit_id"]]
        unit_names.append(UnitName(unit_id=pk, kind="name", text=u["name"], match_key=matching_key(u["name"])))
        unit_names += [UnitName(unit_id=pk, kind="alias", text=a, match_key=matching_key(a))
                       for a in _split(u["aliases"])]
        unit_names += [UnitName(unit_id=pk, kind="identifier", text=i, match_key=identifier_lookup_key(i))
                       for i in _split(u["identifiers"])]
    UnitName.objects.bulk_create(unit_names, batch_size=BATCH)
    relations = UnitRelation.objects.bulk_create(
        [UnitRelation(child_id=unit_pk[r["unit_id"]], parent_id=unit_pk[r["parent_unit_id"]], **_dates(r))
         for r in force.relations], batch_size=BATCH)
    Official.objects.bulk_create([Official(external_id=p["person_id"], name=p["name"], aliases=_split(p["aliases"]),
                                           date_of_birth=p["date_of_birth"]) for p in force.persons], batch_size=BATCH)
    person_pk = dict(Official.objects.values_list("external_id", "pk"))
    postings = Posting.objects.bulk_create(
        [Posting(official_id=person_pk[p["person_id"]], unit_id=unit_pk[p["unit_id"]], role=p["role"],
                 title=p.get("title", ""), rank=p.get("rank", ""), **_dates(p)) for p in force.postings],
        batch_size=BATCH)
    Incident.objects.bulk_create(
        [Incident(external_id=i["incident_id"], start=i["start"], place=i["place"],
                  perpetrator_units_text=i["perpetrator_units"], perpetrator_persons_text=i["perpetrator_persons"])
         for i in force.incidents], batch_size=BATCH)
    incident_pk = dict(Incident.objects.values_list("external_id", "pk"))
    perpetrators = []
    for i in force.incidents:
        pk = incident_pk[i["incident_id"]]
        perpetrators += [Perpetrator(incident_id=pk, kind="unit", mention=u, unit_id=unit_pk[u], score=1.0,
                                     verdict="resolved", explanation="the id of a stored row")
                         for u in _split(i["perpetrator_units"])]
        perpetrators += [Perpetrator(incident_id=pk, kind="person", mention=p, official_id=person_pk[p], score=1.0,
                                     verdict="resolved", explanation="the id of a stored row")
                         for p in _split(i["perpetrator_persons"])]
    Perpetrator.objects.bulk_create(perpetrators, batch_size=BATCH)
    incidents = list(Incident.objects.all())
    _cite(incidents, source)
    _cite(relations, source)
    _cite([p for p in postings if p.role == "commander"], source)
