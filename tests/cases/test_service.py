"""Complaints, cases and steps through the services: victims protected, texts sealed, codes hashed."""

from __future__ import annotations

import datetime

import pytest

from case_fixtures import COMPLAINT_A, VICTIM_A
from tergeu.cases import proceedings, service
from tergeu.cases.models import Complaint, ComplaintPerson
from tergeu.core.cases import CODE_ALPHABET, normalise_code
from tergeu.witnesses.models import ProtectedPerson

pytestmark = pytest.mark.django_db


def test_a_complaint_protects_its_victim_and_seals_its_texts(master_key) -> None:
    complaint, code = service.add_complaint(dict(COMPLAINT_A), by="tester")
    victim = ComplaintPerson.objects.get(complaint=complaint).person
    assert victim.kind == ProtectedPerson.Kind.VICTIM and victim.pseudonym.startswith("V-")
    assert complaint.holder == victim and complaint.region_key == "almaty-region"
    stored = Complaint.objects.filter(pk=complaint.pk).values_list("description", flat=True).get()
    assert b"Alpha" not in bytes(stored) and service.complaint_texts(complaint)["description"] == \
        COMPLAINT_A["description"]
    letters = code.replace("-", "")
    assert len(letters) == 20 and set(letters) <= set(CODE_ALPHABET) and code.count("-") == 3
    assert complaint.code_hash == service.hash_code(code.lower().replace("-", " "))  # typed anyhow
    # Neither the code nor the victim's name in any stored column of the complaint (every value, as text),
    # in any spelling: the code's letters, with dashes, or lower case (the hash alone is hex, so compare rows).
    row = " ".join(str(value) for value in Complaint.objects.filter(pk=complaint.pk).values().get().values())
    spellings = (code, normalise_code(code), code.lower(), normalise_code(code).lower())
    assert not any(spelling in row for spelling in spellings) and VICTIM_A["name"] not in row
    person_row = " ".join(str(value) for value in ProtectedPerson.objects.filter(pk=victim.pk).values().get().values())
    assert VICTIM_A["name"] not in person_row and VICTIM_A["contact"] not in person_row


def test_a_complainant_holds_the_code_when_the_victim_died(master_key) -> None:
    data = {"kind": "death-in-custody", "victim": {"name": "Дала Ойданов"},
            "complainant": {"name": "Ана Ойданова"}}
    complaint, _code = service.add_complaint(data, by="tester")
    assert complaint.holder.kind == ProtectedPerson.Kind.COMPLAINANT
    assert sorted(role for role, _p in service.pseudonyms(complaint)) == ["complainant", "victim"]


@pytest.mark.parametrize(("data", "words"), [
    ({"kind": "beating", "victim": VICTIM_A}, "kind"),
    ({"kind": "torture"}, "victim or a complainant"),
    ({"kind": "torture", "victim": VICTIM_A, "date": "06.01.2022x"}, "date"),
    ({"kind": "torture", "victim": VICTIM_A, "date": "2022-02-01", "until": "2022-01-01"}, "until"),
    ({"kind": "torture", "victim": VICTIM_A, "name": "x"}, "unknown fields name"),
    ({"kind": "torture", "victim": VICTIM_A, "deceased": "aaaaaaaaaaaaaaaaaaaaaaaaaa"}, "deceased"),
])
def test_bad_complaints_are_refused_by_field_and_nothing_is_written(master_key, data, words) -> None:
    with pytest.raises(service.ComplaintRefused, match=words):
        service.add_complaint(data, by="tester")
    assert not Complaint.objects.exists() and not ProtectedPerson.objects.exists()


def test_rotating_replaces_the_code_and_revoking_ends_it(master_key) -> None:
    complaint, first = service.add_complaint(dict(COMPLAINT_A), by="tester")
    second = service.rotate_code(complaint)
    assert second != first and Complaint.objects.get(code_hash=service.hash_code(second)) == complaint
    assert not Complaint.objects.filter(code_hash=service.hash_code(first)).exists()
    service.revoke_code(complaint)
    assert Complaint.objects.get(pk=complaint.pk).code_hash is None


def test_steps_closing_grounds_next_step_and_overdue(master_key) -> None:
    complaint, _code = service.add_complaint(dict(COMPLAINT_A), by="tester")
    case = proceedings.add_case({"number": "SYN-1", "authority": "prosecutor", "article": "146",
                                 "complaints": [complaint.public_id]}, Complaint.objects.all(), by="tester")
    with pytest.raises(proceedings.CaseRefused, match="exists already"):
        proceedings.add_case({"number": "SYN-1", "authority": "court"}, Complaint.objects.all(), by="tester")
    assert proceedings.state_of(case).next_status == "registered"
    old = datetime.date.today() - datetime.timedelta(days=91)
    proceedings.record_step(case, proceedings.Step("registered", old, source="Synthetic letter No. 1"), by="t")
    state = proceedings.state_of(case)
    assert state.next_status == "investigation-opened" and state.overdue
    with pytest.raises(proceedings.CaseRefused, match="grounds"):
        proceedings.record_step(case, proceedings.Step("closed", old), by="t")
    with pytest.raises(proceedings.CaseRefused, match="status"):
        proceedings.record_step(case, proceedings.Step("forgotten", old), by="t")
    proceedings.record_step(case, proceedings.Step("closed", datetime.date.today(), grounds="amnesty"), by="t")
    state = proceedings.state_of(case)
    assert state.next_status is None and not state.overdue
    from tergeu.provenance.models import Citation

    assert Citation.objects.filter(source__name="Synthetic letter No. 1").count() == 1
