"""``tergeu forces import``'s pipeline: every kind, citations, errors by row and column, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
from tergeu.forces.models import (
    ForcesImport,
    Incident,
    Official,
    Perpetrator,
    Posting,
    Training,
    TrainingRecipient,
    Unit,
    UnitName,
    UnitRelation,
)
from tergeu.provenance.models import Citation, Source
from tergeu.registry.importing.table import ImportProblem

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_it_imports_every_kind_with_a_citation_per_row(force) -> None:
    counts = {model.__name__: model.objects.count() for model in (Unit, UnitRelation, Official, Posting, Incident,
                                                                   Training)}
    assert counts == {"Unit": 5, "UnitRelation": 5, "Official": 3, "Posting": 4, "Incident": 2, "Training": 4}
    assert Citation.objects.count() == sum(counts.values())
    relation = UnitRelation.objects.get(child__external_id="U-BAT")
    assert (relation.first_cited, relation.last_cited, relation.open_end) == ("2019-05", "2022-01-15", "Y")
    assert Source.objects.get(name="Synthetic structure 2026").is_synthetic


def test_a_units_numbers_are_stored_by_key(force) -> None:
    keys = set(UnitName.objects.filter(kind="identifier").values_list("text", "match_key"))
    assert keys == {("в/ч 50212", "mu:50212"), ("в/ч 30417", "mu:30417"), ("ә/б 30417-1", "mu:30417-1")}


def test_it_reads_the_fmtrpt_file_as_published_and_resolves_its_recipients(force) -> None:
    assert force["trainings"].read_as == "fmtrpt"
    training = Training.objects.get(external_id="00000000-0000-4000-8000-000000000002")
    assert (training.start, training.end, training.quantity, str(training.cost)) == (
        "2019-06-10", "2019-06-21", 2, "8000.00")
    resolved = {(r.mention, r.unit.external_id if r.unit else None, r.verdict) for r in training.recipients.all()}
    assert resolved == {("50212", "U-BDE", "resolved"), ("MINISTRY OF DEFENSE", "U-MOD", "resolved")}
    citation = Citation.objects.get(cited_id=training.pk, cited_type__model="training")
    assert (citation.source.name, citation.locator) == ("Synthetic FMTRPT volume 2026", "page 102")
    assert force["trainings"].resolutions == {"resolved": 6, "unresolved": 2}
    assert TrainingRecipient.objects.filter(verdict="unresolved").count() == 2


def test_it_keeps_perpetrators_as_written_and_as_links(force) -> None:
    incident = Incident.objects.get(external_id="I-1")
    assert incident.perpetrator_units_text == "в/ч 30417, STEPBAT-T"
    units = {(p.mention, p.unit.external_id, p.verdict) for p in incident.perpetrators.filter(kind="unit")}
    assert units == {("в/ч 30417", "U-BAT", "resolved"), ("STEPBAT-T", "U-BAT", "resolved")}
    person = incident.perpetrators.get(kind="person")
    assert person.verdict == "review"  # two synthetic namesakes, in Kazakh and in Russian spelling
    by_id = Perpetrator.objects.get(incident__external_id="I-2", mention="U-BDE")
    assert (by_id.unit.external_id, by_id.score) == ("U-BDE", 1.0)


def test_errors_name_file_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "unit_id,name,country\nA,Invented unit,kz\nB,,kz\nC,Other invented unit,KAZ\n"
                                      "A,Duplicate,kz\n")
    report = import_forces_file(path, ForcesImportOptions("units"))
    assert not report.ok and Unit.objects.count() == 0 and ForcesImport.objects.count() == 0
    found = {(e.row, e.column, e.message.split(" ")[0]) for e in report.errors}
    assert found == {(2, "name", "name"), (3, "country", "a"), (4, "unit_id", "unit_id")}


def test_a_reference_to_an_unknown_unit_is_refused(force, tmp_path: Path) -> None:
    path = write(tmp_path, "rel.csv", "unit_id,parent_unit_id,first_cited,last_cited\nU-BAT,U-NONE,2020,2021\n"
                                      "U-COY,U-COY,2020,2021\nU-COY,U-BAT,2022-01-06,2021-01-01\n")
    before = UnitRelation.objects.count()
    report = import_forces_file(path, ForcesImportOptions("relations"))
    assert [(e.row, e.column) for e in report.errors] == [(1, "parent_unit_id"), (2, "parent_unit_id"),
                                                         (3, "last_cited")]
    assert "no unit has the id 'U-NONE'" in report.errors[0].message
    assert UnitRelation.objects.count() == before


def test_a_bad_open_end_or_date_is_named(force, tmp_path: Path) -> None:
    path = write(tmp_path, "post.csv", "person_id,unit_id,role,first_cited,open_ended\n"
                                       "P-1,U-BAT,general,2020,Y\nP-1,U-BAT,commander,someday,maybe\n")
    report = import_forces_file(path, ForcesImportOptions("postings"))
    assert [(e.row, e.column) for e in report.errors] == [(1, "role"), (2, "first_cited"), (2, "open_ended")]


def test_a_missing_required_column_is_a_file_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "units.csv", "id,title\nA,B\n")
    with pytest.raises(ImportProblem, match="no unit_id, name column for units"):
        import_forces_file(path, ForcesImportOptions("units"))


def test_a_dry_run_writes_nothing_and_a_file_is_imported_once(tmp_path: Path) -> None:
    path = write(tmp_path, "u.csv", "unit_id,name,identifiers\nA,Invented unit,MU 11111\n")
    assert import_forces_file(path, ForcesImportOptions("units", dry_run=True)).written == 1
    assert Unit.objects.count() == 0
    assert import_forces_file(path, ForcesImportOptions("units")).written == 1
    again = import_forces_file(path, ForcesImportOptions("units"))
    assert again.already_imported and Unit.objects.count() == 1


def test_a_map_names_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "u.csv", "Нөмірі;Атауы;Әскери бөлім\nA;Ойдан шығарылған бөлім;30999 әскери бөлімі\n")
    mapping = write(tmp_path, "map.toml",
                    '[columns]\nunit_id = "Нөмірі"\nname = "Атауы"\nidentifiers = "Әскери бөлім"\n')
    report = import_forces_file(path, ForcesImportOptions("units", map_path=mapping))
    assert report.ok and report.read_as == "map"
    assert UnitName.objects.get(kind="identifier").match_key == "mu:30999"
    bad = write(tmp_path, "bad.toml", '[columns]\nunit_number = "Нөмірі"\n')
    with pytest.raises(ImportProblem, match="unknown column"):
        import_forces_file(path, ForcesImportOptions("units", map_path=bad))
