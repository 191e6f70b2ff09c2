"""The casualty report on the web: /reports/ and its download, for what the viewer may see."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casualty_fixtures import KAZAKH_NAMES, Casualties, pdf_text
from tergeu.accounts.roles import EXPERT_MISSION, INVESTIGATOR, ROLES
from tergeu.estimation.models import EstimateRun
from tergeu.reports.tables import REPORT_COLUMNS

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _xlsx(response) -> tuple[list[tuple], dict]:
    book = load_workbook(io.BytesIO(_body(response)), read_only=True)
    return list(book["people"].iter_rows(values_only=True)), dict(book["cover"].iter_rows(values_only=True))


@pytest.mark.parametrize("role", ROLES)
def test_every_role_downloads_the_report(casualties: Casualties, client_as, role: str) -> None:
    response = client_as(role).get("/reports/casualties/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="casualties-')
    rows = list(csv.DictReader(io.StringIO(_body(response).decode())))
    assert len(rows) == (3 if role == EXPERT_MISSION else 4)


def test_the_pdf_download_keeps_kazakh_letters_in_the_viewers_language(casualties: Casualties, client_as,
                                                                       tmp_path: Path) -> None:
    response = client_as(INVESTIGATOR).get("/reports/casualties/", {"format": "pdf"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Content-Type"] == "application/pdf"
    target = tmp_path / "report.pdf"
    target.write_bytes(_body(response))
    text = pdf_text(target)
    assert all(name in text for name in KAZAKH_NAMES) and "Список погибших" in text
    kazakh = client_as(INVESTIGATOR, "other").get("/reports/casualties/", {"format": "pdf", "language": "kk"})
    target.write_bytes(_body(kazakh))
    assert "Қаза тапқандар тізімі" in pdf_text(target)


def test_a_restricted_role_gets_only_what_it_may_see(casualties: Casualties, estimated: EstimateRun,
                                                     client_as) -> None:
    rows, cover = _xlsx(client_as(EXPERT_MISSION).get("/reports/casualties/", {"format": "xlsx"},
                                                      HTTP_ACCEPT_LANGUAGE="en"))
    assert len(rows) == 1 + 3  # the morgue's people only; its list is the only one shared with the mission
    assert "Бекова" not in str(rows) and "Volunteers" not in str(rows) and "Asetov" not in str(rows)
    first = next(row for row in rows if row[REPORT_COLUMNS.index("name_kk")] == KAZAKH_NAMES[0])
    assert first[REPORT_COLUMNS.index("lists")] == 1 and first[REPORT_COLUMNS.index("circumstances")] is None
    assert cover["Estimated toll"] == "No estimate of the toll is available to you yet."  # estimates read every list
    assert "Volunteers" not in str(cover) and cover["Sources"] == "1"
    rows, cover = _xlsx(client_as(INVESTIGATOR).get("/reports/casualties/", {"format": "xlsx"},
                                                    HTTP_ACCEPT_LANGUAGE="en"))
    assert len(rows) == 1 + 4 and cover["Estimated toll"].startswith("6 (95% interval 4–12)")


def test_the_people_index_filters_apply(casualties: Casualties, client_as) -> None:
    client = client_as(INVESTIGATOR)
    page = client.get("/people/", {"place": "almaty", "sex": "F"}).content.decode()
    assert '/reports/casualties/?place=almaty&amp;sex=F&format=pdf"' in page  # the index links with its filters
    response = client.get("/reports/casualties/", {"format": "csv", "place": "almaty", "sex": "F", "sort": "-age"})
    names = [row["display_name"] for row in csv.DictReader(io.StringIO(_body(response).decode()))]
    assert names == ["Бекова Сауле Армановна", "Өмірбекова Іңкәр Ұланқызы"]


def test_others_get_404_and_strangers_sign_in_first(casualties: Casualties, client_as) -> None:
    nobody = client_as(None)
    assert nobody.get("/reports/casualties/", {"format": "pdf"}).status_code == 404
    assert nobody.get("/reports/").status_code == 404
    assert client_as(INVESTIGATOR).get("/reports/casualties/", {"format": "docx"}).status_code == 404
    from django.test import Client

    anonymous = Client().get("/reports/casualties/", {"format": "pdf"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_the_reports_page_offers_the_index_filters_with_counts(casualties: Casualties, client_as) -> None:
    page = client_as(EXPERT_MISSION).get("/reports/", {"place": "almaty"}, HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200 and 'action="/reports/casualties/"' in text
    assert '<option value="almaty" selected>Almaty (2)</option>' in text
    assert "Бекова" not in text and "volunteer ledger" not in text
    assert text.count('name="format"') == 3
