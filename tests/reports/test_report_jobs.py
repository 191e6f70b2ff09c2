"""Reports asked for on the web are written in the background: a page to wait on, then the requester's file."""

from __future__ import annotations

import csv
import io
import re

import pytest

from casualty_fixtures import Casualties
from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR
from tergeu.reports.jobs import KEPT_FOR, forget_old_reports, job_file
from tergeu.reports.models import ReportJob
from tergeu.toolkit.jobs import wait_for_jobs

pytestmark = pytest.mark.django_db(transaction=True)  # the job's thread has its own connection


@pytest.fixture
def in_background(settings, tmp_path, monkeypatch) -> None:
    settings.TERGEU_BACKGROUND_REPORTS = True
    monkeypatch.setenv("TERGEU_HOME", str(tmp_path))


def _wait_and_read(client, response) -> tuple[str, str]:
    assert response.status_code == 302 and re.fullmatch(r"/reports/jobs/[a-z2-7]{26}/", response["Location"])
    assert wait_for_jobs(120)
    page = client.get(response["Location"]).content.decode()
    link = re.search(r'href="(/reports/jobs/[a-z2-7]{26}/file/)"', page)
    return page, link[1] if link else ""


def test_a_report_is_written_in_the_background_then_downloaded(casualties: Casualties, client_as,
                                                                in_background) -> None:
    client = client_as(INVESTIGATOR)
    page, link = _wait_and_read(client, client.get("/reports/casualties/", {"format": "csv", "sex": "F"}))
    assert 'data-testid="report-ready"' in page and link
    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows and all(row["sex"] in ("F", "female", "әйел", "женский") for row in rows)  # the filter held
    job = ReportJob.objects.get()
    assert job.query == {"sex": "F"} and job_file(job).exists() and job_file(job).name.startswith(job.public_id)


def test_a_job_and_its_file_are_the_requesters_alone(casualties: Casualties, client_as, in_background) -> None:
    owner = client_as(INVESTIGATOR)
    response = owner.get("/reports/casualties/", {"format": "csv"})
    _page, link = _wait_and_read(owner, response)
    other = client_as(INVESTIGATOR, "another-investigator")
    assert other.get(response["Location"]).status_code == 404 and other.get(link).status_code == 404
    mission = client_as(EXPERT_MISSION)
    assert mission.get(link).status_code == 404
    # the mission's own report holds what the mission may see: fewer people than the investigator's
    _page, own = _wait_and_read(mission, mission.get("/reports/casualties/", {"format": "csv"}))
    count = len(list(csv.DictReader(io.StringIO(b"".join(mission.get(own).streaming_content).decode()))))
    assert count == 3


def test_old_reports_are_deleted_with_their_files(casualties: Casualties, client_as, in_background) -> None:
    client = client_as(INVESTIGATOR)
    _wait_and_read(client, client.get("/reports/casualties/", {"format": "csv"}))
    job = ReportJob.objects.get()
    path = job_file(job)
    assert path.exists()
    ReportJob.objects.filter(pk=job.pk).update(requested_at=job.requested_at - KEPT_FOR * 2)
    assert forget_old_reports() == 1 and not path.exists() and not ReportJob.objects.exists()
