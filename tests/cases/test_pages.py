"""The handlers' pages, the funnel chart, per-case grants and the letter: who sees what.

Roles that see every case see them all; the expert mission sees a case only once it is granted by name
(then the case's complaints too, and the funnel counts them); data entry sees none. The letter gives
a new code, in the language asked for, and the old one stops working.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.test import Client

from casualty_fixtures import pdf_text
from tergeu.accounts import grants, roles
from tergeu.cases.models import Complaint
from tergeu.cases.service import hash_code
from tergeu.cli import cli

pytestmark = pytest.mark.django_db
REGION = "Almaty Region"  # Taldykorgan's, in the gazetteer's English


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_funnel_page_draws_the_funnel_it_computes(two_complaints, callers) -> None:
    page = _client(callers[roles.ANALYST].user).get("/cases/funnel/")
    text = page.content.decode()
    assert page.status_code == 200 and "<svg" in text and "<script" not in text.split("</header>", 1)[1]
    funnel = json.loads(CliRunner().invoke(cli, ["report", "funnel", "--json"]).output)
    for stage in ("complaints", "complaints_with_case", "cases_opened", "officials_investigated",
                  "officials_charged", "convictions"):
        assert f'data-testid="count-{stage}">{funnel[stage]}' in text, stage
    assert funnel["complaints_with_case"] == 1  # A's case is opened; B's is only registered
    assert 'data-testid="count-complaints_with_case">1 (50%)<' in text
    assert 'data-testid="count-officials_investigated">2<' in text  # two officials, one case: no "200%"
    assert (funnel["complaints"], funnel["cases_opened"], funnel["officials_investigated"]) == (2, 1, 2)
    assert "Death in custody" in text and "2022-01" in text and REGION in text


def test_the_expert_mission_sees_a_case_only_once_it_is_granted(two_complaints, callers) -> None:
    mission = callers[roles.EXPERT_MISSION].user
    client = _client(mission)
    case, complaint = two_complaints["case_a"], two_complaints["a"]
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(complaint.get_absolute_url()).status_code == 404
    assert "SYN-A-1" not in client.get("/cases/").content.decode()
    grants.grant(mission, case, by="tester")
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.get(complaint.get_absolute_url()).status_code == 200
    assert client.get(two_complaints["case_b"].get_absolute_url()).status_code == 404
    assert 'data-testid="count-complaints">1' in client.get("/cases/funnel/").content.decode()
    grants.revoke(mission, case)
    assert client.get(complaint.get_absolute_url()).status_code == 404
    data_entry = _client(callers[roles.DATA_ENTRY].user)
    assert {data_entry.get(url).status_code for url in ("/cases/", "/cases/funnel/", "/cases/complaints/",
                                                        case.get_absolute_url())} == {404}


def test_a_handler_records_a_step_and_sees_the_case_overdue(two_complaints, callers) -> None:
    client = _client(callers[roles.INVESTIGATOR].user)
    case = two_complaints["case_b"]
    answer = client.post(f"{case.get_absolute_url()}step/", {"status": "closed", "on": "2022-03-01"})
    assert answer.status_code == 302 and case.steps.count() == 1  # refused: a closing needs its grounds
    client.post(f"{case.get_absolute_url()}step/", {"status": "closed", "on": "2022-03-01", "grounds": "no-crime",
                                                    "source": "Synthetic court record", "locator": "p. 2"})
    page = client.get(case.get_absolute_url()).content.decode()
    assert case.steps.count() == 2 and "Synthetic court record, p. 2" in page and "no source cited" in page
    assert 'data-testid="overdue"' not in page  # closed: nothing is expected
    assert 'data-testid="overdue"' in client.get(two_complaints["case_a"].get_absolute_url()).content.decode()
    analyst = _client(callers[roles.ANALYST].user)
    assert analyst.post(f"{case.get_absolute_url()}step/", {"status": "reopened", "on": "2022-04-01"}).status_code \
        == 404


@pytest.mark.parametrize(("language", "words"), [("kk", "қол жеткізу"), ("ru", "код доступа"), ("en", "access code")])
def test_the_letter_gives_a_new_code_in_the_language_asked(two_complaints, callers, tmp_path, language, words) -> None:
    client = _client(callers[roles.INVESTIGATOR].user)
    answer = client.post(f"/reports/letter/{two_complaints['a'].public_id}/", {"language": language})
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    path = tmp_path / "letter.pdf"
    path.write_bytes(answer.content)
    text = " ".join(pdf_text(path).split())
    assert words in text.lower() and "/status/" in text
    code = next(word for word in text.split() if word.count("-") == 3 and len(word) == 23)
    assert Complaint.objects.get(pk=two_complaints["a"].pk).code_hash == hash_code(code)
    assert not Complaint.objects.filter(code_hash=hash_code(two_complaints["code_a"])).exists()
    assert "Fiktivbekov" not in text
    assert _client(callers[roles.ANALYST].user).post(
        f"/reports/letter/{two_complaints['a'].public_id}/", {"language": language}).status_code == 404


def test_the_letter_command_writes_a_letter_with_a_new_code(two_complaints, tmp_path) -> None:
    path = tmp_path / "letter.pdf"
    result = CliRunner().invoke(cli, ["report", "letter", two_complaints["b"].public_id, "--language", "ru",
                                      "--site", "https://status.example.invalid/status/", "-o", str(path),
                                      "--by", "investigator-user"])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(path).split())
    code = next(word for word in text.split() if word.count("-") == 3 and len(word) == 23)
    assert Complaint.objects.get(pk=two_complaints["b"].pk).code_hash == hash_code(code)
    assert "Ваш код доступа" in text and "https://status.example.invalid/status/" in text
    assert code not in result.output


def test_a_handler_adds_a_complaint_and_sees_its_code_once(master_key, callers) -> None:
    investigator = callers[roles.INVESTIGATOR].user
    client = _client(investigator)
    answer = client.post("/cases/complaints/add/", {"kind": "torture", "date": "2022-01-06", "place": "Тараз",
                                                     "description": "synthetic form description",
                                                     "victim_name": "Formbek Synthetov", "victim_contact": "+7 555"})
    text = answer.content.decode()
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
    complaint = Complaint.objects.get()
    code = text.split('data-testid="code"><strong>', 1)[1].split("<", 1)[0]
    assert complaint.code_hash == hash_code(code) and complaint.region_key == "zhambyl-region"
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert code not in page and "synthetic form description" in page and "Formbek" not in page
    refused = client.post("/cases/complaints/add/", {"kind": "torture"})
    assert refused.status_code == 400 and Complaint.objects.count() == 1


def test_a_handler_adds_a_case_about_a_complaint(two_complaints, callers) -> None:
    client = _client(callers[roles.INVESTIGATOR].user)
    complaint = two_complaints["a"]
    answer = client.post("/cases/add/", {"number": "SYN-FORM-1", "authority": "court", "article": "146",
                                         "complaints": f"{complaint.public_id.upper()}\n"})
    from tergeu.cases.models import Case

    case = Case.objects.get(number="SYN-FORM-1")
    assert answer.status_code == 302 and answer["Location"] == case.get_absolute_url()
    assert list(case.complaints.all()) == [complaint]
    refused = client.post("/cases/add/", {"number": "SYN-FORM-2", "authority": "court",
                                          "complaints": "aaaaaaaaaaaaaaaaaaaaaaaaaa"})
    assert refused.status_code == 302 and not Case.objects.filter(number="SYN-FORM-2").exists()


@pytest.mark.parametrize("where", ["missing-folder", "existing-file"])
def test_a_letter_that_cannot_be_written_leaves_the_old_code_working(two_complaints, tmp_path, where) -> None:
    """The PDF is written, whole and new, inside the rotation: a bad path changes nothing (review M1)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    path = folder / "nope" / "letter.pdf" if where == "missing-folder" else folder / "letter.pdf"
    if where == "existing-file":
        path.write_bytes(b"an earlier letter")
    before = Complaint.objects.get(pk=two_complaints["b"].pk).code_hash
    result = CliRunner().invoke(cli, ["report", "letter", two_complaints["b"].public_id, "--language", "kk",
                                      "--site", "https://status.example.invalid/status/", "-o", str(path),
                                      "--by", "investigator-user"])
    assert result.exit_code == 1 and "not changed" in result.output
    assert Complaint.objects.get(pk=two_complaints["b"].pk).code_hash == before == hash_code(two_complaints["code_b"])
    assert sorted(p.name for p in folder.rglob("*")) == (["letter.pdf"] if where == "existing-file" else [])
    assert path.exists() == (where == "existing-file") and (where != "existing-file" or path.read_bytes()[:3] == b"an ")


