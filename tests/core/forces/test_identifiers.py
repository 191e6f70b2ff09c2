"""Military-unit numbers in every form sources write them come to one key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tergeu.core.forces import bare_identifier, find_identifiers, identifier_key, is_identifier_key

pytestmark = pytest.mark.pure

FORMS_OF_30417 = [
    "в/ч 30417", "В/Ч 30417", "в/ч-30417", "в.ч. 30417", "вч 30417", "в/ч №30417", "войсковая часть 30417",
    "войсковой части № 30417", "воинская часть 30417", "әскери бөлім 30417", "30417 әскери бөлімі",
    "30417-ші әскери бөлім", "ә/б 30417", "Ә/Б 30417", "ә.б. 30417", "аскери болим 30417", "askeri bolim 30417",
    "MU 30417", "m/u 30417", "M/U 30417", "m.u. 30417", "MILITARY UNIT 30417", "Military Unit No. 30417",
    "military unit #30417", "v/ch 30417", "в/ч 030417",
]


@pytest.mark.parametrize("text", FORMS_OF_30417)
def test_it_reads_every_form_to_one_key(text: str) -> None:
    assert identifier_key(text) == "mu:30417"


@pytest.mark.parametrize(("text", "key"), [
    ("ә/б 30417-1", "mu:30417-1"), ("в/ч 3656-А", "mu:3656-a"), ("MU 3656-A", "mu:3656-a"),
    ("30417-1 әскери бөлімі", "mu:30417-1"),
])
def test_it_keeps_a_detachment_suffix_apart(text: str, key: str) -> None:
    assert identifier_key(text) == key
    assert key != "mu:30417"


@pytest.mark.parametrize("text", ["MUSTAFA 12345", "EMU 12345", "в/ч", "MU 12", "Steppe Guard Battalion",
                                  "2022-01-06", "вчера 30417"])
def test_it_reads_no_number_where_there_is_no_unit_number(text: str) -> None:
    assert identifier_key(text) is None


def test_it_finds_every_number_in_a_string_once_in_order() -> None:
    assert find_identifiers("в/ч 50212 и MU 30417, также войсковая часть 50212") == ["mu:50212", "mu:30417"]
    assert find_identifiers("MILITARY UNIT 30417,STEPBAT") == ["mu:30417"]


def test_a_bare_number_is_read_only_on_request_and_only_alone() -> None:
    assert identifier_key("50212") is None
    assert bare_identifier("50212") == "mu:50212"
    assert bare_identifier(" № 50212 ") == "mu:50212"
    assert bare_identifier("50212 MINISTRY") is None
    assert bare_identifier("12") is None


def test_a_stored_key_reads_as_itself() -> None:
    assert identifier_key("mu:30417") == "mu:30417"
    assert is_identifier_key("mu:30417-a") and not is_identifier_key("30417")


_PREFIXES = ["в/ч ", "войсковая часть ", "ә/б ", "MU ", "m/u ", "MILITARY UNIT ", "әскери бөлім "]


@given(st.integers(min_value=100, max_value=999_999), st.sampled_from(_PREFIXES))
def test_it_keys_any_number_with_any_prefix(number: int, prefix: str) -> None:
    assert identifier_key(f"{prefix}{number}") == f"mu:{number}"
    assert identifier_key(f"{number} әскери бөлімі") == f"mu:{number}"
