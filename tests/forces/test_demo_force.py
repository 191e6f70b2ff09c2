"""`tergeu demo` builds the invented force too: through the forces importer, tied to the demo's dead."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from tergeu.cli import cli
from tergeu.demo.build import build_demo
from tergeu.forces.models import Incident, Official, Posting, Training, Unit, UnitRelation
from tergeu.provenance.models import Source

pytestmark = pytest.mark.django_db


def run(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Unit, UnitRelation, Official, Posting, Incident, Training))


def test_the_demo_force_is_loaded_tied_to_the_dead_and_answers_the_questions(settings_home) -> None:
    quiet = Console(file=open("/dev/null", "w"))  # noqa: SIM115 - the console outlives the call
    build_demo(seed=2022, console=quiet)
    assert counts() == (7, 7, 10, 10, 5, 6)
    assert not Source.objects.filter(name__contains="demo", is_synthetic=False).exists()
    first = Incident.objects.get(external_id="D-I1")
    victims = list(first.victims.all())
    assert len(victims) >= 20  # Almaty's dead of 5 January, as the linked lists record them
    for person in victims:
        assert person.memberships.filter(record__place_key="almaty", record__death_date="2022-01-05").exists()
    # the battalion's commander on the day is assumed after his last citation; his namesake came later
    chain = run("forces", "command", "в/ч 99101", "--on", "2022-01-05")
    assert [(c["person"], c["holds"]) for c in chain["commanders"]] == [("D-P04", "assumed")]
    # the peacekeeping battalion was moved under the command on 2 January: its parent on the day
    assert [p["unit"] for p in run("forces", "command", "DALABAT", "--on", "2022-01-06")["parents"]] == ["D-CMD"]
    assert run("vet", "MU 99150", "--kind", "unit")["verdict"] == "flagged"
    review = run("assistance", "review", "--incident", "D-I2")["incidents"][0]["units"]
    trained = {unit["unit"]: len(unit["trainings"]) for unit in review}
    assert trained["D-PKB"] >= 2 and "D-BDE" not in trained  # its old brigade is not above it on the day
    build_demo(seed=2022, console=quiet)
    assert counts() == (7, 7, 10, 10, 5, 6) and first.victims.count() == len(victims)


def test_the_demo_ties_only_its_own_incidents_to_its_dead(settings_home) -> None:
    real = Incident.objects.create(external_id="D-I77", start="2022-01-05", end="2022-01-05", place="Алматы")
    quiet = Console(file=open("/dev/null", "w"))  # noqa: SIM115 - the console outlives the call
    build_demo(seed=2022, console=quiet, into_existing=True)
    assert Incident.objects.get(external_id="D-I1").victims.exists()  # Almaty, 5 January: the demo's own
    assert not real.victims.exists()  # same place and day, an id like the demo's, but not the demo's
