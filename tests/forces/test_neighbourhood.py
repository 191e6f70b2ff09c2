"""Vetting on a match's neighbourhood gives what vetting on the whole graph gave, on random invented forces."""

from __future__ import annotations

import datetime
import random

import pytest

from tergeu.core.forces import DOUBTFUL_MATCH, NameIndex, sure_match, verdict_of, vet_person, vet_unit
from tergeu.forces.chain import load_graph
from tergeu.forces.facts import incident_facts
from tergeu.forces.models import Incident, Official, Perpetrator, Posting, Unit, UnitName, UnitRelation
from tergeu.forces.neighbourhood import names_index
from tergeu.forces.resolution import official_entities, unit_entities
from tergeu.forces.vetting import vet
from tergeu.provenance.models import Citation

pytestmark = pytest.mark.django_db

UNIT_WORDS = ["Дала", "күзеті", "Invented", "Steppe", "батальоны", "Battalion", "бригада", "Company", "Рота"]
PERSON_WORDS = ["Серікболов", "Serikbolov", "Ержан", "Yerzhan", "Нұрлан", "Кайратович", "Omarov", "Омаров"]


def day(rng: random.Random) -> str:
    year, month = rng.randint(2019, 2023), rng.randint(1, 12)
    return rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{rng.randint(1, 28):02d}"])


def dates(rng: random.Random) -> dict:
    first, last = sorted([day(rng), day(rng)], key=lambda text: text.ljust(10, "~"))
    if last[:len(first)] == first[:len(last)]:
        last = ""  # the same span: keep only the first
    return {"first_cited": first if rng.random() < 0.95 else "", "last_cited": last,
            "open_end": rng.choice("NYE"), "first_is_start": rng.random() < 0.3}


def invented_force(rng: random.Random) -> None:
    units = [Unit.objects.create(external_id=f"U-{n}", name=" ".join(rng.sample(UNIT_WORDS, 2)) + f" {n}")
             for n in range(rng.randint(6, 14))]
    for unit in units:
        UnitName.objects.create(unit=unit, kind="name", text=unit.name, match_key=unit.name.casefold())
    for unit in units[1:]:
        for parent in rng.sample(units, rng.randint(1, 2)):
            if parent != unit:
                UnitRelation.objects.create(child=unit, parent=parent, **dates(rng))
    officials = [Official.objects.create(external_id=f"P-{n}", name=" ".join(rng.sample(PERSON_WORDS, 2)))
                 for n in range(rng.randint(4, 9))]
    for _ in range(rng.randint(5, 15)):
        Posting.objects.create(official=rng.choice(officials), unit=rng.choice(units),
                               role=rng.choice(["commander", "commander", "deputy"]), **dates(rng))
    for n in range(rng.randint(5, 14)):
        incident = Incident.objects.create(external_id=f"I-{n}", start=day(rng) if rng.random() < 0.9 else "")
        for unit in rng.sample(units, rng.randint(0, 2)):
            Perpetrator.objects.create(incident=incident, kind="unit", mention=unit.name, unit=unit,
                                       verdict=rng.choice(["resolved", "resolved", "review"]))
        if rng.random() < 0.3:
            official = rng.choice(officials)
            Perpetrator.objects.create(incident=incident, kind="person", mention=official.name, official=official,
                                       verdict="resolved")


def whole_graph_vetting(query: str, kind: str, until: datetime.date | None) -> dict:
    """Vetting as it was before the neighbourhoods: every name scored, the whole graph, every incident."""
    every = NameIndex(unit_entities() if kind == "unit" else official_entities())
    matches = [c for c in every.candidates(query, kind) if c.score >= DOUBTFUL_MATCH]
    sure = sure_match(matches)
    graph, _rows = load_graph()
    incidents = incident_facts(Incident.objects.all())
    vet_one = vet_unit if kind == "unit" else vet_person
    found = {m.id: vet_one(m.id, graph, incidents, until) for m in ([sure] if sure else matches)}
    return {"matches": [(m.kind, m.id, m.name, m.score, m.explanation) for m in matches],
            "findings": [(f.incident, f.via, f.unit, f.person, f.date, f.holding.value)
                         for findings in found.values() for f in findings],
            "verdict": verdict_of(matches, found)}


@pytest.mark.parametrize("seed", range(12))
def test_neighbourhood_vetting_equals_whole_graph_vetting(seed: int) -> None:
    rng = random.Random(seed)
    invented_force(rng)
    queries = [("unit", unit.name) for unit in Unit.objects.all()]
    queries += [("person", name) for name in Official.objects.values_list("name", flat=True)]
    queries += [("person", " ".join(rng.sample(PERSON_WORDS, 2))), ("unit", "Steppe Battalion")]
    for kind, query in queries:
        until = rng.choice([None, datetime.date(2021, 6, 30)])
        answer = vet(query, kind, until, Citation.objects.all())
        assert {"matches": [(m["kind"], m["id"], m["name"], m["score"], m["why"]) for m in answer["matches"]],
                "findings": [(f["incident"], f["via"], f["unit"], f["person"], f["date"], f["holds"])
                             for f in answer["findings"]],
                "verdict": answer["verdict"]} == whole_graph_vetting(query, kind, until), (seed, kind, query)


def test_the_names_index_is_rebuilt_when_the_names_change() -> None:
    Official.objects.create(external_id="P-A", name="Serikbolov Yerzhan")
    first = names_index("person")
    assert names_index("person") is first
    Official.objects.create(external_id="P-B", name="Omarov Nurlan")
    again = names_index("person")
    assert again is not first and [c.id for c in again.candidates("Омаров Нурлан", "person")] == ["P-B"]


def test_a_parent_outside_the_subtree_still_ends_an_assumed_relation() -> None:
    above, other, below = (Unit.objects.create(external_id=f"U-{key}", name=name) for key, name in
                           (("A", "Invented Qyzyl garrison"), ("O", "Invented Tobol depot"), ("C", "Ilek detachment")))
    for unit in (above, other, below):
        UnitName.objects.create(unit=unit, kind="name", text=unit.name, match_key=unit.name.casefold())
    UnitRelation.objects.create(child=below, parent=above, first_cited="2019-01-01", last_cited="2020-12-31",
                                open_end="Y")
    UnitRelation.objects.create(child=below, parent=other, first_cited="2021-03-01", last_cited="2022-12-31")
    for number, start in enumerate(("2021-01-15", "2021-06-15")):
        incident = Incident.objects.create(external_id=f"I-{number}", start=start)
        Perpetrator.objects.create(incident=incident, kind="unit", mention="C", unit=below, verdict="resolved")
    answer = vet("Invented Qyzyl garrison", "unit", None, Citation.objects.all())
    assert [(f["incident"], f["via"], f["holds"]) for f in answer["findings"]] == [("I-0", "child-unit", "assumed")]
    assert answer["verdict"] == "review"


def test_a_renamed_official_is_found_by_the_new_name_and_other_edits_keep_the_index() -> None:
    official = Official.objects.create(external_id="P-A", name="Serikbolov Yerzhan")
    first = names_index("person")
    unit = Unit.objects.create(external_id="U-X", name="Invented Qyzyl garrison")
    unit.name = "Invented Tobol depot"
    unit.save()  # a tracked edit of a unit: the officials' index stays
    assert names_index("person") is first
    official.name = "Omarov Nurlan"
    official.save()
    assert [c.id for c in names_index("person").candidates("Omarov Nurlan", "person")] == ["P-A"]
