"""The estimation page estimates in the background: the request returns at once, the page polls, and
a second estimate is refused until the first is done."""

from __future__ import annotations

import threading

import pytest

from tergeu.estimation import service
from tergeu.estimation.models import EstimateRun
from tergeu.linkage.linking import run_linkage
from tergeu.toolkit.jobs import wait_for_jobs

pytestmark = pytest.mark.django_db(transaction=True)
HEADER = ["ФИО", "Место гибели", "Дата гибели"]
PEOPLE = [["Тестов Ерлан", "Алматы", "05.01.2022"], ["Синтетова Дана", "Тараз", "06.01.2022"],
          ["Пробнов Бауыржан", "Алматы", "06.01.2022"], ["Фиктивова Айгерим", "Алматы", "07.01.2022"]]


@pytest.fixture
def linked(write_csv, run_import) -> None:
    for name, rows in (("official", PEOPLE), ("volunteers", PEOPLE[1:]), ("morgue", PEOPLE[:3])):
        assert run_import(write_csv(f"{name}.csv", HEADER, rows), list_name=name).ok
    run_linkage()


def test_an_estimate_started_from_the_page_runs_in_the_background(linked, client_as, settings, monkeypatch) -> None:
    settings.TERGEU_BACKGROUND_ESTIMATES = True
    release = threading.Event()
    compute = service._compute

    def held(run: EstimateRun) -> None:
        assert release.wait(timeout=60)
        compute(run)

    monkeypatch.setattr(service, "_compute", held)
    analyst = client_as("analyst")
    form = {"method": "loglinear", "linkage_draws": "0"}
    assert analyst.post("/estimates/run/", form).status_code == 302
    running = EstimateRun.objects.get()
    assert running.finished_at is None
    page = analyst.get("/estimates/").content.decode()
    assert 'data-testid="estimate-in-progress"' in page and 'hx-trigger="every 3s"' in page

    assert analyst.post("/estimates/run/", form, follow=True).status_code == 200
    assert EstimateRun.objects.count() == 1  # refused while the first runs
    release.set()
    assert wait_for_jobs(timeout=60)
    done = EstimateRun.objects.get()
    assert done.finished_at is not None and (done.result or done.error)
    page = analyst.get("/estimates/").content.decode()
    assert 'data-testid="estimate-in-progress"' not in page and 'hx-trigger="every 3s"' not in page


def test_an_estimate_cut_off_long_ago_does_not_block_new_ones(linked, settings) -> None:
    stale = EstimateRun.objects.create(created_by="test", method="loglinear", settings={})
    EstimateRun.objects.filter(pk=stale.pk).update(created_at=stale.created_at - service.STALE_AFTER * 2)
    assert service.running_estimate() is None
    run = service.start_estimate("loglinear", linkage_draws=0, by="test")
    assert run.finished_at is not None  # within the request: background estimates are off in tests


def test_two_starts_at_once_start_one_estimate(linked, monkeypatch) -> None:
    """Both callers pass the "is one running?" check before either stores its run, unless the check and
    the insert are one locked step."""
    from django.db import close_old_connections, connection

    from racing import held_until_all_arrive

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("an in-memory SQLite test database has no file locks; PostgreSQL runs this test")
    monkeypatch.setattr(service, "running_estimate", held_until_all_arrive(service.running_estimate, 2))
    outcomes: list[str] = []

    def start() -> None:
        try:
            service.start_estimate("loglinear", linkage_draws=0, by="test")
            outcomes.append("started")
        except service.EstimateRunning:
            outcomes.append("refused")
        finally:
            close_old_connections()

    monkeypatch.setattr(service, "_compute", lambda run: None)  # stays "running": the second must be refused
    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "started"] and EstimateRun.objects.count() == 1


def test_runs_a_stopped_server_left_unfinished_are_marked_interrupted(linked) -> None:
    EstimateRun.objects.create(created_by="test", method="loglinear", settings={})
    assert service.interrupt_unfinished() == 1
    run = EstimateRun.objects.get()
    assert run.finished_at is not None and "interrupted" in run.error and service.running_estimate() is None
