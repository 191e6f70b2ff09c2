"""FollowTheMoney export and import: the invented force out as entities and back, unchanged, with citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
from tergeu.forces.models import ForcesImport, Incident, Official, Perpetrator, Posting, Training, Unit, UnitRelation
from tergeu.provenance.citations import citations_of
from tergeu.provenance.models import Citation, Source

pytestmark = pytest.mark.django_db


def export(path: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["forces", "export", "--format", "ftm", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_schema(entities: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entity in entities:
        found.setdefault(entity["schema"], []).append(entity)
    return found


def test_the_export_maps_each_row_to_its_schema_with_its_citations(force, tmp_path) -> None:
    entities = by_schema(export(tmp_path / "force.ftm.json"))
    assert {name: len(items) for name, items in entities.items()} == {
        "PublicBody": 5, "Person": 3, "Membership": 5, "Directorship": 4, "Event": 2}
    battalion = next(e for e in entities["PublicBody"] if e["id"] == "tergeu-unit-U-BAT")["properties"]
    assert battalion["idNumber"] == ["в/ч 30417"] and "STEPBAT-T" in battalion["alias"]
    assert battalion["publisher"] == ["Synthetic structure 2026"]
    assert "cited: Synthetic structure 2026 @ units.csv, row 4" in battalion["notes"]
    assert any(line.startswith("SYNTHETIC") for line in battalion["notes"])
    posting = next(e for e in entities["Directorship"] if e["properties"]["director"] == ["tergeu-person-P-1"])
    props = posting["properties"]
    assert props["organization"] == ["tergeu-unit-U-BAT"] and props["role"] == ["commander"]
    # cited dates are dates, not a start and an end: P-1's first citation is not the start, the end is open
    assert sorted(props["date"]) == ["2020-09-01", "2021-12-31"]
    assert "startDate" not in props and "endDate" not in props
    assert {"first cited: 2020-09-01", "last cited: 2021-12-31", "open-ended: Y"} <= set(props["summary"])
    incident = next(e for e in entities["Event"] if e["id"] == "tergeu-incident-I-1")["properties"]
    assert set(incident["involved"]) >= {"tergeu-unit-U-BAT"}
    assert incident["startDate"] == ["2022-01-06"] and set(incident["keywords"]) == {"killing", "injury"}


def _snapshot() -> dict:
    cited = {model.__name__: sorted((c.source.name, c.locator) for rows in citations_of(
        model.objects.all(), Citation.objects.all()).values() for c in rows)
        for model in (Unit, Official, UnitRelation, Posting, Incident)}
    return {
        "units": sorted((u.external_id, u.name, u.classification, u.country, tuple(sorted(
            (n.kind, n.text, n.match_key) for n in u.names.all()))) for u in Unit.objects.all()),
        "officials": sorted((o.external_id, o.name, tuple(o.aliases), o.date_of_birth) for o in Official.objects.all()),
        "relations": sorted((r.child.external_id, r.parent.external_id, r.classification, r.first_cited,
                             r.last_cited, r.first_is_start, r.open_end) for r in UnitRelation.objects.all()),
        "postings": sorted((p.official.external_id, p.unit.external_id, p.role, p.title, p.rank, p.first_cited,
                            p.last_cited, p.first_is_start, p.open_end) for p in Posting.objects.all()),
        "incidents": sorted((i.external_id, i.start, i.end, i.place, i.description, tuple(i.violation_types),
                             i.perpetrator_units_text, i.perpetrator_persons_text) for i in Incident.objects.all()),
        "perpetrators": sorted((p.incident.external_id, p.kind, p.mention, p.verdict,
                                p.unit.external_id if p.unit else None,
                                p.official.external_id if p.official else None) for p in Perpetrator.objects.all()),
        "citations": cited,
        "sources": sorted({(c.source.name, c.source.is_synthetic, c.source.url) for rows in citations_of(
            Unit.objects.all(), Citation.objects.all()).values() for c in rows}),
    }


def test_what_is_exported_is_imported_back_the_same_into_an_empty_database(force, tmp_path) -> None:
    Source.objects.filter(name="Synthetic structure 2026").update(url="https://example.org/invented-structure")
    before = _snapshot()
    assert before["sources"] == [("Synthetic structure 2026", True, "https://example.org/invented-structure")]
    first = export(tmp_path / "first.json")
    for model in (Incident, UnitRelation, Posting, Official, Unit, Training, Citation, Source, ForcesImport):
        model.objects.all().delete()
    assert not any(model.objects.exists() for model in (Unit, Official, Incident, Perpetrator, Citation, Source))
    report = import_forces_file(tmp_path / "first.json", ForcesImportOptions("ftm"))  # without --synthetic
    assert report.ok, report.errors
    assert (report.rows, report.written, report.read_as) == (19, 19, "ftm")
    assert _snapshot() == before  # the handbook's dates, resolutions, every citation's source and locator
    assert set(Source.objects.values_list("name", "is_synthetic")) == {
        ("Synthetic structure 2026", True), ("Synthetic report 2026", True)}  # invented never comes back as real
    assert sorted(export(tmp_path / "second.json"), key=json.dumps) == sorted(first, key=json.dumps)


def test_a_bad_entity_is_named_by_line_and_property_and_nothing_is_stored(force, tmp_path) -> None:
    lines = [
        {"id": "tergeu-unit-U-NEW", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}},
        {"id": "rel-1", "schema": "Membership", "properties": {
            "member": ["tergeu-unit-U-NEW"], "organization": ["tergeu-unit-U-NOWHERE"], "startDate": ["2021-13-01"]}},
        {"id": "x", "schema": "NoSuchSchema", "properties": {}},
    ]
    path = tmp_path / "bad.json"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{not json\n", encoding="utf-8")
    units = Unit.objects.count()
    report = import_forces_file(path, ForcesImportOptions("ftm"))
    assert not report.ok and Unit.objects.count() == units
    found = {(p.row, p.column) for p in report.errors}
    assert {(2, "organization"), (2, "date"), (3, "schema"), (4, "json")} <= found, report.errors


def test_entities_from_another_tool_are_read_by_their_start_and_end(db, tmp_path) -> None:
    lines = [
        {"id": "org-a", "schema": "PublicBody", "properties": {"name": ["Invented Guard Post"], "country": ["kz"]}},
        {"id": "org-b", "schema": "Organization", "properties": {"name": ["Invented Command"]}},
        {"id": "pers-1", "schema": "Person", "properties": {"name": ["Synthetic Officer"]}},
        {"id": "m-1", "schema": "Membership", "properties": {
            "member": ["org-a"], "organization": ["org-b"], "startDate": ["2019"], "endDate": ["2020-06"]}},
        {"id": "d-1", "schema": "Directorship", "properties": {
            "director": ["pers-1"], "organization": ["org-a"], "role": ["Head of post"],
            "date": ["2020-01", "2019-05"]}},
        {"id": "doc-1", "schema": "Document", "properties": {"title": ["ignored"]}},
    ]
    path = tmp_path / "other.json"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert report.ok, report.errors
    relation = UnitRelation.objects.get()
    assert (relation.child.external_id, relation.parent.external_id, relation.first_cited, relation.last_cited,
            relation.first_is_start, relation.open_end) == ("org-a", "org-b", "2019", "2020-06", True, "E")
    posting = Posting.objects.get()
    assert (posting.role, posting.title, posting.first_cited, posting.last_cited, posting.first_is_start) == (
        "commander", "Head of post", "2019-05", "2020-01", False)
    assert {c.source.name for c in Citation.objects.all()} == {"Invented export"}


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def test_a_source_marked_synthetic_is_never_cited_as_a_stored_real_one(db, tmp_path) -> None:
    Source.objects.create(name="Invented report", is_synthetic=False)
    path = write_lines(tmp_path / "marked.json", [{"id": "tergeu-unit-U-X", "schema": "PublicBody", "properties": {
        "name": ["Invented Post"], "notes": ["cited: Invented report", "SYNTHETIC (invented, never to be cited as "
                                                                       "real): Invented report"]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm"))
    assert [(p.row, p.column, p.value) for p in report.errors] == [(1, "notes", "Invented report")]
    assert not Unit.objects.exists()


@pytest.mark.parametrize("properties", [["name", "Invented Post"], "Invented Post", {"name": [{"x": 1}]}])
def test_properties_of_the_wrong_shape_are_named_by_line_not_a_traceback(db, tmp_path, properties) -> None:
    path = write_lines(tmp_path / "shape.json", [
        {"id": "o1", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}},
        {"id": "o2", "schema": "PublicBody", "properties": properties}])
    result = CliRunner().invoke(cli, ["forces", "import", str(path), "--kind", "ftm"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a report, not an AttributeError
    assert "row 2" in result.output and "Traceback" not in result.output, result.output
    assert not Unit.objects.exists()


def test_an_events_involved_stored_units_are_its_perpetrators_and_unknown_ones_are_named(force, tmp_path) -> None:
    Unit.objects.create(external_id="org-a", name="Invented Guard Post")  # from another tool's file, earlier
    path = write_lines(tmp_path / "events.json", [
        {"id": "ev-1", "schema": "Event", "properties": {"startDate": ["2022-01-06"],
                                                         "involved": ["tergeu-unit-U-BAT", "org-a"]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert report.ok, report.errors
    named = Perpetrator.objects.filter(incident__external_id="ev-1")
    assert sorted((p.unit.external_id, p.verdict) for p in named) == [("U-BAT", "resolved"), ("org-a", "resolved")]
    gone = write_lines(tmp_path / "gone.json", [
        {"id": "ev-2", "schema": "Event", "properties": {"involved": ["tergeu-unit-U-GONE", "no-such-id"]}}])
    report = import_forces_file(gone, ForcesImportOptions("ftm"))
    assert [(p.row, p.column, p.value) for p in report.errors] == [(1, "involved", "U-GONE"), (1, "involved",
                                                                                               "no-such-id")]
    assert not Incident.objects.filter(external_id="ev-2").exists()


def test_entities_that_are_no_forces_row_are_reported_left_out(db, tmp_path) -> None:
    path = write_lines(tmp_path / "mixed.json", [
        {"id": "doc-1", "schema": "Document", "properties": {"title": ["Invented memo"]}},
        {"id": "c-1", "schema": "Company", "properties": {"name": ["Invented Trading LLP"]}},
        {"id": "o-1", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}}])
    result = CliRunner().invoke(cli, ["forces", "import", str(path), "--kind", "ftm", "--json"])
    answer = json.loads(result.output)
    assert answer["ok"] and answer["written"] == 1 and answer["skipped"] == {"Company": 1, "Document": 1}
    assert list(Unit.objects.values_list("external_id", flat=True)) == ["o-1"]
    other = write_lines(tmp_path / "docs.json", [{"id": "doc-2", "schema": "Document", "properties": {}}])
    result = CliRunner().invoke(cli, ["forces", "import", str(other), "--kind", "ftm"])
    assert "left out (no unit, person, relation, posting or incident): Document 1" in result.output
