"""A protected witness added by an investigator (their handler), with the master key in place (fixtures)."""

from __future__ import annotations

import pytest

from tergeu.accounts import roles
from tergeu.witnesses import service

# Synthetic: no real person has this name, number or address.
CANARY = {"name": "Qzyrbek Tëstbaiuly Canaryev", "contact": "+7 701 555 0199, qzyrbek.canary@example.invalid",
          "date_of_birth": "1990-02-29", "address": "Synthetic street 1, Testville", "notes": "synthetic witness"}


@pytest.fixture
def witness(callers, master_key):
    investigator = callers[roles.INVESTIGATOR].user
    return service.add_person(dict(CANARY), by=investigator.username, user=investigator)
