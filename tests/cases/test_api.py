"""The cases API: a complaint's code in the answer that makes it only, refusals that repeat no identity,
steps and officials, the funnel, and a case granted by name to the expert mission."""

from __future__ import annotations

import pytest
from django.test import Client

from case_fixtures import COMPLAINT_A, VICTIM_A
from tergeu.accounts import grants, roles
from tergeu.cases.models import Complaint
from tergeu.cases.service import hash_code

pytestmark = pytest.mark.django_db


def _api(callers, role: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {callers[role].token}"}


def test_a_complaint_a_case_a_step_an_official_and_the_funnel(master_key, callers) -> None:
    api, client = _api(callers, roles.INVESTIGATOR), Client()
    added = client.post("/api/cases/complaints", COMPLAINT_A, content_type="application/json", **api)
    assert added.status_code == 201
    body = added.json()
    assert Complaint.objects.get(public_id=body["id"]).code_hash == hash_code(body["access_code"])
    shown = client.get(f"/api/cases/complaints/{body['id']}", **api).json()
    assert shown["code_active"] and "access_code" not in shown and VICTIM_A["name"] not in str(shown)
    case = client.post("/api/cases", {"number": "API-1", "authority": "prosecutor", "complaints": [body["id"]]},
                       content_type="application/json", **api).json()["id"]
    assert client.post(f"/api/cases/{case}/steps", {"status": "investigation-opened", "date": "2022-02-02",
                                                     "source": "Synthetic letter"},
                       content_type="application/json", **api).status_code == 201
    assert client.post(f"/api/cases/{case}/officials", {"name": "Officer Synthetic", "outcome": "convicted"},
                       content_type="application/json", **api).status_code == 201
    detail = client.get(f"/api/cases/{case}", **api).json()
    assert detail["steps"][0]["status"] == "investigation-opened" and detail["officials"][0]["outcome"] == "convicted"
    funnel = client.get("/api/cases/funnel", **api).json()
    assert [funnel[key] for key in ("complaints", "cases_opened", "officials_investigated", "officials_charged",
                                    "convictions")] == [1, 1, 1, 1, 1]
    rotated = client.post(f"/api/cases/complaints/{body['id']}/code", {"action": "rotate"},
                          content_type="application/json", **api).json()["access_code"]
    assert rotated != body["access_code"]


def test_a_refusal_names_the_field_never_the_person(master_key, callers) -> None:
    answer = Client().post("/api/cases/complaints", {"kind": "beating", "victim": VICTIM_A},
                           content_type="application/json", **_api(callers, roles.INVESTIGATOR))
    assert answer.status_code == 400 and "kind" in answer.json()["detail"]
    assert VICTIM_A["name"] not in answer.content.decode() and not Complaint.objects.exists()


def test_the_expert_mission_reads_a_granted_case_over_the_api(two_complaints, callers) -> None:
    api, client = _api(callers, roles.EXPERT_MISSION), Client()
    case = two_complaints["case_a"]
    assert client.get(f"/api/cases/{case.public_id}", **api).status_code == 404
    assert client.get("/api/cases/funnel", **api).json()["complaints"] == 0
    grants.grant(callers[roles.EXPERT_MISSION].user, case, by="tester")
    assert client.get(f"/api/cases/{case.public_id}", **api).json()["complaints"] == [two_complaints["a"].public_id]
    assert client.get("/api/cases/funnel", **api).json()["complaints"] == 1
    assert client.post(f"/api/cases/{case.public_id}/steps", {"status": "charged", "date": "2022-03-03"},
                       content_type="application/json", **api).status_code == 404  # seeing is not managing
