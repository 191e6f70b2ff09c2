"""`tergeu complaints ...`, `tergeu cases ...` and `tergeu report funnel`: people on stdin, codes printed once."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from case_fixtures import COMPLAINT_A, VICTIM_A
from tergeu.cases.models import Case, CaseStep, Complaint
from tergeu.cases.service import hash_code
from tergeu.cli import cli

pytestmark = pytest.mark.django_db(transaction=True)
HANDLER = "investigator-user"  # made by the ``callers`` fixture


@pytest.fixture(autouse=True)
def _handler(callers) -> None:
    """The investigator handles what the commands add (the code's commands need a handler)."""


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def _json(*args: str, stdin: str = "") -> dict:
    code, out = run(*args, stdin=stdin)
    assert code == 0, out
    return json.loads(out.strip().splitlines()[-1])


def test_add_a_complaint_a_case_steps_and_read_the_funnel(master_key) -> None:
    added = _json("complaints", "add", "--json", "--handler", HANDLER, stdin=json.dumps(COMPLAINT_A))
    assert set(added) == {"id", "access_code"}
    complaint = Complaint.objects.get(public_id=added["id"])
    assert complaint.code_hash == hash_code(added["access_code"])
    case = _json("cases", "add", "--json", stdin=json.dumps({"number": "SYN-7", "authority": "prosecutor",
                                                             "article": "146", "complaints": [added["id"]]}))
    assert list(Case.objects.get(public_id=case["id"]).complaints.all()) == [complaint]
    _json("cases", "step", case["id"], "--status", "registered", "--date", "2022-02-01", "--note", "internal",
          "--public-note", "Your complaint was registered.")
    _json("cases", "step", "SYN-7", "--status", "investigation-opened", "--date", "2022-02-11",
          "--source", "Synthetic letter of the prosecutor", "--locator", "No. 12")
    code, out = run("cases", "step", "SYN-7", "--status", "closed", "--date", "2022-03-01")
    assert code == 1 and "grounds" in out
    assert CaseStep.objects.filter(case__number="SYN-7").count() == 2
    code, out = run("cases", "official", "SYN-7", "--outcome", "charged", stdin="Officer Synthetic Testov\n")
    assert code == 0, out
    funnel = _json("report", "funnel", "--json")
    assert {key: funnel[key] for key in ("complaints", "cases_opened", "officials_investigated",
                                         "officials_charged", "convictions")} == {
        "complaints": 1, "cases_opened": 1, "officials_investigated": 1, "officials_charged": 1, "convictions": 0}
    assert funnel["by_kind"]["torture"]["cases_opened"] == 1 and funnel["by_region"]["almaty-region"]["complaints"] == 1
    code, out = run("report", "funnel")
    assert code == 0 and "cases opened" in out


def test_codes_rotate_and_revoke_and_a_bad_complaint_names_the_field(master_key) -> None:
    added = _json("complaints", "add", "--handler", HANDLER, stdin=json.dumps(COMPLAINT_A))
    rotated = _json("complaints", "code", added["id"], "--rotate", "--by", HANDLER)
    assert rotated["access_code"] != added["access_code"]
    assert Complaint.objects.get(public_id=added["id"]).code_hash == hash_code(rotated["access_code"])
    assert _json("complaints", "code", added["id"], "--revoke", "--by", HANDLER)["access_code"] is None
    assert run("complaints", "code", added["id"], "--by", HANDLER)[0] == 1
    bad = json.dumps({"kind": "beating", "victim": VICTIM_A})
    code, out = run("complaints", "add", "--handler", HANDLER, stdin=bad)
    assert code == 1 and "kind" in out and VICTIM_A["name"] not in out
    code, out = run("complaints", "add", "--handler", HANDLER, stdin="{not json")
    assert code == 1 and "line 1, column 2" in out


def test_a_case_is_shared_with_the_expert_mission_by_name(two_complaints, callers) -> None:
    from tergeu.accounts import roles
    from tergeu.cases.access import visible_cases, visible_complaints

    mission = callers[roles.EXPERT_MISSION].user
    assert not visible_cases(mission).exists()
    _json("cases", "share", "SYN-A-1", mission.username)
    assert list(visible_cases(mission)) == [two_complaints["case_a"]]
    assert list(visible_complaints(mission)) == [two_complaints["a"]]
    assert _json("cases", "share", "SYN-A-1", mission.username, "--revoke")["ended"] == 1
    assert not visible_complaints(mission).exists()
    code, out = run("cases", "share", "SYN-A-1", mission.username, "--until", "2020-01-01")
    assert code == 1 and "before it starts" in out


def test_step_notes_come_on_stdin_never_in_argv(master_key) -> None:
    """Notes may name people: --notes-stdin reads them as JSON, so they stay out of ps (review L8)."""
    added = _json("complaints", "add", "--handler", HANDLER, stdin=json.dumps(COMPLAINT_A))
    case = _json("cases", "add", stdin=json.dumps({"number": "SYN-8", "authority": "prosecutor",
                                                   "complaints": [added["id"]]}))
    notes = {"note": "Synthetic internal: met the relative", "public_note": "Synthetic public: registered"}
    made = _json("cases", "step", case["id"], "--status", "registered", "--date", "2022-02-01", "--notes-stdin",
                 stdin=json.dumps(notes))
    stored = CaseStep.objects.get(public_id=made["step"])
    assert (stored.note, stored.public_note) == (notes["note"], notes["public_note"])
    code, out = run("cases", "step", case["id"], "--status", "investigation-opened", "--date", "2022-02-02",
                    "--notes-stdin", "--note", "x", stdin=json.dumps(notes))
    assert code == 1 and "not both" in out
    code, out = run("cases", "step", case["id"], "--status", "investigation-opened", "--date", "2022-02-02",
                    "--notes-stdin", stdin=json.dumps({"notes": "x"}))
    assert code == 1 and "unknown key" in out and CaseStep.objects.filter(case__number="SYN-8").count() == 1
