"""FollowTheMoney values as other tools write them: dates with a time and a zone, aliases holding ";"; and the
day a printed file is named by (the instance's, not UTC's)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tergeu.forces.findings import file_name
from tergeu.forces.importing.pipeline import ForcesImportOptions, import_forces_file
from tergeu.forces.models import Incident, NameKind, Official, Unit
from tergeu.reports import render

pytestmark = pytest.mark.django_db

LATE_EVENING_UTC = datetime.datetime(2026, 12, 4, 20, 30, tzinfo=datetime.UTC)  # 5 December at UTC+5


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def test_a_date_with_a_time_is_the_day_on_the_instances_calendar(settings, tmp_path) -> None:
    settings.TIME_ZONE = "Asia/Almaty"  # UTC+5
    path = write_lines(tmp_path / "times.json", [
        {"id": "ev-z", "schema": "Event", "properties": {"startDate": ["2022-01-05T22:30:00Z"]}},
        {"id": "ev-offset", "schema": "Event", "properties": {"startDate": ["2022-01-05T10:00:00+00:00"]}},
        {"id": "ev-local", "schema": "Event", "properties": {"startDate": ["2022-01-06T10:00:00"],
                                                            "endDate": ["2022-01-06T23:59:00"]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert report.ok, report.errors
    assert dict(Incident.objects.values_list("external_id", "start")) == {
        "ev-z": "2022-01-06", "ev-offset": "2022-01-05", "ev-local": "2022-01-06"}
    bad = write_lines(tmp_path / "bad.json", [{"id": "ev-bad", "schema": "Event",
                                               "properties": {"startDate": ["2022-01-05T25:00:00Z"]}}])
    assert [(p.row, p.column) for p in import_forces_file(bad, ForcesImportOptions("ftm")).errors] == [
        (1, "startDate")]


def test_an_alias_holding_a_semicolon_stays_one_alias(db, tmp_path) -> None:
    path = write_lines(tmp_path / "aliases.json", [
        {"id": "o1", "schema": "PublicBody", "properties": {"name": ["Invented Post"],
                                                            "alias": ["Post; North", "Invented Gate"]}},
        {"id": "p1", "schema": "Person", "properties": {"name": ["Synthetic Officer"], "alias": ["Officer; S."]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert report.ok, report.errors
    unit = Unit.objects.get(external_id="o1")
    assert sorted(unit.names.filter(kind=NameKind.ALIAS).values_list("text", flat=True)) == [
        "Invented Gate", "Post; North"]
    assert Official.objects.get(external_id="p1").aliases == ["Officer; S."]


def test_printed_files_are_named_by_the_instances_day(settings) -> None:
    settings.TIME_ZONE = "Asia/Almaty"
    assert file_name({"kind": "unit", "generated_at": LATE_EVENING_UTC}) == "vetting-unit-2026-12-05.pdf"
    assert render.file_name(SimpleNamespace(generated_at=LATE_EVENING_UTC), "pdf") == "casualties-2026-12-05.pdf"


def test_a_relation_classification_too_long_for_its_column_is_refused_not_cut(db, tmp_path) -> None:
    path = write_lines(tmp_path / "long.json", [
        {"id": "o1", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}},
        {"id": "o2", "schema": "PublicBody", "properties": {"name": ["Invented Command"]}},
        {"id": "m1", "schema": "Membership", "properties": {
            "member": ["o1"], "organization": ["o2"], "summary": ["classification: administrative-support"]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert [(p.row, p.column, p.value) for p in report.errors] == [(3, "summary", "administrative-support")]
    assert not Unit.objects.exists()


def test_a_bad_cited_date_of_a_tergeu_entity_is_named_where_it_is_written(db, tmp_path) -> None:
    path = write_lines(tmp_path / "summary.json", [
        {"id": "tergeu-unit-U-A", "schema": "PublicBody", "properties": {"name": ["Invented Post"]}},
        {"id": "tergeu-unit-U-B", "schema": "PublicBody", "properties": {"name": ["Invented Command"]}},
        {"id": "m1", "schema": "Membership", "properties": {
            "member": ["tergeu-unit-U-A"], "organization": ["tergeu-unit-U-B"], "date": ["2021-12"],
            "summary": ["first cited: 2021-13", "open-ended: Y"]}},
        {"id": "m2", "schema": "Membership", "properties": {
            "member": ["tergeu-unit-U-B"], "organization": ["tergeu-unit-U-A"], "date": ["2021-13"]}}])
    report = import_forces_file(path, ForcesImportOptions("ftm", source_name="Invented export"))
    assert [(p.row, p.column, p.value) for p in report.errors] == [(3, "summary", "2021-13"), (4, "date", "2021-13")]
