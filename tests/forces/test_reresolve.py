"""Names of perpetrators and recipients left unresolved are resolved again when their units are imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
from tergeu.forces.models import Perpetrator, TrainingRecipient
from tergeu.forces.review import decide_mention

pytestmark = pytest.mark.django_db


def imported(path: Path, kind: str) -> dict:
    report = import_forces_file(path, ForcesImportOptions(kind, synthetic=True))
    assert report.ok, report.errors
    return report.resolutions


def test_new_units_resolve_earlier_mentions_and_decisions_are_kept(tmp_path: Path) -> None:
    (tmp_path / "units1.csv").write_text("unit_id,name,aliases,identifiers\n"
                                         "U-A,Invented Qyzyl garrison,,в/ч 41001\n", encoding="utf-8")
    imported(tmp_path / "units1.csv", "units")
    (tmp_path / "incidents.csv").write_text(
        "incident_id,start,perpetrator_units\n"
        "I-1,2022-01-06,MU 41002;Invented Tobol depot\n"
        "I-2,2022-01-07,Invented Tobol depot\n", encoding="utf-8")
    assert imported(tmp_path / "incidents.csv", "incidents") == {"unresolved": 3}
    (tmp_path / "trainings.csv").write_text("training_id,recipient_unit\nT-1,\"MILITARY UNIT 41002,INVENTED DEPOT\"\n",
                                            encoding="utf-8")
    imported(tmp_path / "trainings.csv", "trainings")
    decided = Perpetrator.objects.get(incident__external_id="I-2")
    decide_mention(decided, None, "reviewer-1")  # a person said: none of them
    (tmp_path / "units2.csv").write_text("unit_id,name,aliases,identifiers\n"
                                         "U-T,Invented Tobol depot,,в/ч 41002\n", encoding="utf-8")
    assert imported(tmp_path / "units2.csv", "units") == {"again resolved": 4}
    first = {p.mention: (p.verdict, p.unit.external_id if p.unit else None)
             for p in Perpetrator.objects.filter(incident__external_id="I-1")}
    assert first == {"MU 41002": ("resolved", "U-T"), "Invented Tobol depot": ("resolved", "U-T")}
    decided.refresh_from_db()
    assert (decided.verdict, decided.unit, decided.decided_by) == ("unresolved", None, "reviewer-1")
    recipients = {r.mention: (r.verdict, r.unit.external_id if r.unit else None)
                  for r in TrainingRecipient.objects.all()}
    assert recipients == {"MILITARY UNIT 41002": ("resolved", "U-T"), "INVENTED DEPOT": ("resolved", "U-T")}


def test_new_persons_resolve_earlier_perpetrators_named_as_persons(tmp_path: Path) -> None:
    (tmp_path / "incidents.csv").write_text("incident_id,start,perpetrator_persons\nI-1,2022-01-06,Омаров Нурлан\n",
                                            encoding="utf-8")
    assert imported(tmp_path / "incidents.csv", "incidents") == {"unresolved": 1}
    (tmp_path / "units.csv").write_text("unit_id,name\nU-A,Invented Qyzyl garrison\n", encoding="utf-8")
    assert imported(tmp_path / "units.csv", "units") == {}  # units do not touch names of persons
    (tmp_path / "persons.csv").write_text("person_id,name\nP-1,Omarov Nurlan\n", encoding="utf-8")
    assert imported(tmp_path / "persons.csv", "persons") == {"again resolved": 1}
    named = Perpetrator.objects.get()
    assert (named.verdict, named.official.external_id, named.unit) == ("resolved", "P-1", None)
