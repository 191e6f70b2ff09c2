"""Protected identities: envelope encryption, a keyed blind index of names, and the master key file.

Pure computation over bytes and files handed in (no Django, no database): the ``witnesses`` app (and
later ``cases``) stores what these functions produce. See docs/security.md for the threat model.

* :class:`MasterKey`, :func:`new_data_key`, :func:`wrap_data_key`, :func:`unwrap_data_key`,
  :func:`rewrap` - a data key per person, wrapped by the master key.
* :func:`seal`, :func:`open_sealed`, :func:`field_context` - one field, bound to its table, row and field.
* :func:`blind_tokens` - HMAC tokens of a name's matching keys, for duplicate detection.
* :func:`create_key_file`, :func:`load_keyring`, :func:`start_rotation`, :func:`finish_rotation`,
  :func:`backup_document`, :func:`restore_from_backup` - the key file.
"""

from .blind import KINDS, blind_tokens
from .envelope import (
    ForgottenError,
    MasterKey,
    ProtectionError,
    TamperedError,
    WrongKeyError,
    field_context,
    new_data_key,
    open_sealed,
    rewrap,
    seal,
    unwrap_data_key,
    wrap_data_key,
    wrapped_key_id,
)
from .keyfile import (
    KeyFileError,
    Keyring,
    backup_document,
    create_key_file,
    finish_rotation,
    load_key_file,
    load_keyring,
    pending_path,
    restore_from_backup,
    start_rotation,
    write_key_file,
)

__all__ = [
    "KINDS",
    "ForgottenError",
    "KeyFileError",
    "Keyring",
    "MasterKey",
    "ProtectionError",
    "TamperedError",
    "WrongKeyError",
    "backup_document",
    "blind_tokens",
    "create_key_file",
    "field_context",
    "finish_rotation",
    "load_key_file",
    "load_keyring",
    "new_data_key",
    "open_sealed",
    "pending_path",
    "restore_from_backup",
    "rewrap",
    "seal",
    "start_rotation",
    "unwrap_data_key",
    "wrap_data_key",
    "wrapped_key_id",
    "write_key_file",
]
