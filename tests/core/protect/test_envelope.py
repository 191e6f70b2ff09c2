"""Field encryption under a wrapped data key: round trip, and every kind of misuse fails loudly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tergeu.core.protect import (
    ForgottenError,
    MasterKey,
    TamperedError,
    WrongKeyError,
    field_context,
    new_data_key,
    open_sealed,
    rewrap,
    seal,
    unwrap_data_key,
    wrap_data_key,
)

NAME = "Синтетов Тестбек Ойданов救".encode()


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000), st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_it_round_trips_any_bytes(plain: bytes, row: str, field: str) -> None:
    key = new_data_key()
    assert open_sealed(key, seal(key, plain, field_context("t", row, field)), field_context("t", row, field)) == plain


def test_the_ciphertext_holds_no_plaintext_and_differs_each_time() -> None:
    key, context = new_data_key(), field_context("identity", "W-AAAA", "name")
    first, second = seal(key, NAME, context), seal(key, NAME, context)
    assert NAME not in first and first != second and first[0] == 1


@pytest.mark.parametrize("elsewhere", [("identity", "W-BBBB", "name"), ("identity", "W-AAAA", "contact"),
                                       ("statement", "W-AAAA", "name")],
                         ids=["other row", "other field", "other table"])
def test_a_ciphertext_moved_to_another_row_field_or_table_is_refused(elsewhere) -> None:
    key = new_data_key()
    sealed = seal(key, NAME, field_context("identity", "W-AAAA", "name"))
    with pytest.raises(TamperedError, match="moved from another"):
        open_sealed(key, sealed, field_context(*elsewhere))


def test_one_flipped_byte_anywhere_is_detected() -> None:
    key, context = new_data_key(), field_context("identity", "W-AAAA", "name")
    sealed = seal(key, NAME, context)
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        with pytest.raises(TamperedError):
            open_sealed(key, bytes(damaged), context)


def test_a_truncated_value_is_refused() -> None:
    key, context = new_data_key(), field_context("identity", "W-AAAA", "name")
    with pytest.raises(TamperedError, match="truncated"):
        open_sealed(key, seal(key, b"", context)[:20], context)


def test_a_wrapped_key_opens_only_under_its_master_key_and_for_its_row() -> None:
    master, other = MasterKey.generate(), MasterKey.generate()
    data_key = new_data_key()
    wrapped = wrap_data_key(master, data_key, "W-AAAA")
    assert data_key not in wrapped
    assert unwrap_data_key(master, wrapped, "W-AAAA") == data_key
    with pytest.raises(WrongKeyError, match=master.key_id.hex()):
        unwrap_data_key(other, wrapped, "W-AAAA")
    with pytest.raises(TamperedError):
        unwrap_data_key(master, wrapped, "W-BBBB")  # a wrapped key swapped onto another person


def test_rewrapping_keeps_the_data_key_and_drops_the_old_master() -> None:
    old, new = MasterKey.generate(), MasterKey.generate()
    data_key = new_data_key()
    moved = rewrap(old, new, wrap_data_key(old, data_key, "W-AAAA"), "W-AAAA")
    assert unwrap_data_key(new, moved, "W-AAAA") == data_key
    with pytest.raises(WrongKeyError):
        unwrap_data_key(old, moved, "W-AAAA")


def test_a_destroyed_data_key_cannot_be_recovered_even_with_the_master_key() -> None:
    master = MasterKey.generate()
    data_key = new_data_key()
    sealed = seal(data_key, NAME, field_context("identity", "W-AAAA", "name"))
    backup_copy = wrap_data_key(master, data_key, "W-AAAA")  # what an old database backup still holds
    del data_key  # forget: the live row's wrapped key is blanked ...
    with pytest.raises(ForgottenError):
        unwrap_data_key(master, b"", "W-AAAA")
    rotated = MasterKey.generate()  # ... and the master key replaced in the same step
    with pytest.raises(WrongKeyError):
        unwrap_data_key(rotated, backup_copy, "W-AAAA")
    with pytest.raises(TamperedError):  # nor does the master key (or any key derived from it) open the field
        open_sealed(master.wrapping_key, sealed, field_context("identity", "W-AAAA", "name"))
    assert rewrap(master, MasterKey.generate(), b"", "W-AAAA") == b""


def test_a_master_key_is_thirty_two_bytes_and_never_printed() -> None:
    master = MasterKey.generate()
    assert master.secret.hex() not in repr(master)
    with pytest.raises(Exception, match="32 bytes"):
        MasterKey(b"short")
