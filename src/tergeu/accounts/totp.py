"""RFC 6238 time-based one-time passwords (the 6-digit codes of authenticator apps), standard library only."""

from __future__ import annotations

import base64
import hmac
import secrets
import struct
import time
from urllib.parse import quote

STEP_SECONDS = 30
DIGITS = 6


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def code_at(secret: str, moment: float) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(moment // STEP_SECONDS))
    digest = hmac.new(key, counter, "sha1").digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def matching_step(secret: str, code: str, moment: float | None = None, window: int = 1) -> int | None:
    """The 30-second step whose code ``code`` is, within ``window`` steps of now (clock drift); else None."""
    now = time.time() if moment is None else moment
    code = "".join(code.split())
    for offset in range(-window, window + 1):
        step_moment = now + offset * STEP_SECONDS
        if hmac.compare_digest(code_at(secret, step_moment), code):
            return int(step_moment // STEP_SECONDS)
    return None


def verify(secret: str, code: str, moment: float | None = None, window: int = 1) -> bool:
    """Accept the code of this 30-second step or of ``window`` steps either side (clock drift)."""
    return matching_step(secret, code, moment, window) is not None


def provisioning_uri(secret: str, account: str, issuer: str = "Tergeu") -> str:
    return f"otpauth://totp/{quote(issuer)}:{quote(account)}?secret={secret}&issuer={quote(issuer)}"
