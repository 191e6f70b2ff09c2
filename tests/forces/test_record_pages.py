"""Incident and official pages, linked from the unit page, and the findings PDF of a unit or official page."""

from __future__ import annotations

import pytest
from django.test import Client

from casualty_fixtures import pdf_text
from tergeu.accounts.roles import ROLES, VIEW_FORCES, role_allows
from tergeu.forces.models import Incident, Official, Unit

pytestmark = pytest.mark.django_db


def page(user, path: str, language: str = "en") -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    return response.status_code, response.content.decode()


def test_the_incident_shows_resolved_perpetrators_commanders_on_its_day_and_sources(force, callers) -> None:
    incident = Incident.objects.get(external_id="I-1")
    code, html = page(callers["investigator"].user, incident.get_absolute_url())
    assert code == 200
    perpetrators = html[html.index('data-testid="perpetrators"'):html.index("</table>", html.index('"perpetrators"'))]
    battalion = Unit.objects.get(external_id="U-BAT")
    assert f'href="/forces/units/{battalion.public_id}/?on=2022-01-06"' in perpetrators
    assert "в/ч 30417" in perpetrators and "1.00" in perpetrators and "resolved" in perpetrators
    commanders = html[html.index('data-testid="incident-commanders"'):html.index("</ul>", html.index("commanders\""))]
    first = Official.objects.get(external_id="P-1")
    assert f'href="/forces/persons/{first.public_id}/"' in commanders and "assumed (open-ended)" in commanders
    assert "Серикболов Ержан Кайратович" not in commanders  # posted after the incident
    assert "assumed to" in html[html.index('data-testid="open-end-rule"'):]
    assert "Synthetic report 2026" in html[html.index('data-testid="citations"'):]


def test_the_official_shows_postings_with_the_open_end_rule_and_incidents(force, callers) -> None:
    official = Official.objects.get(external_id="P-2")
    code, html = page(callers["analyst"].user, official.get_absolute_url())
    assert code == 200
    postings = html[html.index('data-testid="postings"'):html.index("</table>", html.index('"postings"'))]
    assert postings.index("Тоғызыншы жасақ бригадасы") < postings.index("Дала күзеті батальоны")  # oldest first
    assert "first cited 2022-01-20, last cited 2022-12-01; nothing assumed after" in postings
    assert "Synthetic structure 2026" in postings
    first = Official.objects.get(external_id="P-1")
    html = page(callers["analyst"].user, first.get_absolute_url())[1]
    assert "assumed to continue until a source shows otherwise" in html
    commanded = html[html.index('data-testid="commanded"'):html.index("</ul>", html.index('"commanded"'))]
    assert "I-1" in commanded and "Дала күзеті батальоны" in commanded and "assumed (open-ended)" in commanded
    later = page(callers["analyst"].user, official.get_absolute_url())[1]  # P-2: took command after I-1
    assert "I-1" not in later[later.index('data-testid="commanded"'):later.index("</ul>", later.index('"commanded"'))]
    named = html[html.index('data-testid="incidents"'):]
    assert Incident.objects.get(external_id="I-1").get_absolute_url() in named and "in review" in named  # namesakes


def test_the_unit_page_links_postings_and_incidents(force, callers) -> None:
    battalion = Unit.objects.get(external_id="U-BAT")
    html = page(callers["investigator"].user, f"/forces/units/{battalion.public_id}/?on=2022-01-06")[1]
    assert Official.objects.get(external_id="P-1").get_absolute_url() in html[html.index('data-testid="chain"'):]
    timeline = html[html.index('data-testid="timeline"'):]
    assert Incident.objects.get(external_id="I-1").get_absolute_url() in timeline
    assert Official.objects.get(external_id="P-2").get_absolute_url() in timeline
    assert f"/forces/units/{battalion.public_id}/findings.pdf" in html


def test_the_pages_speak_kazakh_and_russian(force, callers) -> None:
    incident = Incident.objects.get(external_id="I-1")
    kazakh = page(callers["investigator"].user, incident.get_absolute_url(), "kk")[1]
    russian = page(callers["investigator"].user, incident.get_absolute_url(), "ru")[1]
    assert "Perpetrators" not in kazakh and "Perpetrators" not in russian
    assert "Қылмыскерлер" in kazakh and "Исполнители" in russian


def test_the_findings_download_is_a_pdf_in_the_asked_language(force, callers, tmp_path) -> None:
    client = Client()
    client.force_login(callers["reviewer"].user)
    brigade = Unit.objects.get(external_id="U-BDE")
    response = client.get(f"/forces/units/{brigade.public_id}/findings.pdf?language=ru&on=2022-12-31")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "Тоғыз" not in response["Content-Disposition"]
    target = tmp_path / "f.pdf"
    target.write_bytes(b"".join(response.streaming_content))
    text = " ".join(pdf_text(target).split())
    assert "Результаты проверки" in text and "I-2" in text
    official = Official.objects.get(external_id="P-1")
    response = client.get(f"/forces/persons/{official.public_id}/findings.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("role", ROLES)
def test_only_roles_that_see_forces_open_the_pages(force, callers, role) -> None:
    expected = 200 if role_allows(callers[role].user, VIEW_FORCES) else 404
    for path in (Incident.objects.get(external_id="I-2").get_absolute_url(),
                 Official.objects.get(external_id="P-3").get_absolute_url()):
        assert page(callers[role].user, path)[0] == expected
