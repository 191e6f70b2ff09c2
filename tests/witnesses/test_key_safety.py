"""Rotation and forget against concurrent adds and failures (review of issue 15, findings 1, 2, 13)."""

from __future__ import annotations

import pytest

from tergeu.core.protect import (
    WrongKeyError,
    field_context,
    load_key_file,
    open_sealed,
    pending_path,
    start_rotation,
    unwrap_data_key,
)
from tergeu.witnesses import service
from tergeu.witnesses.models import Identity, ProtectedPerson
from witness_fixtures import CANARY

pytestmark = pytest.mark.django_db


def _names(people: list[ProtectedPerson]) -> list[str]:
    return [service.reveal(ProtectedPerson.objects.get(pk=person.pk), actor="t", reason="checking the keys")["name"]
            for person in people]


def test_a_person_added_between_commit_and_rename_survives_the_rotation(witness, monkeypatch) -> None:
    """Another process adding a witness just before the key file is replaced must not lose them."""
    real_finish, late = service.finish_rotation, {}

    def racing_finish(path, new=None):
        late["person"] = service.add_person({"name": "Synthetic Latecomer"}, by="other")
        real_finish(path, new)

    monkeypatch.setattr(service, "finish_rotation", racing_finish)
    service.rotate_master_key()
    assert _names([witness, late["person"]]) == [CANARY["name"], "Synthetic Latecomer"]


def test_a_person_added_mid_rotation_is_wrapped_under_the_key_that_will_remain(witness, master_key) -> None:
    new = start_rotation(master_key)  # an interrupted rotation: .next written, rename not done
    added = service.add_person({"name": "Synthetic Newcomer"}, by="other")
    assert added.key_id == new.key_id.hex()
    assert service.duplicates_of("Synthetic Newcomer", ProtectedPerson.objects.all()).get() == added
    assert service.duplicates_of(CANARY["name"], ProtectedPerson.objects.all()).get() == witness


def test_a_rotation_failing_midway_leaves_the_old_key_valid_for_every_row(witness, master_key, monkeypatch) -> None:
    other = service.add_person({"name": "Synthetic Second"}, by="t")
    old = load_key_file(master_key)
    real_wrap, calls = service.wrap_keys, []

    def failing_wrap(master, keys):
        calls.append(keys)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real_wrap(master, keys)

    monkeypatch.setattr(service, "wrap_keys", failing_wrap)
    with pytest.raises(OSError):
        service.rotate_master_key()
    assert set(ProtectedPerson.objects.values_list("key_id", flat=True)) == {old.key_id.hex()}
    pending_path(master_key).unlink()  # only the old key on disk: every row must still open
    assert _names([witness, other]) == [CANARY["name"], "Synthetic Second"]
    monkeypatch.setattr(service, "wrap_keys", real_wrap)
    assert service.rotate_master_key() == 2 and _names([witness, other])[1] == "Synthetic Second"


def test_a_second_rotation_finishing_first_does_not_crash_the_other(witness, master_key) -> None:
    new = start_rotation(master_key)
    service.rotate_master_key()  # renames .next: the first rotation's rename has nothing left to do
    service.finish_rotation(master_key, new)
    assert load_key_file(master_key).key_id == new.key_id


def test_forget_alone_makes_an_old_backup_of_the_identity_useless(witness, master_key) -> None:
    """The old wrapped identity key and sealed name, as a backup holds them, tried with the current key."""
    old_wrapped = bytes(witness.identity_key)
    old_name = bytes(Identity.objects.get(person=witness).name)
    old_master = load_key_file(master_key)
    service.forget(witness, by="test")
    current = load_key_file(master_key)
    assert current.key_id != old_master.key_id and not pending_path(master_key).exists()
    with pytest.raises(WrongKeyError):
        unwrap_data_key(current, old_wrapped, f"{witness.public_id}/identity")
    # the copy was genuine: the destroyed old key would have opened it
    key = unwrap_data_key(old_master, old_wrapped, f"{witness.public_id}/identity")
    assert CANARY["name"] in open_sealed(key, old_name, field_context("witnesses_identity", witness.public_id,
                                                                      "name")).decode()


def test_forget_that_cannot_rotate_forgets_nothing(witness, callers) -> None:
    other = service.add_person({"name": "Synthetic Damaged"}, by="t")
    damaged = bytearray(other.record_key)
    damaged[-1] ^= 1
    ProtectedPerson.objects.filter(pk=other.pk).update(record_key=bytes(damaged))
    with pytest.raises(service.ProtectionRefused, match="nothing was forgotten"):
        service.forget(witness, by="test")
    witness.refresh_from_db()
    assert witness.forgotten_at is None and _names([witness]) == [CANARY["name"]]


def test_forget_whose_key_file_cannot_be_replaced_says_it_is_incomplete(witness, monkeypatch) -> None:
    def no_rename(path, new=None):
        raise PermissionError("read-only key folder (simulated)")

    monkeypatch.setattr(service, "finish_rotation", no_rename)
    with pytest.raises(service.ForgetIncomplete, match="tergeu keys rotate"):
        service.forget(witness, by="test")


@pytest.mark.django_db(transaction=True)
def test_an_add_running_alongside_a_rotation_waits_for_it_and_is_not_lost(callers, master_key) -> None:
    """Two real connections: the rotation has re-wrapped everyone and not committed yet when another
    process adds a person. Without the shared lock the add commits under the old key and is lost."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers already; the race needs PostgreSQL's concurrent writers")
    service.add_person({"name": "Synthetic Before"}, by="t")
    rewrapped, added, made = threading.Event(), threading.Event(), {}
    real_rewrap = service._rewrap_everyone

    def rewrap_then_wait(new):
        count = real_rewrap(new)
        rewrapped.set()
        added.wait(timeout=2)  # with the lock the add cannot finish meanwhile: the wait ends by timeout
        return count

    def add_meanwhile():
        rewrapped.wait(timeout=10)
        try:
            made["person"] = service.add_person({"name": "Synthetic Meanwhile"}, by="other")
        finally:
            added.set()
            connections.close_all()

    adder = threading.Thread(target=add_meanwhile)
    adder.start()
    try:
        service._rewrap_everyone = rewrap_then_wait
        service.rotate_master_key()
    finally:
        service._rewrap_everyone = real_rewrap
        adder.join(timeout=30)
    assert _names([made["person"]]) == ["Synthetic Meanwhile"]
