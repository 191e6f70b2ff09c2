"""Typed readers for the environment.

Tergeu is configured by environment variables only (``TERGEU_HOME``, ``DATABASE_URL``, ...), so the same
install runs as an air-gapped laptop tool or as a server. Secrets may come from ``NAME_FILE`` so they
never have to sit in a process listing or a shell history.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
DEFAULT_MAX_UPLOAD_MB = 200
SQLITE_FILE_NAME = "tergeu.sqlite3"  # settings.py's default database in TERGEU_HOME


def envbool(name: str, default: bool) -> bool:
    """Read a yes/no variable; refuse anything ambiguous instead of guessing."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name}={raw!r}: expected one of {sorted(TRUE_WORDS | FALSE_WORDS)}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r}: expected a whole number") from exc


def envsecret(name: str) -> str | None:
    """Return ``$NAME`` or the contents of the file named by ``$NAME_FILE``."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return None


def tergeu_home() -> Path:
    """The data directory: the SQLite database, the secret key, demo files and uploads live here."""
    raw = os.environ.get("TERGEU_HOME")
    home = Path(raw).expanduser() if raw else Path.home() / ".local" / "share" / "tergeu"
    return home.resolve()


def key_file(home: Path) -> Path:
    """The master key of protected identities (``TERGEU_KEY_FILE``; default ``TERGEU_HOME/keys/master.key``).

    It may live apart from the data directory (a removable disk, a mounted secret): the database alone
    must never be enough to read a witness's identity.
    """
    raw = os.environ.get("TERGEU_KEY_FILE", "").strip()
    return Path(raw).expanduser().resolve() if raw else home / "keys" / "master.key"


DEFAULT_TIME_ZONE = "Asia/Almaty"


def time_zone() -> str:
    """The time zone pages show times in (``TERGEU_TIME_ZONE``, an IANA name; default Asia/Almaty).

    Checked here, at start: a misspelt zone must stop the server, not show times in UTC unannounced.
    """
    import zoneinfo

    name = os.environ.get("TERGEU_TIME_ZONE", "").strip() or DEFAULT_TIME_ZONE
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as problem:
        raise ValueError(f"TERGEU_TIME_ZONE={name!r}: not a time zone name such as Asia/Almaty") from problem
    return name


def max_upload_bytes() -> int:
    """The largest list file an import accepts (``TERGEU_MAX_UPLOAD_MB``, default 200 MB).

    One limit for the web page, the API and ``tergeu import``: a file is read whole, so without it one
    upload could fill the memory or the disk of the machine that holds the registry.
    """
    megabytes = envint("TERGEU_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)
    if megabytes < 1:
        raise ValueError(f"TERGEU_MAX_UPLOAD_MB={megabytes}: expected at least 1")
    return megabytes * 1024 * 1024


def prepare_home(home: Path) -> Path:
    """Create the data directory readable by its owner only (0700), its files 0600, the database included.

    It holds the names of the dead, of torture victims and of witnesses, and the secret key: on a shared
    machine no other account may read them. An existing directory is tightened too (once created 0755 by
    an older version); a directory this account does not own is left as it is. The SQLite file is created
    here, empty and 0600, before SQLite would create it under the umask (usually 0644); SQLite gives its
    -wal and -shm files the database file's mode.
    """
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    _tighten(home, 0o700)
    for entry in home.iterdir():
        if entry.is_file() and not entry.is_symlink():
            _tighten(entry, 0o600)
    if not os.environ.get("DATABASE_URL"):
        database = home / SQLITE_FILE_NAME
        with contextlib.suppress(FileExistsError):
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return home


def _tighten(path: Path, mode: int) -> None:
    """Take group and other permissions away from ``path`` (never adds any); skip what is not ours."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode & 0o077:  # only group and other bits go: the owner keeps what it has
            path.chmod(current & ~0o077)
    except PermissionError:
        pass


def persistent_secret_key(home: Path) -> str:
    """Keep one random key per data directory so sessions survive restarts without a config step."""
    configured = envsecret("TERGEU_SECRET_KEY")
    if configured:
        return configured
    key_file = home / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    prepare_home(home)
    key = secrets.token_urlsafe(50)
    try:  # created 0600, never readable by others even for a moment; O_EXCL: a racing process's key wins
        handle = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text(encoding="utf-8").strip()
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(key)
    return key


def proxy_networks(spec: str) -> list[str]:
    """The reverse proxies of ``TERGEU_TRUSTED_PROXIES`` ("10.0.0.2, 10.1.0.0/16"), checked: a typo
    must stop the server at start, not fail every sign-in later."""
    import ipaddress

    parts = [part.strip() for part in spec.split(",") if part.strip()]
    for part in parts:
        try:
            ipaddress.ip_network(part, strict=False)
        except ValueError as problem:
            raise ValueError(f"TERGEU_TRUSTED_PROXIES={spec!r}: {problem}") from problem
    return [str(ipaddress.ip_network(part, strict=False)) for part in parts]
