"""The master key on disk: created owner-only, refused when others may read it, rotated and backed up.

The key file is the one secret that turns a stolen database into readable identities, so it is held
to stricter rules than the data directory: created 0600 with ``O_EXCL`` (never readable by anyone
else, not even for a moment), and refused at load time when its mode lets the group or others read
it (an operator's ``chmod 644`` must stop the service, not be silently tolerated).

Rotation writes the new key beside the old one as ``<key file>.next`` first; the caller re-wraps
every data key in one database transaction and then :func:`finish_rotation` renames ``.next`` over
the key file. A crash between the two leaves both files, and :func:`load_keyring` reads both, so no
moment exists in which the data keys are wrapped by a key that is not on disk.

Backups are the key sealed by AES-256-GCM under a key stretched from a passphrase by scrypt, in a
small JSON document: without the passphrase the backup is as useless as the database.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .envelope import KEY_BYTES, NONCE_BYTES, MasterKey, ProtectionError

HEADER = "tergeu-master-key v1"
BACKUP_FORMAT = "tergeu-key-backup"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1  # 128 MiB: the backup opens every identity, offline for years
MIN_PASSPHRASE = 12


class KeyFileError(ProtectionError):
    """The key file is missing, unreadable, malformed or readable by others; the message names it."""


def _encode(master: MasterKey) -> str:
    return f"{HEADER}\n{base64.b64encode(master.secret).decode()}\n"


def write_key_file(path: Path, master: MasterKey) -> None:
    """Create ``path`` holding ``master``, mode 0600, in a 0700 folder; never overwrite an existing key."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"{path}: a key file already exists; it is never overwritten") from None
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(_encode(master))
        out.flush()
        os.fsync(out.fileno())


def create_key_file(path: Path) -> MasterKey:
    """A new random master key written to ``path`` (see :func:`write_key_file`)."""
    master = MasterKey.generate()
    write_key_file(path, master)
    return master


def load_key_file(path: Path) -> MasterKey:
    """The master key in ``path``; :class:`KeyFileError` naming the file on any problem."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        raise KeyFileError(f"{path}: the master key file is missing (set TERGEU_KEY_FILE, or restore it with "
                           "`tergeu keys restore`); protected identities cannot be read without it") from None
    if mode & 0o077:
        raise KeyFileError(f"{path}: the key file is readable by others (mode {mode:04o}); "
                           f"run `chmod 600 {path}` first")
    lines = path.read_text(encoding="ascii", errors="replace").splitlines()
    if len(lines) != 2 or lines[0] != HEADER:
        raise KeyFileError(f"{path}: not a Tergeu master key file (line 1 should read {HEADER!r})")
    try:
        secret = base64.b64decode(lines[1], validate=True)
    except ValueError:
        raise KeyFileError(f"{path}, line 2: the key is not valid base64") from None
    if len(secret) != KEY_BYTES:
        raise KeyFileError(f"{path}, line 2: the key is {len(secret)} bytes, not {KEY_BYTES}")
    return MasterKey(secret)


def pending_path(path: Path) -> Path:
    return path.with_name(path.name + ".next")


@dataclass(frozen=True)
class Keyring:
    """The current master key and, during an unfinished rotation, the next one."""

    current: MasterKey
    pending: MasterKey | None = None

    def by_id(self, key_id: bytes) -> MasterKey | None:
        return next((key for key in (self.current, self.pending) if key is not None and key.key_id == key_id), None)


def load_keyring(path: Path) -> Keyring:
    """The key file, and its ``.next`` when a rotation was interrupted after its new key was written."""
    nxt = pending_path(path)
    return Keyring(load_key_file(path), load_key_file(nxt) if nxt.exists() else None)


def start_rotation(path: Path) -> MasterKey:
    """Write a new master key to ``<path>.next`` (0600) and return it; the old key file stays."""
    load_key_file(path)  # the current key must be readable before a new one is made
    nxt = pending_path(path)
    if nxt.exists():
        return load_key_file(nxt)  # an interrupted rotation resumes with its own key
    return create_key_file(nxt)


def finish_rotation(path: Path, new: MasterKey | None = None) -> None:
    """Make ``<path>.next`` the key file (one atomic rename): call once every data key is re-wrapped.

    When a concurrent rotation with the same pending key already renamed it (``new`` is the key file
    now), there is nothing left to do.
    """
    try:
        os.replace(pending_path(path), path)
    except FileNotFoundError:
        if new is None or load_key_file(path).key_id != new.key_id:
            raise


def _stretch(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def backup_document(master: MasterKey, passphrase: str) -> str:
    """The key sealed under ``passphrase`` (scrypt, AES-256-GCM), as a JSON document."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError(f"the passphrase must be at least {MIN_PASSPHRASE} characters")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(_stretch(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, master.secret, BACKUP_FORMAT.encode())
    b64 = lambda raw: base64.b64encode(raw).decode()  # noqa: E731
    return json.dumps({"format": BACKUP_FORMAT, "version": 1, "key_id": master.key_id.hex(),
                       "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt)},
                       "cipher": "AES-256-GCM", "nonce": b64(nonce), "sealed_key": b64(sealed)}, indent=2) + "\n"


def restore_from_backup(document: str, passphrase: str, source: str = "backup") -> MasterKey:
    """The master key in a backup document; a clear error for a wrong passphrase or a damaged file."""
    try:
        data = json.loads(document)
        if data.get("format") != BACKUP_FORMAT or data.get("version") != 1:
            raise KeyFileError(f"{source}: not a Tergeu key backup (format {data.get('format')!r})")
        kdf = data["kdf"]
        key = _stretch(passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        secret = AESGCM(key).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed_key"]),
                                     BACKUP_FORMAT.encode())
    except InvalidTag:
        raise KeyFileError(f"{source}: wrong passphrase, or the backup was altered") from None
    except (ValueError, KeyError, TypeError, AttributeError) as problem:
        raise KeyFileError(f"{source}: damaged key backup ({type(problem).__name__}: {problem})") from None
    return MasterKey(secret)
