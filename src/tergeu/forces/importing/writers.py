"""Writing the checked rows of a forces file, one writer per kind, each row cited to its source."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tergeu.core.forces import bare_identifier, identifier_key
from tergeu.core.names import matching_key
from tergeu.forces.importing.references import References
from tergeu.forces.models import (
    Incident,
    NameKind,
    Official,
    Perpetrator,
    Posting,
    Training,
    TrainingRecipient,
    Unit,
    UnitName,
    UnitRelation,
)
from tergeu.forces.resolution import Resolver
from tergeu.provenance.citations import cite
from tergeu.provenance.models import Source
from tergeu.provenance.vocab import default_confidence


def identifier_lookup_key(text: str) -> str:
    """The key a unit's identifier is found by: ``mu:30417`` for a unit number in any form, else its text."""
    return identifier_key(text) or bare_identifier(text) or " ".join(text.casefold().split())


class Writer:
    def __init__(self, file_name: str, default_source: str, synthetic: bool, references: References) -> None:
        self.file_name, self.default_source, self.synthetic = file_name, default_source, synthetic
        self.references = references
        self.sources: dict[str, Source] = {}
        self.resolutions: dict[str, int] = {}

    def _source(self, name: str, facts: Any = None) -> Source:
        """The stored source of that name, else a new one: synthetic when the import says so or the file
        marks it so (a FollowTheMoney file's ``SourceFacts``), with the file's address for it."""
        if name not in self.sources:
            defaults = {"is_synthetic": self.synthetic or bool(facts and facts.synthetic),
                        "url": (facts.url if facts else "")[:500]}
            self.sources[name] = Source.objects.get_or_create(name=name, defaults=defaults)[0]
        return self.sources[name]

    def cite(self, row: Any, number: int, values: dict[str, Any]) -> None:
        """One citation of the row's source, or one per ``citations`` (source, locator) a FollowTheMoney
        entity carried; without a locator, the file and row."""
        here = f"{self.file_name}, row {number}"
        cited = values.get("citations") or [
            (values.get("source"), f"page {values['locator']}" if values.get("locator") else here)]
        facts = values.get("source_facts") or {}
        for name, locator in cited:
            source = self._source((name or self.default_source)[:200], facts.get(name))
            cite(row, source, locator=(locator or here)[:200], confidence=default_confidence(source.reliability))

    def count(self, mentions: list[dict[str, Any]]) -> None:
        for verdict, n in Counter(m["verdict"] for m in mentions).items():
            self.resolutions[verdict] = self.resolutions.get(verdict, 0) + n

    def write(self, number: int, values: dict[str, Any]) -> None:
        raise NotImplementedError


class UnitWriter(Writer):
    def write(self, number: int, values: dict[str, Any]) -> None:
        unit = Unit.objects.create(
            external_id=values["unit_id"], name=values["name"], classification=values.get("classification", ""),
            country=values.get("country", ""), founded=values.get("founded", ""), dissolved=values.get("dissolved", ""))
        names = [(NameKind.NAME, values["name"], matching_key(values["name"]))]
        names += [(NameKind.ALIAS, alias[:300], matching_key(alias)) for alias in values.get("aliases", [])]
        names += [(NameKind.IDENTIFIER, text[:300], identifier_lookup_key(text)[:300])
                  for text in values.get("identifiers", [])]
        UnitName.objects.bulk_create([UnitName(unit=unit, kind=kind, text=text, match_key=key)
                                      for kind, text, key in names])
        self.references.units[unit.external_id] = unit.pk
        self.cite(unit, number, values)


def _dates(values: dict[str, Any]) -> dict[str, Any]:
    return {"first_cited": values.get("first_cited", ""), "last_cited": values.get("last_cited", ""),
            "first_is_start": values.get("first_is_start", False), "open_end": values.get("open_ended", "N")}


class RelationWriter(Writer):
    def write(self, number: int, values: dict[str, Any]) -> None:
        units = self.references.units
        relation = UnitRelation.objects.create(
            child_id=units[values["unit_id"]], parent_id=units[values["parent_unit_id"]],
            classification=values.get("classification", "command"), **_dates(values))
        self.cite(relation, number, values)


class PersonWriter(Writer):
    def write(self, number: int, values: dict[str, Any]) -> None:
        official = Official.objects.create(external_id=values["person_id"], name=values["name"],
                                           aliases=values.get("aliases", []),
                                           date_of_birth=values.get("date_of_birth", ""))
        self.references.persons[official.external_id] = official.pk
        self.cite(official, number, values)


class PostingWriter(Writer):
    def write(self, number: int, values: dict[str, Any]) -> None:
        posting = Posting.objects.create(
            official_id=self.references.persons[values["person_id"]], unit_id=self.references.units[values["unit_id"]],
            role=values["role"], title=values.get("title", ""), rank=values.get("rank", ""), **_dates(values))
        self.cite(posting, number, values)


class IncidentWriter(Writer):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.units, self.persons = Resolver("unit"), Resolver("person")

    def write(self, number: int, values: dict[str, Any]) -> None:
        incident = Incident.objects.create(
            external_id=values["incident_id"], start=values.get("start", ""), end=values.get("end", ""),
            place=values.get("place", ""), description=values.get("description", ""),
            violation_types=values.get("violation_types", []),
            perpetrator_units_text=values.get("perpetrator_units", ""),
            perpetrator_persons_text=values.get("perpetrator_persons", ""))
        for kind, resolver, column in (("unit", self.units, "perpetrator_units"),
                                       ("person", self.persons, "perpetrator_persons")):
            mentions = resolver.mentions(values.get(column, ""))
            Perpetrator.objects.bulk_create([Perpetrator(incident=incident, kind=kind, **m) for m in mentions])
            self.count(mentions)
        self.cite(incident, number, values)


class TrainingWriter(Writer):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.units = Resolver("unit")

    def write(self, number: int, values: dict[str, Any]) -> None:
        training = Training.objects.create(
            external_id=values["training_id"], recipient_text=values.get("recipient_unit", ""),
            course=values.get("course", ""), program=values.get("program", ""), start=values.get("start", ""),
            end=values.get("end", ""), location=values.get("location", ""), quantity=values.get("quantity"),
            cost=values.get("cost"), delivery_unit=values.get("delivery_unit", ""), country=values.get("country", ""))
        mentions = self.units.mentions(values.get("recipient_unit", ""))
        TrainingRecipient.objects.bulk_create([TrainingRecipient(training=training, **m) for m in mentions])
        self.count(mentions)
        self.cite(training, number, values)


WRITERS: dict[str, type[Writer]] = {"units": UnitWriter, "relations": RelationWriter, "persons": PersonWriter,
                                    "postings": PostingWriter, "incidents": IncidentWriter, "trainings": TrainingWriter}
