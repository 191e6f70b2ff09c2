"""Incident and official pages, linked from the unit page, and the findings PDF of a unit or official page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casualty_fixtures import pdf_text
from tergeu.accounts.roles import ROLES, VIEW_FORCES, role_allows
from tergeu.forces.models import Incident, Official, Perpetrator, Unit

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
    client = Client()
    client.force_login(callers[role].user)
    for record in (Unit.objects.get(external_id="U-BDE"), Official.objects.get(external_id="P-3")):
        assert client.get(f"{record.get_absolute_url()}findings.pdf").status_code == expected


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_findings(force) -> None:
    for record in (Unit.objects.get(external_id="U-BDE"), Official.objects.get(external_id="P-3")):
        response = Client().get(f"{record.get_absolute_url()}findings.pdf")
        assert response.status_code == 302 and "login" in response["Location"]


def _incident(external_id: str, units: list[str]) -> Incident:
    incident = Incident.objects.create(external_id=external_id, start="2021-06-01", place="Invented crossing")
    for unit in Unit.objects.filter(external_id__in=units):
        Perpetrator.objects.create(incident=incident, kind="unit", mention=unit.name, unit=unit, score=1.0,
                                   verdict="resolved")
    return incident


def test_the_incident_page_reads_the_chain_of_command_once_however_many_units_it_names(force, callers) -> None:
    one, four = _incident("I-ONE", ["U-BAT"]), _incident("I-FOUR", ["U-BAT", "U-BDE", "U-EAST", "U-MOD"])
    client = Client()
    client.force_login(callers["investigator"].user)
    counts = []
    for incident in (one, four):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(incident.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        counts.append(len(queries))
    commanders = html[html.index('data-testid="incident-commanders"'):]
    assert "Серікболов Ержан Қайратұлы" in commanders and "Тестова Айгерім Болатқызы" in commanders
    assert counts[1] == counts[0] <= 40, counts  # not a reading of the graph and its sources per unit


def test_the_printed_findings_of_a_unit_page_are_those_of_that_unit_not_of_a_namesake(force, callers,
                                                                                        tmp_path) -> None:
    first = Unit.objects.get(external_id="U-COY", name="Бірінші рота")
    Unit.objects.create(external_id="U-COY2", name="Бірінші рота")  # "1st Company" of another battalion
    _incident("I-9", ["U-COY2"])
    client = Client()
    client.force_login(callers["investigator"].user)
    printed = {}
    for unit in Unit.objects.filter(external_id__in=("U-COY", "U-COY2")):
        response = client.get(f"{unit.get_absolute_url()}findings.pdf?language=en")
        assert response.status_code == 200
        target = tmp_path / f"{unit.external_id}.pdf"
        target.write_bytes(b"".join(response.streaming_content))
        printed[unit.external_id] = " ".join(pdf_text(target).split())
    assert "I-9" not in printed["U-COY"] and "CLEAR" in printed["U-COY"]
    assert "U-COY2" not in printed["U-COY"]  # the namesake is not even a match
    assert "I-9" in printed["U-COY2"] and "FLAGGED" in printed["U-COY2"]
    assert first.external_id in printed["U-COY"]


@pytest.mark.parametrize(("model", "external_id"), [(Unit, "U-BAT"), (Official, "P-1")])
def test_the_title_is_the_name_and_the_findings_form_appears_once(force, callers, model, external_id) -> None:
    record = model.objects.get(external_id=external_id)
    html = page(callers["investigator"].user, record.get_absolute_url())[1]
    title = html[html.index("<title>") + len("<title>"):html.index("</title>")]
    assert title.strip() == f"{record.name} · Tergeu"
    assert html.count('data-testid="findings-pdf"') == 1 and html.count("Print the findings (PDF)") == 1


def test_a_findings_download_with_a_bad_day_says_so_instead_of_printing_every_day(force, callers) -> None:
    brigade = Unit.objects.get(external_id="U-BDE")
    client = Client()
    client.force_login(callers["investigator"].user)
    response = client.get(f"{brigade.get_absolute_url()}findings.pdf?on=2022-13-45", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == brigade.get_absolute_url()
    html = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "That is not a date (YYYY-MM-DD): nothing was printed." in html


@pytest.mark.parametrize(("language", "said"), [("kk", "Бұл күн емес"), ("ru", "Это не дата")])
def test_the_bad_day_notice_and_the_page_pdf_match_speak_kazakh_and_russian(force, callers, language, said,
                                                                          tmp_path) -> None:
    brigade = Unit.objects.get(external_id="U-BDE")
    client = Client()
    client.force_login(callers["investigator"].user)
    client.get(f"{brigade.get_absolute_url()}findings.pdf?on=bad", HTTP_ACCEPT_LANGUAGE=language)
    assert said in client.get(brigade.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    response = client.get(f"{brigade.get_absolute_url()}findings.pdf?language={language}")
    target = tmp_path / "f.pdf"
    target.write_bytes(b"".join(response.streaming_content))
    text = " ".join(pdf_text(target).split())
    assert {"kk": "осы жазбаның өзі", "ru": "сама эта запись"}[language] in text
