"""The protected-identity service: master key from the key file, a person's keys, sealed fields.

Written for any app that keeps people whose identities must survive a stolen database (witnesses
here; victims and complainants in ``cases``): it knows rows only by table name and public id, never
by model. Every value is sealed with :func:`seal_value` and bound to (table, row, field); reading
one back needs the key file named by ``TERGEU_KEY_FILE`` and fails loudly, never with a fallback.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from tergeu.core.protect import (
    ForgottenError,
    Keyring,
    MasterKey,
    WrongKeyError,
    field_context,
    load_keyring,
    new_data_key,
    open_sealed,
    seal,
    unwrap_data_key,
    wrap_data_key,
    wrapped_key_id,
)

PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and copied by hand
PSEUDONYM_LENGTH = 4


def keyring() -> Keyring:
    """The master key (and a pending one mid-rotation) from the key file; ``KeyFileError`` naming it."""
    return load_keyring(settings.TERGEU_KEY_FILE)


def new_pseudonym(prefix: str) -> str:
    """A random pseudonym such as W-7F3K: never derived from the name, so it says nothing of it."""
    return f"{prefix}-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(PSEUDONYM_LENGTH))


@dataclass(frozen=True)
class PersonKeys:
    """A person's two data keys, unwrapped: ``identity`` is None once the identity was destroyed."""

    row_id: str
    identity: bytes | None
    records: bytes


@dataclass(frozen=True)
class WrappedKeys:
    identity: bytes
    records: bytes
    key_id: str


def _slot(row_id: str, purpose: str) -> str:
    return f"{row_id}/{purpose}"


def new_person_keys(row_id: str, master: MasterKey | None = None) -> tuple[PersonKeys, WrappedKeys]:
    """Fresh data keys for the person ``row_id`` (their public id), and the same wrapped for storage."""
    master = master or keyring().current
    keys = PersonKeys(row_id, new_data_key(), new_data_key())
    return keys, wrap_keys(master, keys)


def wrap_keys(master: MasterKey, keys: PersonKeys) -> WrappedKeys:
    identity = wrap_data_key(master, keys.identity, _slot(keys.row_id, "identity")) if keys.identity else b""
    return WrappedKeys(identity, wrap_data_key(master, keys.records, _slot(keys.row_id, "records")),
                       master.key_id.hex())


def open_person_keys(row_id: str, wrapped: WrappedKeys, ring: Keyring | None = None) -> PersonKeys:
    """Unwrap a person's keys with whichever key of the keyring wrapped them."""
    ring = ring or keyring()
    records = bytes(wrapped.records)
    master = ring.by_id(wrapped_key_id(records))
    if master is None:
        raise WrongKeyError(f"the data keys of this person were wrapped by master key {wrapped.key_id}, but the key "
                            f"file {settings.TERGEU_KEY_FILE} holds {ring.current.key_id.hex()}")
    identity = bytes(wrapped.identity)
    return PersonKeys(row_id, unwrap_data_key(master, identity, _slot(row_id, "identity")) if identity else None,
                      unwrap_data_key(master, records, _slot(row_id, "records")))


def seal_value(key: bytes, table: str, row_id: str, field: str, value: Any) -> bytes:
    """``value`` (any JSON value) sealed for one field of one row."""
    plain = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return seal(key, plain, field_context(table, row_id, field))


def open_value(key: bytes | None, table: str, row_id: str, field: str, sealed: bytes) -> Any:
    """The value :func:`seal_value` sealed; ``None`` for a field never filled; errors when tampered."""
    if key is None:
        raise ForgottenError("this identity was destroyed (forget); it cannot be recovered")
    sealed = bytes(sealed)
    if not sealed:
        return None
    return json.loads(open_sealed(key, sealed, field_context(table, row_id, field)).decode("utf-8"))


def files_folder(row_id: str) -> Path:
    """Where a protected person's encrypted files live: ``TERGEU_HOME/protected/<public id>`` (0700)."""
    return Path(settings.TERGEU_HOME) / "protected" / row_id


def write_sealed_file(row_id: str, name: str, sealed: bytes) -> None:
    """Write a sealed file whole (a temporary file, 0600, renamed when complete) or not at all."""
    folder = files_folder(row_id)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".part-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(sealed)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def delete_files(row_id: str) -> None:
    """Remove every encrypted file of a person (forget)."""
    folder = files_folder(row_id)
    if folder.exists():
        for entry in folder.iterdir():
            entry.unlink()
        folder.rmdir()
