"""The unit page (chain of command on a chosen day, timeline) and the units list, per role."""

from __future__ import annotations

import pytest
from django.test import Client

from tergeu.accounts.roles import ROLES, VIEW_FORCES, role_allows
from tergeu.forces.models import Unit

pytestmark = pytest.mark.django_db


def page(user, path: str) -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    response = client.get(path)
    return response.status_code, response.content.decode()


def test_it_shows_the_chain_on_the_chosen_day(force, callers) -> None:
    battalion = Unit.objects.get(external_id="U-BAT")
    code, html = page(callers["investigator"].user, f"/forces/units/{battalion.public_id}/?on=2022-01-06")
    assert code == 200
    chain = html[html.index('data-testid="chain"'):html.index('data-testid="timeline-rules"')]
    assert "Серікболов Ержан Қайратұлы" in chain and "Серикболов Ержан Кайратович" not in chain
    assert "Тоғызыншы жасақ бригадасы" in chain and "Бірінші рота" in chain
    later = page(callers["investigator"].user, f"/forces/units/{battalion.public_id}/?on=2022-02-01")[1]
    later_chain = later[later.index('data-testid="chain"'):later.index('data-testid="timeline-rules"')]
    assert "Серикболов Ержан Кайратович" in later_chain and "Серікболов Ержан Қайратұлы" not in later_chain


def test_the_timeline_says_what_is_assumed(force, callers) -> None:
    battalion = Unit.objects.get(external_id="U-BAT")
    html = page(callers["analyst"].user, f"/forces/units/{battalion.public_id}/")[1]
    timeline = html[html.index('data-testid="timeline"'):]
    assert "I-1" in timeline and "INVENTED FIELD COURSE" in timeline
    assert "assumed to continue until a source shows otherwise" in timeline
    assert "nothing assumed after" in timeline


def test_the_page_speaks_kazakh(force, callers) -> None:
    battalion = Unit.objects.get(external_id="U-BAT")
    client = Client(headers={"accept-language": "kk"})
    client.force_login(callers["investigator"].user)
    html = client.get(f"/forces/units/{battalion.public_id}/?on=2022-01-06").content.decode()
    assert "Chain of command on a day" not in html


@pytest.mark.parametrize("role", ROLES)
def test_only_roles_that_see_forces_open_the_pages(force, callers, role: str) -> None:
    battalion = Unit.objects.get(external_id="U-BAT")
    expected = 200 if role_allows(callers[role].user, VIEW_FORCES) else 404
    assert page(callers[role].user, f"/forces/units/{battalion.public_id}/")[0] == expected
    assert page(callers[role].user, "/forces/units/")[0] == expected


def test_the_list_finds_a_unit_by_number_in_any_form(force, callers) -> None:
    for query in ("MU 30417", "в/ч 30417", "Steppe Guard", "Степной гвардейский батальон"):
        html = page(callers["reviewer"].user, f"/forces/units/?q={query}")[1]
        assert "Дала күзеті батальоны" in html, query
        assert "Қорғаныс министрлігі" not in html, query
