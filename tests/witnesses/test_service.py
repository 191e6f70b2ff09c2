"""Adding, revealing and forgetting a protected person; what is stored is sealed and bound to its row."""

from __future__ import annotations

import pytest
from django.db import connection

from tergeu.accounts import roles
from tergeu.core.protect import ForgottenError, KeyFileError, TamperedError, WrongKeyError, create_key_file
from tergeu.witnesses import service
from tergeu.witnesses.access import visible_people
from tergeu.witnesses.models import BlindToken, Identity, ProtectedPerson, RevealLog
from witness_fixtures import CANARY

pytestmark = pytest.mark.django_db


def test_it_seals_the_identity_and_gives_a_random_pseudonym(witness) -> None:
    assert witness.pseudonym.startswith("W-") and len(witness.pseudonym) == 6
    stored = Identity.objects.get(person=witness)
    assert all(CANARY["name"].encode() not in bytes(getattr(stored, f)) for f in ("name", "contact", "notes"))
    assert BlindToken.objects.filter(person=witness).count() == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM witnesses_identity")
        assert "Canaryev" not in repr(cursor.fetchall())


def test_it_reveals_with_a_reason_and_logs_who_and_why(witness) -> None:
    identity = service.reveal(witness, actor="investigator-user", reason="checking the court file")
    assert identity == CANARY
    log = RevealLog.objects.get(person=witness)
    assert (log.actor, log.reason) == ("investigator-user", "checking the court file")
    with pytest.raises(service.ProtectionRefused, match="reason"):
        service.reveal(witness, actor="x", reason="because")
    assert RevealLog.objects.count() == 1


def test_it_refuses_an_identity_without_a_name_or_with_unknown_fields(master_key) -> None:
    with pytest.raises(service.ProtectionRefused, match="needs a name"):
        service.add_person({"contact": "x"}, by="test")
    with pytest.raises(service.ProtectionRefused, match="unknown identity fields passport"):
        service.add_person({"name": "Synthetic Person", "passport": "x"}, by="test")
    with pytest.raises(service.ProtectionRefused, match="JSON object"):
        service.add_person(["Synthetic Person"], by="test")
    assert not ProtectedPerson.objects.exists()


def test_it_finds_a_duplicate_in_another_script_without_storing_the_name(witness) -> None:
    cyrillic = service.add_person({"name": "Жанболат Синтетов"}, by="test")
    assert list(service.duplicates_of("Zhanbolat Sintetov", ProtectedPerson.objects.all())) == [cyrillic]
    assert list(service.duplicates_of("Sintetov Janbolat", ProtectedPerson.objects.filter(pk=witness.pk))) == []


def test_ciphertexts_swapped_between_people_or_altered_fail_on_read(witness) -> None:
    other = service.add_person({"name": "Synthetic Other"}, by="test")
    mine, theirs = Identity.objects.get(person=witness), Identity.objects.get(person=other)
    Identity.objects.filter(pk=mine.pk).update(name=theirs.name)
    with pytest.raises(TamperedError):
        service.reveal(witness, actor="x", reason="checking the swap")
    flipped = bytearray(bytes(theirs.contact or theirs.name))
    flipped[-1] ^= 1
    Identity.objects.filter(pk=theirs.pk).update(name=bytes(flipped))
    with pytest.raises(TamperedError):
        service.reveal(other, actor="x", reason="checking the flip")


def test_the_wrong_or_a_missing_key_file_fails_clearly(witness, settings, tmp_path) -> None:
    settings.TERGEU_KEY_FILE = tmp_path / "elsewhere" / "master.key"
    with pytest.raises(KeyFileError, match="elsewhere/master.key: the master key file is missing"):
        service.reveal(witness, actor="x", reason="without the key")
    create_key_file(settings.TERGEU_KEY_FILE)
    with pytest.raises(WrongKeyError, match=witness.key_id):
        service.reveal(witness, actor="x", reason="with another key")
    settings.TERGEU_KEY_FILE.chmod(0o644)
    with pytest.raises(KeyFileError, match="readable by others"):
        service.reveal(witness, actor="x", reason="with an open key file")


def test_forget_leaves_the_identity_unrecoverable_even_with_the_master_key(witness, master_key) -> None:
    from tergeu.core.protect import load_key_file, unwrap_data_key

    old_wrapped = bytes(witness.identity_key)  # as an old database backup would hold it
    service.forget(witness, by="test")
    with pytest.raises(WrongKeyError):  # the current key file cannot open the backup's copy
        unwrap_data_key(load_key_file(master_key), old_wrapped, f"{witness.public_id}/identity")
    witness.refresh_from_db()
    assert witness.forgotten_at is not None and bytes(witness.identity_key) == b""
    assert not Identity.objects.filter(person=witness).exists()
    assert not BlindToken.objects.filter(person=witness).exists()
    with pytest.raises(ForgottenError):
        service.reveal(witness, actor="x", reason="after forgetting")
    keys = service.person_keys(witness)
    assert keys.identity is None  # the record key survives, the identity key is gone


def test_rotation_rewraps_every_key_and_keeps_everything_readable(witness, master_key) -> None:
    from tergeu.core.protect import load_key_file, pending_path

    old = load_key_file(master_key)
    tokens_before = set(BlindToken.objects.values_list("token", flat=True))
    assert service.rotate_master_key() == 1
    witness.refresh_from_db()
    assert witness.key_id != old.key_id.hex() and not pending_path(master_key).exists()
    assert service.reveal(witness, actor="x", reason="after rotation")["name"] == CANARY["name"]
    assert tokens_before.isdisjoint(BlindToken.objects.values_list("token", flat=True))
    assert list(service.duplicates_of(CANARY["name"], ProtectedPerson.objects.all())) == [witness]


def test_only_granted_handlers_know_the_person_exists(witness, callers) -> None:
    assert list(visible_people(callers[roles.INVESTIGATOR].user)) == [witness]
    for role in (roles.ADMIN, roles.REVIEWER, roles.ANALYST, roles.EXPERT_MISSION, "nobody"):
        assert not visible_people(callers[role].user).exists(), role