def test_the_cases_page_title_is_a_title_not_the_add_case_form(callers) -> None:
    """The tab title goes into the browser's history: it held the whole form and its CSRF token (review L6)."""
    import re

    text = _client(callers[roles.INVESTIGATOR].user).get("/cases/").content.decode()
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert "<" not in title and "csrf" not in title and title.strip().startswith("Cases")
    assert text.count('data-testid="add-case"') == 1


def test_the_letter_prints_the_configured_status_address(two_complaints, callers, settings, tmp_path) -> None:
    """Not the Host the handler happened to use (review L10)."""
    settings.TERGEU_STATUS_URL = "https://status.example.invalid/status/"
    answer = _client(callers[roles.INVESTIGATOR].user).post(f"/reports/letter/{two_complaints['a'].public_id}/",
                                                            {"language": "en"}, HTTP_HOST="10.0.0.5:8000")
    assert answer.status_code == 200
    path = tmp_path / "letter.pdf"
    path.write_bytes(answer.content)
    text = " ".join(pdf_text(path).split())
    assert "status.example.invalid" in text and "10.0.0.5" not in text


def test_the_cases_list_costs_no_query_per_case_and_a_case_without_steps_goes_overdue(two_complaints,
                                                                                      callers) -> None:
    """Steps are prefetched (review L13); a case with no step is measured from its creation (review L4)."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tergeu.cases import proceedings
    from tergeu.cases.models import Case

    client = _client(callers[roles.ANALYST].user)
    with CaptureQueriesContext(connection) as few:
        client.get("/cases/")
    for n in range(30):
        proceedings.add_case({"number": f"SYN-Q-{n}", "authority": "prosecutor", "complaints": []},
                             Complaint.objects.all(), by="tester")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/cases/").content.decode()
    assert len(many.captured_queries) == len(few.captured_queries) and "SYN-Q-29" in page
    empty = Case.objects.get(number="SYN-Q-0")
    assert not proceedings.state_of(empty).overdue  # created today
    Case.objects.filter(pk=empty.pk).update(created_at=datetime.datetime(2022, 1, 10, tzinfo=datetime.UTC))
    assert proceedings.state_of(Case.objects.get(pk=empty.pk)).overdue
    assert "SYN-Q-0" in client.get("/cases/", {"overdue": "1"}).content.decode()
