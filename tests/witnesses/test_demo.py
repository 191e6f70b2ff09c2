"""The demo's synthetic witnesses: pressure histories, a retraction, shared with the demo account, once."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tergeu.demo.build import DEMO_NAMES, add_demo_witnesses
from tergeu.witnesses import service
from tergeu.witnesses.access import visible_people
from tergeu.witnesses.models import PressureEvent, ProtectedPerson, Statement

pytestmark = pytest.mark.django_db


def test_it_adds_synthetic_witnesses_once(master_key) -> None:
    demo = get_user_model().objects.create_superuser("demo", "", "synthetic-demo-2022")
    assert add_demo_witnesses() == len(DEMO_NAMES)
    assert add_demo_witnesses() == 0
    people = visible_people(demo)
    assert people.count() == len(DEMO_NAMES) == ProtectedPerson.objects.count()
    assert PressureEvent.objects.filter(kind="retraction").count() == 3
    assert Statement.objects.filter(retracted=True).count() == 3
    names = {service.reveal(person, actor="test", reason="checking the demo")["name"] for person in people}
    assert names == set(DEMO_NAMES)
