"""Complaints and cases for tests: synthetic people only (no real person has these names or numbers)."""

from __future__ import annotations

import datetime

import pytest

VICTIM_A = {"name": "Zhaksylyk Fiktivbekov", "contact": "+7 701 555 0142"}
VICTIM_B = {"name": "Сартай Ойдановбаев", "contact": "+7 701 555 0143"}
COMPLAINT_A = {"kind": "torture", "date": "2022-01-06", "place": "Талдыкорган", "facility": "Synthetic station No. 1",
               "description": "Alpha synthetic description: beaten at the station.", "victim": VICTIM_A}
COMPLAINT_B = {"kind": "death-in-custody", "date": "2022-01-08", "place": "Алматы",
               "description": "Bravo synthetic description: died in the holding cell.",
               "complainant": {"name": "Бравогүл Ойданова", "contact": "+7 701 555 0144"}}


@pytest.fixture
def two_complaints(master_key, callers):
    """Complaint A (a living victim) with a case and steps, complaint B (a relative complains) with another."""
    from tergeu.accounts import roles
    from tergeu.cases import proceedings, service
    from tergeu.cases.models import Complaint

    investigator = callers[roles.INVESTIGATOR].user
    a, code_a = service.add_complaint(dict(COMPLAINT_A), by="tester", user=investigator)
    b, code_b = service.add_complaint(dict(COMPLAINT_B), by="tester", user=investigator)
    case_a = proceedings.add_case({"number": "SYN-A-1", "authority": "prosecutor", "article": "146",
                                   "contact": "Alpha synthetic contact office", "complaints": [a.public_id]},
                                  Complaint.objects.all(), by="tester")
    case_b = proceedings.add_case({"number": "SYN-B-1", "authority": "anti-corruption", "article": "362",
                                   "complaints": [b.public_id]}, Complaint.objects.all(), by="tester")
    day = datetime.date(2022, 2, 1)
    proceedings.record_step(case_a, proceedings.Step("registered", day, note="alpha internal secret note",
                                                     public_note="alpha public note registered"), by="tester")
    proceedings.record_step(case_a, proceedings.Step("investigation-opened", day + datetime.timedelta(days=10),
                                                     note="alpha internal second note",
                                                     public_note="alpha public note opened"), by="tester")
    proceedings.record_step(case_b, proceedings.Step("registered", day, note="bravo internal secret note",
                                                     public_note="bravo public note registered"), by="tester")
    proceedings.add_official(case_a, "Officer Alphasecret Syntheticov", "investigated")
    proceedings.add_official(case_b, "Officer Bravosecret Syntheticov", "charged")
    return {"a": a, "b": b, "code_a": code_a, "code_b": code_b, "case_a": case_a, "case_b": case_b}
