"""Envelope encryption of protected fields: a data key per person, wrapped by the master key.

Why envelopes: the master key lives outside the database (a file the operator guards), so a stolen
database or dump holds only ciphertext. Each protected person has a random 256-bit data key; every
field of theirs is sealed with it by AES-256-GCM, and the data key itself is stored wrapped (sealed
by a key derived from the master key). Rotating the master key re-wraps the small data keys and
never touches the fields; destroying one person's wrapped data key ("forget") makes their fields
unreadable for good, even to someone holding the master key and an old copy of the fields.

Every ciphertext is bound to where it belongs by associated data (the table, the row's public id and
the field name): a ciphertext copied to another row or field fails authentication on read instead of
decrypting into the wrong person's identity. A flipped byte fails the same way. Failures raise
:class:`ProtectionError` subclasses; nothing here ever returns unauthenticated bytes.

Format (version 1), all bytes: ``0x01 | nonce (12) | AES-GCM ciphertext and tag``. A wrapped key is
``0x01 | key id (8) | nonce (12) | sealed data key``: the key id says which master key wrapped it, so
a wrong key file is reported as such, not as "corrupt data".
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 8
_WRAP_INFO = b"tergeu/protect/v1/wrap"
_INDEX_INFO = b"tergeu/protect/v1/blind-index"
_ID_INFO = b"tergeu/protect/v1/key-id"


class ProtectionError(Exception):
    """A protected value could not be read or written; the message never contains the value."""


class TamperedError(ProtectionError):
    """The ciphertext failed authentication: altered, truncated, or moved to another row or field."""


class WrongKeyError(ProtectionError):
    """The data key was wrapped by another master key than the one loaded."""


class ForgottenError(ProtectionError):
    """The person's data key was destroyed: their identity can no longer be read by anyone."""


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(master)


@dataclass(frozen=True)
class MasterKey:
    """The operator's secret: 32 random bytes kept in the key file, never in the database.

    It is never used directly: HKDF derives one subkey to wrap data keys, one for the blind index and
    one for the public key id, so no two uses share a key.
    """

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ProtectionError(f"a master key is {KEY_BYTES} bytes, not {len(self.secret)}")

    @classmethod
    def generate(cls) -> MasterKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def key_id(self) -> bytes:
        """A public fingerprint (8 bytes) naming this key in wrapped keys and error messages."""
        return _derive(self.secret, _ID_INFO)[:KEY_ID_BYTES]

    @property
    def wrapping_key(self) -> bytes:
        return _derive(self.secret, _WRAP_INFO)

    @property
    def index_key(self) -> bytes:
        return _derive(self.secret, _INDEX_INFO)


def field_context(table: str, row_id: str, field_name: str) -> bytes:
    """The associated data binding a ciphertext to one field of one row (lengths prefixed, unambiguous)."""
    parts = [b"tergeu/field/v1", table.encode(), row_id.encode(), field_name.encode()]
    return b"".join(len(part).to_bytes(2, "big") + part for part in parts)


def _key_context(row_id: str) -> bytes:
    return field_context("wrapped-key", row_id, "data_key")


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def seal(data_key: bytes, plaintext: bytes, context: bytes) -> bytes:
    """Encrypt and authenticate ``plaintext`` for the place ``context`` names (see :func:`field_context`)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return bytes([FORMAT_VERSION]) + nonce + AESGCM(data_key).encrypt(nonce, plaintext, context)


def open_sealed(data_key: bytes, sealed: bytes, context: bytes) -> bytes:
    """The plaintext of :func:`seal`'s output; :class:`TamperedError` when anything does not match."""
    if len(sealed) < 1 + NONCE_BYTES + 16:
        raise TamperedError("the protected value is truncated")
    if sealed[0] != FORMAT_VERSION:
        raise TamperedError(f"unknown format version {sealed[0]} of a protected value")
    nonce, body = sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:]
    try:
        return AESGCM(data_key).decrypt(nonce, body, context)
    except InvalidTag:
        raise TamperedError("a protected value failed authentication (altered, or moved from another "
                            "row or field)") from None


def wrap_data_key(master: MasterKey, data_key: bytes, row_id: str) -> bytes:
    """The data key sealed under ``master`` and bound to the person ``row_id``."""
    return bytes([FORMAT_VERSION]) + master.key_id + seal(master.wrapping_key, data_key, _key_context(row_id))[1:]


def wrapped_key_id(wrapped: bytes) -> bytes:
    """Which master key wrapped this data key (its key id)."""
    if not wrapped:
        raise ForgottenError("this person's data key was destroyed; the identity cannot be recovered")
    return wrapped[1:1 + KEY_ID_BYTES]


def unwrap_data_key(master: MasterKey, wrapped: bytes, row_id: str) -> bytes:
    """The data key of ``row_id``; :class:`WrongKeyError` when another master key wrapped it."""
    key_id = wrapped_key_id(wrapped)
    if wrapped[0] != FORMAT_VERSION:
        raise TamperedError(f"unknown format version {wrapped[0]} of a wrapped key")
    if not hmac.compare_digest(key_id, master.key_id):
        raise WrongKeyError(f"the data key was wrapped by master key {key_id.hex()}, but the key file holds "
                            f"{master.key_id.hex()}")
    sealed = bytes([FORMAT_VERSION]) + wrapped[1 + KEY_ID_BYTES:]
    return open_sealed(master.wrapping_key, sealed, _key_context(row_id))


def rewrap(old: MasterKey, new: MasterKey, wrapped: bytes, row_id: str) -> bytes:
    """The same data key wrapped under ``new`` instead of ``old`` (a forgotten person stays forgotten)."""
    if not wrapped:
        return wrapped
    return wrap_data_key(new, unwrap_data_key(old, wrapped, row_id), row_id)
