"""F11 (web): ids and numbers past 64 bits, Unicode digits and deeply nested JSON get clean answers, no 500."""

from __future__ import annotations

import pytest

from tergeu.api import main as api_main
from tergeu.estimation.models import EstimateRun

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("path", [f"/people/{HUGE}/", f"/records/{HUGE}/", f"/lists/{HUGE}/"])
def test_an_id_past_64_bits_in_a_page_address_is_404(client_as, path: str) -> None:
    assert client_as("admin").get(path).status_code == 404


@pytest.mark.parametrize("path", [f"/records/{HUGE}/assess/", f"/lists/{HUGE}/share/"])
def test_an_id_past_64_bits_in_a_form_address_is_404(client_as, path: str) -> None:
    assert client_as("admin").post(path, {"field": "full_name", "shared": "yes"}).status_code == 404


@pytest.mark.parametrize("value", [HUGE, "²", "٣", "-1", "1e3"])
@pytest.mark.parametrize("name", ["list", "source"])
def test_a_registry_filter_that_is_no_id_is_ignored(client_as, name: str, value: str) -> None:
    assert client_as("admin").get("/registry/", {name: value}).status_code == 200


@pytest.mark.parametrize("value", ["²", "٣", "３", HUGE, "21", "-1"])
def test_the_estimate_form_refuses_a_count_that_is_not_ascii_digits(client_as, value: str) -> None:
    response = client_as("analyst").post("/estimates/run/", {"method": "lcmcr", "linkage_draws": value})
    assert response.status_code == 400
    assert "at most 20 linkage draws" in response.content.decode()
    assert not EstimateRun.objects.exists()


@pytest.mark.parametrize("path", [f"/api/records?list={HUGE}", "/api/records?list=٣", "/api/lists?source=²"])
def test_the_api_answers_422_for_such_numbers(client_as, path: str) -> None:
    assert client_as("admin").get(path).status_code == 422


@pytest.mark.parametrize("path", [f"/api/people/{HUGE}", "/api/people/²", f"/api/records/{HUGE}", "/api/lists/٣"])
def test_the_api_answers_404_for_such_ids(client_as, path: str) -> None:
    """Objects are named by public ids (finding 16), so a number in their place names nothing."""
    assert client_as("admin").get(path).status_code == 404


@pytest.mark.parametrize("depth", [40, 200_000])
def test_json_nested_too_deep_is_a_400_that_says_so(client_as, depth: int) -> None:
    body = '{"left": 1, "right": 2, "decision": "same", "note": ' + "[" * depth + "]" * depth + "}"
    response = client_as("reviewer").post("/api/review/decisions", body, content_type="application/json")
    assert response.status_code == 400
    assert "JSON nested deeper than 32 levels" in response.json()["detail"]


@pytest.mark.pure
def test_brackets_inside_strings_do_not_count() -> None:
    too_deep = api_main.json_too_deep
    assert not too_deep(b'{"note": "' + b"[" * 1000 + b'"}')
    assert not too_deep(b'{"a": "\\"[[[[", "b": [[1]]}', limit=3)
    assert too_deep(b"[" * 4 + b"]" * 4, limit=3)
