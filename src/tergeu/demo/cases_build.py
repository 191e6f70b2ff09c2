"""Write the synthetic complaint register (``cases_plan``) through the cases app's own services.

Victims and relatives become protected people (sealed, pseudonymous) shared with the demo account; each
death in custody names a person of the demo's casualty registry as its deceased victim; every step cites
a synthetic source. A few access codes are returned so that ``tergeu demo`` can print them for trying
the status page; the others are not kept anywhere.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from tergeu.cases import proceedings, service
from tergeu.cases.models import Complaint
from tergeu.demo.cases_plan import CLOSING_GROUNDS, Plan, demo_plan
from tergeu.history.tracking import acting_as
from tergeu.linkage.models import Person
from tergeu.provenance.models import Source

CODES_SHOWN = 3
SOURCE = "Synthetic letter of the regional prosecutor's office"


def _complaint_data(planned: Any, deceased: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": planned.kind, "date": planned.day.isoformat(), "place": planned.place, "facility": planned.facility,
        "facility_kind": "other", "reference": f"SYN-{planned.number + 1:04d}",
        "description": f"[synthetic] Complaint {planned.number + 1}: beaten during questioning after detention.",
        "injuries": "[synthetic] bruises recorded by a forensic doctor",
        "perpetrators": "[synthetic] officers of an invented district police department",
        "victim": {"name": planned.victim, "notes": "synthetic demo victim"},
    }
    if planned.complainant:
        data["complainant"] = {"name": planned.complainant, "relatives": "[synthetic] parent of the deceased"}
        if deceased:
            data["deceased"] = deceased
    return data


def _write_case(planned: Any, complaints: dict[int, Complaint], index: int, handler: Any) -> None:
    ids = [complaints[number].public_id for number in planned.complaints]
    case = proceedings.add_case({"number": planned.number, "authority": "anti-corruption", "article": "146",
                                 "contact": "[synthetic] investigator's office, +7 700 000 0000",
                                 "complaints": ids}, Complaint.objects.all(), by="demo", user=handler)
    for position, (status, day) in enumerate(zip(planned.statuses, planned.days, strict=True)):
        grounds = CLOSING_GROUNDS[index % len(CLOSING_GROUNDS)] if status == "closed" else ""
        proceedings.record_step(case, proceedings.Step(
            status, day, note=f"[synthetic] internal note {position + 1} of case {planned.number}",
            public_note=f"[synthetic] step {position + 1}: {status}", grounds=grounds, source=SOURCE,
            locator=f"No. {index + 1}-{position + 1}"), by="demo")
    for number, outcome in enumerate(planned.outcomes):
        proceedings.add_official(case, f"[synthetic] Officer {chr(65 + index)}{number + 1}", outcome,
                                 position="[synthetic] district police investigator", public=number == 0)


def add_demo_cases(seed: int = 2022, plan: Plan | None = None) -> list[tuple[str, str]]:
    """The register (none when the demo has it already); (complaint id, access code) of a few complaints."""
    if Complaint.objects.filter(created_by="demo").exists():
        return []
    plan = plan or demo_plan(seed)
    handler = get_user_model().objects.get(username="demo")
    dead = list(Person.objects.current().order_by("pk").values_list("public_id", flat=True)[:len(plan.complaints)])
    complaints: dict[int, Complaint] = {}
    codes = []
    Source.objects.get_or_create(name=SOURCE, defaults={"kind": "official", "is_synthetic": True})
    with acting_as("demo"):
        for planned in plan.complaints:
            deceased = dead[planned.number] if planned.complainant and planned.number < len(dead) else None
            complaint, code = service.add_complaint(_complaint_data(planned, deceased), by="demo", user=handler)
            complaints[planned.number] = complaint
            if planned.number in {case.complaints[0] for case in plan.cases[-CODES_SHOWN - 6:-6]}:
                codes.append((complaint.public_id, code))
        for index, planned in enumerate(plan.cases):
            _write_case(planned, complaints, index, handler)
    return codes
