"""Typed readers for the environment.

Tergeu is configured by environment variables only (``TERGEU_HOME``, ``DATABASE_URL``, ...), so the same
install runs as an air-gapped laptop tool or as a server. Secrets may come from ``NAME_FILE`` so they
never have to sit in a process listing or a shell history.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


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


def persistent_secret_key(home: Path) -> str:
    """Keep one random key per data directory so sessions survive restarts without a config step."""
    configured = envsecret("TERGEU_SECRET_KEY")
    if configured:
        return configured
    key_file = home / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key
