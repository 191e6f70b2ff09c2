"""More than 1000 distinct resolved perpetrators: pages, printed findings, the export and the assistance review
still answer (SQLite refused Django's prefetch of the hidden unit and official relations past 1000: "Expression
tree is too large")."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client

from casualty_fixtures import pdf_text
from tergeu.forces.assistance import review
from tergeu.forces.interchange import write_ftm
from tergeu.forces.models import Incident, Official, Perpetrator, Posting, Unit, UnitRelation
from tergeu.provenance.models import Citation

pytestmark = pytest.mark.django_db

MANY = 1100  # past SQLite's expression depth of 1000


@pytest.fixture
def crowded(db) -> Official:
    """MANY invented units, each with one incident naming it (resolved), all under one commander's command
    and one parent unit; the commander also named in one incident."""
    units = Unit.objects.bulk_create([Unit(external_id=f"U-{n}", name=f"Invented post {n}") for n in range(MANY)])
    parent = Unit.objects.create(external_id="U-TOP", name="Invented command")
    UnitRelation.objects.bulk_create([UnitRelation(child=unit, parent=parent, first_cited="2020", last_cited="2023")
                                      for unit in units])
    official = Official.objects.create(external_id="P-MANY", name="Synthetic Commander")
    Posting.objects.bulk_create([Posting(official=official, unit=unit, role="commander", first_cited="2020-01-01",
                                         last_cited="2023-12-31") for unit in units])
    incidents = Incident.objects.bulk_create([Incident(external_id=f"I-{n}", start="2022-01-06") for n in range(MANY)])
    Perpetrator.objects.bulk_create([Perpetrator(incident=incident, kind="unit", mention=unit.name, unit=unit,
                                                 score=1.0, verdict="resolved")
                                     for incident, unit in zip(incidents, units, strict=True)])
    Perpetrator.objects.create(incident=incidents[0], kind="person", mention=official.name, official=official,
                               score=1.0, verdict="resolved")
    return official


def test_the_export_lists_every_resolved_perpetrator(crowded) -> None:
    out = io.StringIO()
    visible = {model: model.objects.all() for model in (Unit, Official, UnitRelation, Posting, Incident)}
    write_ftm(out, visible, Citation.objects.all())
    events = [entity for entity in map(json.loads, out.getvalue().splitlines()) if entity["schema"] == "Event"]
    assert len(events) == MANY
    first = next(e for e in events if e["id"] == "tergeu-incident-I-0")["properties"]
    assert set(first["involved"]) == {"tergeu-unit-U-0", "tergeu-person-P-MANY"}


def test_the_assistance_review_reads_every_incident(crowded) -> None:
    answer = review(Incident.objects.all())
    assert len(answer["incidents"]) == MANY
    assert {"unit": "U-TOP", "relation": "parent", "trainings": []} in answer["incidents"][0]["units"]


def test_the_official_page_and_the_printed_findings_of_a_unit_and_an_official(crowded, callers, tmp_path) -> None:
    client = Client()
    client.force_login(callers["investigator"].user)
    html = client.get(crowded.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    commanded = html[html.index('data-testid="commanded"'):html.index("</ul>", html.index('"commanded"'))]
    assert commanded.count("<li>") == MANY - 1  # I-0 names them: a finding of their own, not through command
    assert ">I-1099</a>" in commanded
    response = client.get(f"{crowded.get_absolute_url()}findings.pdf?language=en&on=2021-12-31")  # none yet
    assert response.status_code == 200
    post = Unit.objects.get(external_id="U-1099")
    response = client.get(f"{post.get_absolute_url()}findings.pdf?language=en")
    assert response.status_code == 200
    target = tmp_path / "post.pdf"
    target.write_bytes(b"".join(response.streaming_content))
    text = " ".join(pdf_text(target).split())
    assert "I-1099" in text and "I-1098" not in text and "FLAGGED" in text
