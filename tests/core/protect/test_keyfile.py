"""The master key file: owner-only, refused when others may read it, rotated in two steps, backed up."""

from __future__ import annotations

import stat

import pytest

from tergeu.core.protect import (
    KeyFileError,
    backup_document,
    create_key_file,
    finish_rotation,
    load_key_file,
    load_keyring,
    pending_path,
    restore_from_backup,
    start_rotation,
)

PASSPHRASE = "correct horse battery staple"


def test_it_creates_the_key_owner_only_and_reads_it_back(tmp_path) -> None:
    path = tmp_path / "keys" / "master.key"
    master = create_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_key_file(path) == master
    with pytest.raises(KeyFileError, match="never overwritten"):
        create_key_file(path)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_it_refuses_a_key_file_others_may_read(tmp_path, mode: int) -> None:
    path = tmp_path / "master.key"
    create_key_file(path)
    path.chmod(mode)
    with pytest.raises(KeyFileError, match=f"readable by others \\(mode 0{mode:o}\\).*chmod 600"):
        load_key_file(path)


def test_a_missing_or_malformed_key_file_is_named(tmp_path) -> None:
    path = tmp_path / "master.key"
    with pytest.raises(KeyFileError, match=f"{path}: the master key file is missing"):
        load_key_file(path)
    path.write_text("tergeu-master-key v1\nnot base64!\n")
    path.chmod(0o600)
    with pytest.raises(KeyFileError, match="line 2: the key is not valid base64"):
        load_key_file(path)
    path.write_text("hello\n")
    with pytest.raises(KeyFileError, match="line 1"):
        load_key_file(path)


def test_a_rotation_keeps_both_keys_until_it_is_finished(tmp_path) -> None:
    path = tmp_path / "master.key"
    old = create_key_file(path)
    new = start_rotation(path)
    assert start_rotation(path) == new  # an interrupted rotation resumes with the same new key
    ring = load_keyring(path)
    assert (ring.current, ring.pending) == (old, new)
    assert ring.by_id(new.key_id) == new and ring.by_id(old.key_id) == old
    finish_rotation(path)
    assert load_key_file(path) == new and not pending_path(path).exists()
    assert load_keyring(path).pending is None


def test_a_backup_restores_only_with_its_passphrase(tmp_path) -> None:
    master = create_key_file(tmp_path / "master.key")
    document = backup_document(master, PASSPHRASE)
    assert master.secret.hex() not in document
    assert restore_from_backup(document, PASSPHRASE) == master
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        restore_from_backup(document, PASSPHRASE + "!")
    with pytest.raises(KeyFileError, match="damaged key backup"):
        restore_from_backup(document.replace('"nonce"', '"nonse"'), PASSPHRASE)
    with pytest.raises(KeyFileError, match="at least 12"):
        backup_document(master, "short")


def test_a_backup_is_stretched_hard_and_older_cheaper_backups_still_restore(monkeypatch) -> None:
    """The backup opens every identity and may sit offline for years (review 15, finding 11)."""
    import json

    from tergeu.core.protect import MasterKey, keyfile

    master = MasterKey.generate()
    kdf = json.loads(backup_document(master, PASSPHRASE))["kdf"]
    assert kdf["n"] >= 2**17 and kdf["r"] == 8
    monkeypatch.setattr(keyfile, "SCRYPT_N", 2**15)
    older = backup_document(master, PASSPHRASE)
    assert json.loads(older)["kdf"]["n"] == 2**15 and restore_from_backup(older, PASSPHRASE) == master
