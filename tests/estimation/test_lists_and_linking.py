"""The estimation page leaves lists out of an estimate and links the records in the background."""

from __future__ import annotations

import threading

import pytest

from tergeu.estimation.capture import capture_histories
from tergeu.estimation.models import EstimateRun
from tergeu.linkage import background
from tergeu.linkage.linking import run_linkage
from tergeu.linkage.models import LinkageJob, LinkageRun
from tergeu.registry.models import ImportedList
from tergeu.toolkit.jobs import wait_for_jobs

pytestmark = pytest.mark.django_db(transaction=True)
HEADER = ["ФИО", "Место гибели", "Дата гибели"]
PEOPLE = [["Тестов Ерлан", "Алматы", "05.01.2022"], ["Синтетова Дана", "Тараз", "06.01.2022"],
          ["Пробнов Бауыржан", "Алматы", "06.01.2022"], ["Фиктивова Айгерим", "Алматы", "07.01.2022"]]
LISTS = {"official": PEOPLE[:3], "volunteers": PEOPLE[1:], "morgue": PEOPLE[:2] + PEOPLE[3:], "hospital": PEOPLE[3:]}


@pytest.fixture
def imported(write_csv, run_import) -> dict[str, str]:
    for name, rows in LISTS.items():
        assert run_import(write_csv(f"{name}.csv", HEADER, rows), list_name=name).ok
    return dict(ImportedList.objects.values_list("name", "public_id"))  # lists are named by public id


def test_a_list_left_out_captures_no_one_and_a_person_only_it_names_is_not_counted(imported) -> None:
    run_linkage()
    everyone = capture_histories()
    assert sorted(everyone.lists) == sorted(LISTS) and len(everyone.draws[0]) == 4
    kept = [imported[name] for name in ("official", "volunteers", "morgue")]
    three = capture_histories(lists=kept)
    assert sorted(three.lists) == ["morgue", "official", "volunteers"]
    assert all(len(unit.history) == 3 for unit in three.draws[0]) and len(three.draws[0]) == 4
    only_two = capture_histories(lists=[imported["official"], imported["hospital"]])
    # the hospital names only the fourth person; the official list the first three: nobody is on both
    assert sorted(map(sum, (unit.history for unit in only_two.draws[0]))) == [1, 1, 1, 1]


def test_the_page_estimates_from_the_ticked_lists_and_says_which_were_left_out(imported, client_as) -> None:
    run_linkage()
    analyst = client_as("analyst")
    page = analyst.get("/estimates/").content.decode()
    assert page.count('name="lists"') == 4 and page.count(" checked>") >= 4  # every list ticked by default
    assert all(f'name="lists" value="{public_id}" checked' in page for public_id in imported.values())
    ticked = [imported[name] for name in ("official", "volunteers", "morgue")]
    form = {"method": "loglinear", "linkage_draws": "0", "lists_chosen": "1", "lists": ticked}
    assert analyst.post("/estimates/run/", form).status_code == 302
    run = EstimateRun.objects.get()
    assert run.settings["lists"] == sorted(ticked) and run.settings["left_out_lists"] == ["hospital"]
    assert run.error or "hospital" not in run.result["lists"]
    if not run.error:
        assert 'data-testid="lists-left-out"' in analyst.get("/estimates/").content.decode()


def test_a_list_the_user_cannot_name_is_refused(imported, client_as) -> None:
    analyst = client_as("analyst")
    official = ImportedList.objects.get(name="official")
    for wrong in ("999999", "x", str(official.pk), "a" * 26):  # an integer key names no list here
        form = {"method": "loglinear", "linkage_draws": "0", "lists_chosen": "1", "lists": [official.public_id, wrong]}
        assert analyst.post("/estimates/run/", form).status_code == 400
    assert not EstimateRun.objects.exists()


def test_linking_from_the_page_runs_and_shows_the_people_found(imported, client_as) -> None:
    analyst = client_as("analyst")
    assert "have not been linked" in analyst.get("/estimates/").content.decode()
    assert analyst.post("/link/").status_code == 302
    job = LinkageJob.objects.get()
    assert job.finished_at is not None and not job.error and job.summary["records"] == 10
    assert job.started_by == "analyst1" and LinkageRun.objects.get().started_by == "analyst1"
    page = analyst.get("/estimates/").content.decode()
    assert "People as linked on" in page and "from 10 records" in page


def test_linking_runs_in_the_background_with_its_step_shown_and_one_at_a_time(imported, client_as, settings,
                                                                              monkeypatch) -> None:
    settings.TERGEU_BACKGROUND_ESTIMATES = True
    release, reached = threading.Event(), threading.Event()
    link = background.run_linkage

    def held(full: bool = False, progress=None):  # noqa: ANN001, ANN202 - the signature of run_linkage
        progress("reading records")
        reached.set()
        assert release.wait(timeout=60)
        return link(full=full, progress=progress)

    monkeypatch.setattr(background, "run_linkage", held)
    investigator = client_as("investigator")
    assert investigator.post("/link/").status_code == 302
    assert reached.wait(timeout=30)
    page = investigator.get("/estimates/").content.decode()
    assert 'data-testid="linkage-in-progress"' in page and "reading records" in page
    assert 'hx-trigger="every 3s"' in page
    investigator.post("/link/", follow=True)
    assert LinkageJob.objects.count() == 1  # refused while the first runs
    release.set()
    assert wait_for_jobs(timeout=120)
    job = LinkageJob.objects.get()
    assert job.finished_at is not None and job.summary["people"] >= 4
    assert 'data-testid="linkage-in-progress"' not in investigator.get("/estimates/").content.decode()


def test_a_linkage_a_stopped_server_left_is_marked_interrupted_until_a_later_run(imported, client_as) -> None:
    LinkageJob.objects.create(started_by="x")
    assert background.interrupt_unfinished() == 1
    assert "interrupted" in LinkageJob.objects.get().error and background.running_linkage() is None
    analyst = client_as("analyst")
    assert 'data-testid="linkage-error"' in analyst.get("/estimates/").content.decode()
    run_linkage()  # from the command line: the failure is history now
    assert 'data-testid="linkage-error"' not in analyst.get("/estimates/").content.decode()


@pytest.mark.parametrize("role", ["data-entry", "expert-mission"])
def test_roles_that_may_not_link_get_404_and_no_button(imported, client_as, role) -> None:
    client = client_as(role)
    assert client.post("/link/").status_code == 404
    assert not LinkageJob.objects.exists()


def test_the_command_estimates_from_the_lists_it_is_given_by_name_or_public_id(imported) -> None:
    from click.testing import CliRunner

    from tergeu.cli import cli

    run_linkage()
    answer = CliRunner().invoke(cli, ["estimate", "--method", "loglinear", "--linkage-draws", "0",
                                      "--lists", f"official, volunteers,{imported['morgue']}", "--json"])
    assert answer.exit_code == 0, answer.output
    run = EstimateRun.objects.get()
    assert run.settings["lists"] == sorted(imported[n] for n in ("official", "volunteers", "morgue"))
    assert run.settings["left_out_lists"] == ["hospital"] and run.created_by == "command line"
    typo = CliRunner().invoke(cli, ["estimate", "--lists", "official,volunter"])
    assert typo.exit_code == 1 and "no list is called volunter" in typo.output
    assert "hospital, morgue, official, volunteers" in typo.output
    assert EstimateRun.objects.count() == 1  # nothing estimated on a typo
    table = CliRunner().invoke(cli, ["estimate", "--table", __file__, "--lists", "official"])
    assert table.exit_code == 1 and "--lists need linked people" in table.output
