"""The demo force's files: invented, reproducible, in the import's columns and the FMTRPT layout."""

from __future__ import annotations

import csv
from pathlib import Path

from tergeu.demo.forces_data import FMTRPT_HEADERS, UNITS, incident_sites, officials, write_force_files


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = {path.name: path.read_bytes() for path, _kind in write_force_files(tmp_path / "a", 2022)}
    second = {path.name: path.read_bytes() for path, _kind in write_force_files(tmp_path / "b", 2022)}
    assert first == second and len(first) == 6


def test_officials_are_synthetic_and_one_is_a_namesake_posted_later() -> None:
    people = officials(2022)
    assert len({p.person_id for p in people}) == 10
    assert people[3].latin == people[4].latin and people[3].name != people[4].name  # namesakes across scripts
    assert all(len(p.name.split()) == 3 for p in people)  # family, given, patronymic


def test_incidents_sit_where_the_synthetic_dead_are_most(tmp_path: Path) -> None:
    sites = incident_sites(2022)
    assert sites[0][2] >= sites[-1][2] > 0 and all(day.startswith("2022-01-") for _place, day, _n in sites)
    write_force_files(tmp_path, 2022)
    rows = list(csv.DictReader((tmp_path / "incidents.csv").open(encoding="utf-8")))
    assert [(r["place"], r["start"]) for r in rows] == [(place, day) for place, day, _n in sites]


def test_the_training_file_has_security_force_monitors_headers_and_invented_units(tmp_path: Path) -> None:
    write_force_files(tmp_path, 2022)
    with (tmp_path / "trainings_fmtrpt.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert tuple(rows[0]) == FMTRPT_HEADERS and len(rows) == 6
    assert all("INVENTED" in row["training:course_title"] for row in rows)
    numbers = [ids for *_rest, ids, _kind in UNITS if ids]
    assert all("99" in number for number in numbers)  # the demo's unit numbers are all invented 99xxx ones
